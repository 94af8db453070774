import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { siteLabels, type ProfilePageContext } from '@/lib/core/page-context';
import { exportQueries } from '@/lib/content/export-queries';
import { useProfileSnapshot } from '@/lib/content/use-profile';
import { ErrorNotice } from '@/components/ui/error-notice';
import { ExportForm } from './export-form';
import { ExportProgress } from './export-progress';

/** On a LinkedIn profile: the record it already has in an ATS, or the export form. */
export function ExportSection({ context, onOpenOptions }: { context: ProfilePageContext; onOpenOptions: () => void }) {
  const snapshot = useProfileSnapshot(context.url);
  const known = useQuery(exportQueries.lookup(context.profileUrl));
  const connections = useQuery(exportQueries.connections());
  const unfinished = useQuery(exportQueries.unfinished(context.profileUrl));
  const queryClient = useQueryClient();
  const refreshRecord = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: exportQueries.lookup(context.profileUrl).queryKey });
  }, [queryClient, context.profileUrl]);
  const [exportAnyway, setExportAnyway] = useState(false);
  const connected = (connections.data ?? []).filter((status) => status.connected).map((status) => status.provider);

  if (connections.isPending || known.isPending) return <p className="muted">Checking your ATSs…</p>;
  if (connected.length === 0) {
    return (
      <div className="notice" data-testid="export-not-connected">
        <p>Connect Ashby, Lever or Pinpoint to export this profile.</p>
        <button type="button" className="button button-small" onClick={onOpenOptions}>
          Open Options
        </button>
      </div>
    );
  }
  if (unfinished.data) {
    // An export of this profile is still on its way (or failed), perhaps from before a reload or a browser restart.
    return <ExportProgress entryId={unfinished.data.id} provider={unfinished.data.provider} onDone={refreshRecord} />;
  }
  if (known.data && !exportAnyway) {
    const record = known.data;
    return (
      <section className="card" data-testid="known-record" data-provider={record.provider}>
        <p className="known-line" data-testid="known-line">
          In {siteLabels[record.provider]}
          {record.stage ? ` · ${record.stage}` : ''}
        </p>
        <p>
          <a href={record.url} target="_blank" rel="noreferrer noopener" data-testid="known-link">
            {record.name}
          </a>
          {record.jobTitle ? <span className="muted"> · {record.jobTitle}</span> : null}
        </p>
        <button type="button" className="button button-quiet button-small" onClick={() => setExportAnyway(true)}>
          Export to another job…
        </button>
      </section>
    );
  }
  return (
    <>
      {known.isError ? <ErrorNotice error={known.error} onRetry={() => void known.refetch()} /> : null}
      {snapshot ? (
        <ExportForm key={snapshot.profileUrl} snapshot={snapshot} connected={connected} />
      ) : (
        <p className="muted">Reading the profile…</p>
      )}
    </>
  );
}
