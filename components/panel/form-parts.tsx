import type { ReactNode } from 'react';
import type { Application } from '@/lib/core/types';
import { ErrorNotice } from '@/components/ui/error-notice';

/** Which application an action is for; shown only when there is a choice. */
export function ApplicationSelect({
  applications,
  value,
  onChange,
}: {
  applications: Application[];
  value: string;
  onChange: (applicationId: string) => void;
}) {
  if (applications.length < 2) return null;
  return (
    <label className="field">
      <span>Application</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {applications.map((application) => (
          <option key={application.id} value={application.id}>
            {application.jobTitle ?? application.id}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The application an action starts on: the one the page is about, else the first. */
export function initialApplicationId(applications: Application[], focusApplicationId: string | undefined): string {
  return applications.find((application) => application.id === focusApplicationId)?.id ?? applications[0]?.id ?? '';
}

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
