import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type DragEvent } from 'react';
import type { AtsProvider } from '@/lib/core/page-context';
import { siteLabels } from '@/lib/core/page-context';
import { callKeys, callQueries } from '@/lib/content/queries';
import { sendOrThrow } from '@/lib/messaging/send';
import { ErrorNotice } from '@/components/ui/error-notice';
import { AtsNotes } from './ats-notes';
import { CallView } from './call-view';

export interface CallsTabProps {
  provider: AtsProvider;
  candidateId: string;
  candidateName: string;
  applicationId?: string;
}

const sourceLabels = { typed: 'Notes', transcript: 'Transcript', 'ats-note': 'From ATS' } as const;

/** The candidate's calls: newest first with their TL;DR, new notes, transcript import by drop or file picker. */
export function CallsTab({ provider, candidateId, candidateName, applicationId }: CallsTabProps) {
  const queryClient = useQueryClient();
  const calls = useQuery(callQueries.list(provider, candidateId));
  const [openCallId, setOpenCallId] = useState<string | undefined>();
  const [dragging, setDragging] = useState(false);
  const listKey = callKeys.candidate(provider, candidateId);
  const common = { provider, candidateId, ...(applicationId ? { applicationId } : {}) };

  const create = useMutation({
    mutationFn: () => sendOrThrow('calls.create', { id: crypto.randomUUID(), ...common }),
    onSuccess: async (call) => {
      await queryClient.invalidateQueries({ queryKey: listKey });
      setOpenCallId(call.id);
    },
  });
  const importFile = useMutation({
    // The file is read here and parsed in the background, so even a 3-hour transcript never blocks the page.
    mutationFn: async (file: File) =>
      sendOrThrow('calls.import', {
        id: crypto.randomUUID(),
        ...common,
        candidateName,
        fileName: file.name,
        text: await file.text(),
      }),
    onSuccess: async (call) => {
      await queryClient.invalidateQueries({ queryKey: listKey });
      setOpenCallId(call.id);
    },
  });

  if (openCallId) {
    return <CallView callId={openCallId} candidateName={candidateName} onBack={() => setOpenCallId(undefined)} />;
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) importFile.mutate(file);
  };

  return (
    <div
      className={dragging ? 'calls-tab dragging' : 'calls-tab'}
      data-testid="calls-tab"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className="form-actions">
        <button
          type="button"
          className="button"
          data-testid="new-call"
          disabled={create.isPending}
          onClick={() => create.mutate()}
        >
          New call notes
        </button>
        <label className="button button-quiet file-button">
          Import transcript
          <input
            type="file"
            accept=".vtt,.srt,.txt,text/vtt,text/plain"
            data-testid="transcript-file"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) importFile.mutate(file);
              event.target.value = '';
            }}
          />
        </label>
      </div>
      <p className="muted small">Or drop a WebVTT, SRT or text transcript here (Zoom, Teams, Meet, Otter).</p>
      {importFile.isPending ? <p className="muted small">Reading the transcript…</p> : null}
      {importFile.isError ? <ErrorNotice error={importFile.error} /> : null}
      {create.isError ? <ErrorNotice error={create.error} /> : null}

      {calls.isPending ? <p className="muted">Loading calls…</p> : null}
      {calls.isError ? <ErrorNotice error={calls.error} onRetry={() => void calls.refetch()} /> : null}
      {calls.data && calls.data.length === 0 ? <p className="muted">No calls in this browser yet.</p> : null}
      {calls.data && calls.data.length > 0 ? (
        <ul className="calls" data-testid="calls">
          {calls.data.map((call) => (
            <li key={call.id}>
              <button type="button" className="call-row" data-testid="call-row" onClick={() => setOpenCallId(call.id)}>
                <span className="call-row-title">
                  {call.title}
                  <span className="badge">{sourceLabels[call.source]}</span>
                </span>
                <span className="muted small">{new Date(call.startedAt).toLocaleString()}</span>
                {call.summary ? (
                  <span className="small call-tldr" data-testid="call-tldr">
                    {call.summary.tldr}
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      <h3 className="subheading">In {siteLabels[provider]}</h3>
      <AtsNotes provider={provider} candidateId={candidateId} {...(applicationId ? { applicationId } : {})} />
    </div>
  );
}
