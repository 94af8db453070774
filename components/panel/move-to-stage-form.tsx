import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AtsProvider } from '@/lib/core/page-context';
import type { Application, Candidate } from '@/lib/core/types';
import { atsQueries, outboxKeys } from '@/lib/content/queries';
import { sendOrThrow } from '@/lib/messaging/send';
import { ErrorNotice } from '@/components/ui/error-notice';

export interface MoveToStageFormProps {
  provider: AtsProvider;
  candidate: Candidate;
  applications: Application[];
  focusApplicationId?: string;
  onDone: () => void;
}

/** Choose the application and the stage, add a note if you like, confirm: the move goes through the outbox. */
export function MoveToStageForm({
  provider,
  candidate,
  applications,
  focusApplicationId,
  onDone,
}: MoveToStageFormProps) {
  const queryClient = useQueryClient();
  const movable = applications.filter((application) => application.status === 'active');
  const [applicationId, setApplicationId] = useState(
    movable.find((application) => application.id === focusApplicationId)?.id ?? movable[0]?.id ?? '',
  );
  const [stageId, setStageId] = useState('');
  const [note, setNote] = useState('');
  // One id per confirmation: a double click or a resent message finds the same outbox entry.
  const [clickId, setClickId] = useState<string | undefined>();
  const stages = useQuery({
    ...atsQueries.stages(provider, candidate.id, applicationId),
    enabled: applicationId !== '',
  });
  const application = movable.find((candidateApplication) => candidateApplication.id === applicationId);
  const stage = stages.data?.find((candidateStage) => candidateStage.id === stageId);

  const move = useMutation({
    mutationFn: (id: string) =>
      sendOrThrow('application.moveToStage', {
        clickId: id,
        provider,
        candidateId: candidate.id,
        candidateName: candidate.name,
        applicationId,
        stageId,
        stageName: stage?.name ?? stageId,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: outboxKeys.candidate(provider, candidate.id) });
      onDone();
    },
  });

  if (movable.length === 0) return <p className="muted">No active application to move.</p>;

  if (clickId && stage) {
    return (
      <div className="confirm" data-testid="move-confirm">
        <p>
          Move <strong>{candidate.name}</strong> from {application?.stage?.name ?? 'their stage'} to{' '}
          <strong>{stage.name}</strong>
          {note.trim() ? ' with your note' : ''}?
        </p>
        {move.isError ? <ErrorNotice error={move.error} /> : null}
        <div className="form-actions">
          <button
            type="button"
            className="button"
            data-testid="move-confirm-button"
            disabled={move.isPending}
            onClick={() => move.mutate(clickId)}
          >
            {move.isPending ? 'Queuing…' : 'Confirm move'}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setClickId(undefined)}>
            Back
          </button>
        </div>
      </div>
    );
  }

  return (
    <form
      className="form"
      data-testid="move-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (stage) setClickId(crypto.randomUUID());
      }}
    >
      {movable.length > 1 ? (
        <label className="field">
          <span>Application</span>
          <select value={applicationId} onChange={(event) => setApplicationId(event.target.value)}>
            {movable.map((candidateApplication) => (
              <option key={candidateApplication.id} value={candidateApplication.id}>
                {candidateApplication.jobTitle ?? candidateApplication.id}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="field">
        <span>New stage</span>
        <select
          data-testid="stage-select"
          value={stageId}
          onChange={(event) => setStageId(event.target.value)}
          disabled={!stages.data}
          required
        >
          <option value="">{stages.isPending ? 'Loading stages…' : 'Choose a stage'}</option>
          {stages.data?.map((candidateStage) => (
            <option
              key={candidateStage.id}
              value={candidateStage.id}
              disabled={candidateStage.id === application?.stage?.id}
            >
              {candidateStage.name}
              {candidateStage.id === application?.stage?.id ? ' (current)' : ''}
            </option>
          ))}
        </select>
      </label>
      {stages.isError ? <ErrorNotice error={stages.error} onRetry={() => void stages.refetch()} /> : null}
      <label className="field">
        <span>Note (optional)</span>
        <textarea data-testid="move-note" rows={3} value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      <div className="form-actions">
        <button type="submit" className="button" data-testid="move-submit" disabled={!stage}>
          Move…
        </button>
      </div>
    </form>
  );
}
