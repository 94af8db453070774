// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAshbyClient } from '@/lib/providers/ashby/client';
import { demo, sandboxLimitedCredentials } from '../../../sandbox/seed.ts';
import { startSandbox, type Sandbox } from '../../../sandbox/server.ts';
import { fakeClock } from '../../http/fake-clock';
import { ashbyCall, call, sandboxFetch } from '../../sandbox/sandbox-client.ts';
import { sidecarFailure as failure } from '../../sidecar-failure';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

function client(key = sandbox.credentials.ashby.key) {
  // A fake clock makes Retry-After waits instant; the sandbox answers at once anyway.
  return createAshbyClient({ key }, { fetch: sandboxFetch(sandbox), clock: fakeClock(), random: () => 0 });
}

const calls = (endpoint: string) => sandbox.requests.filter((each) => each.path === `/${endpoint}`);

describe('Ashby client against the sandbox', () => {
  it('verifies the full key with its title and nothing missing', async () => {
    expect(await client().verifyKey()).toEqual({ valid: true, label: 'Sandbox key', missing: [] });
  });

  it('answers valid:false for a wrong key', async () => {
    expect(await client('sbx_ashby_wrong').verifyKey()).toEqual({ valid: false, missing: [] });
  });

  it('reports what the read-only key lacks: feedback forms and every write', async () => {
    const check = await client(sandboxLimitedCredentials.ashby.key).verifyKey();
    expect(check.valid).toBe(true);
    expect(check.label).toBe('Sandbox read-only key');
    expect(check.missing.map((each) => each.permission)).toEqual([
      'hiringProcessMetadataRead',
      'candidatesWrite',
      'interviewsWrite',
    ]);
    // Nothing was written to find that out.
    expect(sandbox.requests.every((each) => !/create|submit|upload|change/i.test(each.path))).toBe(true);
  });

  it('reads the demo candidate with application, job title, stage name and owner', async () => {
    const context = await client().getCandidateContext({ candidateId: demo.ashby.candidateId });
    expect(context.candidate).toMatchObject({
      provider: 'ashby',
      id: demo.ashby.candidateId,
      name: 'Priya Raman',
      emails: ['priya.raman@example.org'],
      phones: ['+44 7700 900123'],
      linkedinUrl: 'https://www.linkedin.com/in/priya-raman-4b1a2c',
      location: 'London, United Kingdom',
      headline: 'Senior Backend Engineer',
      company: 'Kestrel Payments',
      owner: { name: 'Hannah Brooks', email: 'hannah.brooks@example.com' },
      url: `https://app.ashbyhq.com/candidates/${demo.ashby.candidateId}`,
    });
    expect(context.applications).toHaveLength(1);
    expect(context.applications[0]).toMatchObject({
      jobId: demo.ashby.jobId,
      jobTitle: 'Senior Backend Engineer',
      stage: { name: 'Technical Interview', position: 2 },
      status: 'active',
      source: 'LinkedIn',
    });
    expect(context.focusApplicationId).toBe(context.applications[0]?.id);
  });

  it('lists the open jobs with department and location names', async () => {
    const jobs = await client().listOpenJobs();
    expect(jobs.map((job) => [job.title, job.department, job.location, job.status])).toEqual([
      ['Senior Backend Engineer', 'Engineering', 'London, United Kingdom', 'open'],
      ['Product Designer', 'Design', 'Remote (United Kingdom)', 'open'],
      ['Data Engineer', 'Data Platform', 'Manchester, United Kingdom', 'open'],
    ]);
  });

  it('lists every user over several pages', async () => {
    const users = await client().listUsers();
    expect(users.map((each) => each.email)).toEqual([
      'hannah.brooks@example.com',
      'marcus.webb@example.com',
      'aisha.khan@example.com',
      'oliver.grant@example.com',
    ]);
    expect(calls('user.list').length).toBeGreaterThan(1);
  });

  it('creates a note and lists it afterwards, keeping only the HTML Ashby allows', async () => {
    const ashby = client();
    const created = await ashby.createNote({
      candidateId: demo.ashby.candidateId,
      text: 'Call summary: strong',
      html: '<p><b>Call summary</b>: strong</p><script>x</script>',
    });
    expect(created.text).toBe('Call summary: strong');
    const notes = await ashby.listNotes({ candidateId: demo.ashby.candidateId });
    expect(notes).toHaveLength(3);
    expect(notes.at(-1)).toMatchObject({ id: created.id, text: 'Call summary: strong', author: 'Hannah Brooks' });
  });

  it('moves an application to another stage with a note, and reads the new stage back', async () => {
    const ashby = client();
    const before = await ashby.getCandidateContext({ candidateId: demo.ashby.candidateId });
    const application = before.applications[0]!;
    const stages = await ashby.listStages(application);
    expect(stages.map((each) => each.name)).toEqual([
      'Application Review',
      'Recruiter Screen',
      'Technical Interview',
      'Onsite',
      'Offer',
    ]);
    const onsite = stages.find((each) => each.name === 'Onsite')!;
    const moved = await ashby.moveToStage({
      candidateId: demo.ashby.candidateId,
      applicationId: application.id,
      stageId: onsite.id,
      note: 'Passed the technical interview.',
    });
    expect(moved.stage?.name).toBe('Onsite');
    const after = await ashby.getCandidateContext({ candidateId: demo.ashby.candidateId });
    expect(after.applications[0]?.stage?.name).toBe('Onsite');
    const notes = await ashby.listNotes({ candidateId: demo.ashby.candidateId });
    expect(notes.at(-1)?.text).toBe('Passed the technical interview.');
  });

  it('finds the demo candidate by email, by LinkedIn URL and by name', async () => {
    const ashby = client();
    expect((await ashby.findCandidates({ email: 'Priya.Raman@example.org' })).map((each) => each.name)).toEqual([
      'Priya Raman',
    ]);
    const byLinkedin = await ashby.findCandidates({ linkedinUrl: 'https://linkedin.com/in/Priya-Raman-4b1a2c/?trk=x' });
    expect(byLinkedin.map((each) => each.id)).toEqual([demo.ashby.candidateId]);
    expect(calls('candidate.list').length).toBeGreaterThan(1);
    expect((await ashby.findCandidates({ name: 'priya' })).map((each) => each.id)).toEqual([demo.ashby.candidateId]);
    expect(await ashby.findCandidates({ email: 'nobody@example.org' })).toEqual([]);
  });

  it('creates a candidate and an application, which then show in search, context and the web page', async () => {
    const ashby = client();
    const users = await ashby.listUsers();
    const hannah = users.find((each) => each.email === 'hannah.brooks@example.com')!;
    const candidate = await ashby.createCandidate({
      name: 'Elena Petrova',
      firstName: 'Elena',
      lastName: 'Petrova',
      emails: ['elena.petrova@example.org'],
      phones: [],
      linkedinUrl: 'https://www.linkedin.com/in/elena-petrova-5c3e91',
      performAs: hannah.id,
    });
    expect(candidate).toMatchObject({ name: 'Elena Petrova', owner: { id: hannah.id } });
    const application = await ashby.createApplication({ candidateId: candidate.id, jobId: demo.ashby.jobId });
    expect(application).toMatchObject({ candidateId: candidate.id, jobTitle: 'Senior Backend Engineer' });
    expect(application.stage?.name).toBe('Application Review');

    expect((await ashby.findCandidates({ email: 'elena.petrova@example.org' })).map((each) => each.id)).toEqual([
      candidate.id,
    ]);
    const context = await ashby.getCandidateContext({ candidateId: candidate.id });
    expect(context.applications.map((each) => each.id)).toEqual([application.id]);
    const page = await call(sandbox, { host: 'app.ashbyhq.com', path: `/candidates/${candidate.id}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Elena Petrova');
  });

  it('uploads a resume that then shows on the candidate', async () => {
    await client().uploadResume({
      candidateId: demo.ashby.candidateId,
      file: { name: 'priya-raman.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.4 test') },
    });
    const info = JSON.parse(
      (await ashbyCall(sandbox, '/candidate.info', undefined, JSON.stringify({ id: demo.ashby.candidateId }))).body,
    );
    expect(info.results.resumeFileHandle).toMatchObject({ name: 'priya-raman.pdf' });
  });

  it('links the feedback page to its candidate, interview event and form, with or without the candidate link', async () => {
    const ashby = client();
    const users = await ashby.listUsers();
    const aisha = users.find((each) => each.email === 'aisha.khan@example.com')!;
    const hannah = users.find((each) => each.email === 'hannah.brooks@example.com')!;
    const linked = await ashby.getFeedbackContext({
      interviewId: demo.ashby.interviewBriefingId,
      candidateId: demo.ashby.candidateId,
      performAs: aisha.id,
    });
    expect(linked).toMatchObject({
      candidateId: demo.ashby.candidateId,
      candidateName: 'Priya Raman',
      interview: { id: demo.ashby.interviewBriefingId, start: '2026-11-24T14:00:00.000Z' },
      form: { title: 'Technical Interview Feedback' },
      alreadySubmitted: false,
    });
    expect(linked.submitBlocked).toBeUndefined();
    expect(linked.form.fields.map((field) => field.id)).toEqual(
      expect.arrayContaining(['_systemfield_overall_recommendation', 'notice_period', '_systemfield_feedback']),
    );
    // Without the page's candidate link, the event is found among all schedules.
    const unlinked = await ashby.getFeedbackContext({
      interviewId: demo.ashby.interviewBriefingId,
      performAs: aisha.id,
    });
    expect(unlinked).toEqual(linked);
    // Someone who is not on the interview is told before they try.
    const notInterviewer = await ashby.getFeedbackContext({
      interviewId: demo.ashby.interviewBriefingId,
      candidateId: demo.ashby.candidateId,
      performAs: hannah.id,
    });
    expect(notInterviewer.submitBlocked).toMatch(/only from its interviewers/);
    expect(
      await failure(ashby.getFeedbackContext({ interviewId: '00000000-0000-4000-8000-000000000000' })),
    ).toMatchObject({ kind: 'not-found' });

    await ashby.submitFeedback({
      candidateId: demo.ashby.candidateId,
      applicationId: linked.applicationId,
      formId: linked.form.id,
      interviewId: demo.ashby.interviewBriefingId,
      values: [
        { fieldId: '_systemfield_overall_recommendation', value: '3' },
        { fieldId: 'recommendation', value: 'hire' },
        { fieldId: '_systemfield_feedback', value: 'Clear on idempotency keys.' },
        { fieldId: 'would_work_with', value: true },
      ],
      performAs: aisha.id,
    });
    expect(
      await ashby.listFeedback({ candidateId: demo.ashby.candidateId, applicationId: linked.applicationId }),
    ).toEqual([expect.objectContaining({ interviewId: demo.ashby.interviewBriefingId, userId: aisha.id })]);
    const after = await ashby.getFeedbackContext({
      interviewId: demo.ashby.interviewBriefingId,
      candidateId: demo.ashby.candidateId,
      performAs: aisha.id,
    });
    expect(after.alreadySubmitted).toBe(true);
  });

  it('ties a value Ashby refuses to its field', async () => {
    const ashby = client();
    const aisha = (await ashby.listUsers()).find((each) => each.email === 'aisha.khan@example.com')!;
    const context = await ashby.getFeedbackContext({
      interviewId: demo.ashby.interviewBriefingId,
      candidateId: demo.ashby.candidateId,
      performAs: aisha.id,
    });
    const error = await failure(
      ashby.submitFeedback({
        candidateId: demo.ashby.candidateId,
        applicationId: context.applicationId,
        formId: context.form.id,
        interviewId: demo.ashby.interviewBriefingId,
        values: [
          { fieldId: '_systemfield_overall_recommendation', value: '3' },
          { fieldId: 'recommendation', value: 'maybe' },
          { fieldId: '_systemfield_feedback', value: 'Clear.' },
        ],
        performAs: aisha.id,
      }),
    );
    expect(error).toMatchObject({ kind: 'invalid-input', fieldId: 'recommendation' });
  });

  it('lists the unarchived feedback forms and submits feedback as the interviewer of the event', async () => {
    const ashby = client();
    const forms = await ashby.listFeedbackForms();
    expect(forms.map((each) => each.title)).toEqual([
      'Technical Interview Scorecard',
      'Recruiter Screen',
      'Onsite Loop Scorecard',
      'Technical Interview Feedback',
    ]);
    const technical = forms[0]!;
    const aisha = (await ashby.listUsers()).find((each) => each.email === 'aisha.khan@example.com')!;
    const context = await ashby.getCandidateContext({ candidateId: demo.ashby.candidateId });
    const submitted = await ashby.submitFeedback({
      candidateId: demo.ashby.candidateId,
      applicationId: context.applications[0]!.id,
      formId: technical.id,
      interviewId: demo.ashby.interviewBriefingId,
      performAs: aisha.id,
      values: [
        { fieldId: '_systemfield_overall_recommendation', value: 3 },
        { fieldId: 'recommendation_summary', value: 'Clear thinking on idempotency.' },
        { fieldId: 'system_design', value: 'above' },
        { fieldId: 'strengths', value: ['coding', 'architecture'] },
        { fieldId: 'would_work_with', value: true },
        { fieldId: 'concerns', value: null },
      ],
    });
    expect(submitted.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('schedules an interview with an Ashby user as interviewer', async () => {
    const ashby = client();
    const context = await ashby.getCandidateContext({ candidateId: demo.ashby.secondCandidateId });
    const scheduled = await ashby.scheduleInterview({
      candidateId: demo.ashby.secondCandidateId,
      applicationId: context.applications[0]!.id,
      start: '2026-12-01T10:00:00.000Z',
      end: '2026-12-01T11:00:00.000Z',
      interviewerEmail: 'aisha.khan@example.com',
      location: 'Room 4',
    });
    expect(scheduled).toMatchObject({
      applicationId: context.applications[0]!.id,
      start: '2026-12-01T10:00:00.000Z',
      end: '2026-12-01T11:00:00.000Z',
    });
  });

  it('gets the permission error for writes and feedback forms with the read-only key', async () => {
    const readOnly = client(sandboxLimitedCredentials.ashby.key);
    expect(await failure(readOnly.createNote({ candidateId: demo.ashby.candidateId, text: 'x' }))).toMatchObject({
      kind: 'permission',
      status: 403,
      message: expect.stringContaining('candidatesWrite'),
    });
    expect(await failure(readOnly.listFeedbackForms())).toMatchObject({ kind: 'permission' });
    expect((await readOnly.listOpenJobs()).length).toBe(3);
  });

  it('maps an unknown candidate to not-found', async () => {
    expect(
      await failure(client().getCandidateContext({ candidateId: '00000000-0000-4000-8000-000000000000' })),
    ).toMatchObject({ kind: 'not-found', status: 200 });
  });

  it('retries a note after a 429 with Retry-After and writes it exactly once', async () => {
    sandbox.injectFault({
      host: 'api.ashbyhq.com',
      pathPrefix: '/candidate.createNote',
      kind: 'rate-limit',
      retryAfterSeconds: 2,
    });
    const ashby = client();
    await ashby.createNote({ candidateId: demo.ashby.candidateId, text: 'Once only' });
    expect(calls('candidate.createNote').map((each) => each.status)).toEqual([429, 200]);
    const notes = await ashby.listNotes({ candidateId: demo.ashby.candidateId });
    expect(notes.filter((each) => each.text === 'Once only')).toHaveLength(1);
  });
});
