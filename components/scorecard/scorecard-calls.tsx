import type { CallListItem } from '@/lib/core/calls';

function when(call: CallListItem): string {
  return new Date(call.startedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * Which calls the plan comes from: ranked nearest to the interview first, the chosen ones ticked, each with whether it
 * has a summary to plan from. The user may tick others or untick the default.
 */
export function ScorecardCalls({
  calls,
  chosen,
  onChange,
  forCandidate,
}: {
  calls: CallListItem[];
  chosen: string[];
  onChange: (ids: string[]) => void;
  /** False when the page's candidate has no calls here and the ATS's recent calls are offered instead. */
  forCandidate: boolean;
}) {
  return (
    <fieldset className="scorecard-calls" data-testid="scorecard-calls">
      <legend>{forCandidate ? 'Calls used' : 'No calls with this candidate here; recent calls'}</legend>
      {calls.map((call, index) => (
        <label key={call.id} className="checkbox" data-testid="scorecard-call" data-call-id={call.id}>
          <input
            type="checkbox"
            checked={chosen.includes(call.id)}
            onChange={(event) =>
              onChange(event.target.checked ? [...chosen, call.id] : chosen.filter((id) => id !== call.id))
            }
          />
          <span>
            {call.title} · {when(call)}
            {forCandidate && index === 0 ? <span className="muted small"> · nearest the interview</span> : null}
            {call.summary ? null : <span className="muted small"> · no summary yet</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
