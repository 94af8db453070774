// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { defaultCallIds, rankCalls } from '@/lib/autofill/call-choice';
import type { CallListItem } from '@/lib/core/calls';

const call = (id: string, startedAt: string, withSummary = true): CallListItem =>
  ({
    id,
    title: id,
    startedAt,
    ...(withSummary ? { summary: { tldr: id } } : {}),
  }) as unknown as CallListItem;

describe('choosing the calls a scorecard is planned from', () => {
  const screen = call('screen', '2026-11-02T09:00:00Z');
  const technical = call('technical', '2026-11-10T14:00:00Z');
  const later = call('later', '2026-11-20T10:00:00Z');

  it('puts the call nearest the interview first', () => {
    expect(rankCalls([screen, later, technical], '2026-11-10T14:30:00Z').map((each) => each.id)).toEqual([
      'technical',
      'screen',
      'later',
    ]);
  });

  it('falls back to newest first when the interview time is unknown', () => {
    expect(rankCalls([screen, later, technical]).map((each) => each.id)).toEqual(['later', 'technical', 'screen']);
  });

  it('uses the best-ranked call that has a summary by default, and none when there are no calls', () => {
    const unsummarized = call('typed', '2026-11-10T14:10:00Z', false);
    expect(defaultCallIds(rankCalls([screen, unsummarized, technical], '2026-11-10T14:10:00Z'))).toEqual(['technical']);
    expect(defaultCallIds([])).toEqual([]);
  });
});
