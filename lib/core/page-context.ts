/** The ATSs Sidecar writes to. */
export const atsProviders = ['ashby', 'lever', 'pinpoint'] as const;
export type AtsProvider = (typeof atsProviders)[number];

/** Every site Sidecar recognises pages on. */
export const sites = [...atsProviders, 'linkedin'] as const;
export type Site = (typeof sites)[number];

export const siteLabels: Record<Site, string> = {
  ashby: 'Ashby',
  lever: 'Lever',
  pinpoint: 'Pinpoint',
  linkedin: 'LinkedIn',
};

/** A candidate (or application) record page inside an ATS. */
export interface CandidatePageContext {
  site: AtsProvider;
  kind: 'candidate';
  url: string;
  candidateId?: string;
  applicationId?: string;
  jobId?: string;
  stageId?: string;
}

/** An interview feedback (scorecard) page inside an ATS. */
export interface FeedbackPageContext {
  site: AtsProvider;
  kind: 'feedback';
  url: string;
  interviewId?: string;
  candidateId?: string;
}

/** A LinkedIn member profile. */
export interface ProfilePageContext {
  site: 'linkedin';
  kind: 'profile';
  url: string;
  slug: string;
  /** `https://www.linkedin.com/in/<slug>`: decoded, no trailing slash, no query. */
  profileUrl: string;
}

/** What a detector reads from a URL. `null` (no context) means Sidecar stays out of the way. */
export type PageContext = CandidatePageContext | FeedbackPageContext | ProfilePageContext;
export type PageKind = PageContext['kind'];

export const pageKindLabels: Record<PageKind, string> = {
  candidate: 'Candidate',
  feedback: 'Interview feedback',
  profile: 'Profile',
};

/** The identifiers a context carries, as label/value pairs for display. */
export function pageContextIds(context: PageContext): Array<[label: string, value: string]> {
  const pairs: Array<[string, string | undefined]> =
    context.kind === 'profile'
      ? [
          ['Profile', context.slug],
          ['Profile URL', context.profileUrl],
        ]
      : context.kind === 'candidate'
        ? [
            ['Candidate', context.candidateId],
            ['Application', context.applicationId],
            ['Job', context.jobId],
            ['Stage', context.stageId],
          ]
        : [
            ['Interview', context.interviewId],
            ['Candidate', context.candidateId],
          ];
  return pairs.filter((pair): pair is [string, string] => pair[1] !== undefined);
}
