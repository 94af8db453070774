import type { PageContext } from '@/lib/core/page-context';
import type { DetectorExamples } from '@/lib/providers/contracts';
import { matchPath, numericIdPattern, pageUrl } from '@/lib/providers/url-patterns';

export const pinpointMatches = ['https://*.pinpointhq.com/*'];

const tenantHost = /^[a-z0-9-]+\.pinpointhq\.com$/;
const nonTenantHosts = new Set(['www.pinpointhq.com', 'developers.pinpointhq.com']);

/**
 * `https://<subdomain>.pinpointhq.com` admin URLs (shared/reference/pinpoint-api.md §4): the application view
 * `/admin/jobs/<jobId>/applications/<applicationId>`, also opened from a stage column as
 * `/admin/jobs/<jobId>/stages/<stageId>/applications/<applicationId>`. Pinpoint's scorecard page has no public URL
 * shape, so its feedback form is found by the form's structure (a later issue), not here.
 */
export function detectPinpointPage(url: URL): PageContext | null {
  if (url.protocol !== 'https:' || !tenantHost.test(url.hostname) || nonTenantHosts.has(url.hostname)) return null;
  const application = matchPath(
    url,
    `/admin/jobs/(${numericIdPattern})(?:/stages/(${numericIdPattern}))?/applications/(${numericIdPattern})`,
  );
  if (!application?.[1] || !application[3]) return null;
  return {
    site: 'pinpoint',
    kind: 'candidate',
    url: pageUrl(url),
    jobId: application[1],
    applicationId: application[3],
    ...(application[2] ? { stageId: application[2] } : {}),
  };
}

export const pinpointPageExamples: DetectorExamples = {
  recognised: [
    {
      url: 'https://acme.pinpointhq.com/admin/jobs/4821/applications/99123',
      expected: {
        site: 'pinpoint',
        kind: 'candidate',
        url: 'https://acme.pinpointhq.com/admin/jobs/4821/applications/99123',
        jobId: '4821',
        applicationId: '99123',
      },
    },
    {
      url: 'https://acme-uk.pinpointhq.com/admin/jobs/4821/stages/311/applications/99123?tab=comments',
      expected: {
        site: 'pinpoint',
        kind: 'candidate',
        url: 'https://acme-uk.pinpointhq.com/admin/jobs/4821/stages/311/applications/99123',
        jobId: '4821',
        stageId: '311',
        applicationId: '99123',
      },
    },
  ],
  ignored: [
    'https://acme.pinpointhq.com/admin/jobs/4821/applications',
    'https://acme.pinpointhq.com/admin/jobs/4821/stages/311/applications',
    'https://acme.pinpointhq.com/en/jobs/4821',
    'https://acme.pinpointhq.com/en/jobs/4821/applications/new',
    'https://acme.pinpointhq.com/postings.json',
    'https://www.pinpointhq.com/admin/jobs/4821/applications/99123',
  ],
};
