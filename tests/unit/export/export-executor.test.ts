// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { OutboxRecord } from '@/lib/core/outbox';
import type { AtsProvider } from '@/lib/core/page-context';
import type { Application, Candidate, CandidateContext, Note } from '@/lib/core/types';
import { createExportExecutor, readExportProgress } from '@/lib/export/export-executor';
import type { ExportOperation } from '@/lib/export/export-operation';
import type { AtsClient } from '@/lib/providers/contracts';
import { profileFixture } from './profile-fixture';

const createdAt = Date.parse('2026-11-23T10:00:00Z');

interface FakeState {
  /** Candidates the ATS holds, with their applications. */
  candidates: Map<string, { candidate: Candidate; applications: Application[] }>;
  notes: Note[];
  /** What findCandidates answers, per kind of query. */
  found: { linkedinUrl?: Candidate[]; email?: Candidate[]; name?: Candidate[] };
}

function candidateOf(provider: AtsProvider, id: string, fields: Partial<Candidate> = {}): Candidate {
  return {
    provider,
    id,
    name: 'Priya Raman',
    emails: [],
    phones: [],
    url: `https://ats.example/${provider}/candidates/${id}`,
    applicationIds: [],
    ...fields,
  };
}

/** An AtsClient shaped like the provider's: Pinpoint creates the person with the application and takes the CV there. */
function fakeClient(provider: AtsProvider, seed: Partial<FakeState> = {}) {
  const state: FakeState = { candidates: new Map(), notes: [], found: {}, ...seed };
  const calls: string[] = [];
  const record = <Args extends unknown[], Result>(name: string, body: (...args: Args) => Promise<Result>) =>
    vi.fn(async (...args: Args) => {
      calls.push(name);
      return body(...args);
    });
  const contextOf = (candidateId: string): CandidateContext => {
    const held = state.candidates.get(candidateId);
    if (!held) throw new Error(`no candidate ${candidateId}`);
    return { candidate: held.candidate, applications: held.applications };
  };
  const addApplication = (candidateId: string, jobId: string): Application => {
    const application: Application = {
      provider,
      id: `a-${candidateId}-${jobId}`,
      candidateId,
      jobId,
      status: 'active',
    };
    state.candidates.get(candidateId)?.applications.push(application);
    return application;
  };
  const client = {
    provider,
    unsupported:
      provider === 'pinpoint'
        ? { createCandidate: 'Pinpoint creates a candidate together with an application.', uploadResume: 'No.' }
        : {},
    findCandidates: record('findCandidates', async (query: { email?: string; linkedinUrl?: string; name?: string }) =>
      query.linkedinUrl
        ? (state.found.linkedinUrl ?? [])
        : query.email
          ? (state.found.email ?? [])
          : (state.found.name ?? []),
    ),
    createCandidate: record('createCandidate', async (input: { jobId?: string }) => {
      const candidate = candidateOf(provider, 'c1');
      state.candidates.set('c1', { candidate, applications: [] });
      // Lever opens the opportunity with its posting in the same request.
      if (provider === 'lever' && input.jobId) addApplication('c1', input.jobId);
      return candidate;
    }),
    getCandidateContext: record('getCandidateContext', async (ids: { candidateId?: string }) =>
      contextOf(ids.candidateId ?? ''),
    ),
    createApplication: record(
      'createApplication',
      async (input: { candidateId?: string; jobId: string; candidate?: unknown }) => {
        const candidateId = input.candidateId ?? 'p1';
        if (!state.candidates.has(candidateId)) {
          state.candidates.set(candidateId, { candidate: candidateOf(provider, candidateId), applications: [] });
        }
        return addApplication(candidateId, input.jobId);
      },
    ),
    listNotes: record('listNotes', async () => state.notes),
    createNote: record('createNote', async (input: { candidateId: string; text: string }) => {
      const note: Note = {
        provider,
        id: `n${state.notes.length + 1}`,
        candidateId: input.candidateId,
        text: input.text,
        createdAt: new Date(createdAt + 1_000).toISOString(),
      };
      state.notes.push(note);
      return note;
    }),
    uploadResume: record('uploadResume', async (_input: { candidateId: string; applicationId?: string }) => undefined),
  };
  return { client: client as unknown as AtsClient, fake: client, calls, state };
}

function operation(overrides: Partial<ExportOperation> = {}): ExportOperation {
  return {
    type: 'export',
    candidateId: 'new',
    profile: profileFixture(),
    jobId: 'job-1',
    jobTitle: 'Staff Engineer',
    ...overrides,
  };
}

function entry(provider: AtsProvider, exportOperation: ExportOperation, completedSteps: string[] = []): OutboxRecord {
  return {
    id: 'e1',
    provider,
    candidateId: exportOperation.candidateId,
    operation: exportOperation,
    label: 'Export Priya Raman',
    state: 'sending',
    attempts: 1,
    nextAttemptAt: 0,
    completedSteps,
    createdAt,
    updatedAt: 0,
  };
}

async function run(
  provider: AtsProvider,
  setup: ReturnType<typeof fakeClient>,
  exportOperation = operation(),
  completedSteps: string[] = [],
) {
  const executor = createExportExecutor({
    clientFor: async () => setup.client,
    performAsFor: async () => 'user-7',
  });
  const steps: string[] = [];
  const result = await executor.run({
    entry: entry(provider, exportOperation, completedSteps),
    completeStep: async (step) => {
      steps.push(step);
    },
  });
  return { result, steps };
}

const writes = (calls: string[]) =>
  calls.filter((name) => ['createCandidate', 'createApplication', 'createNote', 'uploadResume'].includes(name));

describe('createExportExecutor', () => {
  it('looks before it writes, so the outbox resends it after an interruption', () => {
    expect(createExportExecutor({ clientFor: vi.fn(), performAsFor: vi.fn() }).looksBeforeWriting).toBe(true);
  });

  it('Ashby: creates the candidate, the application, an HTML note, then uploads the resume', async () => {
    const setup = fakeClient('ashby');
    const { result, steps } = await run('ashby', setup);

    expect(writes(setup.calls)).toEqual(['createCandidate', 'createApplication', 'createNote', 'uploadResume']);
    expect(setup.calls.slice(0, 3)).toEqual(['findCandidates', 'findCandidates', 'findCandidates']);
    expect(setup.fake.createCandidate).toHaveBeenCalledWith({
      name: 'Priya Raman',
      firstName: 'Priya',
      lastName: 'Raman',
      emails: ['priya@example.com'],
      phones: ['+44 20 7946 0000'],
      linkedinUrl: 'https://www.linkedin.com/in/priya-raman',
      location: 'London, United Kingdom',
      headline: 'Staff Engineer at Acme · Distributed systems',
      company: 'Acme',
      jobId: 'job-1',
      performAs: 'user-7',
    });
    expect(setup.fake.createApplication).toHaveBeenCalledWith({
      candidateId: 'c1',
      jobId: 'job-1',
      performAs: 'user-7',
    });
    const note = setup.fake.createNote.mock.calls[0]?.[0] as { html?: string; text: string; candidateId: string };
    expect(note.candidateId).toBe('c1');
    expect(note.text).toMatch(/^Sourced from LinkedIn by Sidecar/);
    expect(note.html).toMatch(/^<p><b>Sourced from LinkedIn by Sidecar<\/b>/);
    const upload = setup.fake.uploadResume.mock.calls[0]?.[0] as unknown as {
      candidateId: string;
      file: { name: string; type: string; bytes: Uint8Array };
    };
    expect(upload.candidateId).toBe('c1');
    expect(upload.file).toMatchObject({ name: 'Priya Raman - LinkedIn resume.pdf', type: 'application/pdf' });
    expect(steps).toEqual(['candidate:c1', 'application:a-c1-job-1:c1', 'note', 'resume']);
    expect(result).toEqual({
      message: 'Exported to Ashby · Staff Engineer',
      url: 'https://ats.example/ashby/candidates/c1',
    });
  });

  it('Lever: sends the job with the new candidate and finds that application instead of opening a second one', async () => {
    const setup = fakeClient('lever');
    const { result, steps } = await run('lever', setup);

    expect(writes(setup.calls)).toEqual(['createCandidate', 'createNote', 'uploadResume']);
    expect(setup.fake.createCandidate).toHaveBeenCalledWith(
      expect.objectContaining({ jobId: 'job-1', performAs: 'user-7' }),
    );
    expect(setup.fake.createNote.mock.calls[0]?.[0]).not.toHaveProperty('html');
    expect(steps).toEqual(['candidate:c1', 'application:a-c1-job-1:c1', 'note', 'resume']);
    expect(result.message).toBe('Exported to Lever · Staff Engineer');
  });

  it('Lever: without the job on create, adds the application in a separate step, before the note', async () => {
    const setup = fakeClient('lever');
    setup.fake.createCandidate.mockImplementation(async () => {
      setup.calls.push('createCandidate');
      const candidate = candidateOf('lever', 'c1');
      setup.state.candidates.set('c1', { candidate, applications: [] });
      return candidate;
    });
    await run('lever', setup);
    expect(writes(setup.calls)).toEqual(['createCandidate', 'createApplication', 'createNote', 'uploadResume']);
  });

  it('Pinpoint: creates the person with the application and the resume, posts a text note, uploads nothing', async () => {
    const setup = fakeClient('pinpoint');
    const { result, steps } = await run('pinpoint', setup);

    expect(writes(setup.calls)).toEqual(['createApplication', 'createNote']);
    const application = setup.fake.createApplication.mock.calls[0]?.[0] as unknown as Record<string, unknown>;
    expect(application).toMatchObject({
      jobId: 'job-1',
      candidate: { firstName: 'Priya', lastName: 'Raman', emails: ['priya@example.com'] },
      resume: { name: 'Priya Raman - LinkedIn resume.pdf', type: 'application/pdf' },
    });
    expect(application).not.toHaveProperty('candidateId');
    expect(setup.fake.createNote.mock.calls[0]?.[0]).toMatchObject({ candidateId: 'p1', applicationId: 'a-p1-job-1' });
    expect(setup.fake.createNote.mock.calls[0]?.[0]).not.toHaveProperty('html');
    expect(steps).toEqual(['application:a-p1-job-1:p1', 'note']);
    expect(result.url).toBe('https://ats.example/pinpoint/candidates/p1');
  });

  it('Pinpoint: a profile without an email fails as invalid input before anything is sent', async () => {
    const setup = fakeClient('pinpoint');
    const exportOperation = operation({ profile: profileFixture({ emails: [] }) });
    await expect(run('pinpoint', setup, exportOperation)).rejects.toMatchObject({
      data: { kind: 'invalid-input', message: 'Pinpoint needs an email to create an application' },
    });
    expect(setup.calls).toEqual([]);
  });

  it('resumes after a crash between steps without creating the candidate again', async () => {
    const setup = fakeClient('ashby');
    setup.state.candidates.set('c1', { candidate: candidateOf('ashby', 'c1'), applications: [] });
    const { steps } = await run('ashby', setup, operation(), ['candidate:c1']);

    expect(setup.fake.createCandidate).not.toHaveBeenCalled();
    expect(setup.fake.findCandidates).not.toHaveBeenCalled();
    expect(writes(setup.calls)).toEqual(['createApplication', 'createNote', 'uploadResume']);
    expect(steps).toEqual(['application:a-c1-job-1:c1', 'note', 'resume']);
  });

  it('after a lost answer to the person being created, the retry finds them and writes no second one', async () => {
    const setup = fakeClient('pinpoint');
    await run('pinpoint', setup);
    // The first attempt's application went through, but its step was never recorded.
    setup.state.found.linkedinUrl = [candidateOf('pinpoint', 'p1')];
    setup.calls.length = 0;
    const { steps } = await run('pinpoint', setup);

    expect(writes(setup.calls)).toEqual([]);
    expect(steps).toEqual(['candidate:p1', 'application:a-p1-job-1:p1', 'note']);
  });

  it('resumes after the note without repeating any earlier write', async () => {
    const setup = fakeClient('ashby');
    setup.state.candidates.set('c1', { candidate: candidateOf('ashby', 'c1'), applications: [] });
    const { steps } = await run('ashby', setup, operation(), ['candidate:c1', 'application:a1:c1', 'note']);

    expect(writes(setup.calls)).toEqual(['uploadResume']);
    expect(setup.fake.uploadResume.mock.calls[0]?.[0]).toMatchObject({ candidateId: 'c1', applicationId: 'a1' });
    expect(steps).toEqual(['resume']);
  });

  it('does not post the note again when an earlier attempt posted it but lost the answer', async () => {
    const setup = fakeClient('ashby');
    setup.state.candidates.set('c1', { candidate: candidateOf('ashby', 'c1'), applications: [] });
    setup.state.notes.push({
      provider: 'ashby',
      id: 'n0',
      candidateId: 'c1',
      // Ashby gives the HTML back as its own text, which differs from the text flavour.
      text: 'Sourced from LinkedIn by Sidecar\nhttps://www.linkedin.com/in/priya-raman\n• Staff Engineer',
      createdAt: new Date(createdAt + 5_000).toISOString(),
    });
    await run('ashby', setup, operation(), ['candidate:c1', 'application:a1:c1']);
    expect(setup.fake.createNote).not.toHaveBeenCalled();
  });

  it('uses the candidate an exact match finds instead of creating one, even when asked to create anyway', async () => {
    const setup = fakeClient('ashby', { found: { email: [candidateOf('ashby', 'c42')] } });
    setup.state.candidates.set('c42', { candidate: candidateOf('ashby', 'c42'), applications: [] });
    const { steps } = await run('ashby', setup, operation({ createAnyway: true }));

    expect(setup.fake.createCandidate).not.toHaveBeenCalled();
    expect(setup.fake.createApplication).toHaveBeenCalledWith({
      candidateId: 'c42',
      jobId: 'job-1',
      performAs: 'user-7',
    });
    expect(steps[0]).toBe('candidate:c42');
  });

  it('stops with a request to choose when only name and company match', async () => {
    const namesake = candidateOf('ashby', 'c5', { company: 'Acme' });
    const setup = fakeClient('ashby', { found: { name: [namesake] } });
    await expect(run('ashby', setup)).rejects.toMatchObject({
      data: { kind: 'invalid-input', message: expect.stringContaining('Add to this job') },
    });
    expect(writes(setup.calls)).toEqual([]);
  });

  it('creates a new candidate over a name-and-company match when the user chose Create anyway', async () => {
    const namesake = candidateOf('ashby', 'c5', { company: 'Acme' });
    const setup = fakeClient('ashby', { found: { name: [namesake] } });
    await run('ashby', setup, operation({ createAnyway: true }));
    expect(setup.fake.createCandidate).toHaveBeenCalledTimes(1);
  });

  it('Add to this job: uses the chosen candidate without searching or creating', async () => {
    const setup = fakeClient('ashby');
    setup.state.candidates.set('c9', { candidate: candidateOf('ashby', 'c9'), applications: [] });
    const { steps } = await run('ashby', setup, operation({ candidateId: 'c9', existingCandidateId: 'c9' }));

    expect(setup.fake.findCandidates).not.toHaveBeenCalled();
    expect(writes(setup.calls)).toEqual(['createApplication', 'createNote', 'uploadResume']);
    expect(steps).toEqual(['candidate:c9', 'application:a-c9-job-1:c9', 'note', 'resume']);
  });

  it('Add to this job on Pinpoint: adds the known person with the resume, and needs no email from the profile', async () => {
    const setup = fakeClient('pinpoint');
    setup.state.candidates.set('p9', { candidate: candidateOf('pinpoint', 'p9'), applications: [] });
    await run(
      'pinpoint',
      setup,
      operation({ candidateId: 'p9', existingCandidateId: 'p9', profile: profileFixture({ emails: [] }) }),
    );
    expect(setup.fake.createApplication.mock.calls[0]?.[0]).toMatchObject({
      candidateId: 'p9',
      jobId: 'job-1',
      resume: { type: 'application/pdf' },
    });
    expect(setup.fake.createApplication.mock.calls[0]?.[0]).not.toHaveProperty('candidate');
    expect(setup.fake.uploadResume).not.toHaveBeenCalled();
  });

  it('skips the application when the candidate already applied to the job', async () => {
    const setup = fakeClient('ashby');
    const existing: Application = { provider: 'ashby', id: 'a7', candidateId: 'c9', jobId: 'job-1', status: 'active' };
    setup.state.candidates.set('c9', { candidate: candidateOf('ashby', 'c9'), applications: [existing] });
    const { steps } = await run('ashby', setup, operation({ candidateId: 'c9', existingCandidateId: 'c9' }));

    expect(setup.fake.createApplication).not.toHaveBeenCalled();
    expect(steps).toContain('application:a7:c9');
    expect(setup.fake.createNote.mock.calls[0]?.[0]).toMatchObject({ candidateId: 'c9', applicationId: 'a7' });
  });

  it('Lever: puts the note and resume on the opportunity the new application opened', async () => {
    const setup = fakeClient('lever');
    setup.state.candidates.set('o1', { candidate: candidateOf('lever', 'o1'), applications: [] });
    setup.fake.createApplication.mockImplementation(async () => {
      setup.calls.push('createApplication');
      setup.state.candidates.set('o2', { candidate: candidateOf('lever', 'o2'), applications: [] });
      return { provider: 'lever', id: 'a2', candidateId: 'o2', jobId: 'job-1', status: 'active' } as Application;
    });
    const { steps, result } = await run('lever', setup, operation({ candidateId: 'o1', existingCandidateId: 'o1' }));

    expect(steps).toContain('application:a2:o2');
    expect(setup.fake.createNote.mock.calls[0]?.[0]).toMatchObject({ candidateId: 'o2' });
    expect(setup.fake.uploadResume.mock.calls[0]?.[0]).toMatchObject({ candidateId: 'o2' });
    expect(result.url).toBe('https://ats.example/lever/candidates/o2');
  });
});

describe('readExportProgress', () => {
  it('reads ids back from step names, including ids with a colon', () => {
    const steps = [`candidate:${encodeURIComponent('urn:x:1')}`, 'application:a1:c1', 'note'];
    expect(readExportProgress(steps)).toEqual({
      candidateId: 'urn:x:1',
      application: { id: 'a1', candidateId: 'c1' },
      note: true,
      resume: false,
    });
  });
});
