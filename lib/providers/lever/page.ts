import type { PageContext } from '@/lib/core/page-context';
import type { DetectorExamples } from '@/lib/providers/contracts';
import { matchPath, pageUrl, uuidPattern } from '@/lib/providers/url-patterns';

export const leverMatches = ['https://hire.lever.co/*'];

/**
 * hire.lever.co URLs (shared/reference/lever-api.md §9):
 * - candidate `/candidates/<opportunityId>` (equals `opportunity.urls.show`); file and resume downloads below it are not pages;
 * - feedback `/interviews/<id>`, the "leave feedback" link of interview invites.
 * Extra segments after the candidate id are unconfirmed, so only the bare record path counts.
 */
export function detectLeverPage(url: URL): PageContext | null {
  if (url.protocol !== 'https:' || url.hostname !== 'hire.lever.co') return null;
  const candidate = matchPath(url, `/candidates/(${uuidPattern})`);
  if (candidate?.[1]) return { site: 'lever', kind: 'candidate', url: pageUrl(url), candidateId: candidate[1] };
  const interview = matchPath(url, `/interviews/(${uuidPattern})`);
  if (interview?.[1]) return { site: 'lever', kind: 'feedback', url: pageUrl(url), interviewId: interview[1] };
  return null;
}

export const leverPageExamples: DetectorExamples = {
  recognised: [
    {
      url: 'https://hire.lever.co/candidates/250d8f03-738a-4bba-a671-8a3d73477145',
      expected: {
        site: 'lever',
        kind: 'candidate',
        url: 'https://hire.lever.co/candidates/250d8f03-738a-4bba-a671-8a3d73477145',
        candidateId: '250d8f03-738a-4bba-a671-8a3d73477145',
      },
    },
    {
      url: 'https://hire.lever.co/candidates/250d8f03-738a-4bba-a671-8a3d73477145?lever-source=email',
      expected: {
        site: 'lever',
        kind: 'candidate',
        url: 'https://hire.lever.co/candidates/250d8f03-738a-4bba-a671-8a3d73477145',
        candidateId: '250d8f03-738a-4bba-a671-8a3d73477145',
      },
    },
    {
      url: 'https://hire.lever.co/interviews/d6b1d2c7-4a4e-4c3a-8f0b-9e2a1c3d4e5f',
      expected: {
        site: 'lever',
        kind: 'feedback',
        url: 'https://hire.lever.co/interviews/d6b1d2c7-4a4e-4c3a-8f0b-9e2a1c3d4e5f',
        interviewId: 'd6b1d2c7-4a4e-4c3a-8f0b-9e2a1c3d4e5f',
      },
    },
  ],
  ignored: [
    'https://hire.lever.co/',
    'https://hire.lever.co/candidates',
    'https://hire.lever.co/candidates/250d8f03-738a-4bba-a671-8a3d73477145/resumes/6d7e8f90-1a2b-4c3d-8e4f-5a6b7c8d9e0f/download',
    'https://hire.lever.co/jobs/postings/edit/f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9',
    'https://hire.lever.co/developer/documentation',
    'https://jobs.lever.co/acme/f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9',
  ],
};
