import { queryOptions } from '@tanstack/react-query';
import type { AtsProvider } from '@/lib/core/page-context';
import { sendOrThrow } from '@/lib/messaging/send';
import type { CandidateIds } from '@/lib/providers/contracts';

/**
 * Query-option factories with hierarchical keys (`['ats', provider, 'candidate', ids]`…), so a write can invalidate
 * exactly what it changes: `atsKeys.provider(p)` drops everything of one ATS.
 */
export const backgroundQueries = {
  all: ['background'] as const,
  ping: () =>
    queryOptions({
      queryKey: [...backgroundQueries.all, 'ping'] as const,
      queryFn: async () => {
        const sentAt = performance.now();
        const data = await sendOrThrow('ping', { sentAt: Date.now() });
        return { ...data, roundTripMilliseconds: Math.round(performance.now() - sentAt) };
      },
      staleTime: 60_000,
    }),
};

export const atsKeys = {
  all: ['ats'] as const,
  provider: (provider: AtsProvider) => [...atsKeys.all, provider] as const,
  candidates: (provider: AtsProvider) => [...atsKeys.provider(provider), 'candidate'] as const,
  stages: (provider: AtsProvider) => [...atsKeys.provider(provider), 'stages'] as const,
};

export const atsQueries = {
  candidate: (provider: AtsProvider, ids: CandidateIds) =>
    queryOptions({
      queryKey: [...atsKeys.candidates(provider), ids] as const,
      queryFn: () => sendOrThrow('candidate.context', { provider, ids }),
      staleTime: 60_000,
    }),
  stages: (provider: AtsProvider, candidateId: string, applicationId: string) =>
    queryOptions({
      queryKey: [...atsKeys.stages(provider), applicationId] as const,
      queryFn: () => sendOrThrow('candidate.stages', { provider, candidateId, applicationId }),
      staleTime: 5 * 60_000,
    }),
  users: (provider: AtsProvider) =>
    queryOptions({
      queryKey: [...atsKeys.provider(provider), 'users'] as const,
      queryFn: () => sendOrThrow('ats.users', { provider }),
      staleTime: 5 * 60_000,
    }),
};

export const outboxKeys = {
  all: ['outbox'] as const,
  candidate: (provider: AtsProvider, candidateId: string) => [...outboxKeys.all, provider, candidateId] as const,
};

export const outboxQueries = {
  /** Polls while something is on its way, so the panel shows each write land (or fail) without a reload. */
  candidate: (provider: AtsProvider, candidateId: string) =>
    queryOptions({
      queryKey: outboxKeys.candidate(provider, candidateId),
      queryFn: () => sendOrThrow('outbox.list', { provider, candidateId }),
      refetchInterval: (query) =>
        query.state.data?.some((entry) => entry.state === 'pending' || entry.state === 'sending') ? 1000 : false,
    }),
};

export const callKeys = {
  all: ['calls'] as const,
  candidate: (provider: AtsProvider, candidateId: string) => [...callKeys.all, provider, candidateId] as const,
  call: (id: string) => [...callKeys.all, 'call', id] as const,
};

export const callQueries = {
  list: (provider: AtsProvider, candidateId: string) =>
    queryOptions({
      queryKey: callKeys.candidate(provider, candidateId),
      queryFn: () => sendOrThrow('calls.list', { provider, candidateId }),
    }),
  call: (id: string) =>
    queryOptions({ queryKey: callKeys.call(id), queryFn: () => sendOrThrow('calls.get', { id }), staleTime: Infinity }),
  /** The ATS's notes on the candidate; under the candidate key, so a posted note refreshes them. */
  atsNotes: (provider: AtsProvider, candidateId: string, applicationId?: string) =>
    queryOptions({
      queryKey: [...atsKeys.candidates(provider), 'notes', candidateId] as const,
      queryFn: () => sendOrThrow('notes.list', { provider, candidateId, ...(applicationId ? { applicationId } : {}) }),
      staleTime: 60_000,
    }),
  llm: () => queryOptions({ queryKey: ['llm'] as const, queryFn: () => sendOrThrow('llm.status', {}) }),
  recent: (provider: AtsProvider) =>
    queryOptions({
      queryKey: [...callKeys.all, provider, 'recent'] as const,
      queryFn: () => sendOrThrow('calls.recent', { provider }),
    }),
};

export const scorecardQueries = {
  /** Under the candidate keys, so a submission refreshes "already submitted" with the rest of the candidate. */
  context: (provider: AtsProvider, interviewId: string, candidateId: string | undefined) =>
    queryOptions({
      queryKey: [...atsKeys.candidates(provider), 'feedback', interviewId, candidateId ?? null] as const,
      queryFn: () =>
        sendOrThrow('scorecard.context', { provider, interviewId, ...(candidateId ? { candidateId } : {}) }),
      staleTime: 60_000,
      retry: false,
    }),
};
