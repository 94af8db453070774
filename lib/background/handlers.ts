import { browser } from 'wxt/browser';
import { SidecarError } from '@/lib/core/errors';
import type { Handlers } from './router';

/** Where WXT writes the runtime-registered panel content script (entrypoints/panel.content). */
export const panelScriptFile = '/content-scripts/panel.js';

export function createHandlers(): Handlers {
  return {
    async 'panel.inject'(_payload, sender) {
      if (sender.kind !== 'content') throw new SidecarError({ kind: 'permission', message: 'Not a page' });
      // Only the detector ships with every page of the app hosts; React and the panel arrive here, on recognised pages only.
      await browser.scripting.executeScript({
        target: { tabId: sender.tabId, frameIds: [sender.frameId] },
        files: [panelScriptFile],
      });
      return { injected: true };
    },

    async ping(_payload, sender) {
      return {
        version: browser.runtime.getManifest().version,
        receivedAt: Date.now(),
        sender: sender.kind,
        context: sender.kind === 'content' ? sender.context : null,
      };
    },

    async 'options.open'() {
      await browser.runtime.openOptionsPage();
      return { opened: true };
    },
  };
}
