import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createCallStore } from '@/lib/background/calls';
import { createHandlers } from '@/lib/background/handlers';
import { createExports } from '@/lib/background/exports';
import { createOutbox } from '@/lib/background/outbox';
import { createExecutors } from '@/lib/background/outbox-executors';
import { cacheKeys, createReadCache } from '@/lib/background/read-cache';
import { createRouter, isEnvelope } from '@/lib/background/router';
import { connectionStatuses, performAsFor } from '@/lib/background/connections';
import { connectedClient } from '@/lib/providers/clients';
import { database } from '@/lib/storage/database';

const outboxAlarm = 'sidecar-outbox';

export default defineBackground(() => {
  const cache = createReadCache();
  const outbox = createOutbox({
    database,
    executor: createExecutors({ clientFor: connectedClient, performAsFor }),
    scheduleWake: (when) => void browser.alarms.create(outboxAlarm, { when }),
    // What a write changed must not be served from the cache afterwards.
    onDone: async (entry) => {
      await cache.invalidate(cacheKeys.candidates(entry.provider));
      await exports.remember(entry);
    },
  });

  const exports = createExports({
    database,
    outbox,
    cache,
    clientFor: connectedClient,
    connectedProviders: async () =>
      (await connectionStatuses()).filter((status) => status.connected).map((status) => status.provider),
  });

  const route = createRouter({
    handlers: createHandlers({
      outbox,
      calls: createCallStore(database),
      exports,
      cache,
      clientFor: connectedClient,
      performAsFor,
    }),
    extension: { id: browser.runtime.id, origin: browser.runtime.getURL('/') },
    logRefusal: (reason, type) => console.warn(`[sidecar] refused "${type}": ${reason}`),
  });
  // Answer only our own envelopes; returning undefined leaves other traffic to other listeners.
  browser.runtime.onMessage.addListener((message, sender) =>
    isEnvelope(message) ? route(message, sender) : undefined,
  );

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === outboxAlarm) void outbox.drain();
  });
  // Listening to onStartup makes the browser start the worker at launch, so queued writes resume without a click.
  browser.runtime.onStartup.addListener(() => void outbox.resume());
  // Every start of the worker (install, launch, or wake-up after Chrome stopped it) picks up interrupted writes.
  void outbox.resume();
});
