// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { ashbyCall, basic, call } from './sandbox-client.ts';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

describe('Ashby API', () => {
  it('answers apiKey.info with success:true and a request id for the right key', async () => {
    const reply = await ashbyCall(sandbox, '/apiKey.info');
    expect(reply.status).toBe(200);
    expect(reply.headers['x-ashby-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const body = JSON.parse(reply.body);
    expect(body).toMatchObject({ success: true, results: { title: 'Sandbox key' } });
    expect(Number.isNaN(Date.parse(body.results.createdAt))).toBe(false);
  });

  it('rejects a request without Authorization with 401 and success:false', async () => {
    const reply = await call(sandbox, {
      host: 'api.ashbyhq.com',
      path: '/apiKey.info',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ success: false });
  });

  it('rejects a wrong key with 403 invalid_api_key, repeating the request id in errorInfo', async () => {
    const reply = await ashbyCall(sandbox, '/apiKey.info', 'not-the-key');
    expect(reply.status).toBe(403);
    const body = JSON.parse(reply.body);
    expect(body).toEqual({
      success: false,
      errors: ['invalid_api_key'],
      errorInfo: {
        code: 'invalid_api_key',
        message: expect.any(String),
        requestId: reply.headers['x-ashby-request-id'],
      },
    });
  });

  it('answers an unknown endpoint with 404 in the Ashby error shape', async () => {
    const reply = await ashbyCall(sandbox, '/candidate.teleport');
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body)).toMatchObject({ success: false, errorInfo: { code: 'endpoint_not_found' } });
  });

  it('does not treat Object.prototype names as endpoints', async () => {
    expect((await ashbyCall(sandbox, '/toString')).status).toBe(404);
  });

  it('answers GET with 405 because every Ashby endpoint is POST', async () => {
    const reply = await call(sandbox, {
      host: 'api.ashbyhq.com',
      path: '/apiKey.info',
      headers: basic(sandbox.credentials.ashby.key),
    });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('POST');
  });

  it('rejects a body that is not JSON with success:false invalid_input', async () => {
    const reply = await ashbyCall(sandbox, '/apiKey.info', sandbox.credentials.ashby.key, '{nope');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ success: false, errorInfo: { code: 'invalid_input' } });
  });

  it('requires Content-Type application/json', async () => {
    const reply = await call(sandbox, {
      host: 'api.ashbyhq.com',
      path: '/apiKey.info',
      method: 'POST',
      headers: { ...basic(sandbox.credentials.ashby.key), 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(reply.status).toBe(415);
  });
});

describe('Lever API', () => {
  it('lists the seeded users in the {data, hasNext} envelope for the right key', async () => {
    const reply = await call(sandbox, {
      host: 'api.lever.co',
      path: '/v1/users',
      headers: basic(sandbox.credentials.lever.key),
    });
    expect(reply.status).toBe(200);
    const body = JSON.parse(reply.body);
    expect(body.hasNext).toBe(false);
    expect(body.data).toHaveLength(4);
    expect(body.data[0]).toMatchObject({
      name: 'Hannah Brooks',
      email: 'hannah.brooks@example.com',
      accessRole: 'super admin',
    });
    expect(typeof body.data[0].createdAt).toBe('number');
  });

  it('filters users by email, as used to resolve perform_as', async () => {
    const reply = await call(sandbox, {
      host: 'api.lever.co',
      path: '/v1/users?email=aisha.khan%40example.com',
      headers: basic(sandbox.credentials.lever.key),
    });
    expect(JSON.parse(reply.body).data.map((user: { name: string }) => user.name)).toEqual(['Aisha Khan']);
  });

  it.each([
    ['missing', {}],
    ['wrong', basic('wrong-key')],
  ])('answers a %s key with 401 {code:"Unauthorized"}', async (_, headers) => {
    const reply = await call(sandbox, { host: 'api.lever.co', path: '/v1/users', headers });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ code: 'Unauthorized', message: expect.any(String) });
  });

  it('answers an unknown path with 404 ResourceNotFound', async () => {
    const reply = await call(sandbox, {
      host: 'api.lever.co',
      path: '/v1/spaceships',
      headers: basic(sandbox.credentials.lever.key),
    });
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body)).toMatchObject({ code: 'ResourceNotFound' });
  });
});

describe('Pinpoint API', () => {
  const key = () => ({ 'x-api-key': sandbox.credentials.pinpoint.key });

  it('lists users as a JSON:API collection with the vnd.api+json content type', async () => {
    const reply = await call(sandbox, { host: 'acme.pinpointhq.com', path: '/api/v1/users', headers: key() });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toContain('application/vnd.api+json');
    const body = JSON.parse(reply.body);
    expect(body.meta).toEqual({});
    expect(body.data[0]).toMatchObject({
      id: '7001',
      type: 'users',
      attributes: { first_name: 'Hannah', last_name: 'Brooks' },
    });
  });

  it('explains a missing X-API-KEY header in a JSON:API 401', async () => {
    const reply = await call(sandbox, { host: 'acme.pinpointhq.com', path: '/api/v1/users' });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toEqual({
      errors: [{ title: 'Unauthorized', code: 'unauthorized', status: '401', detail: 'X-API-KEY header not provided' }],
    });
  });

  it('answers a wrong key with 401 Invalid API key', async () => {
    const reply = await call(sandbox, {
      host: 'acme.pinpointhq.com',
      path: '/api/v1/users',
      headers: { 'x-api-key': 'nope' },
    });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body).errors[0].detail).toBe('Invalid API key');
  });

  it('answers 404 on a subdomain that is not the seeded company, even with the right key', async () => {
    const reply = await call(sandbox, { host: 'globex.pinpointhq.com', path: '/api/v1/users', headers: key() });
    expect(reply.status).toBe(404);
  });

  it('answers an unknown resource with 404 Record not found', async () => {
    const reply = await call(sandbox, { host: 'acme.pinpointhq.com', path: '/api/v1/spaceships', headers: key() });
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body).errors[0]).toMatchObject({
      code: 'not_found',
      status: '404',
      detail: 'Record not found',
    });
  });
});

describe('unknown hosts', () => {
  it('refuses a host the sandbox does not serve with 421', async () => {
    expect((await call(sandbox, { host: 'example.net', path: '/' })).status).toBe(421);
  });
});
