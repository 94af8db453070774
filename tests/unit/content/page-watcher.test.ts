// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pageBridge } from '@/lib/content/page-bridge';
import { watchPage } from '@/lib/content/page-watcher';
import type { PageContext } from '@/lib/core/page-context';
import { detectLeverPage } from '@/lib/providers/lever/page';
import { answerMessages, setPageUrl } from '../fake-runtime';

const candidatePath = '/candidates/250d8f03-738a-4bba-a671-8a3d73477145';

function resetBridge() {
  const bridge = pageBridge();
  bridge.context = null;
  bridge.panel = 'absent';
  bridge.listeners.clear();
  return bridge;
}

describe('watchPage', () => {
  let ctx: ContentScriptContext;
  let sendMessage: ReturnType<typeof answerMessages>;

  beforeEach(() => {
    fakeBrowser.reset();
    sendMessage = answerMessages(() => ({ ok: true, data: { injected: true } }));
    ctx = new ContentScriptContext('lever');
    resetBridge();
  });

  afterEach(() => {
    ctx.abort();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('does nothing visible and sends nothing on a page that is nothing', () => {
    setPageUrl('https://hire.lever.co/jobs');
    const before = document.documentElement.outerHTML;
    watchPage(ctx, detectLeverPage);
    expect(pageBridge().context).toBeNull();
    expect(sendMessage).not.toHaveBeenCalled();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('publishes the context and asks for the panel once on a recognised page', async () => {
    setPageUrl(`https://hire.lever.co${candidatePath}`);
    watchPage(ctx, detectLeverPage);
    expect(pageBridge().context).toMatchObject({ site: 'lever', kind: 'candidate' });
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(sendMessage).toHaveBeenCalledWith({ channel: 'sidecar', type: 'panel.inject', payload: {} });
  });

  it('follows in-app navigation by polling where the Navigation API is missing', async () => {
    vi.stubGlobal('navigation', undefined);
    vi.useFakeTimers();
    setPageUrl('https://hire.lever.co/candidates');
    const seen: Array<PageContext | null> = [];
    pageBridge().listeners.add((context) => seen.push(context));
    watchPage(ctx, detectLeverPage);
    history.pushState({}, '', candidatePath);
    vi.advanceTimersByTime(450);
    history.pushState({}, '', '/jobs');
    vi.advanceTimersByTime(450);
    expect(seen.map((context) => context?.kind ?? null)).toEqual([null, 'candidate', null]);
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('follows in-app navigation through the Navigation API where present', () => {
    const navigation = new EventTarget();
    vi.stubGlobal('navigation', navigation);
    setPageUrl('https://hire.lever.co/');
    watchPage(ctx, detectLeverPage);
    history.pushState({}, '', candidatePath);
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(pageBridge().context).toMatchObject({ kind: 'candidate', candidateId: candidatePath.split('/')[2] });
  });

  it('asks again later if the background could not load the panel', async () => {
    sendMessage.mockResolvedValueOnce({ ok: false, error: { kind: 'internal', message: 'down' } });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    setPageUrl(`https://hire.lever.co${candidatePath}`);
    watchPage(ctx, detectLeverPage);
    await vi.waitFor(() => expect(pageBridge().panel).toBe('absent'));
  });

  it('stops watching once the content script is invalidated', () => {
    const navigation = new EventTarget();
    vi.stubGlobal('navigation', navigation);
    setPageUrl('https://hire.lever.co/');
    watchPage(ctx, detectLeverPage);
    ctx.abort();
    history.pushState({}, '', candidatePath);
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(pageBridge().context).toBeNull();
  });
});
