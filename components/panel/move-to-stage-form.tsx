import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AtsProvider } from '@/lib/core/page-context';
import type { Application, Candidate } from '@/lib/core/types';
import { atsQueries, outboxKeys } from '@/lib/content/queries';
import { sendOrThrow } from '@/lib/messaging/send';
import { ErrorNotice } from '@/components/ui/error-notice';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { ApplicationSelect, initialApplicationId } from './form-parts';

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
  const [applicationId, setApplicationId] = useState(() => initialApplicationId(movable, focusApplicationId));
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
      <ConfirmStep
        testId="move-confirm"
        error={move.error}
        pending={move.isPending}
        confirmLabel="Confirm move"
        onConfirm={() => move.mutate(clickId)}
        onBack={() => setClickId(undefined)}
      >
        Move <strong>{candidate.name}</strong> from {application?.stage?.name ?? 'their stage'} to{' '}
        <strong>{stage.name}</strong>
        {note.trim() ? ' with your note' : ''}?
      </ConfirmStep>
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
      <ApplicationSelect applications={movable} value={applicationId} onChange={setApplicationId} />
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
