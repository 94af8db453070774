// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pinpointApi } from '../../sandbox/pinpoint/api.ts';
import { pinpointState } from '../../sandbox/pinpoint/state.ts';
import { demo, sandboxLimitedCredentials } from '../../sandbox/seed.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { createStore } from '../../sandbox/store.ts';
import { call, type SandboxReply } from './sandbox-client.ts';

const host = `${demo.pinpoint.subdomain}.pinpointhq.com`;
const jsonApi = 'application/vnd.api+json';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

function get(path: string, key = sandbox.credentials.pinpoint.key) {
  return call(sandbox, { host, path: `/api/v1${path}`, headers: { 'x-api-key': key, accept: jsonApi } });
}

function send(
  method: string,
  path: string,
  body: unknown,
  options: { key?: string; contentType?: string } = {},
): Promise<SandboxReply> {
  return call(sandbox, {
    host,
    path: `/api/v1${path}`,
    method,
    headers: {
      'x-api-key': options.key ?? sandbox.credentials.pinpoint.key,
      'content-type': options.contentType ?? jsonApi,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const json = (reply: SandboxReply) => JSON.parse(reply.body);

const comment = (text: unknown, applicationId: string = demo.pinpoint.applicationId) => ({
  data: {
    type: 'comments',
    attributes: { body_text: text },
    relationships: { commentable: { data: { type: 'applications', id: applicationId } } },
  },
});

const newApplication = (attributes: Record<string, unknown>, jobId: string = demo.pinpoint.jobId) => ({
  data: {
    type: 'applications',
    attributes: { first_name: 'Elena', last_name: 'Petrova', email: 'elena.petrova@example.org', ...attributes },
    relationships: { job: { data: { type: 'jobs', id: jobId } } },
  },
});

describe('Pinpoint sandbox: authentication and permissions', () => {
  it('answers a write without X-API-KEY with 401 before reading the body', async () => {
    const reply = await call(sandbox, {
      host,
      path: '/api/v1/comments',
      method: 'POST',
      headers: { 'content-type': jsonApi },
      body: JSON.stringify(comment('Hi')),
    });
    expect(reply.status).toBe(401);
    expect(json(reply)).toEqual({
      errors: [{ title: 'Unauthorized', code: 'unauthorized', status: '401', detail: 'X-API-KEY header not provided' }],
    });
  });

  it('answers a wrong key with 401 Invalid API key on any resource', async () => {
    const reply = await get('/jobs', 'sbx_pinpoint_wrong');
    expect(reply.status).toBe(401);
    expect(json(reply).errors[0]).toMatchObject({ code: 'unauthorized', detail: 'Invalid API key' });
  });

  it('lets the read-only key read users, jobs and applications but not comments', async () => {
    const key = sandboxLimitedCredentials.pinpoint.key;
    expect((await get('/users', key)).status).toBe(200);
    expect((await get('/jobs', key)).status).toBe(200);
    expect((await get(`/applications/${demo.pinpoint.applicationId}?include=job,stage`, key)).status).toBe(200);
    const comments = await get('/comments', key);
    expect(comments.status).toBe(403);
    expect(json(comments).errors[0]).toMatchObject({ title: 'Forbidden', code: 'forbidden', status: '403' });
    expect((await get(`/applications/${demo.pinpoint.applicationId}?include=comments`, key)).status).toBe(403);
  });

  it('refuses every write from the read-only key with 403 and changes nothing', async () => {
    const key = sandboxLimitedCredentials.pinpoint.key;
    expect((await send('POST', '/comments', comment('Hi'), { key })).status).toBe(403);
    expect((await send('POST', '/applications', newApplication({}), { key })).status).toBe(403);
    const move = {
      data: {
        type: 'applications',
        id: demo.pinpoint.applicationId,
        relationships: { stage: { data: { type: 'stages', id: '313' } } },
      },
    };
    expect((await send('PUT', `/applications/${demo.pinpoint.applicationId}`, move, { key })).status).toBe(403);
    const application = json(await get(`/applications/${demo.pinpoint.applicationId}`));
    expect(application.data.attributes.stage_id).toBe(311);
  });
});

describe('Pinpoint sandbox: JSON:API strictness', () => {
  it('refuses a write sent as plain application/json with 415', async () => {
    const reply = await send('POST', '/comments', comment('Hi'), { contentType: 'application/json' });
    expect(reply.status).toBe(415);
    expect(reply.headers['content-type']).toContain(jsonApi);
    expect(json(reply).errors[0]).toMatchObject({ code: 'unsupported_media_type', status: '415' });
  });

  it('refuses a media type parameter other than ext or profile with 415', async () => {
    const reply = await send('POST', '/comments', comment('Hi'), { contentType: `${jsonApi}; charset=utf-8` });
    expect(reply.status).toBe(415);
  });

  it('answers a comment without body_text with a 422 Validation Error pointing at the attribute', async () => {
    const reply = await send('POST', '/comments', comment(''));
    expect(reply.status).toBe(422);
    expect(json(reply)).toEqual({
      errors: [
        {
          title: 'Validation Error',
          code: 'unprocessable_entity',
          status: '422',
          detail: "Body text can't be blank",
          source: { pointer: '/data/attributes/body_text' },
        },
      ],
    });
  });

  it('answers an attribute the comment does not take with 400', async () => {
    const body = comment('Hi');
    (body.data.attributes as Record<string, unknown>).body = 'Hi';
    const reply = await send('POST', '/comments', body);
    expect(reply.status).toBe(400);
    expect(json(reply).errors[0]).toMatchObject({ code: 'bad_request', source: { pointer: '/data/attributes/body' } });
  });

  it('answers a resource type that does not match the endpoint with 409', async () => {
    const body = { data: { ...comment('Hi').data, type: 'notes' } };
    const reply = await send('POST', '/comments', body);
    expect(reply.status).toBe(409);
    expect(json(reply).errors[0]).toMatchObject({ code: 'conflict', source: { pointer: '/data/type' } });
  });

  it('answers a comment on an unknown application with 404 Record not found', async () => {
    const reply = await send('POST', '/comments', comment('Hi', '1'));
    expect(reply.status).toBe(404);
    expect(json(reply).errors[0]).toMatchObject({ code: 'not_found', detail: 'Record not found' });
  });

  it('lists every missing required field of an application in one 422', async () => {
    const reply = await send('POST', '/applications', newApplication({ first_name: '', last_name: ' ', email: '' }));
    expect(reply.status).toBe(422);
    expect(json(reply).errors.map((error: { detail: string }) => error.detail)).toEqual([
      "First name can't be blank",
      "Last name can't be blank",
      "Email can't be blank",
    ]);
  });

  it('requires the job relationship and a CV as a base64 data URL', async () => {
    const withoutJob = newApplication({ cv_base64_filename: 'cv.pdf', cv_base64_data: 'JVBERi0=' });
    delete (withoutJob.data as Partial<typeof withoutJob.data>).relationships;
    const reply = await send('POST', '/applications', withoutJob);
    expect(reply.status).toBe(422);
    expect(json(reply).errors.map((error: { source: { pointer: string } }) => error.source.pointer)).toEqual([
      '/data/attributes/cv_base64_data',
      '/data/relationships/job',
    ]);
  });

  it('answers an application to an unknown job with 404', async () => {
    expect((await send('POST', '/applications', newApplication({}, '1'))).status).toBe(404);
  });

  it('answers an unknown application id with 404 on read and on update', async () => {
    expect((await get('/applications/1')).status).toBe(404);
    const move = {
      data: { type: 'applications', id: '1', relationships: { stage: { data: { type: 'stages', id: '313' } } } },
    };
    expect((await send('PUT', '/applications/1', move)).status).toBe(404);
  });

  it('updates with PUT only: PATCH is not a route', async () => {
    const move = {
      data: {
        type: 'applications',
        id: demo.pinpoint.applicationId,
        relationships: { stage: { data: { type: 'stages', id: '313' } } },
      },
    };
    expect((await send('PATCH', `/applications/${demo.pinpoint.applicationId}`, move)).status).toBe(404);
  });

  it('answers a PUT whose body names another id with 409 and a stage outside the pipeline with 422', async () => {
    const id = demo.pinpoint.applicationId;
    const moveTo = (stageId: string, bodyId = id) => ({
      data: { type: 'applications', id: bodyId, relationships: { stage: { data: { type: 'stages', id: stageId } } } },
    });
    expect((await send('PUT', `/applications/${id}`, moveTo('313', '99124'))).status).toBe(409);
    const outside = await send('PUT', `/applications/${id}`, moveTo('999'));
    expect(outside.status).toBe(422);
    expect(json(outside).errors[0].source).toEqual({ pointer: '/data/relationships/stage' });
  });

  it('refuses to change the job of an application with 400', async () => {
    const id = demo.pinpoint.applicationId;
    const body = { data: { type: 'applications', id, relationships: { job: { data: { type: 'jobs', id: '4822' } } } } };
    expect((await send('PUT', `/applications/${id}`, body)).status).toBe(400);
  });

  it('answers unknown filters, oversized pages, bad sorts and unknown includes with 400 Malformed query params', async () => {
    for (const path of [
      '/applications?filter[email]=priya.raman@example.org',
      '/candidates?filter[email]=priya.raman@example.org',
      '/users?page[size]=1001',
      '/jobs?page[number]=0',
      '/jobs?sort=title',
      `/applications/${demo.pinpoint.applicationId}?include=owner`,
    ]) {
      const reply = await get(path);
      expect(reply.status, path).toBe(400);
      expect(json(reply).errors[0]).toMatchObject({ code: 'bad_request', detail: 'Malformed query params' });
    }
  });

  it('has no standalone stages endpoint', async () => {
    expect((await get('/stages')).status).toBe(404);
  });
});

describe('Pinpoint sandbox: documents, filters and pagination', () => {
  it('leaves relationships that were not included as meta.included false and resolves included ones', async () => {
    const reply = json(await get(`/applications/${demo.pinpoint.applicationId}?include=job,stage`));
    expect(reply.data.relationships.candidate).toEqual({ meta: { included: false } });
    expect(reply.data.relationships.job).toEqual({ data: { type: 'jobs', id: demo.pinpoint.jobId } });
    expect(reply.included.map((resource: { type: string }) => resource.type).sort()).toEqual(['jobs', 'stages']);
    expect(reply.data.attributes).toMatchObject({ email: 'priya.raman@example.org', job_id: 4821, stage_id: 311 });
  });

  it('hides confidential jobs and their applications unless the visibility filter names confidential', async () => {
    const jobs = json(await get('/jobs?filter[status]=open'));
    expect(jobs.data.map((job: { id: string }) => job.id)).toEqual(['4821', '4822']);
    const all = json(await get('/jobs?filter[status]=open&filter[visibility]=confidential,external,internal'));
    expect(all.data.map((job: { id: string }) => job.id)).toEqual(['4821', '4822', '4823']);
    expect((await get('/applications/99140')).status).toBe(404);
    expect((await get('/applications/99140?filter[job_visibility]=confidential')).status).toBe(200);
  });

  it('pages with page[number] and page[size] in id order until a short page', async () => {
    const page = (number: number) =>
      get(`/applications?filter[job_visibility]=confidential,external,internal&page[size]=4&page[number]=${number}`);
    const first = json(await page(1));
    const second = json(await page(2));
    const third = json(await page(3));
    expect(first.data.map((each: { id: string }) => each.id)).toEqual(['98862', '99087', '99123', '99124']);
    expect(second.data.map((each: { id: string }) => each.id)).toEqual(['99131', '99140']);
    expect(third.data).toEqual([]);
    expect(first.meta).toEqual({});
  });

  it('reports the total with stats[total]=count', async () => {
    expect(json(await get('/users?stats[total]=count')).meta).toEqual({ stats: { total: { count: 4 } } });
  });

  it('filters applications by candidate email without regard to case, and by candidate id', async () => {
    const byEmail = json(await get('/applications?filter[candidate_email]=Priya.Raman@example.org'));
    expect(byEmail.data.map((each: { id: string }) => each.id)).toEqual([demo.pinpoint.applicationId]);
    const byCandidate = json(await get('/applications?filter[candidate_id]=55102'));
    expect(byCandidate.data.map((each: { id: string }) => each.id)).toEqual([demo.pinpoint.secondApplicationId]);
  });

  it('lists comments of one application with their author', async () => {
    const reply = json(
      await get(
        `/comments?filter[commentable_type]=Application&filter[commentable_id]=${demo.pinpoint.applicationId}&include=user`,
      ),
    );
    expect(reply.data.map((each: { id: string }) => each.id)).toEqual(['120431', '120502']);
    expect(reply.data[0].attributes).toMatchObject({ commentable_type: 'Application', commentable_id: 99123 });
    expect(reply.included.map((user: { id: string }) => user.id)).toEqual(['7001', '7002']);
  });
});

describe('Pinpoint sandbox: state across calls', () => {
  it('lists a created comment afterwards, credited to no listed user', async () => {
    const created = await send('POST', '/comments', comment('Call summary'));
    expect(created.status).toBe(201);
    const id = json(created).data.id;
    const listed = json(await get(`/comments?filter[commentable_id]=${demo.pinpoint.applicationId}`));
    expect(listed.data.at(-1)).toMatchObject({ id, attributes: { body_text: 'Call summary', user_id: null } });
  });

  it('moves an application with PUT and shows the new stage on the next read', async () => {
    const id = demo.pinpoint.applicationId;
    const move = {
      data: { type: 'applications', id, relationships: { stage: { data: { type: 'stages', id: '313' } } } },
    };
    expect((await send('PUT', `/applications/${id}`, move)).status).toBe(200);
    expect(json(await get(`/applications/${id}`)).data.attributes.stage_id).toBe(313);
  });

  it('creates the candidate with the application: findable by email and shown on its web page', async () => {
    const created = await send(
      'POST',
      '/applications?include=candidate',
      newApplication({ skip_notifications_on_create: true }),
    );
    expect(created.status).toBe(201);
    const body = json(created);
    expect(body.data.relationships.stage).toEqual({ meta: { included: false } });
    expect(body.data.attributes.stage_id).toBe(307);
    expect(body.included[0]).toMatchObject({ type: 'candidates', attributes: { full_name: 'Elena Petrova' } });
    const found = json(await get('/applications?filter[candidate_email]=elena.petrova@example.org'));
    expect(found.data.map((each: { id: string }) => each.id)).toEqual([body.data.id]);
    const page = await call(sandbox, { host, path: `/admin/jobs/${demo.pinpoint.jobId}/applications/${body.data.id}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Elena Petrova');
  });

  it('joins a second application by the same email to the same candidate', async () => {
    const first = json(await send('POST', '/applications?include=candidate', newApplication({})));
    const second = json(await send('POST', '/applications?include=candidate', newApplication({}, '4822')));
    expect(second.data.relationships.candidate.data.id).toBe(first.data.relationships.candidate.data.id);
  });

  it('sends the applicant and hiring manager emails unless skip_notifications_on_create is true', () => {
    const store = createStore();
    const request = (attributes: Record<string, unknown>) => ({
      host,
      method: 'POST',
      url: new URL(`https://${host}/api/v1/applications`),
      headers: { 'x-api-key': sandbox.credentials.pinpoint.key, 'content-type': jsonApi },
      body: JSON.stringify(newApplication(attributes)),
    });
    expect(pinpointApi(request({ skip_notifications_on_create: true }), store, 'acme').status).toBe(201);
    expect(pinpointState(store).notifications).toEqual([]);
    expect(pinpointApi(request({ email: 'other@example.org' }), store, 'acme').status).toBe(201);
    expect(pinpointState(store).notifications).toEqual([
      { to: 'other@example.org', subject: 'Application Received' },
      { to: 'marcus.webb@example.com', subject: 'New Application' },
    ]);
  });

  it('keeps a CV sent as a data URL with the application', () => {
    const store = createStore();
    const reply = pinpointApi(
      {
        host,
        method: 'POST',
        url: new URL(`https://${host}/api/v1/applications`),
        headers: { 'x-api-key': sandbox.credentials.pinpoint.key, 'content-type': jsonApi },
        body: JSON.stringify(
          newApplication({ cv_base64_filename: 'cv.pdf', cv_base64_data: 'data:application/pdf;base64,JVBERi0xLjQ=' }),
        ),
      },
      store,
      'acme',
    );
    const id = JSON.parse(reply.body).data.id as string;
    expect(pinpointState(store).attachments.get(id)).toEqual([
      { context: 'cv', filename: 'cv.pdf', contentType: 'application/pdf', size: 8 },
    ]);
  });
});
