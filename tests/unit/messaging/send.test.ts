import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidecarError } from '@/lib/core/errors';
import { senderRefusedMessage } from '@/lib/messaging/sender-refusal';
import { send, sendOrThrow } from '@/lib/messaging/send';
import { answerMessages } from '../fake-runtime';

describe('send', () => {
  beforeEach(() => fakeBrowser.reset());

  it('wraps the payload in a Sidecar envelope and returns the typed result', async () => {
    const spy = answerMessages(() => ({ ok: true, data: { opened: true } }));
    await expect(send('options.open', { section: 'lever' })).resolves.toEqual({ ok: true, data: { opened: true } });
    expect(spy).toHaveBeenCalledWith({ channel: 'sidecar', type: 'options.open', payload: { section: 'lever' } });
  });

  it('turns an unreachable background into an error result instead of throwing', async () => {
    answerMessages(() => {
      throw new Error('Extension context invalidated.');
    });
    const result = await send('ping', { sentAt: 1 });
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(result.ok === false && result.error.message).toContain('Reload the page');
  });

  it('treats a missing answer as an error', async () => {
    answerMessages(() => undefined);
    await expect(send('ping', { sentAt: 1 })).resolves.toMatchObject({ ok: false, error: { kind: 'internal' } });
  });

  it('sendOrThrow throws the error data as a SidecarError for TanStack Query', async () => {
    answerMessages(() => ({
      ok: false,
      error: { kind: 'auth', provider: 'ashby', message: 'Invalid key', status: 401 },
    }));
    const error = await sendOrThrow('ping', { sentAt: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SidecarError);
    expect((error as SidecarError).data).toEqual({
      kind: 'auth',
      provider: 'ashby',
      message: 'Invalid key',
      status: 401,
    });
  });
});

describe('send after an in-app navigation', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks again while the background still sees the previous URL, then gets the answer', async () => {
    let calls = 0;
    answerMessages(() =>
      ++calls < 3
        ? { ok: false, error: { kind: 'permission', message: senderRefusedMessage } }
        : { ok: true, data: { injected: true } },
    );
    await expect(send('panel.inject', {})).resolves.toEqual({ ok: true, data: { injected: true } });
    expect(calls).toBe(3);
  });

  it('gives up after a few tries and returns the refusal', async () => {
    const calls = answerMessages(() => ({ ok: false, error: { kind: 'permission', message: senderRefusedMessage } }));
    await expect(send('panel.inject', {})).resolves.toMatchObject({ ok: false, error: { kind: 'permission' } });
    expect(calls).toHaveBeenCalledTimes(4);
  });

  it('does not repeat other refusals', async () => {
    const calls = answerMessages(() => ({ ok: false, error: { kind: 'permission', message: 'not available here' } }));
    await send('panel.inject', {});
    expect(calls).toHaveBeenCalledTimes(1);
  });
});
