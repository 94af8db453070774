import type { PageContext } from '@/lib/core/page-context';
import type { DetectorExamples } from '@/lib/providers/contracts';
import { matchPath, pageUrl, uuidPattern } from '@/lib/providers/url-patterns';

export const ashbyMatches = ['https://app.ashbyhq.com/*'];

/**
 * Ashby web-app URLs (shared/reference/ashby-api.md §9):
 * - candidate profile `/candidates/<candidateId>` (the API's `candidate.profileUrl`);
 * - scorecard `/interview-briefings/<id>/feedback` (the API's `feedbackLink`; the id is very likely the interview event).
 */
export function detectAshbyPage(url: URL): PageContext | null {
  if (url.protocol !== 'https:' || url.hostname !== 'app.ashbyhq.com') return null;
  const candidate = matchPath(url, `/candidates/(${uuidPattern})`);
  if (candidate?.[1]) return { site: 'ashby', kind: 'candidate', url: pageUrl(url), candidateId: candidate[1] };
  const feedback = matchPath(url, `/interview-briefings/(${uuidPattern})/feedback`);
  if (feedback?.[1]) return { site: 'ashby', kind: 'feedback', url: pageUrl(url), interviewId: feedback[1] };
  return null;
}

export const ashbyPageExamples: DetectorExamples = {
  recognised: [
    {
      url: 'https://app.ashbyhq.com/candidates/0c6b5e3c-7a9f-4d42-9f0e-3b1f6f0c2a11',
      expected: {
        site: 'ashby',
        kind: 'candidate',
        url: 'https://app.ashbyhq.com/candidates/0c6b5e3c-7a9f-4d42-9f0e-3b1f6f0c2a11',
        candidateId: '0c6b5e3c-7a9f-4d42-9f0e-3b1f6f0c2a11',
      },
    },
    {
      url: 'https://app.ashbyhq.com/candidates/0c6b5e3c-7a9f-4d42-9f0e-3b1f6f0c2a11/?tab=activity#notes',
      expected: {
        site: 'ashby',
        kind: 'candidate',
        url: 'https://app.ashbyhq.com/candidates/0c6b5e3c-7a9f-4d42-9f0e-3b1f6f0c2a11/',
        candidateId: '0c6b5e3c-7a9f-4d42-9f0e-3b1f6f0c2a11',
      },
    },
    {
      url: 'https://app.ashbyhq.com/interview-briefings/5d1e7a2b-8c3f-4e6a-b9d0-1f2a3b4c5d6e/feedback',
      expected: {
        site: 'ashby',
        kind: 'feedback',
        url: 'https://app.ashbyhq.com/interview-briefings/5d1e7a2b-8c3f-4e6a-b9d0-1f2a3b4c5d6e/feedback',
        interviewId: '5d1e7a2b-8c3f-4e6a-b9d0-1f2a3b4c5d6e',
      },
    },
  ],
  ignored: [
    'https://app.ashbyhq.com/',
    'https://app.ashbyhq.com/candidates',
    'https://app.ashbyhq.com/candidates/not-a-uuid',
    'https://app.ashbyhq.com/jobs/1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b/candidate-pipeline/active',
    'https://app.ashbyhq.com/interview-briefings/5d1e7a2b-8c3f-4e6a-b9d0-1f2a3b4c5d6e/briefing',
    'https://app.ashbyhq.com/admin/api/keys',
    'https://app.ashbyhq.com/signin?redirect=%2Fcandidates%2F0c6b5e3c-7a9f-4d42-9f0e-3b1f6f0c2a11',
    'https://jobs.ashbyhq.com/acme/0c6b5e3c-7a9f-4d42-9f0e-3b1f6f0c2a11',
  ],
};
