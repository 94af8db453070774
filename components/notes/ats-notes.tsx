import { useQuery } from '@tanstack/react-query';
import { siteLabels, type AtsProvider } from '@/lib/core/page-context';
import { callQueries } from '@/lib/content/queries';
import { ErrorNotice } from '@/components/ui/error-notice';
import { SummaryView } from './summary-view';

/** What the team already wrote in the ATS: summaries Sidecar posted come back structured; other notes as text. */
export function AtsNotes({
  provider,
  candidateId,
  applicationId,
}: {
  provider: AtsProvider;
  candidateId: string;
  applicationId?: string;
}) {
  const notes = useQuery(callQueries.atsNotes(provider, candidateId, applicationId));
  if (notes.isPending) return <p className="muted small">Loading notes from {siteLabels[provider]}…</p>;
  if (!notes.data) return <ErrorNotice error={notes.error} onRetry={() => void notes.refetch()} />;
  if (notes.data.length === 0) return <p className="muted small">No notes in {siteLabels[provider]} yet.</p>;
  return (
    <ul className="ats-notes" data-testid="ats-notes">
      {notes.data.map((note) => (
        <li key={note.id} className="ats-note" data-testid={note.sidecar ? 'ats-summary' : 'ats-note'}>
          <p className="muted small">
            {note.author ?? siteLabels[provider]} · {new Date(note.createdAt).toLocaleDateString()}
          </p>
          {note.sidecar ? (
            <details>
              <summary>
                <strong>{note.sidecar.callTitle}</strong>: {note.sidecar.summary.tldr}
              </summary>
              <SummaryView summary={note.sidecar.summary} />
              {note.sidecar.notes ? <p className="plain-note">{note.sidecar.notes}</p> : null}
            </details>
          ) : (
            <p className="plain-note">{note.text}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
