import { queryOptions } from '@tanstack/react-query';
import { sendOrThrow } from '@/lib/messaging/send';
import { loadSettings } from '@/lib/storage/settings';

export const connectionsKey = ['connections'] as const;

export const optionsQueries = {
  connections: () => queryOptions({ queryKey: connectionsKey, queryFn: () => sendOrThrow('connections.status', {}) }),
  settings: () => queryOptions({ queryKey: ['settings'] as const, queryFn: () => loadSettings() }),
  outbox: () =>
    queryOptions({
      queryKey: ['outbox', 'all'] as const,
      queryFn: () => sendOrThrow('outbox.list', {}),
      refetchInterval: (query) =>
        query.state.data?.some((entry) => entry.state === 'pending' || entry.state === 'sending') ? 1000 : false,
    }),
};
