import type { Page } from '@playwright/test';
import { demo } from '../sandbox/seed';

export interface SiteCase {
  site: 'ashby' | 'lever' | 'pinpoint' | 'linkedin';
  label: string;
  kind: string;
  /** A recognised page, what the panel shows for it, and one of its ids. */
  page: { url: string; idTestId: string; id: string };
  /** A second recognised page, reached by in-app navigation. */
  other: { path: string; id: string };
  /** A page of the same host that is nothing. */
  nothing: { url: string; path: string };
}

const pinpointOrigin = `https://${demo.pinpoint.subdomain}.pinpointhq.com`;

export const siteCases: SiteCase[] = [
  {
    site: 'ashby',
    label: 'Ashby',
    kind: 'Candidate',
    page: {
      url: `https://app.ashbyhq.com/candidates/${demo.ashby.candidateId}`,
      idTestId: 'page-id-candidate',
      id: demo.ashby.candidateId,
    },
    other: { path: `/candidates/${demo.ashby.secondCandidateId}`, id: demo.ashby.secondCandidateId },
    nothing: { url: 'https://app.ashbyhq.com/', path: '/' },
  },
  {
    site: 'lever',
    label: 'Lever',
    kind: 'Candidate',
    page: {
      url: `https://hire.lever.co/candidates/${demo.lever.candidateId}`,
      idTestId: 'page-id-candidate',
      id: demo.lever.candidateId,
    },
    other: { path: `/candidates/${demo.lever.secondCandidateId}`, id: demo.lever.secondCandidateId },
    nothing: { url: 'https://hire.lever.co/jobs', path: '/jobs' },
  },
  {
    site: 'pinpoint',
    label: 'Pinpoint',
    kind: 'Candidate',
    page: {
      url: `${pinpointOrigin}/admin/jobs/${demo.pinpoint.jobId}/applications/${demo.pinpoint.applicationId}`,
      idTestId: 'page-id-application',
      id: demo.pinpoint.applicationId,
    },
    other: {
      path: `/admin/jobs/${demo.pinpoint.jobId}/applications/${demo.pinpoint.secondApplicationId}`,
      id: demo.pinpoint.secondApplicationId,
    },
    nothing: {
      url: `${pinpointOrigin}/admin/jobs/${demo.pinpoint.jobId}/applications`,
      path: `/admin/jobs/${demo.pinpoint.jobId}/applications`,
    },
  },
  {
    site: 'linkedin',
    label: 'LinkedIn',
    kind: 'Profile',
    page: {
      url: `https://www.linkedin.com/in/${demo.linkedin.slug}/`,
      idTestId: 'page-id-profile',
      id: demo.linkedin.slug,
    },
    other: { path: `/in/${demo.linkedin.secondSlug}/`, id: demo.linkedin.secondSlug },
    nothing: { url: 'https://www.linkedin.com/feed/', path: '/feed/' },
  },
];

/**
 * Navigates the way the app itself does: a click on an in-app link, which the page's router turns into
 * `history.pushState` (no reload). The marker proves the document was not reloaded.
 */
export async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((href) => {
    const link = document.createElement('a');
    link.href = href;
    link.setAttribute('data-spa-link', '');
    document.body.append(link);
    link.click();
    link.remove();
  }, path);
  await page.waitForURL((url) => url.pathname === new URL(path, 'https://x.invalid').pathname);
}

export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { sidecarTestMarker: true }));
}

export async function documentWasKept(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { sidecarTestMarker?: boolean }).sidecarTestMarker === true);
}
