import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCallStore } from '@/lib/background/calls';
import type { Exports } from '@/lib/background/exports';
import { createHandlers, panelScriptFile } from '@/lib/background/handlers';
import { SidecarDatabase } from '@/lib/storage/database';
import type { Outbox } from '@/lib/background/outbox';
import { createReadCache, type StorageAreaLike } from '@/lib/background/read-cache';
import type { CheckedSender } from '@/lib/background/sender-check';
import type { AtsClient } from '@/lib/providers/contracts';
import { detectAnyPage } from '@/lib/providers/pages';

const url = 'https://hire.lever.co/candidates/250d8f03-738a-4bba-a671-8a3d73477145';
const contentSender: CheckedSender = { kind: 'content', tabId: 12, frameId: 0, url, context: detectAnyPage(url)! };
const candidateId = '250d8f03-738a-4bba-a671-8a3d73477145';

function memoryArea(): StorageAreaLike {
  const items = new Map<string, unknown>();
  return {
    get: async (key) => (key === null ? Object.fromEntries(items) : items.has(key) ? { [key]: items.get(key) } : {}),
    set: async (values) => void Object.entries(values).forEach(([key, value]) => items.set(key, value)),
    remove: async (keys) => void keys.forEach((key) => items.delete(key)),
  };
}

function setup() {
  const client = {
    provider: 'lever',
    unsupported: { scheduleInterview: 'not here' },
    getCandidateContext: vi.fn(async () => ({ candidate: { id: candidateId, name: 'Priya' }, applications: [] })),
  } as unknown as AtsClient;
  const outbox = { enqueue: vi.fn(async (input: object) => ({ ...input, state: 'pending' })) } as unknown as Outbox;
  const calls = createCallStore(new SidecarDatabase(`handlers-${Math.random()}`));
  const handlers = createHandlers({
    outbox,
    calls,
    // No export is exercised here.
    exports: {} as Exports,
    cache: createReadCache(memoryArea()),
    clientFor: async () => client,
    performAsFor: async () => 'user-1',
  });
  return { handlers, client, outbox };
}

describe('background handlers', () => {
  beforeEach(() => fakeBrowser.reset());

  it('injects the panel bundle into the sending tab and frame only', async () => {
    const executeScript = vi.fn(async () => []);
    (fakeBrowser as unknown as { scripting: { executeScript: typeof executeScript } }).scripting = { executeScript };
    await expect(setup().handlers['panel.inject']({}, contentSender)).resolves.toEqual({ injected: true });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 12, frameIds: [0] }, files: [panelScriptFile] });
  });

  it('refuses to inject for an extension page', async () => {
    await expect(
      setup().handlers['panel.inject']({}, { kind: 'extension-page', url: 'chrome-extension://x/options.html' }),
    ).rejects.toMatchObject({ data: { kind: 'permission' } });
  });

  it('answers ping with the version and the page context it checked', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '9.9.9' } as never);
    const data = await setup().handlers.ping({ sentAt: 1 }, contentSender);
    expect(data).toMatchObject({ version: '9.9.9', sender: 'content', context: { site: 'lever', kind: 'candidate' } });
  });

  it('serves a candidate revisited within minutes from the cache, with no second ATS call', async () => {
    const { handlers, client } = setup();
    const payload = { provider: 'lever' as const, ids: { candidateId } };
    const first = await handlers['candidate.context'](payload, contentSender);
    const second = await handlers['candidate.context'](payload, contentSender);
    expect(second).toEqual(first);
    expect(first.unsupported).toEqual({ scheduleInterview: 'not here' });
    expect(client.getCandidateContext).toHaveBeenCalledTimes(1);
  });

  it("refuses a page's request for another ATS's data", async () => {
    const { handlers, client } = setup();
    await expect(
      handlers['candidate.context']({ provider: 'ashby', ids: { candidateId } }, contentSender),
    ).rejects.toMatchObject({ data: { kind: 'permission' } });
    expect(client.getCandidateContext).not.toHaveBeenCalled();
  });

  it('queues a stage move under the click id, with a label the user recognises', async () => {
    const { handlers, outbox } = setup();
    const clickId = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
    await handlers['application.moveToStage'](
      {
        clickId,
        provider: 'lever',
        candidateId,
        candidateName: 'Priya Raman',
        applicationId: 'app-1',
        stageId: 'onsite',
        stageName: 'Onsite',
      },
      contentSender,
    );
    expect(outbox.enqueue).toHaveBeenCalledWith({
      id: clickId,
      provider: 'lever',
      label: 'Move Priya Raman to Onsite',
      operation: { type: 'moveToStage', candidateId, applicationId: 'app-1', stageId: 'onsite', stageName: 'Onsite' },
    });
  });
});

describe('outbox visibility', () => {
  const entries = [
    { id: '1', provider: 'lever', operation: { type: 'createNote' } },
    { id: '2', provider: 'ashby', operation: { type: 'export' } },
    { id: '3', provider: 'ashby', operation: { type: 'moveToStage' } },
  ];
  function handlersWith() {
    const outbox = {
      list: vi.fn(async (filter: { provider?: string }) =>
        entries.filter((entry) => !filter.provider || entry.provider === filter.provider),
      ),
    } as unknown as Outbox;
    return createHandlers({
      outbox,
      calls: {} as never,
      exports: {} as Exports,
      cache: createReadCache(memoryArea()),
      clientFor: async () => ({}) as AtsClient,
      performAsFor: async () => undefined,
    });
  }

  it('shows an ATS page only the entries of its own ATS', async () => {
    const listed = await handlersWith()['outbox.list']({}, contentSender);
    expect(listed.map((entry) => entry.id)).toEqual(['1']);
  });

  it('shows a LinkedIn page only exports, never notes or moves queued for ATS records', async () => {
    const linkedinUrl = 'https://www.linkedin.com/in/ada-lovelace-1815/';
    const linkedin: CheckedSender = {
      kind: 'content',
      tabId: 3,
      frameId: 0,
      url: linkedinUrl,
      context: detectAnyPage(linkedinUrl)!,
    };
    const listed = await handlersWith()['outbox.list']({}, linkedin);
    expect(listed.map((entry) => entry.id)).toEqual(['2']);
  });

  it('shows the popup and options page everything', async () => {
    const listed = await handlersWith()['outbox.list'](
      {},
      { kind: 'extension-page', url: 'chrome-extension://x/popup.html' },
    );
    expect(listed).toHaveLength(3);
  });
});
