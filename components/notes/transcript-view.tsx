import { useDeferredValue, useMemo, useState } from 'react';
import type { Transcript } from '@/lib/core/calls';
import { formatTimestamp } from '@/lib/notes/timestamp';

/** How many turns render at once: a 3-hour call has thousands, and a panel needs only what fits on a few screens. */
const pageSize = 150;

/** The transcript, searchable; each turn with speaker and time. */
export function TranscriptView({ transcript }: { transcript: Transcript }) {
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(pageSize);
  const deferredQuery = useDeferredValue(query.trim().toLowerCase());
  const matches = useMemo(
    () =>
      deferredQuery
        ? transcript.segments.filter(
            (segment) =>
              segment.text.toLowerCase().includes(deferredQuery) ||
              segment.speaker.toLowerCase().includes(deferredQuery),
          )
        : transcript.segments,
    [transcript, deferredQuery],
  );
  return (
    <section className="transcript" aria-label="Transcript">
      <input
        type="search"
        className="transcript-search"
        data-testid="transcript-search"
        placeholder={`Search ${transcript.segments.length} turns`}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setShown(pageSize);
        }}
      />
      <p className="muted small" data-testid="transcript-count">
        {deferredQuery
          ? `${matches.length} of ${transcript.segments.length} turns`
          : `${transcript.segments.length} turns`}
      </p>
      <ol className="transcript-segments">
        {matches.slice(0, shown).map((segment, index) => (
          <li key={`${segment.startSeconds}-${index}`} data-testid="transcript-segment">
            <span className="segment-meta">
              <strong>{segment.speaker}</strong> <span className="muted">{formatTimestamp(segment.startSeconds)}</span>
            </span>
            <span>{segment.text}</span>
          </li>
        ))}
      </ol>
      {matches.length > shown ? (
        <button type="button" className="button button-quiet button-small" onClick={() => setShown(shown + pageSize)}>
          Show more ({matches.length - shown} left)
        </button>
      ) : null}
    </section>
  );
}
