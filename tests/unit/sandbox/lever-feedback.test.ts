// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { leverFeedbackConfig } from '../../sandbox/forms/lever-form.ts';
import { templateIds } from '../../sandbox/lever/state.ts';
import { demo, seed } from '../../sandbox/seed.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { createStore } from '../../sandbox/store.ts';
import { basic, call } from './sandbox-client.ts';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const priya = demo.lever.candidateId;
const james = demo.lever.secondCandidateId;
const aisha = seed.lever.users.find((each) => each.firstName === 'Aisha')!.id;

async function lever(path: string, method = 'GET', body?: unknown) {
  const headers: Record<string, string> = basic(sandbox.credentials.lever.key);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const reply = await call(sandbox, {
    host: 'api.lever.co',
    path: `/v1${path}`,
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: reply.status, body: reply.body ? JSON.parse(reply.body) : undefined };
}

/** The page's config, decoded from the root element's `data-form` attribute. */
async function pageConfig(interviewId: string) {
  const reply = await call(sandbox, { host: 'hire.lever.co', path: `/interviews/${interviewId}` });
  const attribute = /data-form="([^"]*)"/.exec(reply.body)?.[1] ?? '';
  return JSON.parse(
    attribute
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  ) as { template: { id: string; fields: Array<{ id: string; type: string; text: string }> }; panelId: string };
}

const demoInterview = () => lever(`/opportunities/${priya}/interviews/${demo.lever.interviewId}`);

const fieldsOf = async () =>
  (await lever(`/feedback_templates/${templateIds.technical}`)).body.data.fields as Array<{
    id: string;
    type: string;
    text: string;
  }>;

/** One valid value for every field of the technical template, as the page would send them. */
const validValues: Record<string, unknown> = {
  Rating: '3 - Hire',
  'Technical depth': 'Designed an idempotent payments API.',
  'Strongest area': 'System design',
  'Topics covered': ['Databases', 'Testing'],
  'Would you want to work with them?': 'yes',
  Communication: 4,
  '': [
    { score: 3, comment: 'Owned the rollout' },
    { score: 0, comment: '' },
  ],
  'Current title': 'Senior Engineer',
  Seniority: 'Senior',
  'Earliest start date': Date.parse('2026-10-01T00:00:00.000Z'),
};

describe('Lever sandbox: the feedback page shows the template the API names', () => {
  it('renders the interviewer’s template exactly as GET /feedback_templates/:id returns it', async () => {
    const interview = (await demoInterview()).body.data;
    const interviewer = interview.interviewers.find((each: { id: string }) => each.id === aisha);
    const templateId = interviewer.feedbackTemplate ?? interview.feedbackTemplate;
    const template = (await lever(`/feedback_templates/${templateId}`)).body.data;
    const config = await pageConfig(demo.lever.interviewId);
    expect(config).toEqual({
      opportunityId: priya,
      panelId: interview.panel,
      interviewId: demo.lever.interviewId,
      template: { id: template.id, text: template.text, instructions: template.instructions, fields: template.fields },
    });
    expect(leverFeedbackConfig(createStore(), demo.lever.interviewId)).toEqual(config);
  });

  it('carries every feedback field type in the seeded technical template', async () => {
    expect(new Set((await fieldsOf()).map((field) => field.type))).toEqual(
      new Set([
        'score-system',
        'textarea',
        'multiple-choice',
        'multiple-select',
        'yes-no',
        'score',
        'scorecard',
        'text',
        'dropdown',
        'date',
      ]),
    );
  });

  it('accepts a value for every field the page shows, and lists the feedback on the interview afterwards', async () => {
    const config = await pageConfig(demo.lever.interviewId);
    const created = await lever(`/opportunities/${priya}/feedback?perform_as=${aisha}`, 'POST', {
      baseTemplateId: config.template.id,
      panel: config.panelId,
      interview: demo.lever.interviewId,
      fieldValues: config.template.fields.map((field) => ({ id: field.id, value: validValues[field.text] })),
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      baseTemplateId: templateIds.technical,
      user: aisha,
      panel: config.panelId,
      interview: demo.lever.interviewId,
    });
    expect((await demoInterview()).body.data.feedbackForms).toEqual([created.body.data.id]);
    const listed = (await lever(`/opportunities/${priya}/feedback`)).body.data;
    expect(listed.map((each: { id: string }) => each.id)).toEqual([created.body.data.id]);
  });
});

describe('Lever sandbox: POST /opportunities/:id/feedback is strict', () => {
  const path = `/opportunities/${priya}/feedback?perform_as=${aisha}`;

  it('requires perform_as naming a user, and baseTemplateId naming a template', async () => {
    const body = { baseTemplateId: templateIds.technical };
    expect((await lever(`/opportunities/${priya}/feedback`, 'POST', body)).body).toEqual({
      code: 'BadRequest',
      message: 'Missing required query parameter: perform_as',
    });
    expect((await lever(`/opportunities/${priya}/feedback?perform_as=nobody`, 'POST', body)).status).toBe(400);
    expect((await lever(path, 'POST', {})).body.message).toBe('Missing required field: baseTemplateId');
    expect((await lever(path, 'POST', { baseTemplateId: 'nope' })).status).toBe(404);
    expect((await lever(path, 'POST', { ...body, rating: 4 })).body.message).toContain('"rating"');
  });

  it('takes panel and interview together, the interview in that panel, the panel on this opportunity', async () => {
    const interview = (await demoInterview()).body.data;
    const base = { baseTemplateId: templateIds.technical };
    expect((await lever(path, 'POST', { ...base, panel: interview.panel })).body.message).toBe(
      'panel and interview must be specified together',
    );
    const jamesInterview = seed.lever.interviews.find((each) => each.title === 'Recruiter Screen')!;
    const jamesPanel = (await lever(`/opportunities/${james}/interviews/${jamesInterview.id}`)).body.data.panel;
    const wrongInterview = await lever(path, 'POST', { ...base, panel: interview.panel, interview: jamesInterview.id });
    expect(wrongInterview.status).toBe(400);
    expect(wrongInterview.body.message).toContain(jamesInterview.id);
    const otherPanel = await lever(path, 'POST', { ...base, panel: jamesPanel, interview: jamesInterview.id });
    expect(otherPanel).toEqual({ status: 404, body: { code: 'ResourceNotFound', message: expect.any(String) } });
  });

  it('refuses a field id that is not in the template, naming it', async () => {
    const reply = await lever(path, 'POST', {
      baseTemplateId: templateIds.screen,
      fieldValues: [{ id: '6a1f3c8e-2d4b-4e9a-b7c5-8f0d2e6a1b34', value: 'Deep' }],
    });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toContain('6a1f3c8e-2d4b-4e9a-b7c5-8f0d2e6a1b34');
  });

  it.each([
    ['score-system', 'Rating', 'Hire', '"3 - Hire"'],
    ['score-system as a number', 'Rating', 3, '"3 - Hire"'],
    ['dropdown', 'Seniority', 'Principal', '"Mid-level", "Senior", "Staff"'],
    ['multiple-choice', 'Strongest area', 'system design', '"System design"'],
    ['multiple-select as a string', 'Topics covered', 'Databases', 'an array of option texts'],
    ['multiple-select with an unknown option', 'Topics covered', ['Databases', 'Kubernetes'], 'an array of option'],
    ['score out of range', 'Communication', 5, 'an integer from 1 to 4'],
    ['score as a string', 'Communication', '4', 'an integer from 1 to 4'],
    ['yes-no as a boolean', 'Would you want to work with them?', true, '"yes" or "no"'],
    ['date as a string', 'Earliest start date', '2026-10-01', 'a timestamp in milliseconds'],
    ['text as a number', 'Current title', 42, 'a string'],
    ['textarea as a list', 'Technical depth', ['Deep'], 'a string'],
    ['scorecard with one entry short', '', [{ score: 3, comment: '' }], '2 {score, comment} entries'],
  ])('refuses a bad %s value with a 400 naming the field', async (_case, text, value, expected) => {
    const field = (await fieldsOf()).find((each) => each.text === text)!;
    const reply = await lever(path, 'POST', {
      baseTemplateId: templateIds.technical,
      fieldValues: [{ id: field.id, value }],
    });
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('BadRequest');
    expect(reply.body.message).toContain('Invalid value for field');
    expect(reply.body.message).toContain(field.id);
    if (text) expect(reply.body.message).toContain(`"${text}"`);
    expect(reply.body.message).toContain(expected);
  });

  it('takes null for any field, as an unanswered one', async () => {
    const fields = await fieldsOf();
    const reply = await lever(path, 'POST', {
      baseTemplateId: templateIds.technical,
      fieldValues: fields.map((field) => ({ id: field.id, value: null })),
    });
    expect(reply.status).toBe(201);
  });

  it('refuses createdAt in the future and a completedAt that is not a timestamp', async () => {
    const base = { baseTemplateId: templateIds.technical };
    expect((await lever(path, 'POST', { ...base, createdAt: Date.now() + 86_400_000 })).status).toBe(400);
    expect((await lever(path, 'POST', { ...base, completedAt: '2026-11-24' })).body.message).toBe(
      'completedAt must be a timestamp',
    );
  });
});
