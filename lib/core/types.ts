import type { AtsProvider } from './page-context';

/** A person who works in the ATS (recruiter, interviewer, owner). */
export interface AtsUser {
  id: string;
  name: string;
  email?: string;
  role?: string;
}

export interface Stage {
  id: string;
  name: string;
  /** Position in the pipeline, when the ATS says. */
  position?: number;
}

export interface Job {
  provider: AtsProvider;
  id: string;
  title: string;
  status: 'open' | 'closed' | 'draft' | 'archived' | 'other';
  department?: string;
  location?: string;
  url?: string;
  /** ISO time, used to sort recent jobs first. */
  updatedAt?: string;
}

export interface Application {
  provider: AtsProvider;
  id: string;
  candidateId: string;
  jobId?: string;
  jobTitle?: string;
  stage?: Stage;
  status: 'active' | 'archived' | 'hired' | 'rejected' | 'other';
  createdAt?: string;
  source?: string;
}

export interface Candidate {
  provider: AtsProvider;
  id: string;
  name: string;
  emails: string[];
  phones: string[];
  linkedinUrl?: string;
  location?: string;
  headline?: string;
  company?: string;
  owner?: AtsUser;
  /** The record in the ATS web app. */
  url: string;
  applicationIds: string[];
}

/** Everything the panel shows on a candidate page. */
export interface CandidateContext {
  candidate: Candidate;
  applications: Application[];
  /** The application the page is about, when its URL says (Pinpoint) or only one exists. */
  focusApplicationId?: string;
}

export interface Note {
  provider: AtsProvider;
  id: string;
  candidateId: string;
  applicationId?: string;
  /** Plain text, whatever format the ATS stores. */
  text: string;
  author?: string;
  createdAt: string;
}

export const feedbackFieldTypes = [
  'text',
  'long-text',
  'rich-text',
  'score',
  'yes-no',
  'single-select',
  'multi-select',
  'date',
  'number',
  'other',
] as const;
export type FeedbackFieldType = (typeof feedbackFieldTypes)[number];

export interface FeedbackFieldOption {
  /** What the API expects back (Lever: the option text; Ashby: the option value). */
  value: string;
  label: string;
}

export interface FeedbackFieldDefinition {
  id: string;
  label: string;
  description?: string;
  type: FeedbackFieldType;
  required: boolean;
  options: FeedbackFieldOption[];
  /** A Lever scorecard: its skills, each answered with a score and a comment (the value is one entry per skill). */
  parts?: string[];
}

/** One skill of a scorecard field: 1-4, or 0 for "not assessed" (lever-api.md §5). */
export interface ScorecardEntry {
  score: number;
  comment: string;
}

export interface FeedbackFormDefinition {
  provider: AtsProvider;
  id: string;
  title: string;
  fields: FeedbackFieldDefinition[];
}

/** What a feedback page is about, found through the ATS's API: the candidate, the interview and its form. */
export interface FeedbackContext {
  candidateId: string;
  candidateName: string;
  applicationId: string;
  interview: { id: string; title?: string; start?: string; end?: string };
  form: FeedbackFormDefinition;
  /** The acting user already submitted feedback for this interview (seen through the API). */
  alreadySubmitted: boolean;
  /** Why the API would refuse a submission from this user, said before they try (no work email, not an interviewer). */
  submitBlocked?: string;
}

/** A feedback form already in the ATS, as much as Sidecar needs to tell its own submission apart. */
export interface SubmittedFeedback {
  id: string;
  interviewId?: string;
  userId?: string;
  submittedAt: string;
}

/** One value for the ATS's feedback API, keyed by the ATS's field id. */
export type FeedbackFieldValue = string | number | boolean | string[] | ScorecardEntry[];

/** A permission the key lacks, and what the user loses without it. */
export interface MissingPermission {
  permission: string;
  why: string;
}

export interface KeyCheck {
  /** The key authenticates. */
  valid: boolean;
  /** Name of the key or account, when the ATS says. */
  label?: string;
  missing: MissingPermission[];
}

export interface ScheduledInterview {
  id: string;
  applicationId: string;
  start: string;
  end: string;
}
