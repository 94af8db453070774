import { describe, expect, it, vi } from 'vitest';
import { SidecarError } from '@/lib/core/errors';
import { createRouter, type Handlers } from '@/lib/background/router';
import { protocol } from '@/lib/messaging/protocol';

const extension = { id: 'sidecar-id', origin: 'chrome-extension://sidecar-id/' };
const candidateUrl = 'https://app.ashbyhq.com/candidates/0c6b5e3c-7a9f-4d42-9f0e-3b1f6f0c2a11';
const contentSender = { id: 'sidecar-id', url: candidateUrl, frameId: 0, tab: { id: 7, url: candidateUrl } };
const optionsSender = { id: 'sidecar-id', url: 'chrome-extension://sidecar-id/options.html' };

function setup(overrides: Partial<Handlers> = {}) {
  const handlers = {
    // Messages this file does not exercise fail loudly if reached.
    ...(Object.fromEntries(
      Object.keys(protocol).map((type) => [type, async () => Promise.reject(new Error(`${type} not expected`))]),
    ) as unknown as Handlers),
    'panel.inject': vi.fn(async () => ({ injected: true })),
    ping: vi.fn(async (_payload, sender) => ({
      version: '1.0.0',
      receivedAt: 1,
      sender: sender.kind,
      context: sender.kind === 'content' ? sender.context : null,
    })),
    'options.open': vi.fn(async () => ({ opened: true as const })),
    ...overrides,
  } satisfies Handlers;
  const refusals: string[] = [];
  const route = createRouter({
    handlers,
    extension,
    logRefusal: (reason, type) => refusals.push(`${type}: ${reason}`),
  });
  return { route, handlers, refusals };
}

const envelope = (type: string, payload: unknown) => ({ channel: 'sidecar', type, payload });

describe('background router', () => {
  it('answers a valid message from a recognised page with the context the background read from its URL', async () => {
    const { route } = setup();
    const result = await route(envelope('ping', { sentAt: 5 }), contentSender);
    expect(result).toEqual({
      ok: true,
      data: {
        version: '1.0.0',
        receivedAt: 1,
        sender: 'content',
        context: expect.objectContaining({ site: 'ashby', kind: 'candidate' }),
      },
    });
  });

  it('answers our extension pages as extension-page senders', async () => {
    const { route } = setup();
    const result = await route(envelope('ping', { sentAt: 5 }), optionsSender);
    expect(result).toMatchObject({ ok: true, data: { sender: 'extension-page', context: null } });
  });

  it('ignores traffic that is not a Sidecar envelope so other listeners can answer it', async () => {
    const { route, refusals } = setup();
    expect(await route({ type: 'ping' }, contentSender)).toBeUndefined();
    expect(await route('hello', contentSender)).toBeUndefined();
    expect(refusals).toEqual([]);
  });

  it('refuses messages from another extension and logs why, without calling the handler', async () => {
    const { route, handlers, refusals } = setup();
    const result = await route(envelope('ping', { sentAt: 5 }), { ...contentSender, id: 'someone-else' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'permission' } });
    expect(handlers.ping).not.toHaveBeenCalled();
    expect(refusals).toEqual(['ping: message from another extension (someone-else)']);
  });

  it('refuses content messages from pages no detector recognises', async () => {
    const { route, handlers } = setup();
    const sender = { ...contentSender, url: 'https://app.ashbyhq.com/jobs', tab: { id: 7 } };
    expect(await route(envelope('ping', { sentAt: 5 }), sender)).toMatchObject({
      ok: false,
      error: { kind: 'permission' },
    });
    expect(handlers.ping).not.toHaveBeenCalled();
  });

  it("reads a top frame's page from the tab URL, which follows in-app navigation", async () => {
    const { route } = setup();
    const sender = { ...contentSender, url: 'https://app.ashbyhq.com/', tab: { id: 7, url: candidateUrl } };
    expect(await route(envelope('ping', { sentAt: 5 }), sender)).toMatchObject({
      ok: true,
      data: { context: { kind: 'candidate' } },
    });
  });

  it('refuses content messages from sub-frames, even on a recognised page', async () => {
    const { route } = setup();
    const result = await route(envelope('ping', { sentAt: 5 }), { ...contentSender, frameId: 3 });
    expect(result).toMatchObject({ ok: false, error: { kind: 'permission' } });
  });

  it('refuses a message its spec does not allow from that kind of sender', async () => {
    const { route, handlers, refusals } = setup();
    const result = await route(envelope('panel.inject', {}), optionsSender);
    expect(result).toMatchObject({ ok: false, error: { kind: 'permission' } });
    expect(handlers['panel.inject']).not.toHaveBeenCalled();
    expect(refusals).toEqual(['panel.inject: not allowed from extension-page']);
  });

  it('refuses unknown message types, including inherited property names', async () => {
    const { route } = setup();
    expect(await route(envelope('deleteEverything', {}), contentSender)).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input', message: 'Unknown message "deleteEverything"' },
    });
    expect(await route(envelope('toString', {}), contentSender)).toMatchObject({ ok: false });
  });

  it('validates payloads with zod and names the offending field', async () => {
    const { route, handlers } = setup();
    const result = await route(envelope('ping', { sentAt: 'now' }), contentSender);
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(result?.ok === false && result.error.message).toContain('sentAt');
    expect(await route(envelope('ping', { sentAt: 1, extra: true }), contentSender)).toMatchObject({ ok: false });
    expect(handlers.ping).not.toHaveBeenCalled();
  });

  it('carries a handler failure across as error data', async () => {
    const { route } = setup({
      ping: async () => {
        throw new SidecarError({ kind: 'rate-limited', provider: 'lever', message: 'Slow down', retryAfter: 3 });
      },
    });
    expect(await route(envelope('ping', { sentAt: 1 }), contentSender)).toEqual({
      ok: false,
      error: { kind: 'rate-limited', provider: 'lever', message: 'Slow down', retryAfter: 3 },
    });
  });

  it('turns an unexpected exception into an internal error without a stack trace', async () => {
    const { route } = setup({
      ping: async () => {
        throw new TypeError('x is undefined');
      },
    });
    expect(await route(envelope('ping', { sentAt: 1 }), contentSender)).toEqual({
      ok: false,
      error: { kind: 'internal', message: 'x is undefined' },
    });
  });
});
