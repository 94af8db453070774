import { queryOptions } from '@tanstack/react-query';
import type { AtsProvider } from '@/lib/core/page-context';
import { sendOrThrow } from '@/lib/messaging/send';
import { exportPreferencesItem } from '@/lib/storage/export-preferences';
import { atsKeys } from './queries';

export const exportQueries = {
  lookup: (profileUrl: string) =>
    queryOptions({
      queryKey: ['export', 'lookup', profileUrl] as const,
      queryFn: () => sendOrThrow('export.lookup', { profileUrl }),
      staleTime: 60_000,
    }),
  jobs: (provider: AtsProvider) =>
    queryOptions({
      queryKey: [...atsKeys.provider(provider), 'jobs'] as const,
      queryFn: () => sendOrThrow('ats.jobs', { provider }),
      staleTime: 5 * 60_000,
    }),
  match: (input: {
    provider: AtsProvider;
    profileUrl: string;
    emails: string[];
    name: string;
    currentCompany?: string;
  }) =>
    queryOptions({
      queryKey: ['export', 'match', input] as const,
      queryFn: () => sendOrThrow('export.match', input),
      staleTime: 60_000,
    }),
  connections: () =>
    queryOptions({ queryKey: ['connections'] as const, queryFn: () => sendOrThrow('connections.status', {}) }),
  preferences: () =>
    queryOptions({ queryKey: ['export', 'preferences'] as const, queryFn: () => exportPreferencesItem.getValue() }),
  /** The newest export of this profile still on its way (or failed): after a reload its progress shows again. */
  unfinished: (profileUrl: string) =>
    queryOptions({
      queryKey: ['export', 'unfinished', profileUrl] as const,
      queryFn: async () =>
        (await sendOrThrow('outbox.list', {})).find(
          (entry) =>
            entry.operation.type === 'export' &&
            entry.operation.profile.profileUrl === profileUrl &&
            entry.state !== 'done',
        ) ?? null,
    }),
  entry: (id: string) =>
    queryOptions({
      queryKey: ['export', 'entry', id] as const,
      queryFn: async () => (await sendOrThrow('outbox.list', {})).find((entry) => entry.id === id) ?? null,
      refetchInterval: (query) => {
        const state = query.state.data?.state;
        return state === 'done' || state === 'failed' ? false : 800;
      },
    }),
};
