import type { CallListItem } from '@/lib/core/calls';

/**
 * The candidate's calls in the order the scorecard should consider them: nearest to the interview first (a call is
 * usually the interview itself, or the screen just before it), newest first when the interview time is unknown.
 */
export function rankCalls(calls: CallListItem[], interviewStart?: string): CallListItem[] {
  const target = interviewStart ? Date.parse(interviewStart) : Number.NaN;
  const distance = (call: CallListItem) =>
    Number.isNaN(target) ? -Date.parse(call.startedAt) : Math.abs(Date.parse(call.startedAt) - target);
  return [...calls].sort((a, b) => distance(a) - distance(b));
}

/** The calls used by default: the best-ranked one that has a summary to plan from. */
export function defaultCallIds(ranked: CallListItem[]): string[] {
  const first = ranked.find((call) => call.summary) ?? ranked[0];
  return first ? [first.id] : [];
}
