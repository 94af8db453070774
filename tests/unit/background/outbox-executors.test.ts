import { describe, expect, it, vi } from 'vitest';
import type { OutboxRecord } from '@/lib/core/outbox';
import type { Application, CandidateContext, Note } from '@/lib/core/types';
import { createExecutors } from '@/lib/background/outbox-executors';
import type { AtsClient } from '@/lib/providers/contracts';

const application = (stageId: string): Application => ({
  provider: 'lever',
  id: 'a1',
  candidateId: 'c1',
  status: 'active',
  stage: { id: stageId, name: stageId },
});

function fakeClient(stageId: string, notes: Note[] = []) {
  const context: CandidateContext = {
    candidate: {
      provider: 'lever',
      id: 'c1',
      name: 'Priya Raman',
      emails: [],
      phones: [],
      url: 'https://hire.lever.co/candidates/c1',
      applicationIds: ['a1'],
    },
    applications: [application(stageId)],
  };
  return {
    provider: 'lever',
    unsupported: {},
    getCandidateContext: vi.fn(async () => context),
    moveToStage: vi.fn(async () => application('onsite')),
    listNotes: vi.fn(async () => notes),
    createNote: vi.fn(async () => notes[0]!),
    scheduleInterview: vi.fn(async () => ({
      id: 'i1',
      applicationId: 'a1',
      start: '2026-12-01T10:00:00.000Z',
      end: '',
    })),
  } as unknown as AtsClient & Record<string, ReturnType<typeof vi.fn>>;
}

function entry(operation: OutboxRecord['operation'], completedSteps: string[] = []): OutboxRecord {
  return {
    id: 'e1',
    provider: 'lever',
    candidateId: 'c1',
    operation,
    label: 'x',
    state: 'sending',
    attempts: 1,
    nextAttemptAt: 0,
    completedSteps,
    createdAt: Date.parse('2026-11-23T10:00:00Z'),
    updatedAt: 0,
  };
}

const moveWithNote = {
  type: 'moveToStage' as const,
  candidateId: 'c1',
  applicationId: 'a1',
  stageId: 'onsite',
  stageName: 'Onsite',
  note: 'Strong  system design.',
};

function run(client: AtsClient, record: OutboxRecord) {
  const steps: string[] = [];
  const executor = createExecutors({ clientFor: async () => client, performAsFor: async () => 'user-1' })(record);
  return {
    executor,
    steps,
    result: executor.run({ entry: record, completeStep: async (step) => void steps.push(step) }),
  };
}

describe('outbox executors', () => {
  it('moves the application, then posts the note, as the user, recording each step', async () => {
    const client = fakeClient('phone-screen');
    const { result, steps } = run(client, entry(moveWithNote));
    await expect(result).resolves.toEqual({ message: 'Moved to Onsite', url: 'https://hire.lever.co/candidates/c1' });
    expect(client.moveToStage).toHaveBeenCalledWith({
      candidateId: 'c1',
      applicationId: 'a1',
      stageId: 'onsite',
      performAs: 'user-1',
    });
    expect(client.createNote).toHaveBeenCalledWith(
      expect.objectContaining({ text: moveWithNote.note, performAs: 'user-1' }),
    );
    expect(steps).toEqual(['stage', 'note']);
  });

  it('does not move again when the application is already there (the first answer was lost)', async () => {
    const client = fakeClient('onsite');
    await run(client, entry(moveWithNote)).result;
    expect(client.moveToStage).not.toHaveBeenCalled();
  });

  it('does not post the note twice when an identical one appeared since the click', async () => {
    const client = fakeClient('onsite', [
      {
        provider: 'lever',
        id: 'n1',
        candidateId: 'c1',
        text: 'Strong system design.',
        createdAt: '2026-11-23T10:00:05Z',
      },
    ]);
    await run(client, entry(moveWithNote)).result;
    expect(client.createNote).not.toHaveBeenCalled();
  });

  it('posts the note when the only identical one is older than the click', async () => {
    const client = fakeClient('onsite', [
      {
        provider: 'lever',
        id: 'n1',
        candidateId: 'c1',
        text: 'Strong system design.',
        createdAt: '2026-10-01T10:00:00Z',
      },
    ]);
    await run(client, entry(moveWithNote)).result;
    expect(client.createNote).toHaveBeenCalledTimes(1);
  });

  it('skips steps an earlier attempt finished', async () => {
    const client = fakeClient('phone-screen');
    await run(client, entry(moveWithNote, ['stage'])).result;
    expect(client.moveToStage).not.toHaveBeenCalled();
    expect(client.createNote).toHaveBeenCalledTimes(1);
  });

  it('fails with not-found when the application disappeared', async () => {
    const client = fakeClient('phone-screen');
    const { result } = run(client, entry({ ...moveWithNote, applicationId: 'gone' }));
    await expect(result).rejects.toMatchObject({ data: { kind: 'not-found' } });
  });

  it('schedules an interview without looking first, and says so', async () => {
    const client = fakeClient('onsite');
    const { executor, result } = run(
      client,
      entry({
        type: 'scheduleInterview',
        candidateId: 'c1',
        applicationId: 'a1',
        start: '2026-12-01T10:00:00.000Z',
        end: '2026-12-01T10:45:00.000Z',
        interviewerEmail: 'marcus@example.com',
      }),
    );
    expect(executor.looksBeforeWriting).toBe(false);
    await result;
    expect(client.scheduleInterview).toHaveBeenCalledWith(
      expect.objectContaining({ applicationId: 'a1', interviewerEmail: 'marcus@example.com', performAs: 'user-1' }),
    );
  });
});

describe('submitting feedback through the outbox', () => {
  const submit = {
    type: 'submitFeedback' as const,
    candidateId: 'c1',
    applicationId: 'a1',
    formId: 'form-1',
    interviewId: 'interview-1',
    values: [{ fieldId: 'notes', value: 'Strong system design.' }],
  };

  function feedbackClient(existing: Array<{ id: string; interviewId?: string; userId?: string; submittedAt: string }>) {
    return {
      provider: 'lever',
      unsupported: {},
      listFeedback: vi.fn(async () => existing),
      submitFeedback: vi.fn(async () => ({ id: 'feedback-1' })),
    } as unknown as AtsClient & Record<string, ReturnType<typeof vi.fn>>;
  }

  it('submits the values as the user for the interview', async () => {
    const client = feedbackClient([]);
    await expect(run(client, entry(submit)).result).resolves.toEqual({ message: 'Feedback submitted' });
    expect(client.submitFeedback).toHaveBeenCalledWith({
      candidateId: 'c1',
      applicationId: 'a1',
      formId: 'form-1',
      interviewId: 'interview-1',
      values: submit.values,
      performAs: 'user-1',
    });
  });

  it('does not submit twice when an earlier attempt landed and only its answer was lost', async () => {
    const client = feedbackClient([
      { id: 'f1', interviewId: 'interview-1', userId: 'user-1', submittedAt: '2026-11-23T10:00:05Z' },
    ]);
    await expect(run(client, entry(submit)).result).resolves.toEqual({ message: 'Feedback submitted' });
    expect(client.submitFeedback).not.toHaveBeenCalled();
  });

  it('still submits when the only feedback there is older, from someone else, or for another interview', async () => {
    const client = feedbackClient([
      { id: 'f1', interviewId: 'interview-1', userId: 'user-1', submittedAt: '2026-11-20T10:00:00Z' },
      { id: 'f2', interviewId: 'interview-1', userId: 'user-2', submittedAt: '2026-11-23T10:00:05Z' },
      { id: 'f3', interviewId: 'interview-2', userId: 'user-1', submittedAt: '2026-11-23T10:00:05Z' },
    ]);
    await run(client, entry(submit)).result;
    expect(client.submitFeedback).toHaveBeenCalledTimes(1);
  });
});
