import type { SidecarErrorData } from './errors';
import type { AtsProvider } from './page-context';
import type { FeedbackFieldValue } from './types';
import type { ExportOperation } from '@/lib/export/export-operation';

/** One ATS write the user asked for, kept until it is done or they give up on it. */
export type OutboxOperation =
  | {
      type: 'moveToStage';
      candidateId: string;
      applicationId: string;
      stageId: string;
      stageName: string;
      note?: string;
    }
  | {
      type: 'scheduleInterview';
      candidateId: string;
      applicationId: string;
      start: string;
      end: string;
      interviewerEmail: string;
      location?: string;
      title?: string;
    }
  | { type: 'createNote'; candidateId: string; applicationId?: string; text: string; html?: string }
  | {
      type: 'submitFeedback';
      candidateId: string;
      applicationId: string;
      formId: string;
      interviewId?: string;
      values: Array<{ fieldId: string; value: FeedbackFieldValue }>;
    }
  | ExportOperation;

export type OutboxState = 'pending' | 'sending' | 'done' | 'failed';

export interface OutboxRecord {
  /** The id of the click that asked for it: a second message for the same click finds this entry. */
  id: string;
  provider: AtsProvider;
  candidateId: string;
  operation: OutboxOperation;
  /** What the user sees: "Move Priya Raman to Onsite". */
  label: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  /** Sub-steps already done, so a retry never repeats them (a stage move, then its note). */
  completedSteps: string[];
  error?: SidecarErrorData;
  result?: { message: string; url?: string };
  createdAt: number;
  updatedAt: number;
}
