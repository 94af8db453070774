import { describeError, SidecarError, type SidecarErrorData } from '@/lib/core/errors';

export function errorData(error: unknown): SidecarErrorData {
  if (error instanceof SidecarError) return error.data;
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}

export interface ErrorNoticeProps {
  error: unknown;
  onRetry?: () => void;
  onOpenOptions?: () => void;
}

/** An error as a sentence the recruiter can act on, with the one action that helps. */
export function ErrorNotice({ error, onRetry, onOpenOptions }: ErrorNoticeProps) {
  const data = errorData(error);
  const keyProblem = data.kind === 'auth' || data.kind === 'permission';
  return (
    <div className="notice notice-error" role="alert" data-testid="error-notice" data-error-kind={data.kind}>
      <p>{describeError(data)}</p>
      <div className="notice-actions">
        {keyProblem && onOpenOptions ? (
          <button type="button" className="button button-small" onClick={onOpenOptions}>
            Open Options
          </button>
        ) : null}
        {!data.notConnected && onRetry ? (
          <button type="button" className="button button-small button-quiet" onClick={onRetry}>
            Try again
          </button>
        ) : null}
      </div>
    </div>
  );
}
