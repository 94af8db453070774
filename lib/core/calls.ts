import type { AtsProvider } from './page-context';

/** One speaker turn (or cue) of a transcript. Times are seconds from the start of the call. */
export interface TranscriptSegment {
  speaker: string;
  startSeconds: number;
  endSeconds?: number;
  text: string;
}

export type TranscriptFormat = 'webvtt' | 'srt' | 'plain' | 'otter';

export interface Transcript {
  format: TranscriptFormat;
  segments: TranscriptSegment[];
}

/** A quote from the call that backs a statement. */
export interface EvidenceQuote {
  quote: string;
  speaker: string;
  startSeconds?: number;
}

/** A statement of the summary with the quotes behind it. */
export interface SummaryPoint {
  text: string;
  evidence: EvidenceQuote[];
}

/** What the call says about one topic or competency (e.g. "System design", "Communication"). */
export interface SummaryTopic {
  topic: string;
  evidence: EvidenceQuote[];
}

/** The same shape whichever summarizer made it. Empty lists mean "not mentioned in the call". */
export interface CallSummary {
  source: 'built-in' | 'llm';
  /** The model, for LLM summaries. */
  model?: string;
  tldr: string;
  keyPoints: SummaryPoint[];
  strengths: SummaryPoint[];
  concerns: SummaryPoint[];
  motivations: SummaryPoint[];
  constraints: {
    noticePeriod?: SummaryPoint;
    compensation?: SummaryPoint;
    location?: SummaryPoint;
  };
  nextSteps: SummaryPoint[];
  topics: SummaryTopic[];
  createdAt: string;
}

export interface SummarizerInput {
  transcript?: Transcript;
  /** What the interviewer typed, plain text. */
  notes?: string;
  candidateName?: string;
  /** Names of the people on Sidecar's side of the call, to tell the candidate's turns apart. */
  interviewerNames?: string[];
}

export interface Summarizer {
  summarize(input: SummarizerInput): Promise<CallSummary>;
}

/** A call with a candidate, kept in the extension's IndexedDB. */
export interface CallRecord {
  id: string;
  provider: AtsProvider;
  candidateId: string;
  applicationId?: string;
  interviewId?: string;
  title: string;
  /** ISO time the call took place. */
  startedAt: string;
  participants: string[];
  source: 'typed' | 'transcript' | 'ats-note';
  transcript?: Transcript;
  /** The interviewer's own notes, autosaved as they type. */
  notes: string;
  summary?: CallSummary;
  /** The ATS note Sidecar posted for this call, once posted. */
  postedNoteId?: string;
  createdAt: string;
  updatedAt: string;
}

/** A call as the Calls list shows it: everything but the transcript, which can be megabytes. */
export type CallListItem = Omit<CallRecord, 'transcript'> & { segmentCount: number };
