// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { feedbackFormIds, interviewPlanId } from '../../sandbox/ashby/state.ts';
import { demo, sandboxLimitedCredentials, seed } from '../../sandbox/seed.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { ashbyCall, basic, call } from './sandbox-client.ts';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const unknownId = '00000000-0000-4000-8000-000000000000';
const priyaApplication = seed.ashby.applications.find((each) => each.candidateId === demo.ashby.candidateId)!;
const aisha = seed.ashby.users.find((each) => each.firstName === 'Aisha')!;
const hannah = seed.ashby.users.find((each) => each.firstName === 'Hannah')!;

async function post(path: string, body: unknown, key = sandbox.credentials.ashby.key) {
  const reply = await ashbyCall(sandbox, path, key, JSON.stringify(body));
  return { status: reply.status, headers: reply.headers, body: JSON.parse(reply.body) };
}

function refused(code: string) {
  return {
    success: false,
    errors: [code],
    errorInfo: { code, message: expect.any(String), requestId: expect.any(String) },
  };
}

describe('Ashby sandbox: auth and transport', () => {
  it('answers a missing Authorization with 401 on every endpoint', async () => {
    const reply = await call(sandbox, {
      host: 'api.ashbyhq.com',
      path: '/candidate.list',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toEqual(refused('unauthenticated'));
  });

  it('answers a wrong key with 403 and the request id repeated in errorInfo', async () => {
    const reply = await post('/candidate.info', { id: demo.ashby.candidateId }, 'sbx_wrong');
    expect(reply.status).toBe(403);
    expect(reply.body.errorInfo).toMatchObject({
      code: 'invalid_api_key',
      requestId: reply.headers['x-ashby-request-id'],
    });
  });

  it('requires application/json, and takes multipart only on candidate.uploadResume', async () => {
    const reply = await call(sandbox, {
      host: 'api.ashbyhq.com',
      path: '/candidate.create',
      method: 'POST',
      headers: { ...basic(sandbox.credentials.ashby.key), 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x--',
    });
    expect(reply.status).toBe(415);
    expect(JSON.parse(reply.body)).toEqual(refused('invalid_content_type'));
  });

  it('gives the read-only key missing_endpoint_permission on writes and on feedback forms, but serves other reads', async () => {
    const key = sandboxLimitedCredentials.ashby.key;
    const note = await post('/candidate.createNote', { candidateId: demo.ashby.candidateId, note: 'x' }, key);
    expect(note.status).toBe(403);
    expect(note.body).toEqual(refused('missing_endpoint_permission'));
    expect(note.body.errorInfo.message).toContain('candidatesWrite');
    expect((await post('/interviewSchedule.create', {}, key)).body.errorInfo.message).toContain('interviewsWrite');
    const forms = await post('/feedbackFormDefinition.list', {}, key);
    expect(forms.status).toBe(403);
    expect(forms.body.errorInfo.message).toContain('hiringProcessMetadataRead');
    expect((await post('/candidate.info', { id: demo.ashby.candidateId }, key)).body.success).toBe(true);
    expect((await post('/apiKey.info', {}, key)).body.results).toEqual({
      title: 'Sandbox read-only key',
      createdAt: expect.any(String),
      scopes: ['apiKeys:read', 'candidates:read', 'jobs:read', 'organization:read', 'interviews:read'],
    });
  });
});

describe('Ashby sandbox: validation', () => {
  it('refuses a missing required field with success:false invalid_input inside HTTP 200', async () => {
    const reply = await post('/candidate.create', { email: 'x@example.org' });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(refused('invalid_input'));
    expect(reply.body.errorInfo.message).toContain('name');
  });

  it('refuses unknown fields', async () => {
    const reply = await post('/candidate.create', { name: 'A B', phone: '123' });
    expect(reply.body).toEqual(refused('invalid_input'));
  });

  it('refuses an invalid LinkedIn URL on create', async () => {
    expect((await post('/candidate.create', { name: 'A B', linkedInUrl: 'not a url' })).body).toEqual(
      refused('invalid_input'),
    );
  });

  it('refuses candidate.search without email or name', async () => {
    expect((await post('/candidate.search', {})).body).toEqual(refused('invalid_input'));
  });

  it('answers unknown ids with <kind>_not_found', async () => {
    expect((await post('/candidate.info', { id: unknownId })).body).toEqual(refused('candidate_not_found'));
    expect((await post('/application.info', { applicationId: unknownId })).body).toEqual(
      refused('application_not_found'),
    );
    expect((await post('/interviewStage.list', { interviewPlanId: unknownId })).body).toEqual(
      refused('interview_plan_not_found'),
    );
    expect(
      (await post('/application.changeStage', { applicationId: priyaApplication.id, interviewStageId: unknownId }))
        .body,
    ).toEqual(refused('interview_stage_not_found'));
    expect((await post('/application.create', { candidateId: demo.ashby.candidateId, jobId: unknownId })).body).toEqual(
      refused('job_not_found'),
    );
  });

  it('takes an archive reason only for moves to an Archived stage', async () => {
    const reply = await post('/application.changeStage', {
      applicationId: priyaApplication.id,
      interviewStageId: seed.ashby.stages[3]!.id,
      archiveReasonId: unknownId,
    });
    expect(reply.body).toEqual(refused('invalid_input'));
  });

  it('caps limit at 100 and refuses a cursor it did not give', async () => {
    expect((await post('/candidate.list', { limit: 101 })).body).toEqual(refused('invalid_input'));
    expect((await post('/candidate.list', { cursor: 'bogus' })).body).toEqual(refused('invalid_next_cursor'));
  });
});

describe('Ashby sandbox: pagination and state', () => {
  it('pages with moreDataAvailable and nextCursor until the last page, which carries a syncToken', async () => {
    const seen: string[] = [];
    let body: Record<string, unknown> = { limit: 2 };
    for (let pages = 0; pages < 10; pages += 1) {
      const reply = (await post('/candidate.list', body)).body;
      expect(reply.success).toBe(true);
      seen.push(...reply.results.map((each: { id: string }) => each.id));
      if (!reply.moreDataAvailable) {
        expect(reply.syncToken).toEqual(expect.any(String));
        break;
      }
      body = { limit: 2, cursor: reply.nextCursor };
    }
    expect(seen).toEqual(seed.ashby.candidates.map((each) => each.id));
  });

  it('serves job.list by status, Drafts only when asked', async () => {
    const open = (await post('/job.list', { status: ['Open'] })).body;
    expect(open.results.map((each: { status: string }) => each.status)).toEqual(['Open', 'Open', 'Open']);
    expect((await post('/job.list', { status: ['Pending'] })).body).toEqual(refused('invalid_input'));
  });

  it('lists a created note afterwards and shows it on the candidate page', async () => {
    const created = await post('/candidate.createNote', {
      candidateId: demo.ashby.candidateId,
      note: { type: 'text/html', value: '<h1>Summary</h1><b>Hire</b> <img src=x>' },
    });
    expect(created.body.results).toMatchObject({ content: 'Summary<b>Hire</b> ', author: { id: hannah.id } });
    const listed = (await post('/candidate.listNotes', { candidateId: demo.ashby.candidateId })).body;
    expect(listed.results.at(-1).id).toBe(created.body.results.id);
    const page = await call(sandbox, { host: 'app.ashbyhq.com', path: `/candidates/${demo.ashby.candidateId}` });
    expect(page.body).toContain('SummaryHire');
  });

  it('moves an application to a stage of the plan', async () => {
    const stages = (await post('/interviewStage.list', { interviewPlanId })).body.results;
    const offer = stages.at(-1);
    const moved = await post('/application.changeStage', {
      applicationId: priyaApplication.id,
      interviewStageId: offer.id,
    });
    expect(moved.body.results.currentInterviewStage).toMatchObject({ id: offer.id, title: 'Offer', interviewPlanId });
    const info = await post('/application.info', { applicationId: priyaApplication.id });
    expect(info.body.results.currentInterviewStage.title).toBe('Offer');
  });
});

describe('Ashby sandbox: feedback, schedules, resumes', () => {
  const required = [
    { path: '_systemfield_overall_recommendation', value: { score: 3 } },
    { path: 'recommendation_summary', value: { type: 'PlainText', value: 'Good' } },
  ];

  it('refuses feedback missing a required field or with a value of the wrong shape', async () => {
    const base = { formDefinitionId: feedbackFormIds.technical, applicationId: priyaApplication.id };
    expect(
      (await post('/applicationFeedback.submit', { ...base, feedbackForm: { fieldSubmissions: required.slice(0, 1) } }))
        .body.errorInfo.message,
    ).toContain('recommendation_summary');
    const badScore = [{ ...required[0], value: { score: 5 } }, required[1]];
    expect(
      (await post('/applicationFeedback.submit', { ...base, feedbackForm: { fieldSubmissions: badScore } })).body,
    ).toEqual(refused('invalid_input'));
    const richAsString = [required[0], { path: 'recommendation_summary', value: 'Good' }];
    expect(
      (await post('/applicationFeedback.submit', { ...base, feedbackForm: { fieldSubmissions: richAsString } })).body,
    ).toEqual(refused('invalid_input'));
  });

  it('requires the event’s interviewer as userId when feedback names an interview event', async () => {
    const base = {
      formDefinitionId: feedbackFormIds.technical,
      applicationId: priyaApplication.id,
      interviewEventId: demo.ashby.interviewBriefingId,
      feedbackForm: { fieldSubmissions: required },
    };
    expect((await post('/applicationFeedback.submit', base)).body).toEqual(refused('invalid_input'));
    expect((await post('/applicationFeedback.submit', { ...base, userId: hannah.id })).body).toEqual(
      refused('invalid_input'),
    );
    const ok = await post('/applicationFeedback.submit', { ...base, userId: aisha.id });
    expect(ok.body.results.submittedFormInstance).toMatchObject({ id: expect.any(String) });
  });

  it('refuses a schedule whose interviewer is not an Ashby user, or that ends before it starts', async () => {
    const event = { startTime: '2026-12-01T10:00:00.000Z', endTime: '2026-12-01T11:00:00.000Z' };
    expect(
      (
        await post('/interviewSchedule.create', {
          applicationId: priyaApplication.id,
          interviewEvents: [{ ...event, interviewers: [{ email: 'stranger@example.com' }] }],
        })
      ).body,
    ).toEqual(refused('invalid_input'));
    expect(
      (
        await post('/interviewSchedule.create', {
          applicationId: priyaApplication.id,
          interviewEvents: [
            { startTime: event.endTime, endTime: event.startTime, interviewers: [{ email: aisha.email }] },
          ],
        })
      ).body,
    ).toEqual(refused('invalid_input'));
    expect(
      (
        await post('/interviewSchedule.create', {
          applicationId: priyaApplication.id,
          interviewEvents: [{ ...event, interviewers: [{ email: aisha.email }], location: 'Room 4' }],
        })
      ).body,
    ).toEqual(refused('invalid_input'));
  });

  it('refuses a multipart resume upload without the file, and a JSON upload with an unknown handle', async () => {
    const boundary = 'sidecarboundary';
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="candidateId"',
      '',
      demo.ashby.candidateId,
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const reply = await call(sandbox, {
      host: 'api.ashbyhq.com',
      path: '/candidate.uploadResume',
      method: 'POST',
      headers: { ...basic(sandbox.credentials.ashby.key), 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(JSON.parse(reply.body)).toEqual(refused('invalid_input'));
    expect(
      (await post('/candidate.uploadResume', { candidateId: demo.ashby.candidateId, resumeHandle: 'nope' })).body,
    ).toEqual(refused('invalid_input'));
  });
});
