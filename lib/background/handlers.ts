import { browser } from 'wxt/browser';
import { SidecarError } from '@/lib/core/errors';
import { siteLabels, type AtsProvider } from '@/lib/core/page-context';
import { mergeCalls, planWithLlm } from '@/lib/autofill/llm-plan';
import { createChatClient } from '@/lib/llm/chat-client';
import { parseSummaryNote } from '@/lib/notes/note-format';
import { readSecret } from '@/lib/storage/secrets';
import { loadSettings } from '@/lib/storage/settings';
import type { AtsClient } from '@/lib/providers/contracts';
import { connectionStatuses, disconnect, saveConnection, saveIdentity, testConnection } from './connections';
import type { CallStore } from './calls';
import type { Exports } from './exports';
import { llmStatus, saveLlm, disconnectLlm } from './llm-settings';
import type { OutboxOperation } from '@/lib/core/outbox';
import type { Outbox } from './outbox';
import { cacheKeys, type ReadCache } from './read-cache';
import type { Handlers } from './router';
import type { CheckedSender } from './sender-check';

/** Where WXT writes the runtime-registered panel content script (entrypoints/panel.content). */
export const panelScriptFile = '/content-scripts/panel.js';

/** How long an ATS read is served from the cache: a revisit within minutes costs no API call. */
export const readCacheMilliseconds = 5 * 60_000;

export interface HandlerDependencies {
  outbox: Outbox;
  calls: CallStore;
  exports: Exports;
  cache: ReadCache;
  clientFor: (provider: AtsProvider) => Promise<AtsClient>;
  /** The user's own ATS user id, where they set their work email. */
  performAsFor: (provider: AtsProvider) => Promise<string | undefined>;
}

/** Exports start on a LinkedIn profile (or an extension page): only there may a page reach every ATS. */
function requireProfilePage(sender: CheckedSender): void {
  if (sender.kind === 'content' && sender.context.kind !== 'profile') {
    throw new SidecarError({ kind: 'permission', message: 'Exports start from a LinkedIn profile' });
  }
}

/** A page may only ask about the ATS it belongs to. */
function requireOwnSite(sender: CheckedSender, provider: AtsProvider): void {
  if (sender.kind === 'content' && sender.context.site !== provider) {
    throw new SidecarError({
      kind: 'permission',
      provider,
      message: `This page cannot read ${siteLabels[provider]} data`,
    });
  }
}

export function createHandlers({
  outbox,
  calls,
  exports,
  cache,
  clientFor,
  performAsFor,
}: HandlerDependencies): Handlers {
  /** A write a page asked for on its own ATS: one outbox entry per click, labelled for the panel and the popup. */
  function queueClick<Payload extends { clickId: string; provider: AtsProvider; candidateName: string }>(
    payload: Payload,
    sender: CheckedSender,
    describe: (
      operation: Omit<Payload, 'clickId' | 'provider' | 'candidateName'>,
      candidateName: string,
    ) => { label: string; operation: OutboxOperation },
  ) {
    requireOwnSite(sender, payload.provider);
    const { clickId, provider, candidateName, ...operation } = payload;
    const { label, operation: queued } = describe(operation, candidateName);
    return outbox.enqueue({ id: clickId, provider, label, operation: queued });
  }

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

    'connections.status': () => connectionStatuses(),
    'connections.test': (payload) => testConnection(payload),
    'connections.save': (payload) => saveConnection(payload, cache),
    async 'connections.disconnect'({ provider }) {
      await exports.forgetProvider(provider);
      return disconnect(provider, cache, outbox);
    },
    'identity.save': ({ email }) => saveIdentity(email, cache),

    async 'candidate.context'({ provider, ids }, sender) {
      requireOwnSite(sender, provider);
      const client = await clientFor(provider);
      const context = await cache.remember(cacheKeys.candidate(provider, ids), readCacheMilliseconds, async () => ({
        ...(await client.getCandidateContext(ids)),
        fetchedAt: Date.now(),
      }));
      return { ...context, unsupported: client.unsupported };
    },

    async 'candidate.stages'({ provider, candidateId, applicationId }, sender) {
      requireOwnSite(sender, provider);
      const client = await clientFor(provider);
      return cache.remember(cacheKeys.stages(provider, applicationId), readCacheMilliseconds, async () => {
        const context = await client.getCandidateContext({ candidateId, applicationId });
        const application = context.applications.find((candidate) => candidate.id === applicationId);
        if (!application) throw new SidecarError({ kind: 'not-found', provider, message: 'No such application' });
        return client.listStages(application);
      });
    },

    async 'ats.users'({ provider }, sender) {
      requireOwnSite(sender, provider);
      const client = await clientFor(provider);
      return cache.remember(cacheKeys.users(provider), readCacheMilliseconds, () => client.listUsers());
    },

    'application.moveToStage': (payload, sender) =>
      queueClick(payload, sender, (operation, name) => ({
        label: `Move ${name} to ${operation.stageName}`,
        operation: { type: 'moveToStage', ...operation },
      })),

    'interview.schedule': (payload, sender) =>
      queueClick(payload, sender, (operation, name) => ({
        label: `Schedule an interview with ${name}`,
        operation: { type: 'scheduleInterview', ...operation },
      })),

    async 'outbox.list'(filter, sender) {
      if (sender.kind === 'extension-page') return outbox.list(filter);
      // A LinkedIn page sees only exports (never the notes or moves queued for ATS records); an ATS page only the
      // entries of its own ATS.
      if (sender.context.site === 'linkedin') {
        return (await outbox.list(filter)).filter((entry) => entry.operation.type === 'export');
      }
      if (filter.provider) requireOwnSite(sender, filter.provider);
      return outbox.list({ ...filter, provider: sender.context.site });
    },

    async 'calls.list'({ provider, candidateId }, sender) {
      requireOwnSite(sender, provider);
      return calls.list(provider, candidateId);
    },

    async 'calls.get'({ id }, sender) {
      const call = await calls.get(id);
      requireOwnSite(sender, call.provider);
      return call;
    },

    async 'calls.create'(input, sender) {
      requireOwnSite(sender, input.provider);
      return calls.create(input);
    },

    async 'calls.saveNotes'({ id, notes }, sender) {
      requireOwnSite(sender, (await calls.get(id)).provider);
      return calls.saveNotes(id, notes);
    },

    async 'calls.import'(input, sender) {
      requireOwnSite(sender, input.provider);
      return calls.importTranscript(input);
    },

    async 'calls.summarize'({ id, engine, candidateName }, sender) {
      requireOwnSite(sender, (await calls.get(id)).provider);
      return calls.summarize(id, engine, candidateName);
    },

    async 'calls.post'({ clickId, id, candidateName, includeNotes }, sender) {
      const { call, text, html } = await calls.noteBodies(id, candidateName, includeNotes);
      requireOwnSite(sender, call.provider);
      const entry = await outbox.enqueue({
        id: clickId,
        provider: call.provider,
        label: `Post the summary of "${call.title}" for ${candidateName}`,
        operation: {
          type: 'createNote',
          candidateId: call.candidateId,
          ...(call.applicationId ? { applicationId: call.applicationId } : {}),
          text,
          ...(html ? { html } : {}),
        },
      });
      await calls.markPosted(id, entry.id);
      return entry;
    },

    async 'notes.list'({ provider, candidateId, applicationId }, sender) {
      requireOwnSite(sender, provider);
      const client = await clientFor(provider);
      const notes = await cache.remember(cacheKeys.notes(provider, candidateId), readCacheMilliseconds, () =>
        client.listNotes({ candidateId, ...(applicationId ? { applicationId } : {}) }),
      );
      return notes
        .map((note) => {
          const sidecar = parseSummaryNote(note.text);
          return {
            id: note.id,
            text: note.text,
            ...(note.author ? { author: note.author } : {}),
            createdAt: note.createdAt,
            ...(sidecar ? { sidecar } : {}),
          };
        })
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },

    async 'ats.jobs'({ provider }, sender) {
      if (sender.kind === 'content' && sender.context.site !== 'linkedin') requireOwnSite(sender, provider);
      const client = await clientFor(provider);
      return cache.remember(cacheKeys.jobs(provider), readCacheMilliseconds, () => client.listOpenJobs());
    },

    async 'export.lookup'({ profileUrl }, sender) {
      requireProfilePage(sender);
      return exports.lookup(profileUrl);
    },

    async 'export.match'(input, sender) {
      requireProfilePage(sender);
      return exports.match(input);
    },

    async 'export.start'(input, sender) {
      requireProfilePage(sender);
      return exports.start(input);
    },

    async 'calls.recent'({ provider }, sender) {
      requireOwnSite(sender, provider);
      return calls.recent(provider);
    },

    async 'scorecard.planLlm'({ callIds, fields }, sender) {
      const chosen = await Promise.all(callIds.map((id) => calls.get(id)));
      for (const call of chosen) requireOwnSite(sender, call.provider);
      const { llm } = await loadSettings();
      if (!llm) {
        throw new SidecarError({
          kind: 'invalid-input',
          provider: 'llm',
          message: 'No LLM endpoint is set up. Add one in Sidecar Options, or use the offline plan.',
        });
      }
      const apiKey = await readSecret('llm');
      const chat = createChatClient({ baseUrl: llm.baseUrl, model: llm.model, ...(apiKey ? { apiKey } : {}) });
      return planWithLlm(chat, fields, mergeCalls(chosen));
    },

    async 'scorecard.context'({ provider, interviewId, candidateId }, sender) {
      requireOwnSite(sender, provider);
      const client = await clientFor(provider);
      const performAs = await performAsFor(provider);
      return cache.remember(cacheKeys.feedback(provider, interviewId), readCacheMilliseconds, () =>
        client.getFeedbackContext({
          interviewId,
          ...(candidateId ? { candidateId } : {}),
          ...(performAs ? { performAs } : {}),
        }),
      );
    },

    'scorecard.submit': (payload, sender) =>
      queueClick(payload, sender, (operation, name) => ({
        label: `Submit interview feedback for ${name}`,
        operation: { type: 'submitFeedback', ...operation },
      })),

    'llm.status': () => llmStatus(),
    'llm.save': (input) => saveLlm(input),
    'llm.disconnect': () => disconnectLlm(),

    async 'outbox.retry'({ id }, sender) {
      const entry = await outbox.get(id);
      if (entry) requireOwnSite(sender, entry.provider);
      return outbox.retry(id);
    },
  };
}
