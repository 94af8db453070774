import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { pageKindLabels, siteLabels, type PageContext } from '@/lib/core/page-context';
import { sendOrThrow } from '@/lib/messaging/send';
import { optionsQueries } from '@/components/options/queries';
import { OutboxEntry } from '@/components/panel/outbox-list';
import { ErrorNotice } from '@/components/ui/error-notice';

export interface PopupAppProps {
  context: PageContext | null;
  onOpenOptions: () => void;
}

/** At a glance: where Sidecar is active, which ATSs are connected, and what is on its way to them. */
export function PopupApp({ context, onOpenOptions }: PopupAppProps) {
  const queryClient = useQueryClient();
  const connections = useQuery(optionsQueries.connections());
  const outbox = useQuery(optionsQueries.outbox());
  const retry = useMutation({
    mutationFn: (id: string) => sendOrThrow('outbox.retry', { id }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: optionsQueries.outbox().queryKey }),
  });
  const entries = outbox.data ?? [];
  const open = entries.filter((entry) => entry.state !== 'done');
  const done = entries.filter((entry) => entry.state === 'done').slice(0, 5);

  return (
    <main className="popup" data-testid="popup">
      <h1>Sidecar</h1>
      {context ? (
        <p data-testid="popup-context">
          Active on this {siteLabels[context.site]} {pageKindLabels[context.kind].toLowerCase()} page.
        </p>
      ) : (
        <p className="muted" data-testid="popup-context">
          Open a candidate in Ashby, Lever or Pinpoint, or a LinkedIn profile, and Sidecar appears on the right.
        </p>
      )}
      <h2 className="popup-heading">Connections</h2>
      {connections.isError ? <ErrorNotice error={connections.error} /> : null}
      <ul className="popup-list" data-testid="popup-connections">
        {connections.data?.map((status) => (
          <li key={status.provider} data-testid={`popup-connection-${status.provider}`}>
            <span>{siteLabels[status.provider]}</span>
            <span className={status.connected ? 'badge badge-good' : 'badge'}>
              {status.connected ? 'Connected' : 'Not connected'}
            </span>
          </li>
        ))}
      </ul>
      <h2 className="popup-heading">Outbox</h2>
      {entries.length === 0 ? <p className="muted">Nothing sent yet.</p> : null}
      {open.length > 0 || done.length > 0 ? (
        <ul className="outbox" data-testid="popup-outbox">
          {[...open, ...done].map((entry) => (
            <OutboxEntry key={entry.id} entry={entry} onRetry={(id) => retry.mutate(id)} />
          ))}
        </ul>
      ) : null}
      <button type="button" className="button" onClick={onOpenOptions}>
        Options
      </button>
    </main>
  );
}
