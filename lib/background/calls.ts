import { SidecarError } from '@/lib/core/errors';
import type { CallListItem, CallRecord, CallSummary, Summarizer } from '@/lib/core/calls';
import type { AtsProvider } from '@/lib/core/page-context';
import { createChatClient } from '@/lib/llm/chat-client';
import { formatSummaryNote } from '@/lib/notes/note-format';
import { builtInSummarizer } from '@/lib/notes/summarizer/built-in';
import { createLlmSummarizer } from '@/lib/notes/summarizer/llm';
import { parseTranscript, TranscriptError } from '@/lib/notes/transcript/parse-transcript';
import type { SidecarDatabase } from '@/lib/storage/database';
import { readSecret } from '@/lib/storage/secrets';
import { loadSettings } from '@/lib/storage/settings';

export function toListItem({ transcript, ...call }: CallRecord): CallListItem {
  return { ...call, segmentCount: transcript?.segments.length ?? 0 };
}

function notFound(): never {
  throw new SidecarError({ kind: 'not-found', message: 'That call is no longer in Sidecar' });
}

/** The summarizer the user chose: the LLM only when it is set up, else the built-in one. */
export async function summarizerFor(engine: 'built-in' | 'llm'): Promise<Summarizer> {
  if (engine === 'built-in') return builtInSummarizer;
  const { llm } = await loadSettings();
  if (!llm) {
    throw new SidecarError({
      kind: 'invalid-input',
      provider: 'llm',
      message: 'No LLM endpoint is set up. Add one in Sidecar Options, or use the built-in summary.',
    });
  }
  const apiKey = await readSecret('llm');
  return createLlmSummarizer(
    createChatClient({ baseUrl: llm.baseUrl, model: llm.model, ...(apiKey ? { apiKey } : {}) }),
  );
}

export function createCallStore(database: SidecarDatabase, now: () => Date = () => new Date()) {
  const stamp = () => now().toISOString();

  async function get(id: string): Promise<CallRecord> {
    return (await database.calls.get(id)) ?? notFound();
  }

  return {
    get,

    async recent(provider: AtsProvider, limit = 20): Promise<CallListItem[]> {
      const calls = await database.calls
        .orderBy('startedAt')
        .reverse()
        .filter((call) => call.provider === provider)
        .limit(limit)
        .toArray();
      return calls.map(toListItem);
    },

    async list(provider: AtsProvider, candidateId: string): Promise<CallListItem[]> {
      const calls = await database.calls.where('[provider+candidateId]').equals([provider, candidateId]).toArray();
      return calls.sort((a, b) => b.startedAt.localeCompare(a.startedAt)).map(toListItem);
    },

    async create(input: {
      id: string;
      provider: AtsProvider;
      candidateId: string;
      applicationId?: string;
      title?: string;
    }): Promise<CallRecord> {
      const existing = await database.calls.get(input.id);
      if (existing) return existing;
      const time = stamp();
      const call: CallRecord = {
        id: input.id,
        provider: input.provider,
        candidateId: input.candidateId,
        ...(input.applicationId ? { applicationId: input.applicationId } : {}),
        title: input.title?.trim() || `Call on ${time.slice(0, 10)}`,
        startedAt: time,
        participants: [],
        source: 'typed',
        notes: '',
        createdAt: time,
        updatedAt: time,
      };
      await database.calls.add(call);
      return call;
    },

    /** Autosave: called as the user types, so it only writes the notes. */
    async saveNotes(id: string, notes: string): Promise<{ updatedAt: string }> {
      const updatedAt = stamp();
      const changed = await database.calls.update(id, { notes, updatedAt });
      if (!changed && !(await database.calls.get(id))) notFound();
      return { updatedAt };
    },

    /**
     * Parses a transcript file in the background (never on the page's thread), summarizes it with the built-in
     * summarizer, and stores the call in one write: a broken file leaves nothing behind.
     */
    async importTranscript(input: {
      id: string;
      provider: AtsProvider;
      candidateId: string;
      applicationId?: string;
      candidateName?: string;
      fileName: string;
      text: string;
      interviewerNames?: string[];
    }): Promise<CallListItem> {
      const existing = await database.calls.get(input.id);
      if (existing) return toListItem(existing);
      let transcript;
      try {
        transcript = parseTranscript(input.text, input.fileName);
      } catch (error) {
        if (error instanceof TranscriptError) {
          throw new SidecarError({ kind: 'invalid-input', message: `${input.fileName}: ${error.message}` });
        }
        throw error;
      }
      if (transcript.segments.length === 0) {
        throw new SidecarError({ kind: 'invalid-input', message: `${input.fileName} holds no spoken text.` });
      }
      const summary = await builtInSummarizer.summarize({
        transcript,
        ...(input.candidateName ? { candidateName: input.candidateName } : {}),
        ...(input.interviewerNames ? { interviewerNames: input.interviewerNames } : {}),
      });
      const time = stamp();
      const call: CallRecord = {
        id: input.id,
        provider: input.provider,
        candidateId: input.candidateId,
        ...(input.applicationId ? { applicationId: input.applicationId } : {}),
        title: input.fileName.replace(/\.(vtt|srt|txt)$/i, ''),
        startedAt: time,
        participants: [...new Set(transcript.segments.map((segment) => segment.speaker))],
        source: 'transcript',
        transcript,
        notes: '',
        summary,
        createdAt: time,
        updatedAt: time,
      };
      await database.calls.add(call);
      return toListItem(call);
    },

    async summarize(id: string, engine: 'built-in' | 'llm', candidateName?: string): Promise<CallSummary> {
      const call = await get(id);
      if (!call.transcript && !call.notes.trim()) {
        throw new SidecarError({ kind: 'invalid-input', message: 'Type notes or import a transcript first.' });
      }
      const summarizer = await summarizerFor(engine);
      const summary = await summarizer.summarize({
        ...(call.transcript ? { transcript: call.transcript } : {}),
        ...(call.notes.trim() ? { notes: call.notes } : {}),
        ...(candidateName ? { candidateName } : {}),
      });
      await database.calls.update(id, { summary, updatedAt: stamp() });
      return summary;
    },

    /** The note bodies to post for a call, in the flavour each ATS accepts. */
    async noteBodies(
      id: string,
      candidateName: string,
      includeNotes: boolean,
    ): Promise<{ call: CallRecord; text: string; html?: string }> {
      const call = await get(id);
      if (!call.summary) throw new SidecarError({ kind: 'invalid-input', message: 'Summarize the call first.' });
      const common = {
        summary: call.summary,
        callTitle: call.title,
        candidateName,
        ...(call.notes.trim() ? { notes: call.notes } : {}),
        includeNotes,
      };
      const text = formatSummaryNote({ ...common, format: 'text' });
      // Ashby notes take an HTML subset; Lever and Pinpoint store plain text.
      return call.provider === 'ashby'
        ? { call, text, html: formatSummaryNote({ ...common, format: 'html' }) }
        : { call, text };
    },

    async markPosted(id: string, outboxId: string): Promise<void> {
      await database.calls.update(id, { postedNoteId: outboxId, updatedAt: stamp() });
    },
  };
}

export type CallStore = ReturnType<typeof createCallStore>;
