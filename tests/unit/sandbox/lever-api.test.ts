// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demo, sandboxLimitedCredentials } from '../../sandbox/seed.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { basic, call } from './sandbox-client.ts';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const hannah = '9ccdc246-674c-42a0-8da9-c7f963342738';
const priya = demo.lever.candidateId;
const backendJob = '28146bea-4c85-48ba-9a2c-5e99e99cab8f';
const designJob = '6241a1f8-443e-43c5-aa17-d3f417c13d18';
const technicalTemplate = 'a7c1e0d2-4b5f-4e8a-9c3d-2f6b8e1a0c47';

interface LeverCall {
  path: string;
  method?: string;
  body?: unknown;
  key?: string;
  contentType?: string;
}

async function lever({ path, method = 'GET', body, key, contentType }: LeverCall) {
  const headers: Record<string, string> = basic(key ?? sandbox.credentials.lever.key);
  if (body !== undefined) headers['content-type'] = contentType ?? 'application/json';
  const reply = await call(sandbox, {
    host: 'api.lever.co',
    path: `/v1${path}`,
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: reply.status, body: reply.body ? JSON.parse(reply.body) : undefined };
}

const errorShape = (code: string) => ({ code, message: expect.any(String) });

describe('Lever sandbox: auth and permissions', () => {
  it('answers a missing or wrong key with 401 {code, message}', async () => {
    const missing = await call(sandbox, { host: 'api.lever.co', path: `/v1/opportunities/${priya}` });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toEqual(errorShape('Unauthorized'));
    expect((await lever({ path: '/stages', key: 'nope' })).status).toBe(401);
  });

  it('lets the read-only key read candidates but not feedback templates, and no writes', async () => {
    const key = sandboxLimitedCredentials.lever.key;
    expect((await lever({ path: `/opportunities/${priya}`, key })).status).toBe(200);
    const templates = await lever({ path: '/feedback_templates', key });
    expect(templates).toEqual({ status: 403, body: errorShape('Forbidden') });
    const write = await lever({
      path: `/opportunities/${priya}/notes?perform_as=${hannah}`,
      method: 'POST',
      body: { value: 'x' },
      key,
    });
    expect(write).toEqual({ status: 403, body: errorShape('Forbidden') });
  });
});

describe('Lever sandbox: strict requests', () => {
  it('requires a JSON content type on JSON writes', async () => {
    const reply = await lever({
      path: `/opportunities/${priya}/notes`,
      method: 'POST',
      body: { value: 'Hello' },
      contentType: 'text/plain',
    });
    expect(reply).toEqual({ status: 400, body: errorShape('BadRequest') });
  });

  it('rejects a note without its required value, and unknown fields', async () => {
    const missing = await lever({ path: `/opportunities/${priya}/notes`, method: 'POST', body: { text: 'x' } });
    expect(missing.status).toBe(400);
    const empty = await lever({ path: `/opportunities/${priya}/notes`, method: 'POST', body: {} });
    expect(empty.body.message).toBe('Missing required field: value');
  });

  it('rejects create opportunity without perform_as and creates nothing', async () => {
    const reply = await lever({ path: '/opportunities', method: 'POST', body: { name: 'No Actor' } });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toContain('perform_as');
    const list = await lever({ path: '/opportunities' });
    expect(list.body.data).toHaveLength(6);
  });

  it('rejects more than one posting per created opportunity', async () => {
    const reply = await lever({
      path: `/opportunities?perform_as=${hannah}`,
      method: 'POST',
      body: { name: 'Two Jobs', postings: [backendJob, designJob] },
    });
    expect(reply).toEqual({ status: 400, body: errorShape('BadRequest') });
  });

  it('dedupes a created opportunity onto the contact with the same email', async () => {
    const reply = await lever({
      path: `/opportunities?perform_as=${hannah}`,
      method: 'POST',
      body: { name: 'Someone Else', emails: ['PRIYA.RAMAN@example.org'], postings: [designJob] },
    });
    expect(reply.status).toBe(201);
    const existing = await lever({ path: `/opportunities/${priya}` });
    expect(reply.body).toMatchObject({
      deduped: true,
      data: { name: 'Priya Raman', contact: existing.body.data.contact, stage: 'lead-new' },
    });
    expect(reply.body.data.id).not.toBe(priya);
  });

  it('requires perform_as on feedback and checks values against the template', async () => {
    const path = `/opportunities/${priya}/feedback`;
    const body = {
      baseTemplateId: technicalTemplate,
      fieldValues: [{ id: '0e4c9a71-5b2d-4f8e-a1c6-3d7b9e2f4a10', value: '3 - Yes' }],
    };
    expect((await lever({ path, method: 'POST', body })).status).toBe(400);
    const wrongOption = await lever({ path: `${path}?perform_as=${hannah}`, method: 'POST', body });
    expect(wrongOption.status).toBe(400);
    expect(wrongOption.body.message).toContain('Invalid value');
    const halfInterview = await lever({
      path: `${path}?perform_as=${hannah}`,
      method: 'POST',
      body: { baseTemplateId: technicalTemplate, interview: demo.lever.interviewId },
    });
    expect(halfInterview.body.message).toBe('panel and interview must be specified together');
  });

  it('requires multipart/form-data with a file part for uploads', async () => {
    const path = `/opportunities/${priya}/files?perform_as=${hannah}`;
    expect((await lever({ path, method: 'POST', body: { file: 'x' } })).status).toBe(400);
    const boundary = 'sidecar-boundary';
    const multipart = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="cv.txt"',
      'Content-Type: text/plain',
      '',
      'Resume text',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const reply = await lever({
      path,
      method: 'POST',
      body: multipart,
      contentType: `multipart/form-data; boundary=${boundary}`,
    });
    expect(reply.status).toBe(201);
    expect(reply.body.data).toMatchObject({ name: 'cv.txt', ext: '.txt', size: 11, status: 'processed' });
    const files = await lever({ path: `/opportunities/${priya}/files` });
    expect(files.body).toMatchObject({ data: [{ name: 'cv.txt' }], hasNext: false });
  });

  it('requires a timezone and at least one interviewer on a panel', async () => {
    const path = `/opportunities/${priya}/panels?perform_as=${hannah}`;
    const interview = { interviewers: [{ id: hannah }], date: Date.parse('2026-12-01T10:00:00Z'), duration: 30 };
    expect((await lever({ path, method: 'POST', body: { interviews: [interview] } })).body.message).toBe(
      'Missing required field: timezone',
    );
    const noInterviewers = await lever({
      path,
      method: 'POST',
      body: { timezone: 'Europe/London', interviews: [{ ...interview, interviewers: [] }] },
    });
    expect(noInterviewers.status).toBe(400);
    const created = await lever({ path, method: 'POST', body: { timezone: 'Europe/London', interviews: [interview] } });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ externallyManaged: true, interviews: [{ duration: 30 }] });
  });
});

describe('Lever sandbox: unknown ids and paths', () => {
  it('answers an unknown opportunity with 404 ResourceNotFound', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect(await lever({ path: `/opportunities/${id}` })).toEqual({
      status: 404,
      body: { code: 'ResourceNotFound', message: `opportunities ${id} was not found` },
    });
  });

  it('answers a stage move to an unknown stage with 404, leaving the stage as it was', async () => {
    const reply = await lever({ path: `/opportunities/${priya}/stage`, method: 'PUT', body: { stage: 'nope' } });
    expect(reply).toEqual({ status: 404, body: { code: 'ResourceNotFound', message: 'stages nope was not found' } });
    expect((await lever({ path: `/opportunities/${priya}` })).body.data.stage).toBe(
      'fda46769-2e63-45a6-8681-a50e7a343298',
    );
  });

  it('answers a known path with the wrong method with 404', async () => {
    expect((await lever({ path: '/stages', method: 'DELETE' })).status).toBe(404);
  });
});

describe('Lever sandbox: lists', () => {
  it('pages with limit and opaque URL-encoded offset tokens', async () => {
    const first = await lever({ path: '/opportunities?limit=4' });
    expect(first.body.data).toHaveLength(4);
    expect(first.body.hasNext).toBe(true);
    expect(first.body.next).toMatch(/^%5B4%2C/);
    const second = await lever({ path: `/opportunities?limit=4&offset=${encodeURIComponent(first.body.next)}` });
    expect(second.body).toMatchObject({ hasNext: false });
    expect(second.body.data).toHaveLength(2);
    expect(second.body).not.toHaveProperty('next');
  });

  it('rejects an offset it did not issue and a limit out of range', async () => {
    expect((await lever({ path: '/opportunities?offset=0.1414895548650.abc' })).status).toBe(400);
    expect((await lever({ path: '/users?limit=0' })).status).toBe(400);
    expect((await lever({ path: '/users?limit=101' })).status).toBe(400);
  });

  it('lists only public-site postings for state=published unless channels are named', async () => {
    const publicOnly = await lever({ path: '/postings?state=published' });
    expect(publicOnly.body.data.map((posting: { text: string }) => posting.text)).toEqual(['Senior Backend Engineer']);
    const both = await lever({
      path: '/postings?state=published&distributionChannel=public&distributionChannel=internal',
    });
    expect(both.body.data).toHaveLength(2);
    const unlisted = await lever({ path: '/postings?state=internal' });
    expect(unlisted.body.data.map((posting: { text: string }) => posting.text)).toEqual(['Data Engineer']);
  });

  it('filters opportunities by email and expands applications, stage and owner on request', async () => {
    const list = await lever({ path: '/opportunities?email=priya.raman%40example.org&expand=stage' });
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0].stage).toEqual({
      id: 'fda46769-2e63-45a6-8681-a50e7a343298',
      text: 'Technical interview',
    });
    const one = await lever({ path: `/opportunities/${priya}?expand=applications&expand=owner` });
    expect(one.body.data.applications[0]).toMatchObject({ posting: backendJob, opportunityId: priya });
    expect(one.body.data.owner).toMatchObject({ id: hannah, name: 'Hannah Brooks' });
  });
});
