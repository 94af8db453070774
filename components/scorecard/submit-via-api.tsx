import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiSubmission } from '@/lib/autofill/api-form';
import { describeError, type SidecarErrorData } from '@/lib/core/errors';
import type { OutboxRecord } from '@/lib/core/outbox';
import { siteLabels, type AtsProvider } from '@/lib/core/page-context';
import type { FeedbackContext } from '@/lib/core/types';
import { sendOrThrow } from '@/lib/messaging/send';
import { ConfirmStep } from '@/components/ui/confirm-step';

const stateSentences: Record<OutboxRecord['state'], string> = {
  pending: 'Waiting to send…',
  sending: 'Submitting…',
  done: 'Submitted',
  failed: 'Not submitted',
};

/**
 * Submit via API (Ashby, Lever): the reviewed values go to the ATS as the user, through the outbox, once per click.
 * The ATS's validation errors come back on the entry; the ones about a field are shown on that field by the caller.
 */
export function SubmitViaApi({
  site,
  context,
  submission: readSubmission,
  entry,
  onQueued,
  onRetry,
  onChange,
}: {
  site: AtsProvider;
  context: FeedbackContext;
  /** Read again at the click: the interviewer may have changed the form since the panel last rendered. */
  submission: () => ApiSubmission;
  entry: OutboxRecord | undefined;
  onQueued: (entry: OutboxRecord) => void;
  onRetry: (id: string) => void;
  /** Leaves the failed submission behind, so the corrected form can be submitted as a new click. */
  onChange: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [clickId, setClickId] = useState(() => crypto.randomUUID());
  const submit = useMutation({
    mutationFn: () =>
      sendOrThrow('scorecard.submit', {
        clickId,
        provider: site,
        candidateId: context.candidateId,
        candidateName: context.candidateName,
        applicationId: context.applicationId,
        formId: context.form.id,
        interviewId: context.interview.id,
        values: readSubmission().values,
      }),
    onSuccess: (queued) => {
      setConfirming(false);
      setClickId(crypto.randomUUID());
      onQueued(queued);
    },
  });
  const label = siteLabels[site];
  const submission = readSubmission();

  if (entry) {
    return (
      <div className="submit-via-api" data-testid="scorecard-submission" data-state={entry.state}>
        <p className={entry.state === 'failed' ? 'error-text' : entry.state === 'done' ? 'step-done' : 'muted'}>
          {stateSentences[entry.state]}
          {entry.state === 'done' ? ` to ${label} through its API. Do not also press the page's Submit.` : null}
        </p>
        {entry.state === 'failed' && entry.error ? (
          <>
            <p className="error-text small" data-testid="scorecard-submission-error">
              {describeError(entry.error as SidecarErrorData)}
            </p>
            <div className="form-actions">
              <button type="button" className="button button-small" onClick={() => onRetry(entry.id)}>
                Retry
              </button>
              {/* After a validation error the interviewer corrects the form, then submits what it holds now. */}
              <button type="button" className="button button-quiet button-small" onClick={onChange}>
                Change and submit again
              </button>
            </div>
          </>
        ) : null}
      </div>
    );
  }
  if (context.alreadySubmitted) {
    return (
      <p className="muted small" data-testid="scorecard-already-submitted">
        You already submitted feedback for this interview in {label}.
      </p>
    );
  }
  if (context.submitBlocked) {
    return (
      <p className="muted small" data-testid="scorecard-submit-blocked">
        Submit via API is not available: {context.submitBlocked}
      </p>
    );
  }
  return (
    <div className="submit-via-api">
      {submission.warnings.map((warning) => (
        <p key={warning} className="muted small" data-testid="scorecard-api-warning">
          {warning}
        </p>
      ))}
      {submission.missingRequired.length > 0 ? (
        <p className="muted small" data-testid="scorecard-api-missing">
          {label} requires {submission.missingRequired.map((field) => `“${field.label}”`).join(', ')} before submitting.
        </p>
      ) : null}
      {confirming ? (
        <ConfirmStep
          testId="scorecard-submit-confirm"
          error={submit.error}
          pending={submit.isPending}
          confirmLabel={`Submit to ${label}`}
          onConfirm={() => submit.mutate()}
          onBack={() => setConfirming(false)}
        >
          Submit {submission.values.length} answers to {label} as you, for {context.candidateName}
          {context.interview.title ? ` (${context.interview.title})` : ''}? Sidecar cannot take a submission back.
        </ConfirmStep>
      ) : (
        <button
          type="button"
          className="button button-quiet"
          data-testid="scorecard-submit-api"
          disabled={submission.values.length === 0 || submission.missingRequired.length > 0}
          onClick={() => setConfirming(true)}
        >
          Submit via API
        </button>
      )}
    </div>
  );
}
