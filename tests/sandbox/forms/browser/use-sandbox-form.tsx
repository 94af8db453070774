import { useEffect, useRef, useState } from 'react';
import type { SandboxFeedback } from '../definitions.ts';
import { exposeFeedback, submitFeedback } from './feedback-bridge.ts';

export type Values = Record<string, unknown>;

/**
 * The state a sandbox feedback app keeps (values, per-field errors, submit status), published to tests through
 * `window.sandboxFeedback`, and its Submit: required fields are checked first, then the payload is sent.
 */
export function useSandboxForm<Config, Payload>(
  config: Config,
  buildPayload: (config: Config, values: Values) => Payload,
) {
  const [values, setValues] = useState<Values>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<'editing' | 'submitting' | 'submitted' | 'failed'>('editing');
  const valuesRef = useRef(values);
  useEffect(() => {
    valuesRef.current = values;
  }, [values]);
  // Created once per mount: tests hold on to `window.sandboxFeedback` across renders.
  const feedback = useRef<SandboxFeedback<Payload> | null>(null);
  useEffect(() => {
    feedback.current = exposeFeedback(() => buildPayload(config, valuesRef.current));
  }, [config, buildPayload]);

  /** `missing`: the error to show per required field left empty; nothing is sent while there is one. */
  const submit = async (missing: Record<string, string>) => {
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      return;
    }
    setErrors({});
    setStatus('submitting');
    if (!feedback.current) return;
    const ok = await submitFeedback(feedback.current, buildPayload(config, values));
    setStatus(ok ? 'submitted' : 'failed');
  };
  return { values, setValues, errors, setErrors, status, submit };
}

/** The form's Submit button and what became of the submission, the same on every sandbox form. */
export function SubmitFooter({ label, status }: { label: string; status: string }) {
  return (
    <>
      <button type="submit" disabled={status === 'submitting'}>
        {label}
      </button>
      {status === 'submitted' ? <p role="status">Feedback submitted</p> : null}
      {status === 'failed' ? <p role="alert">Could not submit feedback</p> : null}
    </>
  );
}
