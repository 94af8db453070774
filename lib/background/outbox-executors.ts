import { SidecarError } from '@/lib/core/errors';
import type { AtsProvider } from '@/lib/core/page-context';
import { createExportExecutor } from '@/lib/export/export-executor';
import { sidecarMarker } from '@/lib/notes/note-format';
import type { AtsClient } from '@/lib/providers/contracts';
import type { OutboxOperation, OutboxRecord } from '@/lib/storage/database';
import type { Executor } from './outbox';

export interface ExecutorDependencies {
  clientFor: (provider: AtsProvider) => Promise<AtsClient>;
  /** The user's own ATS user id, where they set their work email. */
  performAsFor: (provider: AtsProvider) => Promise<string | undefined>;
}

type OperationOf<Type extends OutboxOperation['type']> = Extract<OutboxOperation, { type: Type }>;

const normalizeText = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The ATS's clock may run a little behind ours when telling our submission from one made before the click. */
const clockSkewMilliseconds = 60_000;

/** How far back a note counts as "ours" when looking for one a lost response already created. */
const noteLookbackMilliseconds = 10 * 60_000;

/** Creates a note unless an identical one appeared since the click (its response was lost before a restart). */
async function createNoteOnce(
  client: AtsClient,
  input: { candidateId: string; applicationId?: string; text: string; html?: string; performAs?: string },
  since: number,
): Promise<void> {
  const wanted = normalizeText(input.text);
  // A Sidecar summary carries a unique marker, which survives the ATS turning our HTML into its own text.
  const marker = sidecarMarker(input.text);
  const notes = await client.listNotes({ candidateId: input.candidateId, applicationId: input.applicationId });
  const alreadyThere = notes.some(
    (note) =>
      Date.parse(note.createdAt) >= since - noteLookbackMilliseconds &&
      (marker ? note.text.includes(marker) : normalizeText(note.text) === wanted),
  );
  if (!alreadyThere) await client.createNote(input);
}

/** What each queued operation does against the ATS, looking before it writes wherever the API lets it. */
export function createExecutors(dependencies: ExecutorDependencies): (entry: OutboxRecord) => Executor {
  const moveToStage: Executor = {
    looksBeforeWriting: true,
    async run({ entry, completeStep }) {
      const operation = entry.operation as OperationOf<'moveToStage'>;
      const client = await dependencies.clientFor(entry.provider);
      const performAs = await dependencies.performAsFor(entry.provider);
      const ids = { candidateId: operation.candidateId, applicationId: operation.applicationId };
      const context = await client.getCandidateContext(ids);
      if (!entry.completedSteps.includes('stage')) {
        const application = context.applications.find((candidate) => candidate.id === operation.applicationId);
        if (!application) {
          throw new SidecarError({ kind: 'not-found', provider: entry.provider, message: 'The application is gone' });
        }
        // Already there means an earlier attempt went through and only its answer was lost.
        if (application.stage?.id !== operation.stageId) {
          await client.moveToStage({ ...ids, stageId: operation.stageId, performAs });
        }
        await completeStep('stage');
      }
      if (operation.note && !entry.completedSteps.includes('note')) {
        await createNoteOnce(client, { ...ids, text: operation.note, performAs }, entry.createdAt);
        await completeStep('note');
      }
      return { message: `Moved to ${operation.stageName}`, url: context.candidate.url };
    },
  };

  const scheduleInterview: Executor = {
    // No ATS lists interviews in a way that tells ours apart, so an interrupted send is not repeated blindly.
    looksBeforeWriting: false,
    async run({ entry }) {
      const operation = entry.operation as OperationOf<'scheduleInterview'>;
      const client = await dependencies.clientFor(entry.provider);
      const performAs = await dependencies.performAsFor(entry.provider);
      const { type: _type, ...input } = operation;
      const interview = await client.scheduleInterview({ ...input, performAs });
      return { message: `Interview scheduled for ${new Date(interview.start).toUTCString()}` };
    },
  };

  const createNote: Executor = {
    looksBeforeWriting: true,
    async run({ entry }) {
      const operation = entry.operation as OperationOf<'createNote'>;
      const client = await dependencies.clientFor(entry.provider);
      const performAs = await dependencies.performAsFor(entry.provider);
      const { type: _type, ...input } = operation;
      await createNoteOnce(client, { ...input, performAs }, entry.createdAt);
      return { message: 'Note posted' };
    },
  };

  const submitFeedback: Executor = {
    looksBeforeWriting: true,
    async run({ entry }) {
      const operation = entry.operation as OperationOf<'submitFeedback'>;
      const client = await dependencies.clientFor(entry.provider);
      const performAs = await dependencies.performAsFor(entry.provider);
      const { type: _type, ...input } = operation;
      // A submission whose answer was lost shows up as feedback by this user, for this interview, since the click.
      const since = entry.createdAt - clockSkewMilliseconds;
      const earlier = await client.listFeedback(input);
      const ours = earlier.find(
        (feedback) =>
          Date.parse(feedback.submittedAt) >= since &&
          (!input.interviewId || feedback.interviewId === input.interviewId) &&
          (!performAs || feedback.userId === performAs),
      );
      if (!ours) await client.submitFeedback({ ...input, performAs });
      return { message: 'Feedback submitted' };
    },
  };

  const executors: Record<OutboxOperation['type'], Executor> = {
    moveToStage,
    scheduleInterview,
    createNote,
    submitFeedback,
    export: createExportExecutor(dependencies),
  };
  return (entry) => executors[entry.operation.type];
}
