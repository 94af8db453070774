import { useQuery } from '@tanstack/react-query';
import { describeError, SidecarError } from '@/lib/core/errors';
import { backgroundQueries } from '@/lib/content/queries';

/** A quiet footer line: is Sidecar's background answering? */
export function BackgroundStatus() {
  const ping = useQuery(backgroundQueries.ping());
  if (ping.isPending) {
    return (
      <p className="status" data-testid="background-status" data-state="pending">
        Connecting to Sidecar…
      </p>
    );
  }
  if (ping.isError) {
    const message = ping.error instanceof SidecarError ? describeError(ping.error.data) : ping.error.message;
    return (
      <p className="status status-error" data-testid="background-status" data-state="error" role="alert">
        {message}
      </p>
    );
  }
  return (
    <p
      className="status"
      data-testid="background-status"
      data-state="connected"
      data-context-site={ping.data.context?.site}
    >
      Sidecar {ping.data.version} connected · {ping.data.roundTripMilliseconds} ms
    </p>
  );
}
