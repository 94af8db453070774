// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPinpointClient } from '@/lib/providers/pinpoint/client';
import { confidentialJobId } from '../../../sandbox/pinpoint/state.ts';
import { demo, sandboxLimitedCredentials } from '../../../sandbox/seed.ts';
import { startSandbox, type Sandbox } from '../../../sandbox/server.ts';
import { fakeClock } from '../../http/fake-clock';
import { sandboxFetch } from '../../sandbox/sandbox-client.ts';
import { sidecarFailure as failure } from '../../sidecar-failure';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

function client(key = sandbox.credentials.pinpoint.key) {
  return createPinpointClient({ key, subdomain: demo.pinpoint.subdomain }, { fetch: sandboxFetch(sandbox) });
}

describe('Pinpoint client against the sandbox', () => {
  it('accepts the full key with nothing missing', async () => {
    await expect(client().verifyKey()).resolves.toEqual({ valid: true, label: 'acme.pinpointhq.com', missing: [] });
  });

  it('reports a wrong key as invalid without throwing', async () => {
    await expect(client('sbx_pinpoint_wrong').verifyKey()).resolves.toEqual({ valid: false, missing: [] });
  });

  it('reports the read-only key as valid and missing Comment: Read', async () => {
    const check = await client(sandboxLimitedCredentials.pinpoint.key).verifyKey();
    expect(check.valid).toBe(true);
    expect(check.missing.map((missing) => missing.permission)).toEqual(['Comment: Read']);
    expect(sandbox.requests.every((request) => request.method === 'GET')).toBe(true);
  });

  it('reads the demo candidate with her application, job, stage and recruiter', async () => {
    const context = await client().getCandidateContext({
      jobId: demo.pinpoint.jobId,
      applicationId: demo.pinpoint.applicationId,
    });
    expect(context.focusApplicationId).toBe(demo.pinpoint.applicationId);
    expect(context.candidate).toEqual({
      provider: 'pinpoint',
      id: '55101',
      name: 'Priya Raman',
      emails: ['priya.raman@example.org'],
      phones: ['+44 7700 900123'],
      linkedinUrl: 'https://www.linkedin.com/in/priya-raman-4b1a2c',
      location: 'London, United Kingdom',
      owner: { id: '7001', name: 'Hannah Brooks', email: 'hannah.brooks@example.com' },
      url: `https://acme.pinpointhq.com/admin/jobs/${demo.pinpoint.jobId}/applications/${demo.pinpoint.applicationId}`,
      applicationIds: [demo.pinpoint.applicationId],
    });
    expect(context.applications).toEqual([
      {
        provider: 'pinpoint',
        id: demo.pinpoint.applicationId,
        candidateId: '55101',
        jobId: demo.pinpoint.jobId,
        jobTitle: 'Senior Backend Engineer',
        stage: { id: demo.pinpoint.stageId, name: 'Technical Interview', position: 3 },
        status: 'active',
        createdAt: '2026-11-03T10:14:00+00:00',
        source: 'LinkedIn',
      },
    ]);
  });

  it('reads an application on a confidential job', async () => {
    const context = await client().getCandidateContext({ applicationId: '99140' });
    expect(context.candidate.name).toBe('Sofía Martínez');
    expect(context.applications[0]).toMatchObject({ jobTitle: 'Data Engineer', stage: { name: 'Review' } });
  });

  it('lists open jobs, confidential ones included, with department and location', async () => {
    const jobs = await client().listOpenJobs();
    expect(jobs.map((job) => [job.id, job.title, job.department, job.location])).toEqual([
      ['4821', 'Senior Backend Engineer', 'Engineering', 'London, United Kingdom'],
      ['4822', 'Product Designer', 'Design', 'Remote (United Kingdom)'],
      [confidentialJobId, 'Data Engineer', 'Data Platform', 'Manchester, United Kingdom'],
    ]);
  });

  it('lists users with their emails', async () => {
    const users = await client().listUsers();
    expect(users).toHaveLength(4);
    expect(users[0]).toEqual({ id: '7001', name: 'Hannah Brooks', email: 'hannah.brooks@example.com' });
  });

  it('lists the stages of the application’s job in pipeline order', async () => {
    const stages = await client().listStages({
      provider: 'pinpoint',
      id: demo.pinpoint.applicationId,
      candidateId: '55101',
      jobId: demo.pinpoint.jobId,
      status: 'active',
    });
    expect(stages.map((stage) => stage.name)).toEqual([
      'Review',
      'Phone Screen',
      'Technical Interview',
      'Final Interview',
      'Offer',
    ]);
  });

  it('creates a note and lists it with the seeded ones, newest first', async () => {
    const pinpoint = client();
    const ids = { candidateId: '55101', applicationId: demo.pinpoint.applicationId };
    const note = await pinpoint.createNote({ ...ids, text: 'Sidecar call summary\nStrong on payments.' });
    expect(note).toMatchObject({
      candidateId: '55101',
      applicationId: ids.applicationId,
      text: 'Sidecar call summary\nStrong on payments.',
    });
    const notes = await pinpoint.listNotes(ids);
    expect(notes.map((each) => each.id)).toEqual([note.id, '120502', '120431']);
    expect(notes[1]).toMatchObject({ author: 'Marcus Webb' });
  });

  it('finds the candidate’s notes across applications when only the candidate is known', async () => {
    const notes = await client().listNotes({ candidateId: '55101' });
    expect(notes.map((each) => each.id)).toEqual(['120502', '120431']);
  });

  it('moves to a stage with a note and reads the move back', async () => {
    const pinpoint = client();
    const moved = await pinpoint.moveToStage({
      candidateId: '55101',
      applicationId: demo.pinpoint.applicationId,
      stageId: '313',
      note: 'Moving on after the technical interview.',
    });
    expect(moved.stage).toEqual({ id: '313', name: 'Final Interview', position: 4 });
    const context = await pinpoint.getCandidateContext({ applicationId: demo.pinpoint.applicationId });
    expect(context.applications[0]?.stage?.name).toBe('Final Interview');
    const notes = await pinpoint.listNotes({ candidateId: '55101', applicationId: demo.pinpoint.applicationId });
    expect(notes[0]?.text).toBe('Moving on after the technical interview.');
  });

  it('finds a candidate by email, by LinkedIn URL and by name', async () => {
    const pinpoint = client();
    const byEmail = await pinpoint.findCandidates({ email: 'Priya.Raman@example.org' });
    expect(byEmail.map((candidate) => candidate.id)).toEqual(['55101']);
    const byLinkedin = await pinpoint.findCandidates({ linkedinUrl: 'linkedin.com/in/Priya-Raman-4b1a2c/?trk=x' });
    expect(byLinkedin.map((candidate) => candidate.id)).toEqual(['55101']);
    const byName = await pinpoint.findCandidates({ name: 'sofia martinez' });
    expect(byName.map((candidate) => candidate.applicationIds)).toEqual([['99140']]);
    await expect(pinpoint.findCandidates({ email: 'nobody@example.org' })).resolves.toEqual([]);
  });

  it('creates candidate and application together, then finds the person by email', async () => {
    const pinpoint = client();
    const application = await pinpoint.createApplication({
      jobId: demo.pinpoint.jobId,
      candidate: {
        name: 'Elena Petrova',
        firstName: 'Elena',
        lastName: 'Petrova',
        emails: ['elena.petrova@example.org'],
        phones: [],
        linkedinUrl: 'https://www.linkedin.com/in/elena-petrova-5c3e91',
      },
      resume: { name: 'Elena Petrova.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.4') },
    });
    expect(application).toMatchObject({
      jobId: demo.pinpoint.jobId,
      jobTitle: 'Senior Backend Engineer',
      stage: { name: 'Review' },
      status: 'active',
    });
    const [found] = await pinpoint.findCandidates({ email: 'elena.petrova@example.org' });
    expect(found).toMatchObject({
      id: application.candidateId,
      name: 'Elena Petrova',
      applicationIds: [application.id],
    });
    const post = sandbox.requests.find((request) => request.method === 'POST');
    expect(JSON.parse(post?.body ?? '{}').data.attributes.skip_notifications_on_create).toBe(true);
  });

  it('refuses createCandidate with the sentence that asks for a job', async () => {
    const error = await failure(
      client().createCandidate({ name: 'A B', firstName: 'A', lastName: 'B', emails: ['a@example.org'], phones: [] }),
    );
    expect(error).toMatchObject({
      kind: 'invalid-input',
      message: 'Pinpoint creates a candidate together with an application: choose a job.',
    });
    expect(sandbox.requests).toHaveLength(0);
  });

  it('gets the read-only key’s 403 as a permission error on a write', async () => {
    const error = await failure(
      client(sandboxLimitedCredentials.pinpoint.key).createNote({
        candidateId: '55101',
        applicationId: demo.pinpoint.applicationId,
        text: 'Hi',
      }),
    );
    expect(error).toMatchObject({ kind: 'permission', status: 403 });
  });

  it('retries a write refused with 429 after Retry-After and writes exactly once', async () => {
    sandbox.injectFault({
      host: 'acme.pinpointhq.com',
      pathPrefix: '/api/v1/comments',
      kind: 'rate-limit',
      retryAfterSeconds: 2,
    });
    const clock = fakeClock();
    const pinpoint = createPinpointClient(
      { key: sandbox.credentials.pinpoint.key, subdomain: demo.pinpoint.subdomain },
      { fetch: sandboxFetch(sandbox), clock, random: () => 0 },
    );
    const note = await pinpoint.createNote({
      candidateId: '55101',
      applicationId: demo.pinpoint.applicationId,
      text: 'After the rate limit',
    });
    expect(note.text).toBe('After the rate limit');
    const posts = sandbox.requests.filter((request) => request.method === 'POST');
    expect(posts.map((request) => request.status)).toEqual([429, 201]);
    expect(clock.sleeps).toContain(2000);
  });
});
