import type { AtsProvider, PageContext, Site } from '@/lib/core/page-context';
import type {
  Application,
  AtsUser,
  Candidate,
  CandidateContext,
  FeedbackContext,
  FeedbackFieldValue,
  FeedbackFormDefinition,
  Job,
  KeyCheck,
  Note,
  ScheduledInterview,
  Stage,
  SubmittedFeedback,
} from '@/lib/core/types';
import type { Clock, RateLimiter } from '@/lib/http/rate-limiter';

/** A page-URL detector: pure, cheap, and safe to run on every navigation of a matched host. */
export type DetectPage = (url: URL) => PageContext | null;

/** Example URLs that document, and test, what a detector recognises. */
export interface DetectorExamples {
  /** Real URL shapes (from shared/reference) with the context the detector must read from them. */
  recognised: Array<{ url: string; expected: PageContext }>;
  /** Pages of the same host where Sidecar must stay out of the way. */
  ignored: string[];
}

/** The content-side face of a site (design.md: `SitePage`). Later issues add page readers and form fillers. */
export interface SitePage {
  site: Site;
  /** Match patterns for the site's content script: the whole app host, because these apps are SPAs. */
  matches: string[];
  detect: DetectPage;
}

/** What tests and the registry inject into a client; production uses the defaults. */
export interface ClientDependencies {
  fetch?: typeof fetch;
  clock?: Clock;
  random?: () => number;
  /** Shared by every client of one provider, so their calls add up against the vendor's limit. */
  limiter?: RateLimiter;
}

/** Operations an ATS client offers. Where the vendor's API does not allow one, `unsupported` says why. */
export type AtsOperation =
  | 'verifyKey'
  | 'getCandidateContext'
  | 'listOpenJobs'
  | 'listUsers'
  | 'listStages'
  | 'listNotes'
  | 'createNote'
  | 'findCandidates'
  | 'createCandidate'
  | 'createApplication'
  | 'uploadResume'
  | 'listFeedbackForms'
  | 'getFeedbackContext'
  | 'listFeedback'
  | 'submitFeedback'
  | 'moveToStage'
  | 'scheduleInterview';

/** What the page URL gave us; each ATS needs a different subset. */
export interface CandidateIds {
  candidateId?: string;
  applicationId?: string;
  jobId?: string;
}

export interface NewCandidate {
  name: string;
  firstName: string;
  lastName: string;
  emails: string[];
  phones: string[];
  linkedinUrl?: string;
  location?: string;
  headline?: string;
  company?: string;
}

export interface ResumeFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/**
 * The background-side face of an ATS (design.md: `AtsClient`). Methods return core types, never raw payloads, and
 * throw `SidecarError`. `performAs` is the ATS user id of the person using Sidecar (Lever requires it on writes).
 */
export interface AtsClient {
  readonly provider: AtsProvider;
  /** Operations this ATS's API cannot do, with the sentence the UI shows. */
  readonly unsupported: Partial<Record<AtsOperation, string>>;
  verifyKey(): Promise<KeyCheck>;
  getCandidateContext(ids: CandidateIds): Promise<CandidateContext>;
  listOpenJobs(): Promise<Job[]>;
  listUsers(): Promise<AtsUser[]>;
  /** The stages an application can move to (its job's pipeline). */
  listStages(application: Application): Promise<Stage[]>;
  listNotes(ids: { candidateId: string; applicationId?: string }): Promise<Note[]>;
  /** `html` is used where the ATS takes rich text (Ashby); `text` elsewhere. */
  createNote(input: {
    candidateId: string;
    applicationId?: string;
    text: string;
    html?: string;
    performAs?: string;
  }): Promise<Note>;
  findCandidates(query: { email?: string; linkedinUrl?: string; name?: string }): Promise<Candidate[]>;
  createCandidate(input: NewCandidate & { jobId?: string; performAs?: string }): Promise<Candidate>;
  createApplication(input: {
    candidateId?: string;
    jobId: string;
    /** Pinpoint creates the person with the application. */
    candidate?: NewCandidate;
    /** Pinpoint takes the CV only with the application, as a data URL. */
    resume?: ResumeFile;
    performAs?: string;
  }): Promise<Application>;
  uploadResume(input: {
    candidateId: string;
    applicationId?: string;
    file: ResumeFile;
    performAs?: string;
  }): Promise<void>;
  listFeedbackForms(): Promise<FeedbackFormDefinition[]>;
  /**
   * The candidate, interview and form behind a feedback page. `candidateId` comes from the page's link to the
   * candidate where it has one; `performAs` picks the interviewer's own form where the ATS assigns one per person.
   */
  getFeedbackContext(input: {
    interviewId: string;
    candidateId?: string;
    performAs?: string;
  }): Promise<FeedbackContext>;
  /** Feedback already on the candidate, to find a submission whose answer was lost before writing it again. */
  listFeedback(ids: { candidateId: string; applicationId: string }): Promise<SubmittedFeedback[]>;
  /** Errors the ATS ties to one field carry its id in `fieldId`. */
  submitFeedback(input: {
    candidateId: string;
    applicationId: string;
    formId: string;
    interviewId?: string;
    values: Array<{ fieldId: string; value: FeedbackFieldValue | null }>;
    performAs?: string;
  }): Promise<{ id: string }>;
  moveToStage(input: {
    candidateId: string;
    applicationId: string;
    stageId: string;
    note?: string;
    performAs?: string;
  }): Promise<Application>;
  scheduleInterview(input: {
    candidateId: string;
    applicationId: string;
    start: string;
    end: string;
    interviewerEmail: string;
    location?: string;
    title?: string;
    performAs?: string;
  }): Promise<ScheduledInterview>;
}
