// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { feedbackFormIds, interviewTypeIds, seededFeedbackForms } from '../../sandbox/ashby/state.ts';
import { ashbyFeedbackDefinition, ashbyFeedbackForm } from '../../sandbox/forms/ashby-form.ts';
import { demo, sandboxLimitedCredentials, seed } from '../../sandbox/seed.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { ashbyCall, call } from './sandbox-client.ts';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const unknownId = '00000000-0000-4000-8000-000000000000';
const priyaApplication = seed.ashby.applications.find((each) => each.candidateId === demo.ashby.candidateId)!;
const jamesApplication = seed.ashby.applications.find((each) => each.candidateId === demo.ashby.secondCandidateId)!;
const aisha = seed.ashby.users.find((each) => each.firstName === 'Aisha')!;
const hannah = seed.ashby.users.find((each) => each.firstName === 'Hannah')!;
const backendJob = seed.ashby.jobs.find((each) => each.title === 'Senior Backend Engineer')!;

/** Answers are read as untyped JSON, as the other sandbox tests read them; the assertions give them their shape. */
type Json = ReturnType<typeof JSON.parse>;

interface Envelope {
  success: boolean;
  results: Json;
  moreDataAvailable?: boolean;
  nextCursor?: string;
  errorInfo?: { code: string; message: string };
}

async function post(path: string, body: unknown, key = sandbox.credentials.ashby.key) {
  const reply = await ashbyCall(sandbox, path, key, JSON.stringify(body));
  return { status: reply.status, body: JSON.parse(reply.body) as Envelope };
}

/** Follows nextCursor to the end, as every client must. */
async function listAll(path: string, body: Record<string, unknown> = {}): Promise<Json[]> {
  const results: Json[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 20; pages += 1) {
    const reply = (await post(path, cursor ? { ...body, cursor } : body)).body;
    expect(reply.success, reply.errorInfo?.message).toBe(true);
    results.push(...reply.results);
    if (!reply.moreDataAvailable) return results;
    cursor = reply.nextCursor;
  }
  throw new Error(`${path} never stopped paging`);
}

function refusal(reply: { status: number; body: Envelope }) {
  expect(reply.status).toBe(200);
  expect(reply.body.success).toBe(false);
  return { code: reply.body.errorInfo?.code, message: reply.body.errorInfo?.message ?? '' };
}

/** What the feedback page hands its app, decoded from the root element's `data-form` attribute. */
async function pageConfig(eventId: string) {
  const reply = await call(sandbox, { host: 'app.ashbyhq.com', path: `/interview-briefings/${eventId}/feedback` });
  const attribute = /data-form="([^"]*)"/.exec(reply.body)?.[1];
  if (!attribute) return { body: reply.body, config: undefined };
  const decoded = attribute
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return { body: reply.body, config: JSON.parse(decoded) as Record<string, Json> };
}

const pageRequired = [
  { path: '_systemfield_overall_recommendation', value: { score: 3 } },
  { path: 'recommendation', value: 'hire' },
  { path: '_systemfield_feedback', value: { type: 'PlainText', value: 'Clear on idempotency.' } },
];

describe('Ashby sandbox: the feedback page and the API agree', () => {
  it('renders, for the demo event, exactly the form the API names through its interview', async () => {
    const schedules = await listAll('/interviewSchedule.list', { applicationId: priyaApplication.id });
    const event = schedules
      .flatMap((schedule) => schedule.interviewEvents)
      .find((each) => each.id === demo.ashby.interviewBriefingId);
    expect(event).toMatchObject({ interviewId: interviewTypeIds.technical });
    const interview = (await post('/interview.info', { id: event.interviewId })).body.results;
    expect(interview.feedbackFormDefinitionId).toBe(feedbackFormIds.interviewFeedback);
    const form = (
      await post('/feedbackFormDefinition.info', { feedbackFormDefinitionId: interview.feedbackFormDefinitionId })
    ).body.results;

    const { config } = await pageConfig(demo.ashby.interviewBriefingId);
    expect(config).toEqual({
      formDefinitionId: form.id,
      title: form.title,
      sections: form.formDefinition.sections,
      applicationId: priyaApplication.id,
      interviewEventId: demo.ashby.interviewBriefingId,
      userId: aisha.id,
    });
    expect(ashbyFeedbackDefinition.id).toBe(form.id);
  });

  it('gives every page field the full API shape, with the labels and paths the page has always had', () => {
    const fields = ashbyFeedbackDefinition.formDefinition.sections.flatMap((section) => section.fields);
    expect(fields.map((entry) => [entry.field.path, entry.field.type, entry.field.title])).toEqual([
      ['_systemfield_overall_recommendation', 'Score', 'Overall score'],
      ['recommendation', 'ValueSelect', 'Recommendation'],
      ['_systemfield_feedback', 'RichText', 'Overall feedback'],
      ['system_design', 'Score', 'System design'],
      ['coding', 'Score', 'Coding'],
      ['would_work_with', 'Boolean', 'Would you like to work with this person?'],
      ['notice_period', 'String', 'Notice period'],
      ['concerns', 'LongText', 'Concerns'],
    ]);
    for (const entry of fields) {
      expect(entry.field).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        humanReadablePath: entry.field.title,
        isNullable: !entry.isRequired,
      });
    }
  });

  it('shows the organisation’s default form for an event whose interview has none of its own', async () => {
    const daniel = seed.ashby.interviews.find((each) => each.title === 'Portfolio Review')!;
    const schedule = (await listAll('/interviewSchedule.list', { applicationId: daniel.applicationId }))[0];
    const interview = (await post('/interview.info', { id: schedule.interviewEvents[0].interviewId })).body.results;
    expect(interview).toMatchObject({ id: interviewTypeIds.portfolio, feedbackFormDefinitionId: null });
    const forms = await listAll('/feedbackFormDefinition.list');
    const fallback = forms.find((form) => form.isDefaultForm);
    expect((await pageConfig(daniel.id)).config).toMatchObject({
      formDefinitionId: fallback.id,
      sections: fallback.formDefinition.sections,
    });
  });

  it('says so instead of drawing half a form whose field types the page app lacks', () => {
    const technical = seededFeedbackForms().find((form) => form.id === feedbackFormIds.technical)!;
    const markup = ashbyFeedbackForm({ applicationId: 'a', interviewEventId: 'b', userId: 'c' }, technical).trustedHtml;
    expect(markup).toContain('cannot draw Technical Interview Scorecard: it has MultiValueSelect, Date, Number fields');
    expect(markup).not.toContain('data-sandbox-form');
  });

  it('accepts the page form’s own payload through applicationFeedback.submit', async () => {
    const reply = await post('/applicationFeedback.submit', {
      formDefinitionId: ashbyFeedbackDefinition.id,
      applicationId: priyaApplication.id,
      interviewEventId: demo.ashby.interviewBriefingId,
      userId: aisha.id,
      feedbackForm: {
        fieldSubmissions: [
          ...pageRequired,
          { path: 'system_design', value: { score: 4 } },
          { path: 'coding', value: { score: 2 } },
          { path: 'would_work_with', value: true },
          { path: 'notice_period', value: 'Three months' },
          { path: 'concerns', value: 'Little on-call experience.' },
        ],
      },
    });
    expect(reply.body.success).toBe(true);
  });
});

describe('Ashby sandbox: interview.info and interview.list', () => {
  it('answers interview.info {id} with the interview type and the form it uses', async () => {
    const reply = await post('/interview.info', { id: interviewTypeIds.technical });
    expect(reply.body.results).toEqual({
      id: interviewTypeIds.technical,
      title: 'Technical Interview',
      externalTitle: 'Technical Interview',
      isArchived: false,
      isDebrief: false,
      isFeedbackRequired: true,
      isFeedbackRequested: true,
      instructionsHtml: expect.stringMatching(/^<p>.+<\/p>$/),
      instructionsPlain: expect.any(String),
      jobId: backendJob.id,
      feedbackFormDefinitionId: feedbackFormIds.interviewFeedback,
    });
  });

  it('refuses interview.info without {id}, with interviewId instead, or for an unknown interview', async () => {
    expect(refusal(await post('/interview.info', {})).code).toBe('invalid_input');
    expect(refusal(await post('/interview.info', { interviewId: interviewTypeIds.technical })).code).toBe(
      'invalid_input',
    );
    expect(refusal(await post('/interview.info', { id: unknownId })).code).toBe('interview_not_found');
  });

  it('lists shared interviews only, unless includeNonSharedInterviews asks for the job-specific ones too', async () => {
    const shared = await listAll('/interview.list');
    expect(shared.map((each) => each.title)).toEqual(['Recruiter Screen', 'Interview', 'Onsite Loop']);
    const all = await listAll('/interview.list', { includeNonSharedInterviews: true });
    expect(all.map((each) => each.id)).toEqual(Object.values(interviewTypeIds));
    expect((await post('/interview.list', { includeNonSharedInterviews: true })).body).toMatchObject({
      moreDataAvailable: true,
      nextCursor: expect.any(String),
    });
    expect(refusal(await post('/interview.list', { jobId: backendJob.id })).code).toBe('invalid_input');
  });
});

describe('Ashby sandbox: interviewSchedule.list and interviewEvent.list', () => {
  it('puts every seeded interview event in exactly one schedule, each an instance of a known interview', async () => {
    const schedules = await listAll('/interviewSchedule.list');
    const events = schedules.flatMap((schedule) => schedule.interviewEvents);
    expect(events.map((event) => event.id).sort()).toEqual(seed.ashby.interviews.map((each) => each.id).sort());
    for (const schedule of schedules) {
      expect(schedule).toEqual({
        id: expect.any(String),
        status: 'Scheduled',
        applicationId: expect.any(String),
        interviewStageId: expect.any(String),
        scheduledBy: expect.objectContaining({ id: expect.any(String), email: expect.any(String) }),
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        interviewEvents: expect.any(Array),
      });
    }
    for (const event of events) {
      expect((await post('/interview.info', { id: event.interviewId })).body.success).toBe(true);
    }
  });

  it('filters schedules by application, stage and creation time, and refuses ids it does not know', async () => {
    const james = await listAll('/interviewSchedule.list', { applicationId: jamesApplication.id });
    expect(james.map((schedule) => schedule.applicationId)).toEqual([jamesApplication.id]);
    const byStage = await listAll('/interviewSchedule.list', { interviewStageId: priyaApplication.stageId });
    expect(byStage.map((schedule) => schedule.applicationId)).toEqual([priyaApplication.id]);
    expect(await listAll('/interviewSchedule.list', { createdAfter: Date.parse('2030-01-01T00:00:00Z') })).toEqual([]);
    expect(refusal(await post('/interviewSchedule.list', { applicationId: unknownId })).code).toBe(
      'application_not_found',
    );
    expect(refusal(await post('/interviewSchedule.list', { candidateId: demo.ashby.candidateId })).code).toBe(
      'invalid_input',
    );
  });

  it('lists a schedule’s events with interviewers, feedback link and, when expanded, the interview', async () => {
    const [schedule] = await listAll('/interviewSchedule.list', { applicationId: priyaApplication.id });
    const plain = await listAll('/interviewEvent.list', { interviewScheduleId: schedule.id });
    expect(plain).toEqual([
      {
        id: demo.ashby.interviewBriefingId,
        interviewId: interviewTypeIds.technical,
        interviewScheduleId: schedule.id,
        interviewers: [
          expect.objectContaining({
            id: aisha.id,
            email: aisha.email,
            globalRole: 'Limited Access',
            trainingRole: null,
            interviewerPool: null,
            isFeedbackRequired: true,
          }),
        ],
        interviewerUserIds: [aisha.id],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        startTime: '2026-11-24T14:00:00.000Z',
        endTime: '2026-11-24T15:00:00.000Z',
        feedbackLink: `https://app.ashbyhq.com/interview-briefings/${demo.ashby.interviewBriefingId}/feedback`,
        location: null,
        meetingLink: expect.stringMatching(/^https:\/\//),
        interviewerCalendarEventId: null,
        hasSubmittedFeedback: false,
      },
    ]);
    const expanded = await listAll('/interviewEvent.list', {
      interviewScheduleId: schedule.id,
      expand: ['interview'],
    });
    expect(expanded[0].interview).toMatchObject({
      id: interviewTypeIds.technical,
      feedbackFormDefinitionId: feedbackFormIds.interviewFeedback,
    });
  });

  it('requires interviewScheduleId on interviewEvent.list and knows only its own schedules', async () => {
    expect(refusal(await post('/interviewEvent.list', {})).code).toBe('invalid_input');
    expect(refusal(await post('/interviewEvent.list', { interviewScheduleId: unknownId })).code).toBe(
      'interview_schedule_not_found',
    );
    const [schedule] = await listAll('/interviewSchedule.list', { applicationId: priyaApplication.id });
    expect(
      refusal(await post('/interviewEvent.list', { interviewScheduleId: schedule.id, expand: ['application'] })).code,
    ).toBe('invalid_input');
  });

  it('lists a schedule made by interviewSchedule.create, its events an instance of the default interview', async () => {
    const created = await post('/interviewSchedule.create', {
      applicationId: jamesApplication.id,
      interviewEvents: [
        {
          startTime: '2026-12-01T10:00:00.000Z',
          endTime: '2026-12-01T11:00:00.000Z',
          interviewers: [{ email: aisha.email, feedbackRequired: false }, { email: hannah.email }],
        },
      ],
    });
    const schedule = created.body.results;
    expect(schedule).toMatchObject({ status: 'Scheduled', scheduledBy: { id: hannah.id } });
    const listed = await listAll('/interviewSchedule.list', { applicationId: jamesApplication.id });
    expect(listed.map((each) => each.id)).toContain(schedule.id);
    const [event] = await listAll('/interviewEvent.list', { interviewScheduleId: schedule.id });
    expect(event).toMatchObject({
      id: schedule.interviewEvents[0].id,
      interviewId: interviewTypeIds.general,
      interviewers: [
        { id: aisha.id, isFeedbackRequired: false },
        { id: hannah.id, isFeedbackRequired: true },
      ],
      startTime: '2026-12-01T10:00:00.000Z',
      hasSubmittedFeedback: false,
    });
    // Its feedback page is there too, with the form the API names for it.
    expect((await pageConfig(event.id)).config).toMatchObject({ formDefinitionId: feedbackFormIds.screen });
  });

  it('takes a named interview on interviewSchedule.create and refuses one it does not know', async () => {
    const event = {
      startTime: '2026-12-01T10:00:00.000Z',
      endTime: '2026-12-01T11:00:00.000Z',
      interviewers: [{ email: aisha.email }],
    };
    const named = await post('/interviewSchedule.create', {
      applicationId: priyaApplication.id,
      interviewEvents: [{ ...event, interviewId: interviewTypeIds.technical }],
    });
    expect(named.body.results.interviewEvents[0].interviewId).toBe(interviewTypeIds.technical);
    const unknown = await post('/interviewSchedule.create', {
      applicationId: priyaApplication.id,
      interviewEvents: [{ ...event, interviewId: unknownId }],
    });
    expect(refusal(unknown).code).toBe('interview_not_found');
  });

  it('lets the read-only key read interviews, schedules, events and submitted feedback', async () => {
    const key = sandboxLimitedCredentials.ashby.key;
    expect((await post('/interview.list', {}, key)).body.success).toBe(true);
    expect((await post('/interview.info', { id: interviewTypeIds.technical }, key)).body.success).toBe(true);
    const schedules = (await post('/interviewSchedule.list', {}, key)).body;
    expect(schedules.success).toBe(true);
    expect(
      (await post('/interviewEvent.list', { interviewScheduleId: schedules.results[0].id }, key)).body.success,
    ).toBe(true);
    expect((await post('/applicationFeedback.list', {}, key)).body.success).toBe(true);
    const submit = await post('/applicationFeedback.submit', {}, key);
    expect(submit.status).toBe(403);
    expect(submit.body.errorInfo?.message).toContain('candidatesWrite');
  });
});

describe('Ashby sandbox: applicationFeedback.submit and applicationFeedback.list', () => {
  const submitForEvent = (fieldSubmissions: unknown[], userId = aisha.id) =>
    post('/applicationFeedback.submit', {
      formDefinitionId: feedbackFormIds.interviewFeedback,
      applicationId: priyaApplication.id,
      interviewEventId: demo.ashby.interviewBriefingId,
      userId,
      feedbackForm: { fieldSubmissions },
    });

  it('marks the event as having feedback and lists the submission with its event, interview and author', async () => {
    const before = await listAll('/applicationFeedback.list', { applicationId: priyaApplication.id });
    expect(before).toEqual([]);
    const submitted = await submitForEvent(pageRequired);
    const id = submitted.body.results.submittedFormInstance.id;

    const [schedule] = await listAll('/interviewSchedule.list', { applicationId: priyaApplication.id });
    expect(schedule.interviewEvents[0].hasSubmittedFeedback).toBe(true);
    const [event] = await listAll('/interviewEvent.list', { interviewScheduleId: schedule.id });
    expect(event.hasSubmittedFeedback).toBe(true);

    const listed = await listAll('/applicationFeedback.list', { applicationId: priyaApplication.id });
    expect(listed).toEqual([
      {
        id,
        formDefinition: ashbyFeedbackDefinition.formDefinition,
        submittedValues: {
          _systemfield_overall_recommendation: { score: 3 },
          recommendation: 'hire',
          _systemfield_feedback: { type: 'PlainText', value: 'Clear on idempotency.' },
        },
        submittedByUser: expect.objectContaining({ id: aisha.id, email: aisha.email }),
        interviewId: interviewTypeIds.technical,
        interviewEventId: demo.ashby.interviewBriefingId,
        feedbackFormDefinitionId: feedbackFormIds.interviewFeedback,
        applicationHistoryId: null,
        applicationId: priyaApplication.id,
        submittedAt: expect.any(String),
      },
    ]);
    expect(await listAll('/applicationFeedback.list', { applicationId: jamesApplication.id })).toEqual([]);
    expect(await listAll('/applicationFeedback.list', { createdAfter: Date.now() + 60_000 })).toEqual([]);
  });

  it('attributes feedback without a userId to the key’s user, with no event', async () => {
    await post('/applicationFeedback.submit', {
      formDefinitionId: feedbackFormIds.screen,
      applicationId: jamesApplication.id,
      feedbackForm: {
        fieldSubmissions: [
          { path: '_systemfield_overall_recommendation', value: { score: 2 } },
          { path: '_systemfield_feedback', value: { type: 'PlainText', value: 'Wants less on-call.' } },
        ],
      },
    });
    const [feedback] = await listAll('/applicationFeedback.list', { applicationId: jamesApplication.id });
    expect(feedback).toMatchObject({ submittedByUser: { id: hannah.id }, interviewId: null, interviewEventId: null });
  });

  it('refuses applicationFeedback.list for an unknown application or with unknown fields', async () => {
    expect(refusal(await post('/applicationFeedback.list', { applicationId: unknownId })).code).toBe(
      'application_not_found',
    );
    expect(refusal(await post('/applicationFeedback.list', { candidateId: demo.ashby.candidateId })).code).toBe(
      'invalid_input',
    );
  });

  it('names the missing required field', async () => {
    const reply = refusal(await submitForEvent(pageRequired.filter((each) => each.path !== 'recommendation')));
    expect(reply).toEqual({ code: 'invalid_input', message: 'recommendation: a value is required' });
  });

  it('refuses a userId that is not an interviewer of the event, and an event of another application', async () => {
    expect(refusal(await submitForEvent(pageRequired, hannah.id)).message).toContain('interviewer');
    const otherEvent = seed.ashby.interviews.find((each) => each.applicationId === jamesApplication.id)!;
    const reply = await post('/applicationFeedback.submit', {
      formDefinitionId: feedbackFormIds.interviewFeedback,
      applicationId: priyaApplication.id,
      interviewEventId: otherEvent.id,
      userId: hannah.id,
      feedbackForm: { fieldSubmissions: pageRequired },
    });
    expect(refusal(reply).code).toBe('interview_event_not_found');
  });

  const technicalRequired = [
    { path: '_systemfield_overall_recommendation', value: { score: 3 } },
    { path: 'recommendation_summary', value: { type: 'PlainText', value: 'Good' } },
  ];
  const submitTechnical = (extra: { path: string; value: unknown }) =>
    post('/applicationFeedback.submit', {
      formDefinitionId: feedbackFormIds.technical,
      applicationId: priyaApplication.id,
      feedbackForm: { fieldSubmissions: [...technicalRequired, extra] },
    });

  it('accepts one well-formed value of every type', async () => {
    for (const extra of [
      { path: 'system_design', value: 'above' },
      { path: 'strengths', value: ['coding', 'architecture'] },
      { path: 'concerns', value: 'None' },
      { path: 'would_work_with', value: false },
      { path: 'start_date', value: '2027-02-01' },
      { path: 'years_experience', value: 9 },
    ]) {
      expect((await submitTechnical(extra)).body.success, extra.path).toBe(true);
    }
  });

  it.each([
    ['Score out of range', '_systemfield_overall_recommendation', { score: 5 }, '{score: 1..4}'],
    ['Score as a bare number', '_systemfield_overall_recommendation', 3, '{score: 1..4}'],
    ['Score as a string', '_systemfield_overall_recommendation', { score: '3' }, '{score: 1..4}'],
    ['RichText as a string', 'recommendation_summary', 'Good', '{type: "PlainText"'],
    ['RichText as HTML', 'recommendation_summary', { type: 'HTML', value: '<p>Good</p>' }, '{type: "PlainText"'],
    ['ValueSelect label instead of value', 'system_design', 'Above the bar', 'one of "below", "at", "above"'],
    ['MultiValueSelect as a string', 'strengths', 'coding', 'an array of values from'],
    ['MultiValueSelect with an unknown value', 'strengths', ['coding', 'charm'], 'an array of values from'],
    ['Boolean as a string', 'would_work_with', 'yes', 'true or false'],
    ['Date in another format', 'start_date', '01/02/2027', 'YYYY-MM-DD'],
    ['Date that does not exist', 'start_date', '2027-02-30', 'YYYY-MM-DD'],
    ['Number with a fraction', 'years_experience', 9.5, 'an integer'],
    ['LongText as a number', 'concerns', 4, 'a string'],
  ])('refuses %s, naming the path and what it takes', async (_case, path, value, expected) => {
    const submission = { path, value };
    const fieldSubmissions = technicalRequired.some((each) => each.path === path)
      ? [...technicalRequired.filter((each) => each.path !== path), submission]
      : [...technicalRequired, submission];
    const reply = refusal(
      await post('/applicationFeedback.submit', {
        formDefinitionId: feedbackFormIds.technical,
        applicationId: priyaApplication.id,
        feedbackForm: { fieldSubmissions },
      }),
    );
    expect(reply.code).toBe('invalid_input');
    expect(reply.message).toContain(`${path}: `);
    expect(reply.message).toContain(expected);
  });
});
