import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createRateLimiter } from '@/lib/http/rate-limiter';
import { createHttpClient, parseRetryAfter, type HttpClientOptions } from '@/lib/http/request';
import { fakeClock } from './fake-clock';
import { sidecarFailure as failure } from '../sidecar-failure';

const itemSchema = z.object({ data: z.object({ id: z.string(), name: z.string() }) });

function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function setup(responses: Array<Response | Error>, overrides: Partial<HttpClientOptions> = {}) {
  const clock = fakeClock();
  const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => {
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    if (next instanceof Error) throw next;
    return next;
  });
  const client = createHttpClient({
    provider: 'lever',
    baseUrl: 'https://api.lever.co/v1',
    headers: async () => ({ Authorization: 'Basic a2V5Og==' }),
    limiter: createRateLimiter([{ capacity: 100, refillPerSecond: 100 }], clock),
    readVendorError: (body) => {
      const parsed = z.object({ code: z.string(), message: z.string() }).safeParse(body);
      return parsed.success ? { code: parsed.data.code, message: parsed.data.message } : undefined;
    },
    fetch: fetch as unknown as typeof globalThis.fetch,
    clock,
    random: () => 1,
    ...overrides,
  });
  return { client, fetch, clock };
}

describe('http client', () => {
  it('sends method, URL with repeated query parameters, auth and JSON body', async () => {
    const { client, fetch } = setup([jsonResponse({ data: { id: '1', name: 'Note' } }, 201)]);
    await client.request({
      method: 'POST',
      path: '/opportunities/abc/notes',
      query: { perform_as: 'u1', expand: ['stage', 'owner'], skip: undefined },
      body: { value: 'Hello' },
      schema: itemSchema,
    });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://api.lever.co/v1/opportunities/abc/notes?perform_as=u1&expand=stage&expand=owner');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toMatchObject({ Authorization: 'Basic a2V5Og==', 'Content-Type': 'application/json' });
    expect(init?.body).toBe('{"value":"Hello"}');
    expect(init?.credentials).toBe('omit');
  });

  it('returns what the schema outputs', async () => {
    const { client } = setup([jsonResponse({ data: { id: '1', name: 'Ada' }, extra: true })]);
    await expect(client.request({ method: 'GET', path: '/x', schema: itemSchema })).resolves.toEqual({
      data: { id: '1', name: 'Ada' },
    });
  });

  it('names the field when a response fails its schema', async () => {
    const { client } = setup([jsonResponse({ data: { id: '1' } })]);
    const error = await failure(client.request({ method: 'GET', path: '/x', schema: itemSchema }));
    expect(error).toMatchObject({ kind: 'invalid-response', provider: 'lever' });
    expect(error.message).toContain('data.name');
  });

  it('reports a malformed JSON body as invalid-response', async () => {
    const { client } = setup([jsonResponse('{"data": {"id": tru')]);
    expect(await failure(client.request({ method: 'GET', path: '/x', schema: itemSchema }))).toMatchObject({
      kind: 'invalid-response',
      message: 'the response is not valid JSON',
    });
  });

  it.each([
    [401, 'auth'],
    [403, 'permission'],
    [404, 'not-found'],
    [400, 'invalid-input'],
    [422, 'invalid-input'],
  ])('maps HTTP %i to %s and keeps the vendor message, without retrying', async (status, kind) => {
    const { client, fetch } = setup([jsonResponse({ code: 'X', message: `vendor says ${status}` }, status)]);
    expect(await failure(client.request({ method: 'GET', path: '/x', schema: itemSchema }))).toEqual({
      kind,
      provider: 'lever',
      status,
      message: `vendor says ${status}`,
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('retries a 429 after the Retry-After delay and succeeds', async () => {
    const { client, fetch, clock } = setup([
      jsonResponse({ code: 'TooMany', message: 'slow down' }, 429, { 'Retry-After': '3' }),
      jsonResponse({ data: { id: '1', name: 'Ada' } }),
    ]);
    await client.request({ method: 'POST', path: '/x', body: {}, schema: itemSchema });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(clock.sleeps).toContain(3000);
  });

  it('gives up on a Retry-After longer than it may wait, saying when to retry', async () => {
    const { client, fetch } = setup([
      jsonResponse({ code: 'TooMany', message: 'slow down' }, 429, { 'Retry-After': '120' }),
    ]);
    expect(await failure(client.request({ method: 'GET', path: '/x', schema: itemSchema }))).toMatchObject({
      kind: 'rate-limited',
      retryAfter: 120,
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('retries reads on 5xx and network errors with growing backoff, up to the attempt limit', async () => {
    const { client, fetch, clock } = setup([
      jsonResponse({}, 502),
      new TypeError('Failed to fetch'),
      jsonResponse({}, 503),
      jsonResponse({}, 500),
    ]);
    expect(await failure(client.request({ method: 'GET', path: '/x', schema: itemSchema }))).toMatchObject({
      kind: 'upstream',
      status: 500,
    });
    expect(fetch).toHaveBeenCalledTimes(4);
    expect(clock.sleeps).toEqual([500, 1000, 2000]);
  });

  it('never repeats a non-idempotent write after a 5xx: the outbox decides after looking', async () => {
    const { client, fetch } = setup([jsonResponse({}, 503)]);
    expect(await failure(client.request({ method: 'POST', path: '/x', body: {}, schema: itemSchema }))).toMatchObject({
      kind: 'upstream',
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('reports a network failure as network', async () => {
    const { client } = setup([new TypeError('Failed to fetch')], { maxAttempts: 1 });
    expect(await failure(client.request({ method: 'GET', path: '/x', schema: itemSchema }))).toMatchObject({
      kind: 'network',
      message: 'could not connect (Failed to fetch)',
    });
  });

  it('times out a request that never answers', async () => {
    const fetch = vi.fn(
      (_url: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
    );
    const { client } = setup([], {
      fetch: fetch as unknown as typeof globalThis.fetch,
      timeoutMilliseconds: 20,
      maxAttempts: 1,
    });
    expect(await failure(client.request({ method: 'GET', path: '/x', schema: itemSchema }))).toMatchObject({
      kind: 'network',
      message: 'no answer within 0 s',
    });
  });

  it('treats a vendor error inside a 2xx body as a failure (Ashby success:false)', async () => {
    const { client } = setup([jsonResponse({ success: false })], {
      readVendorError: (body) =>
        (body as { success?: boolean }).success === false
          ? { kind: 'permission', message: 'missing_endpoint_permission' }
          : undefined,
    });
    expect(await failure(client.request({ method: 'POST', path: '/x', body: {}, schema: itemSchema }))).toMatchObject({
      kind: 'permission',
      status: 200,
      message: 'missing_endpoint_permission',
    });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('7', 0)).toBe(7);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 0)).toBe(10);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });
});
