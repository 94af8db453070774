import { QueryClient } from '@tanstack/react-query';
import { SidecarError, type ErrorKind } from '@/lib/core/errors';

/** Kinds worth asking again for; a refused key or a missing record will not fix itself. */
const passingKinds = new Set<ErrorKind>(['rate-limited', 'network', 'upstream']);

/**
 * The panel's query client. The background already retried each call; the panel asks once more for passing
 * failures, waiting as long as the ATS's Retry-After says.
 */
export function createPanelQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          failureCount < 1 && error instanceof SidecarError && passingKinds.has(error.data.kind),
        retryDelay: (_failureCount, error) =>
          error instanceof SidecarError && error.data.retryAfter !== undefined ? error.data.retryAfter * 1000 : 1000,
      },
    },
  });
}
