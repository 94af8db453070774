import { queryOptions } from '@tanstack/react-query';
import { sendOrThrow } from '@/lib/messaging/send';

/**
 * Query-option factories with hierarchical keys, so a write can invalidate exactly what it changes
 * (`['ats', provider, …]` for ATS data arrives with the ATS connections).
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
