import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { siteLabels } from '@/lib/core/page-context';
import { callKeys, callQueries, outboxKeys } from '@/lib/content/queries';
import { sendOrThrow } from '@/lib/messaging/send';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { ErrorNotice } from '@/components/ui/error-notice';
import { NotesEditor } from './notes-editor';
import { SummaryView } from './summary-view';
import { TranscriptView } from './transcript-view';

export interface CallViewProps {
  callId: string;
  candidateName: string;
  onBack: () => void;
}

/** One call: its summary, the notes being typed, the transcript, and Post to the ATS. */
export function CallView({ callId, candidateName, onBack }: CallViewProps) {
  const queryClient = useQueryClient();
  const call = useQuery(callQueries.call(callId));
  const llm = useQuery(callQueries.llm());
  const [includeNotes, setIncludeNotes] = useState(true);
  const [clickId, setClickId] = useState<string | undefined>();

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: callKeys.call(callId) });
    if (call.data)
      await queryClient.invalidateQueries({ queryKey: callKeys.candidate(call.data.provider, call.data.candidateId) });
  };
  const summarize = useMutation({
    mutationFn: (engine: 'built-in' | 'llm') => sendOrThrow('calls.summarize', { id: callId, engine, candidateName }),
    onSuccess: refresh,
  });
  const post = useMutation({
    mutationFn: (id: string) => sendOrThrow('calls.post', { clickId: id, id: callId, candidateName, includeNotes }),
    onSuccess: async () => {
      setClickId(undefined);
      await refresh();
      if (call.data) {
        await queryClient.invalidateQueries({
          queryKey: outboxKeys.candidate(call.data.provider, call.data.candidateId),
        });
      }
    },
  });

  if (call.isPending) return <p className="muted">Loading the call…</p>;
  if (!call.data) return <ErrorNotice error={call.error} onRetry={() => void call.refetch()} />;
  const { data } = call;
  const ats = siteLabels[data.provider];
  const llmReady = llm.data?.configured === true;

  return (
    <div className="call-view" data-testid="call-view">
      <div className="call-header">
        <button type="button" className="button button-quiet button-small" onClick={onBack} data-testid="calls-back">
          ← Calls
        </button>
        <h3 className="call-title">{data.title}</h3>
      </div>
      <p className="muted small">
        {new Date(data.startedAt).toLocaleString()}
        {data.participants.length > 0 ? ` · ${data.participants.join(', ')}` : ''}
      </p>

      {data.summary ? <SummaryView summary={data.summary} /> : <p className="muted">No summary yet.</p>}
      <div className="form-actions">
        <button
          type="button"
          className="button button-quiet button-small"
          data-testid="summarize-built-in"
          disabled={summarize.isPending}
          onClick={() => summarize.mutate('built-in')}
        >
          {data.summary ? 'Summarize again' : 'Summarize'}
        </button>
        {llmReady ? (
          <button
            type="button"
            className="button button-quiet button-small"
            data-testid="summarize-llm"
            disabled={summarize.isPending}
            onClick={() => summarize.mutate('llm')}
          >
            Summarize with {llm.data?.model}
          </button>
        ) : null}
      </div>
      {summarize.isPending ? <p className="muted small">Summarizing…</p> : null}
      {summarize.isError ? (
        <div data-testid="summarize-error">
          <ErrorNotice error={summarize.error} />
          {summarize.variables === 'llm' ? (
            <button type="button" className="button button-small" onClick={() => summarize.mutate('built-in')}>
              Use the built-in summary instead
            </button>
          ) : null}
        </div>
      ) : null}

      <NotesEditor key={data.id} callId={data.id} initialNotes={data.notes} />

      {data.summary ? (
        clickId ? (
          <ConfirmStep
            testId="post-confirm"
            error={post.error}
            pending={post.isPending}
            confirmLabel={`Post to ${ats}`}
            onConfirm={() => post.mutate(clickId)}
            onBack={() => setClickId(undefined)}
          >
            Post this summary{includeNotes && data.notes.trim() ? ' and your notes' : ''} to {candidateName} in {ats}?
            Everyone with access to the candidate in {ats} will see it.
          </ConfirmStep>
        ) : (
          <div className="form-actions post-actions">
            <label className="checkbox small">
              <input
                type="checkbox"
                checked={includeNotes}
                onChange={(event) => setIncludeNotes(event.target.checked)}
              />
              Include my notes
            </label>
            <button
              type="button"
              className="button"
              data-testid="post-summary"
              onClick={() => setClickId(crypto.randomUUID())}
            >
              {data.postedNoteId ? `Post to ${ats} again…` : `Post to ${ats}…`}
            </button>
          </div>
        )
      ) : null}

      {data.transcript ? <TranscriptView transcript={data.transcript} /> : null}
    </div>
  );
}
