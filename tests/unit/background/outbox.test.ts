import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SidecarError } from '@/lib/core/errors';
import type { OutboxOperation, OutboxRecord } from '@/lib/core/outbox';
import { createOutbox, nextAttemptDelay, type Executor } from '@/lib/background/outbox';
import { SidecarDatabase } from '@/lib/storage/database';

const move: OutboxOperation = {
  type: 'moveToStage',
  candidateId: 'c1',
  applicationId: 'a1',
  stageId: 's2',
  stageName: 'Onsite',
};

let counter = 0;
const clickId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

function setup(run: Executor['run'], looksBeforeWriting = true) {
  const database = new SidecarDatabase(`outbox-test-${counter}-${Math.random()}`);
  let time = 1_000_000;
  const wakes: number[] = [];
  const executor: Executor = { looksBeforeWriting, run: vi.fn(run) };
  const done: OutboxRecord[] = [];
  const outbox = createOutbox({
    database,
    executor: () => executor,
    scheduleWake: (when) => wakes.push(when),
    onDone: (entry) => void done.push(entry),
    now: () => time,
    random: () => 1,
  });
  return {
    database,
    outbox,
    executor,
    wakes,
    done,
    advance: (milliseconds: number) => {
      time += milliseconds;
    },
  };
}

describe('outbox', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('persists an entry before sending it, then marks it done with the result', async () => {
    const { outbox, database, executor, done } = setup(async () => ({ message: 'Moved to Onsite' }));
    const entry = await outbox.enqueue({ id: clickId(), provider: 'lever', operation: move, label: 'Move Priya' });
    expect(entry).toMatchObject({ state: 'pending', candidateId: 'c1', attempts: 0 });
    await outbox.drain();
    expect(executor.run).toHaveBeenCalledTimes(1);
    expect(await database.outbox.get(entry.id)).toMatchObject({
      state: 'done',
      attempts: 1,
      result: { message: 'Moved to Onsite' },
    });
    expect(done.map((record) => record.id)).toEqual([entry.id]);
  });

  it('keeps one entry per click: a repeated message does not queue a second write', async () => {
    const { outbox, database, executor } = setup(async () => ({ message: 'ok' }));
    const id = clickId();
    await outbox.enqueue({ id, provider: 'lever', operation: move, label: 'Move' });
    await outbox.enqueue({ id, provider: 'lever', operation: move, label: 'Move' });
    await outbox.drain();
    expect(await database.outbox.count()).toBe(1);
    expect(executor.run).toHaveBeenCalledTimes(1);
  });

  it('retries a rate-limited write no sooner than Retry-After, and wakes itself up for it', async () => {
    let calls = 0;
    const { outbox, database, wakes, advance } = setup(async () => {
      calls += 1;
      if (calls === 1)
        throw new SidecarError({ kind: 'rate-limited', provider: 'lever', message: 'slow', retryAfter: 30 });
      return { message: 'ok' };
    });
    const entry = await outbox.enqueue({ id: clickId(), provider: 'lever', operation: move, label: 'Move' });
    await outbox.drain();
    const waiting = await database.outbox.get(entry.id);
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, error: { kind: 'rate-limited' } });
    expect(waiting!.nextAttemptAt - 1_000_000).toBe(30_000);
    expect(wakes).toEqual([waiting!.nextAttemptAt]);

    await outbox.drain();
    expect(calls).toBe(1);
    advance(30_000);
    await outbox.drain();
    expect(await database.outbox.get(entry.id)).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('fails at once on errors a retry cannot fix, keeping the error for the UI', async () => {
    const { outbox, database } = setup(async () => {
      throw new SidecarError({ kind: 'permission', provider: 'ashby', message: 'missing_endpoint_permission' });
    });
    const entry = await outbox.enqueue({ id: clickId(), provider: 'ashby', operation: move, label: 'Move' });
    await outbox.drain();
    expect(await database.outbox.get(entry.id)).toMatchObject({
      state: 'failed',
      attempts: 1,
      error: { kind: 'permission', message: 'missing_endpoint_permission' },
    });
  });

  it('gives up after the attempt limit on passing errors', async () => {
    const { outbox, database, advance } = setup(async () => {
      throw new SidecarError({ kind: 'upstream', provider: 'ashby', message: '502', status: 502 });
    });
    const entry = await outbox.enqueue({ id: clickId(), provider: 'ashby', operation: move, label: 'Move' });
    for (let attempt = 0; attempt < 8; attempt += 1) {
      await outbox.drain();
      advance(600_000);
    }
    expect(await database.outbox.get(entry.id)).toMatchObject({ state: 'failed', attempts: 8 });
  });

  it('records finished steps so a retry skips them', async () => {
    let calls = 0;
    const { outbox, database } = setup(async ({ entry, completeStep }) => {
      calls += 1;
      if (!entry.completedSteps.includes('stage')) await completeStep('stage');
      if (calls === 1) throw new SidecarError({ kind: 'network', message: 'lost' });
      expect(entry.completedSteps).toEqual(['stage']);
      return { message: 'ok' };
    });
    const entry = await outbox.enqueue({ id: clickId(), provider: 'lever', operation: move, label: 'Move' });
    await outbox.drain();
    expect(await database.outbox.get(entry.id)).toMatchObject({ state: 'pending', completedSteps: ['stage'] });
    await outbox.retry(entry.id);
    await database.outbox.update(entry.id, { nextAttemptAt: 0 });
    await outbox.drain();
    expect(await database.outbox.get(entry.id)).toMatchObject({ state: 'done' });
  });

  it('after a restart, sends an interrupted entry again when its executor looks before writing', async () => {
    const { outbox, database, executor } = setup(async () => ({ message: 'ok' }));
    const id = clickId();
    await database.outbox.add({
      id,
      provider: 'lever',
      candidateId: 'c1',
      operation: move,
      label: 'Move',
      state: 'sending',
      attempts: 1,
      nextAttemptAt: 0,
      completedSteps: [],
      createdAt: 1,
      updatedAt: 1,
    });
    await outbox.resume();
    expect(executor.run).toHaveBeenCalledTimes(1);
    expect(await database.outbox.get(id)).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('after a restart, fails an interrupted write it cannot look for, rather than risk doing it twice', async () => {
    const { outbox, database, executor } = setup(async () => ({ message: 'ok' }), false);
    const id = clickId();
    await database.outbox.add({
      id,
      provider: 'ashby',
      candidateId: 'c1',
      operation: { ...move },
      label: 'Schedule',
      state: 'sending',
      attempts: 1,
      nextAttemptAt: 0,
      completedSteps: [],
      createdAt: 1,
      updatedAt: 1,
    });
    await outbox.resume();
    expect(executor.run).not.toHaveBeenCalled();
    const entry = await database.outbox.get(id);
    expect(entry?.state).toBe('failed');
    expect(entry?.error?.message).toContain('Check the ATS before you retry');
  });

  it('lists newest first, filtered by provider and candidate', async () => {
    const { outbox, advance } = setup(async () => ({ message: 'ok' }));
    await outbox.enqueue({ id: clickId(), provider: 'lever', operation: move, label: 'first' });
    advance(10);
    await outbox.enqueue({
      id: clickId(),
      provider: 'lever',
      operation: { ...move, candidateId: 'c2' },
      label: 'other',
    });
    advance(10);
    await outbox.enqueue({ id: clickId(), provider: 'ashby', operation: move, label: 'ashby' });
    advance(10);
    await outbox.enqueue({ id: clickId(), provider: 'lever', operation: move, label: 'second' });
    const labels = (await outbox.list({ provider: 'lever', candidateId: 'c1' })).map((entry) => entry.label);
    expect(labels).toEqual(['second', 'first']);
  });
});

describe('nextAttemptDelay', () => {
  it('grows exponentially with jitter, capped at five minutes, and honours Retry-After', () => {
    expect(nextAttemptDelay(1, undefined, () => 1)).toBe(2_000);
    expect(nextAttemptDelay(3, undefined, () => 1)).toBe(8_000);
    expect(nextAttemptDelay(3, undefined, () => 0)).toBe(4_000);
    expect(nextAttemptDelay(20, undefined, () => 1)).toBe(300_000);
    expect(nextAttemptDelay(1, 45, () => 1)).toBe(45_000);
  });
});
