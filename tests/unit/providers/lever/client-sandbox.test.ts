// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRateLimiter } from '@/lib/http/rate-limiter';
import { createLeverClient } from '@/lib/providers/lever/client';
import { sandboxLimitedCredentials, demo } from '../../../sandbox/seed.ts';
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

function leverClient(key = sandbox.credentials.lever.key, pageSize?: number) {
  const clock = fakeClock(Date.now());
  return createLeverClient(
    { key },
    {
      fetch: sandboxFetch(sandbox),
      clock,
      random: () => 0,
      limiter: createRateLimiter([{ capacity: 1000, refillPerSecond: 1000 }], clock),
    },
    pageSize ? { pageSize } : {},
  );
}

const hannah = '9ccdc246-674c-42a0-8da9-c7f963342738';
const priya = demo.lever.candidateId;
const backendJob = '28146bea-4c85-48ba-9a2c-5e99e99cab8f';
const dataJob = '8005e948-bcdb-46b5-8deb-1c4ad7a76dec';
const onsiteStage = 'f1c4eacb-e8af-4617-8c96-0bf5f6c09320';

const leverWrites = () => sandbox.requests.filter((entry) => entry.host === 'api.lever.co' && entry.method !== 'GET');

describe('Lever client against the sandbox', () => {
  it('verifies the full key with nothing missing', async () => {
    await expect(leverClient().verifyKey()).resolves.toEqual({ valid: true, missing: [] });
  });

  it('answers valid:false for a wrong key', async () => {
    await expect(leverClient('not-a-key').verifyKey()).resolves.toEqual({ valid: false, missing: [] });
  });

  it('reports the feedback templates the read-only key cannot read', async () => {
    const check = await leverClient(sandboxLimitedCredentials.lever.key).verifyKey();
    expect(check.valid).toBe(true);
    expect(check.missing.map((entry) => entry.permission)).toEqual([
      'Find all feedback templates (feedback_templates:read)',
    ]);
  });

  it('refuses writes with the read-only key as a permission error', async () => {
    const error = await failure(
      leverClient(sandboxLimitedCredentials.lever.key).createNote({ candidateId: priya, text: 'x', performAs: hannah }),
    );
    expect(error).toMatchObject({ kind: 'permission', status: 403 });
  });

  it('reads the demo candidate with its application, job title, stage and owner', async () => {
    const context = await leverClient().getCandidateContext({ candidateId: priya });
    expect(context.candidate).toMatchObject({
      provider: 'lever',
      id: priya,
      name: 'Priya Raman',
      emails: ['priya.raman@example.org'],
      phones: ['+44 7700 900123'],
      linkedinUrl: 'https://www.linkedin.com/in/priya-raman-4b1a2c',
      location: 'London, United Kingdom',
      headline: 'Senior Backend Engineer at Kestrel Payments',
      company: 'Kestrel Payments',
      owner: { id: hannah, name: 'Hannah Brooks', email: 'hannah.brooks@example.com' },
      url: `https://hire.lever.co/candidates/${priya}`,
    });
    expect(context.applications).toEqual([
      expect.objectContaining({
        candidateId: priya,
        jobId: backendJob,
        jobTitle: 'Senior Backend Engineer',
        stage: { id: 'fda46769-2e63-45a6-8681-a50e7a343298', name: 'Technical interview' },
        status: 'active',
        source: 'LinkedIn',
      }),
    ]);
    expect(context.focusApplicationId).toBe(context.applications[0]?.id);
  });

  it('marks an archived candidacy as rejected through its non-hired archive reason', async () => {
    const tomasz = '62fb13d2-dc73-4c28-9578-7f26a73a7a25';
    const context = await leverClient().getCandidateContext({ candidateId: tomasz });
    expect(context.applications[0]?.status).toBe('rejected');
  });

  it('lists the three open jobs, however each is published, across pages', async () => {
    const jobs = await leverClient(undefined, 1).listOpenJobs();
    expect(jobs.map((job) => [job.title, job.department, job.location])).toEqual([
      ['Senior Backend Engineer', 'Engineering', 'London, United Kingdom'],
      ['Product Designer', 'Design', 'Remote (United Kingdom)'],
      ['Data Engineer', 'Data Platform', 'Manchester, United Kingdom'],
    ]);
    expect(jobs.every((job) => job.status === 'open')).toBe(true);
  });

  it('lists the users with their emails, one page at a time', async () => {
    const users = await leverClient(undefined, 1).listUsers();
    expect(users.map((user) => user.email)).toEqual([
      'hannah.brooks@example.com',
      'marcus.webb@example.com',
      'aisha.khan@example.com',
      'oliver.grant@example.com',
    ]);
    expect(sandbox.requests.filter((entry) => entry.path.startsWith('/v1/users'))).toHaveLength(4);
  });

  it('lists stages in pipeline order, built-in lead stages first', async () => {
    const stages = await leverClient().listStages({ provider: 'lever', id: 'a', candidateId: priya, status: 'active' });
    expect(stages.map((stage) => stage.id).slice(0, 4)).toEqual([
      'lead-new',
      'lead-reached-out',
      'lead-responded',
      'applicant-new',
    ]);
    expect(stages.at(-1)).toMatchObject({ id: 'offer', name: 'Offer', position: 7 });
  });

  it('creates a note and lists it afterwards, by its author', async () => {
    const client = leverClient();
    const created = await client.createNote({ candidateId: priya, text: 'Call summary: strong.', performAs: hannah });
    const notes = await client.listNotes({ candidateId: priya });
    expect(notes).toHaveLength(3);
    expect(notes.at(-1)).toEqual({ ...created, author: 'Hannah Brooks' });
  });

  it('moves to a stage with a note and reads the new stage back', async () => {
    const client = leverClient();
    const before = await client.getCandidateContext({ candidateId: priya });
    const applicationId = before.applications[0]!.id;
    const moved = await client.moveToStage({
      candidateId: priya,
      applicationId,
      stageId: onsiteStage,
      note: 'Invited to the on-site.',
      performAs: hannah,
    });
    expect(moved.stage).toEqual({ id: onsiteStage, name: 'On-site interview' });
    const after = await client.getCandidateContext({ candidateId: priya });
    expect(after.applications[0]?.stage?.id).toBe(onsiteStage);
    expect((await client.listNotes({ candidateId: priya })).at(-1)?.text).toBe('Invited to the on-site.');
  });

  it('finds the demo candidate by email and by LinkedIn URL written differently', async () => {
    const client = leverClient(undefined, 2);
    expect((await client.findCandidates({ email: 'Priya.Raman@example.org' })).map((each) => each.id)).toEqual([priya]);
    const byUrl = await client.findCandidates({ linkedinUrl: 'linkedin.com/in/Priya-Raman-4b1a2c/?utm=x' });
    expect(byUrl.map((each) => each.id)).toEqual([priya]);
    expect(await client.findCandidates({ email: 'nobody@example.org' })).toEqual([]);
  });

  it('creates a candidate on a job, finds it, adds a second job, and shows it on its web page', async () => {
    const client = leverClient();
    const candidate = await client.createCandidate({
      name: 'Elena Petrova',
      firstName: 'Elena',
      lastName: 'Petrova',
      emails: ['elena.petrova@example.org'],
      phones: [],
      linkedinUrl: 'https://www.linkedin.com/in/elena-petrova-5c3e91',
      location: 'Berlin, Germany',
      headline: 'Staff Data Engineer at Lumen Freight',
      jobId: backendJob,
      performAs: hannah,
    });
    expect(candidate).toMatchObject({
      name: 'Elena Petrova',
      linkedinUrl: 'https://www.linkedin.com/in/elena-petrova-5c3e91',
    });
    expect(candidate.applicationIds).toHaveLength(1);
    const found = await client.findCandidates({ linkedinUrl: 'https://linkedin.com/in/elena-petrova-5c3e91' });
    expect(found.map((each) => each.id)).toEqual([candidate.id]);

    const application = await client.createApplication({
      candidateId: candidate.id,
      jobId: dataJob,
      performAs: hannah,
    });
    expect(application).toMatchObject({ jobId: dataJob, jobTitle: 'Data Engineer', status: 'active' });
    expect(application.candidateId).not.toBe(candidate.id);
    // Same person, two opportunities: both come back for her email.
    const byEmail = await client.findCandidates({ email: 'elena.petrova@example.org' });
    expect(byEmail.map((each) => each.id).sort()).toEqual([candidate.id, application.candidateId].sort());

    await client.uploadResume({
      candidateId: candidate.id,
      file: { name: 'Elena Petrova.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.7 resume') },
      performAs: hannah,
    });
    const page = await sandboxFetch(sandbox)(candidate.url);
    expect(await page.text()).toContain('Elena Petrova');
  });

  it('lists feedback forms and submits one for a seeded interview', async () => {
    const client = leverClient();
    const forms = await client.listFeedbackForms();
    expect(forms.map((form) => form.title)).toEqual(['Technical Interview Scorecard', 'Recruiter Screen']);
    const form = forms[0]!;
    const byLabel = (label: string) => form.fields.find((field) => field.label === label)!.id;
    const applicationId = (await client.getCandidateContext({ candidateId: priya })).applications[0]!.id;
    const result = await client.submitFeedback({
      candidateId: priya,
      applicationId,
      formId: form.id,
      interviewId: demo.lever.interviewId,
      values: [
        { fieldId: byLabel('Rating'), value: '3 - Hire' },
        { fieldId: byLabel('Technical depth'), value: 'Clear on idempotency keys.' },
        { fieldId: byLabel('Topics covered'), value: ['Idempotency', 'Testing'] },
        { fieldId: byLabel('Would you want to work with them?'), value: true },
        { fieldId: byLabel('Communication'), value: '4' },
      ],
      performAs: '8969545d-ac69-47a7-a7b9-3527f429f046',
    });
    expect(result.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('links the feedback page to its candidate, interview and template, and sees its own submission afterwards', async () => {
    const client = leverClient();
    const aisha = '8969545d-ac69-47a7-a7b9-3527f429f046';
    const context = await client.getFeedbackContext({
      interviewId: demo.lever.interviewId,
      candidateId: priya,
      performAs: aisha,
    });
    expect(context).toMatchObject({
      candidateId: priya,
      candidateName: 'Priya Raman',
      interview: { id: demo.lever.interviewId, start: expect.any(String) },
      form: { title: 'Technical Interview Scorecard' },
      alreadySubmitted: false,
    });
    expect(context.submitBlocked).toBeUndefined();
    expect(context.form.fields.map((field) => field.label)).toEqual(
      expect.arrayContaining(['Rating', 'Technical depth', 'Seniority', 'Earliest start date']),
    );
    const byLabel = (label: string) => context.form.fields.find((field) => field.label === label)!.id;
    await client.submitFeedback({
      candidateId: priya,
      applicationId: context.applicationId,
      formId: context.form.id,
      interviewId: demo.lever.interviewId,
      values: [
        { fieldId: byLabel('Rating'), value: '3 - Hire' },
        { fieldId: byLabel('Technical depth'), value: 'Clear on idempotency keys.' },
        { fieldId: byLabel('Earliest start date'), value: '2027-02-01' },
        {
          fieldId: context.form.fields.find((field) => field.parts?.length)!.id,
          value: [
            { score: 3, comment: 'Led the ledger migration.' },
            { score: 0, comment: '' },
          ],
        },
      ],
      performAs: aisha,
    });
    const feedback = await client.listFeedback({ candidateId: priya, applicationId: context.applicationId });
    expect(feedback).toEqual([
      expect.objectContaining({ interviewId: demo.lever.interviewId, userId: aisha, submittedAt: expect.any(String) }),
    ]);
    const again = await client.getFeedbackContext({
      interviewId: demo.lever.interviewId,
      candidateId: priya,
      performAs: aisha,
    });
    expect(again.alreadySubmitted).toBe(true);
  });

  it('needs the candidate to find an interview, and ties a refused value to its field', async () => {
    const client = leverClient();
    expect(await failure(client.getFeedbackContext({ interviewId: demo.lever.interviewId }))).toMatchObject({
      kind: 'invalid-input',
    });
    const context = await client.getFeedbackContext({
      interviewId: demo.lever.interviewId,
      candidateId: priya,
      performAs: hannah,
    });
    const seniority = context.form.fields.find((field) => field.label === 'Seniority')!;
    const rating = context.form.fields.find((field) => field.label === 'Rating')!;
    const depth = context.form.fields.find((field) => field.label === 'Technical depth')!;
    expect(
      await failure(
        client.submitFeedback({
          candidateId: priya,
          applicationId: context.applicationId,
          formId: context.form.id,
          values: [
            { fieldId: rating.id, value: '3 - Hire' },
            { fieldId: depth.id, value: 'Solid.' },
            { fieldId: seniority.id, value: 'Principal' },
          ],
          performAs: hannah,
        }),
      ),
    ).toMatchObject({ kind: 'invalid-input', fieldId: seniority.id });
  });

  it('schedules an interview that then has its own page in the web app', async () => {
    const client = leverClient();
    const applicationId = (await client.getCandidateContext({ candidateId: priya })).applications[0]!.id;
    const interview = await client.scheduleInterview({
      candidateId: priya,
      applicationId,
      start: '2026-12-02T10:00:00.000Z',
      end: '2026-12-02T11:00:00.000Z',
      interviewerEmail: 'aisha.khan@example.com',
      title: 'System design',
      performAs: hannah,
    });
    expect(interview).toMatchObject({
      applicationId,
      start: '2026-12-02T10:00:00.000Z',
      end: '2026-12-02T11:00:00.000Z',
    });
    const page = await sandboxFetch(sandbox)(`https://hire.lever.co/interviews/${interview.id}`);
    expect(await page.text()).toContain('System design');
  });

  it('retries a write refused with 429 and Retry-After, sending it exactly once more', async () => {
    sandbox.injectFault({
      host: 'api.lever.co',
      pathPrefix: `/v1/opportunities/${priya}/notes`,
      kind: 'rate-limit',
      retryAfterSeconds: 1,
    });
    const client = leverClient();
    await client.createNote({ candidateId: priya, text: 'Only once', performAs: hannah });
    expect(leverWrites().map((entry) => entry.status)).toEqual([429, 201]);
    const notes = await client.listNotes({ candidateId: priya });
    expect(notes.filter((note) => note.text === 'Only once')).toHaveLength(1);
  });

  it('sends nothing when a write needs perform_as and Sidecar has none', async () => {
    const error = await failure(
      leverClient().uploadResume({
        candidateId: priya,
        file: { name: 'cv.pdf', type: 'application/pdf', bytes: new Uint8Array([1]) },
      }),
    );
    expect(error.kind).toBe('invalid-input');
    expect(sandbox.requests).toHaveLength(0);
  });
});
