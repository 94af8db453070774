import { useState } from 'react';
import type { PageFormField } from '@/lib/autofill/form-model';
import type { FieldProposal } from '@/lib/autofill/plan';
import type { FillOutcome } from '@/lib/autofill/writers';
import { formatTimestamp } from '@/lib/notes/timestamp';

const statusLabels: Record<FieldProposal['status'], string> = {
  proposed: 'Proposed',
  'no-evidence': 'No evidence in the call',
  'needs-llm': 'For you to choose',
};

/** One field of the plan: what Sidecar proposes and why, the quotes behind it, accept/reject/edit, and how it went. */
export function ScorecardField({
  field,
  proposal,
  value,
  checked,
  outcome,
  apiError,
  onCheckedChange,
  onEdit,
}: {
  field: PageFormField;
  proposal: FieldProposal | undefined;
  value: string;
  checked: boolean;
  outcome: FillOutcome | undefined;
  /** What the ATS's API said about this field on Submit via API. */
  apiError: string | undefined;
  onCheckedChange: (checked: boolean) => void;
  onEdit: (value: string) => void;
}) {
  const [writing, setWriting] = useState(false);
  const editable = writing || proposal?.status === 'proposed' || value !== (proposal?.value ?? '');
  return (
    <li className="scorecard-field" data-testid="scorecard-field" data-key={field.key}>
      <div className="scorecard-head">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={checked}
            disabled={!value}
            aria-label={`Fill ${field.label}`}
            onChange={(event) => onCheckedChange(event.target.checked)}
          />
          <strong>{field.label}</strong>
          {field.required ? <span className="muted small"> (required)</span> : null}
        </label>
        <span className="badge" data-testid="scorecard-status">
          {field.filled ? 'Already filled' : proposal ? statusLabels[proposal.status] : ''}
        </span>
      </div>
      {field.filled && proposal?.status === 'proposed' ? (
        <p className="muted small">You filled this one: tick it to replace your text with the proposal.</p>
      ) : null}
      {editable ? (
        <textarea
          rows={field.type === 'text' || field.options.length > 0 ? 1 : 4}
          value={value}
          aria-label={`Value for ${field.label}`}
          onChange={(event) => onEdit(event.target.value)}
        />
      ) : (
        <button
          type="button"
          className="link-button small"
          data-testid="scorecard-write"
          onClick={() => setWriting(true)}
        >
          Write a value
        </button>
      )}
      {proposal ? <p className="muted small">{proposal.reason}</p> : null}
      {proposal?.evidence.slice(0, 2).map((evidence, index) => (
        <blockquote key={index} className="quote" data-testid="scorecard-evidence">
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
      {apiError ? (
        <p className="error-text small" data-testid="scorecard-api-error">
          {apiError}
        </p>
      ) : null}
    </li>
  );
}
