import type { ReactNode } from 'react';
import { ErrorNotice } from './error-notice';

/** "Are you sure?" before a write: the sentence, the error if queuing failed, Confirm and Back. */
export function ConfirmStep({
  testId,
  children,
  error,
  pending,
  confirmLabel,
  onConfirm,
  onBack,
}: {
  testId: string;
  children: ReactNode;
  error: unknown;
  pending: boolean;
  confirmLabel: string;
  onConfirm: () => void;
  onBack: () => void;
}) {
  return (
    <div className="confirm" data-testid={testId}>
      <p>{children}</p>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          data-testid={`${testId}-button`}
          disabled={pending}
          onClick={onConfirm}
        >
          {pending ? 'Queuing…' : confirmLabel}
        </button>
        <button type="button" className="button button-quiet" onClick={onBack}>
          Back
        </button>
      </div>
    </div>
  );
}
