import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { createHandlers } from '@/lib/background/handlers';
import { createRouter, isEnvelope } from '@/lib/background/router';

export default defineBackground(() => {
  const route = createRouter({
    handlers: createHandlers(),
    extension: { id: browser.runtime.id, origin: browser.runtime.getURL('/') },
    logRefusal: (reason, type) => console.warn(`[sidecar] refused "${type}": ${reason}`),
  });
  // Answer only our own envelopes; returning undefined leaves other traffic to other listeners.
  browser.runtime.onMessage.addListener((message, sender) =>
    isEnvelope(message) ? route(message, sender) : undefined,
  );
});
