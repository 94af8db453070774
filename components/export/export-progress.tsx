import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { siteLabels, type AtsProvider } from '@/lib/core/page-context';
import { describeError } from '@/lib/core/errors';
import { exportQueries } from '@/lib/content/export-queries';
import { sendOrThrow } from '@/lib/messaging/send';

const steps = [
  ['candidate', 'Candidate'],
  ['application', 'Application'],
  ['note', 'Profile note'],
  ['resume', 'Resume PDF'],
] as const;

/** An export's steps as the outbox records them: each shows done once it is, and a failure offers Retry. */
export function ExportProgress({
  entryId,
  provider,
  onDone,
}: {
  entryId: string;
  provider: AtsProvider;
  onDone?: () => void;
}) {
  const queryClient = useQueryClient();
  const entry = useQuery(exportQueries.entry(entryId));
  const retry = useMutation({
    mutationFn: () => sendOrThrow('outbox.retry', { id: entryId }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: exportQueries.entry(entryId).queryKey }),
  });
  const data = entry.data;
  const done = data?.state === 'done';
  useEffect(() => {
    if (done) onDone?.();
  }, [done, onDone]);
  if (!data) return <p className="muted small">Queued…</p>;
  const finished = (step: string) =>
    data.state === 'done' || data.completedSteps.some((name) => name === step || name.startsWith(`${step}:`));
  return (
    <section className="card" data-testid="export-progress" data-state={data.state}>
      <h3 className="subheading">Export to {siteLabels[provider]}</h3>
      <ol className="export-steps">
        {steps.map(([step, label]) => (
          <li key={step} className={finished(step) ? 'step-done' : 'step-waiting'} data-testid={`export-step-${step}`}>
            {finished(step) ? '✓' : '○'} {label}
          </li>
        ))}
      </ol>
      {data.state === 'done' && data.result ? (
        <p data-testid="export-done">
          {data.result.message}
          {data.result.url ? (
            <>
              {' · '}
              <a href={data.result.url} target="_blank" rel="noreferrer noopener" data-testid="export-link">
                Open in {siteLabels[provider]} ↗
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      {data.state === 'failed' ? (
        <div>
          <p className="error-text" data-testid="export-error">
            {data.error ? describeError(data.error) : 'The export failed.'}
          </p>
          <button type="button" className="button button-small" onClick={() => retry.mutate()}>
            Retry
          </button>
        </div>
      ) : null}
      {data.state === 'pending' && data.error ? (
        <p className="muted small">{describeError(data.error)} Sidecar will try again.</p>
      ) : null}
    </section>
  );
}
