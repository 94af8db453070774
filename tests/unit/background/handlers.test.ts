import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers, panelScriptFile } from '@/lib/background/handlers';
import type { CheckedSender } from '@/lib/background/sender-check';
import { detectAnyPage } from '@/lib/providers/pages';

const url = 'https://hire.lever.co/candidates/250d8f03-738a-4bba-a671-8a3d73477145';
const contentSender: CheckedSender = { kind: 'content', tabId: 12, frameId: 0, url, context: detectAnyPage(url)! };

describe('background handlers', () => {
  beforeEach(() => fakeBrowser.reset());

  it('injects the panel bundle into the sending tab and frame only', async () => {
    const executeScript = vi.fn(async () => []);
    (fakeBrowser as unknown as { scripting: { executeScript: typeof executeScript } }).scripting = { executeScript };
    await expect(createHandlers()['panel.inject']({}, contentSender)).resolves.toEqual({ injected: true });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 12, frameIds: [0] }, files: [panelScriptFile] });
  });

  it('refuses to inject for an extension page', async () => {
    await expect(
      createHandlers()['panel.inject']({}, { kind: 'extension-page', url: 'chrome-extension://x/options.html' }),
    ).rejects.toMatchObject({ data: { kind: 'permission' } });
  });

  it('answers ping with the version and the page context it checked', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '9.9.9' } as never);
    const data = await createHandlers().ping({ sentAt: 1 }, contentSender);
    expect(data).toMatchObject({ version: '9.9.9', sender: 'content', context: { site: 'lever', kind: 'candidate' } });
  });
});
