import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { toFieldDescriptor } from '@/lib/autofill/form-model';
import { planOffline, type FieldProposal } from '@/lib/autofill/plan';
import { fillFields, type FillOutcome } from '@/lib/autofill/writers';
import { siteLabels, type FeedbackPageContext } from '@/lib/core/page-context';
import { callQueries } from '@/lib/content/queries';
import { useFeedbackForm } from '@/lib/content/use-feedback-form';
import { sendOrThrow } from '@/lib/messaging/send';
import { formatTimestamp } from '@/lib/notes/timestamp';
import { ErrorNotice } from '@/components/ui/error-notice';

const statusLabels: Record<FieldProposal['status'], string> = {
  proposed: 'Proposed',
  'no-evidence': 'No evidence in the call',
  'needs-llm': 'For you to choose',
};

/**
 * Fill scorecard: the form read from the page, a value per field planned from the chosen call (with its evidence),
 * reviewed here, then written into the page. Sidecar never presses the form's Submit.
 */
export function FillScorecard({ context }: { context: FeedbackPageContext }) {
  const fields = useFeedbackForm();
  const recent = useQuery(callQueries.recent(context.site));
  const llm = useQuery(callQueries.llm());
  const [chosenCallId, setCallId] = useState<string>();
  const callId = chosenCallId ?? recent.data?.find((call) => call.summary)?.id ?? recent.data?.[0]?.id;
  const call = useQuery({ ...callQueries.call(callId ?? ''), enabled: callId !== undefined });
  const [llmPlan, setLlmPlan] = useState<FieldProposal[]>();
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [include, setInclude] = useState<Record<string, boolean>>({});
  const [outcomes, setOutcomes] = useState<FillOutcome[]>();

  const offlinePlan = useMemo(
    () =>
      call.data?.summary
        ? planOffline(fields.map(toFieldDescriptor), [{ title: call.data.title, summary: call.data.summary }])
        : [],
    [fields, call.data],
  );
  const plan = llmPlan ?? offlinePlan;
  const planByKey = new Map(plan.map((proposal) => [proposal.key, proposal]));

  const askLlm = useMutation({
    mutationFn: () =>
      sendOrThrow('scorecard.planLlm', {
        callId: callId!,
        fields: fields.map(({ element: _element, currentValue: _value, ...descriptor }) => descriptor),
      }),
    onSuccess: setLlmPlan,
  });
  const fill = useMutation({
    mutationFn: async () => {
      const chosen = fields.flatMap((field) => {
        const proposal = planByKey.get(field.key);
        const value = edits[field.key] ?? proposal?.value;
        const wanted = include[field.key] ?? (proposal?.status === 'proposed' && !field.filled);
        return wanted && value ? [{ field, value }] : [];
      });
      // Only fields the interviewer ticked despite their own text are overwritten.
      const overwrite = chosen.filter(({ field }) => field.filled);
      const rest = chosen.filter(({ field }) => !field.filled);
      return [...(await fillFields(rest)), ...(await fillFields(overwrite, { overwrite: true }))];
    },
    onSuccess: setOutcomes,
  });

  if (fields.length === 0) {
    return (
      <p className="muted" data-testid="scorecard-waiting">
        Looking for the feedback form on this page…
      </p>
    );
  }
  if (recent.isPending) return <p className="muted">Loading your calls…</p>;
  if (!recent.data || recent.data.length === 0) {
    return (
      <p className="muted" data-testid="scorecard-no-calls">
        No calls in this browser for {siteLabels[context.site]} yet. Add notes or import a transcript on the candidate
        page first.
      </p>
    );
  }

  const outcomeByKey = new Map((outcomes ?? []).map((outcome) => [outcome.key, outcome]));
  return (
    <section className="scorecard" data-testid="fill-scorecard">
      <label className="field">
        <span>Fill from the call</span>
        <select data-testid="scorecard-call" value={callId} onChange={(event) => setCallId(event.target.value)}>
          {recent.data.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.title} · {new Date(candidate.startedAt).toLocaleDateString()}
            </option>
          ))}
        </select>
      </label>
      {call.data && !call.data.summary ? (
        <p className="muted small">This call has no summary yet: summarize it in the Calls tab first.</p>
      ) : null}
      <div className="form-actions">
        {llm.data?.configured ? (
          <button
            type="button"
            className="button button-quiet button-small"
            data-testid="scorecard-llm"
            disabled={askLlm.isPending}
            onClick={() => askLlm.mutate()}
          >
            {askLlm.isPending ? 'Asking your LLM…' : `Plan with ${llm.data.model} (scores too)`}
          </button>
        ) : (
          <p className="muted small">
            Scores and choices are left to you; with your LLM set up, Sidecar proposes them too.
          </p>
        )}
      </div>
      {askLlm.isError ? <ErrorNotice error={askLlm.error} /> : null}

      <ol className="scorecard-fields">
        {fields.map((field) => {
          const proposal = planByKey.get(field.key);
          const value = edits[field.key] ?? proposal?.value ?? '';
          const checked = include[field.key] ?? (proposal?.status === 'proposed' && !field.filled);
          const outcome = outcomeByKey.get(field.key);
          return (
            <li key={field.key} className="scorecard-field" data-testid="scorecard-field" data-key={field.key}>
              <div className="scorecard-head">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={checked}
                    disabled={!value}
                    aria-label={`Fill ${field.label}`}
                    onChange={(event) => setInclude({ ...include, [field.key]: event.target.checked })}
                  />
                  <strong>{field.label}</strong>
                </label>
                <span className="badge" data-testid="scorecard-status">
                  {field.filled ? 'Already filled' : proposal ? statusLabels[proposal.status] : ''}
                </span>
              </div>
              {proposal?.status === 'proposed' || edits[field.key] !== undefined ? (
                <textarea
                  rows={field.type === 'text' || field.options.length > 0 ? 1 : 4}
                  value={value}
                  aria-label={`Value for ${field.label}`}
                  onChange={(event) => setEdits({ ...edits, [field.key]: event.target.value })}
                />
              ) : null}
              {proposal ? <p className="muted small">{proposal.reason}</p> : null}
              {proposal?.evidence.slice(0, 2).map((evidence, index) => (
                <blockquote key={index} className="quote">
                  “{evidence.quote}”
                  <cite>
                    {evidence.speaker}
                    {evidence.startSeconds !== undefined ? `, ${formatTimestamp(evidence.startSeconds)}` : ''}
                  </cite>
                </blockquote>
              ))}
              {outcome ? (
                outcome.result.ok ? (
                  <p className="step-done small" data-testid="scorecard-filled">
                    ✓ Filled
                  </p>
                ) : outcome.skipped ? null : (
                  <p className="error-text small" data-testid="scorecard-refused">
                    Did not take ({outcome.result.reason}). Paste it by hand: {value}
                  </p>
                )
              ) : null}
            </li>
          );
        })}
      </ol>
      {fill.isError ? <ErrorNotice error={fill.error} /> : null}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          data-testid="scorecard-fill"
          disabled={fill.isPending || plan.length === 0}
          onClick={() => fill.mutate()}
        >
          {fill.isPending ? 'Filling…' : 'Fill the form'}
        </button>
      </div>
      <p className="muted small">
        Sidecar never presses Submit: review the form, then submit it in {siteLabels[context.site]}.
      </p>
    </section>
  );
}
