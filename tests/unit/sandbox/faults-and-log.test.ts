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

describe('fault injection', () => {
  it('answers one 429 with Retry-After in the vendor error shape, then serves normally', async () => {
    sandbox.injectFault({ host: 'api.ashbyhq.com', kind: 'rate-limit', retryAfterSeconds: 7 });
    const limited = await ashbyCall(sandbox, '/apiKey.info');
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('7');
    expect(JSON.parse(limited.body)).toMatchObject({ success: false, errorInfo: { code: 'rate_limit_exceeded' } });
    expect((await ashbyCall(sandbox, '/apiKey.info')).status).toBe(200);
  });

  it('answers a business-error fault as Ashby does: success:false inside HTTP 200', async () => {
    sandbox.injectFault({ host: 'api.ashbyhq.com', kind: 'business-error', code: 'application_not_found' });
    const refused = await ashbyCall(sandbox, '/apiKey.info');
    expect(refused.status).toBe(200);
    expect(JSON.parse(refused.body)).toMatchObject({ success: false, errorInfo: { code: 'application_not_found' } });
  });

  it('answers a slow fault normally, after the delay', async () => {
    sandbox.injectFault({ host: 'api.ashbyhq.com', kind: 'slow', delayMilliseconds: 300 });
    const started = Date.now();
    const slow = await ashbyCall(sandbox, '/apiKey.info');
    expect(slow.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('applies a rule as many times as asked before it is consumed', async () => {
    sandbox.injectFault({ host: 'api.lever.co', kind: 'rate-limit', times: 2 });
    const statuses = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      statuses.push(
        (
          await call(sandbox, {
            host: 'api.lever.co',
            path: '/v1/users',
            headers: basic(sandbox.credentials.lever.key),
          })
        ).status,
      );
    }
    expect(statuses).toEqual([429, 429, 200]);
  });

  it('only faults requests matching host and path prefix', async () => {
    sandbox.injectFault({ host: 'acme.pinpointhq.com', pathPrefix: '/api/v1/jobs', kind: 'server-error' });
    const users = await call(sandbox, {
      host: 'acme.pinpointhq.com',
      path: '/api/v1/users',
      headers: { 'x-api-key': sandbox.credentials.pinpoint.key },
    });
    expect(users.status).toBe(200);
    expect((await ashbyCall(sandbox, '/apiKey.info')).status).toBe(200);
  });

  it('answers a server-error fault with 503 by default, or the status asked for', async () => {
    sandbox.injectFault({ host: 'acme.pinpointhq.com', kind: 'server-error' });
    sandbox.injectFault({ host: 'api.lever.co', kind: 'server-error', status: 500 });
    const pinpoint = await call(sandbox, { host: 'acme.pinpointhq.com', path: '/api/v1/users' });
    expect(pinpoint.status).toBe(503);
    expect(JSON.parse(pinpoint.body).errors[0].status).toBe('503');
    const lever = await call(sandbox, { host: 'api.lever.co', path: '/v1/users' });
    expect(lever.status).toBe(500);
    expect(JSON.parse(lever.body)).toHaveProperty('code');
  });

  it('answers a malformed fault with 200 and a body that is not JSON', async () => {
    sandbox.injectFault({ host: 'api.ashbyhq.com', kind: 'malformed' });
    const reply = await ashbyCall(sandbox, '/apiKey.info');
    expect(reply.status).toBe(200);
    expect(() => JSON.parse(reply.body)).toThrow();
  });

  it('never answers a timeout fault, and reset releases the held socket', async () => {
    sandbox.injectFault({ host: 'api.ashbyhq.com', kind: 'timeout' });
    await expect(
      call(sandbox, {
        host: 'api.ashbyhq.com',
        path: '/apiKey.info',
        method: 'POST',
        headers: { ...basic(sandbox.credentials.ashby.key), 'content-type': 'application/json' },
        body: '{}',
        timeoutMs: 150,
      }),
    ).rejects.toThrow(/timeout/);
    expect(sandbox.requests.at(-1)).toMatchObject({ path: '/apiKey.info', status: 0 });

    sandbox.reset();
    sandbox.injectFault({ host: 'api.ashbyhq.com', kind: 'timeout' });
    const held = ashbyCall(sandbox, '/apiKey.info').catch((error: Error) => error);
    while (sandbox.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    sandbox.reset();
    expect(await held).toBeInstanceOf(Error);
  });

  it('clearFaults drops every pending rule', async () => {
    sandbox.injectFault({ kind: 'server-error', times: 5 });
    sandbox.clearFaults();
    expect((await ashbyCall(sandbox, '/apiKey.info')).status).toBe(200);
  });
});

describe('control API', () => {
  const control = (method: string, path: string, body?: string) =>
    call(sandbox, { host: '127.0.0.1', path, method, headers: { 'content-type': 'application/json' }, body });

  it('accepts a fault rule over HTTP and rejects an invalid one', async () => {
    expect((await control('POST', '/__sandbox/faults', JSON.stringify({ kind: 'explode' }))).status).toBe(400);
    expect(
      (await control('POST', '/__sandbox/faults', JSON.stringify({ host: 'api.lever.co', kind: 'rate-limit' }))).status,
    ).toBe(204);
    expect((await call(sandbox, { host: 'api.lever.co', path: '/v1/users' })).status).toBe(429);
    await control('POST', '/__sandbox/faults', JSON.stringify({ host: 'api.lever.co', kind: 'rate-limit' }));
    expect((await control('DELETE', '/__sandbox/faults')).status).toBe(204);
    expect((await call(sandbox, { host: 'api.lever.co', path: '/v1/users' })).status).toBe(401);
  });

  it('serves the request log without logging its own calls, and reset clears it', async () => {
    await call(sandbox, { host: 'www.linkedin.com', path: '/feed/' });
    const log = JSON.parse((await control('GET', '/__sandbox/requests')).body);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ host: 'www.linkedin.com', method: 'GET', path: '/feed/', status: 200 });
    expect((await control('POST', '/__sandbox/reset')).status).toBe(204);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('is only served on the local control host', async () => {
    const reply = await call(sandbox, { host: 'www.linkedin.com', path: '/__sandbox/requests' });
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('"requests"');
  });
});

describe('request log', () => {
  it('records every request in order with path, query, body and status', async () => {
    await ashbyCall(sandbox, '/apiKey.info', sandbox.credentials.ashby.key, '{"probe":1}');
    await call(sandbox, { host: 'hire.lever.co', path: '/candidates?tab=all' });
    expect(
      sandbox.requests.map(({ host, method, path, body, status }) => ({ host, method, path, body, status })),
    ).toEqual([
      { host: 'api.ashbyhq.com', method: 'POST', path: '/apiKey.info', body: '{"probe":1}', status: 200 },
      { host: 'hire.lever.co', method: 'GET', path: '/candidates?tab=all', body: '', status: 200 },
    ]);
  });

  it('redacts Authorization and X-API-KEY values but keeps other headers', async () => {
    await ashbyCall(sandbox, '/apiKey.info');
    await call(sandbox, {
      host: 'acme.pinpointhq.com',
      path: '/api/v1/users',
      headers: { 'X-API-KEY': sandbox.credentials.pinpoint.key },
    });
    const [ashby, pinpoint] = sandbox.requests;
    expect(ashby?.headers.authorization).toBe('[redacted]');
    expect(ashby?.headers['content-type']).toBe('application/json');
    expect(pinpoint?.headers['x-api-key']).toBe('[redacted]');
    const serialized = JSON.stringify(sandbox.requests);
    expect(serialized).not.toContain(sandbox.credentials.pinpoint.key);
    expect(serialized).not.toContain(Buffer.from(`${sandbox.credentials.ashby.key}:`).toString('base64'));
  });
});
