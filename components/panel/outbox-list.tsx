import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { describeError, type SidecarErrorData } from '@/lib/core/errors';
import type { AtsProvider } from '@/lib/core/page-context';
import { atsKeys, outboxKeys, outboxQueries } from '@/lib/content/queries';
import { sendOrThrow } from '@/lib/messaging/send';
import type { OutboxRecord } from '@/lib/core/outbox';

const stateLabels: Record<OutboxRecord['state'], string> = {
  pending: 'Waiting',
  sending: 'Sending…',
  done: 'Done',
  failed: 'Failed',
};

function waitingSentence(entry: OutboxRecord): string {
  if (!entry.error) return 'Waiting to send';
  const seconds = Math.max(0, Math.round((entry.nextAttemptAt - Date.now()) / 1000));
  return `${describeError(entry.error as SidecarErrorData)} Next try in ${seconds} s.`;
}

/** One entry of the outbox: what was asked, where it is, and Retry when it failed. */
export function OutboxEntry({ entry, onRetry }: { entry: OutboxRecord; onRetry: (id: string) => void }) {
  return (
    <li className={`outbox-entry outbox-${entry.state}`} data-testid="outbox-entry" data-state={entry.state}>
      <div className="outbox-line">
        <span className="outbox-label">{entry.label}</span>
        <span className="badge" data-testid="outbox-state">
          {stateLabels[entry.state]}
        </span>
      </div>
      {entry.state === 'pending' ? <p className="muted small">{waitingSentence(entry)}</p> : null}
      {entry.state === 'done' && entry.result ? (
        <p className="small" data-testid="outbox-result">
          {entry.result.message}
          {entry.result.url ? (
            <>
              {' · '}
              <a href={entry.result.url} target="_blank" rel="noreferrer noopener">
                Open ↗
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      {entry.state === 'failed' ? (
        <div className="small">
          <p className="error-text" data-testid="outbox-error">
            {entry.error ? describeError(entry.error as SidecarErrorData) : 'Failed'}
          </p>
          <button type="button" className="button button-small" onClick={() => onRetry(entry.id)}>
            Retry
          </button>
        </div>
      ) : null}
    </li>
  );
}

/** Retry for one of this candidate's writes; the candidate's outbox is read again so its polling picks it up. */
export function useOutboxRetry(provider: AtsProvider, candidateId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => sendOrThrow('outbox.retry', { id }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: outboxKeys.candidate(provider, candidateId) }),
  });
}

/**
 * This candidate's writes, polled while any is on its way. A write that finished after the candidate was read
 * refreshes it, whether it finished while the panel watched or before the page was even open.
 */
export function OutboxList({
  provider,
  candidateId,
  candidateFetchedAt,
}: {
  provider: AtsProvider;
  candidateId: string;
  candidateFetchedAt: number;
}) {
  const queryClient = useQueryClient();
  const entries = useQuery(outboxQueries.candidate(provider, candidateId));
  const retry = useOutboxRetry(provider, candidateId);
  const changedSinceRead = entries.data?.some(
    (entry) => entry.state === 'done' && entry.updatedAt > candidateFetchedAt,
  );

  useEffect(() => {
    if (changedSinceRead) void queryClient.invalidateQueries({ queryKey: atsKeys.provider(provider) });
  }, [changedSinceRead, candidateFetchedAt, provider, queryClient]);

  if (!entries.data || entries.data.length === 0) return null;
  return (
    <section className="card" aria-label="Recent actions">
      <h3 className="subheading">Recent actions</h3>
      <ul className="outbox" data-testid="outbox">
        {entries.data.slice(0, 5).map((entry) => (
          <OutboxEntry key={entry.id} entry={entry} onRetry={(id) => retry.mutate(id)} />
        ))}
      </ul>
    </section>
  );
}
