import { SidecarError, toErrorData, type ErrorKind } from '@/lib/core/errors';
import type { AtsProvider } from '@/lib/core/page-context';
import type { OutboxOperation, OutboxRecord, SidecarDatabase } from '@/lib/storage/database';

export interface EnqueueInput {
  /** The click's id: enqueueing the same click twice returns the first entry. */
  id: string;
  provider: AtsProvider;
  operation: OutboxOperation;
  label: string;
}

export interface ExecutionContext {
  entry: OutboxRecord;
  /** Records a finished sub-step before the next one starts, so a retry skips it. */
  completeStep(step: string): Promise<void>;
}

export interface Executor {
  run(context: ExecutionContext): Promise<{ message: string; url?: string }>;
  /**
   * Whether the executor looks before it writes. One that cannot must not be resent after an interruption mid-send:
   * the entry fails with a request to check the ATS, rather than risk a duplicate.
   */
  looksBeforeWriting: boolean;
}

export interface OutboxOptions {
  database: SidecarDatabase;
  executor: (entry: OutboxRecord) => Executor;
  /** Wakes the outbox at `when` even if the service worker was stopped meanwhile (alarms in the extension). */
  scheduleWake: (when: number) => void;
  /** Called when an entry's write went through, just before it is marked done, so caches can drop what it changed. */
  onDone?: (entry: OutboxRecord) => Promise<void> | void;
  now?: () => number;
  random?: () => number;
  maxAttempts?: number;
}

const retryableKinds = new Set<ErrorKind>(['rate-limited', 'network', 'upstream', 'invalid-response']);

/** Exponential backoff with jitter, from 2 s up to 5 min, never sooner than the vendor's Retry-After. */
export function nextAttemptDelay(
  attempts: number,
  retryAfterSeconds: number | undefined,
  random: () => number,
): number {
  const backoff = Math.min(300_000, 2_000 * 2 ** Math.max(0, attempts - 1)) * (0.5 + random() / 2);
  return Math.max(backoff, (retryAfterSeconds ?? 0) * 1000);
}

/**
 * The durable write queue (design.md, rule 4): an entry is persisted before anything is sent, retried with backoff,
 * and resumed after the service worker or the browser restarts. Entries run one at a time.
 */
export function createOutbox(options: OutboxOptions) {
  const { database, now = Date.now, random = Math.random, maxAttempts = 8 } = options;
  let draining: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = (id: string, changes: Partial<OutboxRecord>) =>
    database.outbox.update(id, { ...changes, updatedAt: now() });

  async function execute(entry: OutboxRecord): Promise<void> {
    const executor = options.executor(entry);
    const attempts = entry.attempts + 1;
    await update(entry.id, { state: 'sending', attempts, error: undefined });
    const steps = [...entry.completedSteps];
    try {
      const result = await executor.run({
        entry: { ...entry, attempts, state: 'sending' },
        completeStep: async (step) => {
          steps.push(step);
          await update(entry.id, { completedSteps: [...steps] });
        },
      });
      // Caches drop what the write changed before the entry says done, so nobody reads stale data after "Done".
      await options.onDone?.({ ...entry, state: 'done', result, completedSteps: steps });
      await update(entry.id, { state: 'done', result });
    } catch (error) {
      const data = toErrorData(error);
      if (retryableKinds.has(data.kind) && attempts < maxAttempts) {
        await update(entry.id, {
          state: 'pending',
          error: data,
          nextAttemptAt: now() + nextAttemptDelay(attempts, data.retryAfter, random),
        });
      } else {
        await update(entry.id, { state: 'failed', error: data });
      }
    }
  }

  async function drainOnce(): Promise<void> {
    for (;;) {
      const due = (await database.outbox.where('state').equals('pending').sortBy('createdAt')).filter(
        (entry) => entry.nextAttemptAt <= now(),
      );
      const next = due[0];
      if (!next) break;
      await execute(next);
    }
    const waiting = await database.outbox.where('state').equals('pending').toArray();
    const soonest = Math.min(...waiting.map((entry) => entry.nextAttemptAt));
    if (Number.isFinite(soonest)) {
      options.scheduleWake(soonest);
      clearTimeout(timer);
      // The alarm is the backstop; while the worker lives, a timer retries on time (alarms fire at most every 30 s).
      timer = setTimeout(() => void outbox.drain(), Math.max(0, soonest - now()));
    }
  }

  const outbox = {
    /** Persists the entry, then starts sending it. Returns the stored entry (the existing one for a repeated click). */
    async enqueue(input: EnqueueInput): Promise<OutboxRecord> {
      const existing = await database.outbox.get(input.id);
      if (existing) return existing;
      const entry: OutboxRecord = {
        ...input,
        candidateId: input.operation.candidateId,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: now(),
        completedSteps: [],
        createdAt: now(),
        updatedAt: now(),
      };
      await database.outbox.add(entry);
      void outbox.drain();
      return entry;
    },

    /** Sends every due entry; concurrent calls share one run. */
    drain(): Promise<void> {
      draining ??= drainOnce().finally(() => {
        draining = undefined;
      });
      return draining;
    },

    /**
     * After a restart: an entry left `sending` was interrupted. It is sent again if its executor looks before it
     * writes; otherwise it fails, asking the user to check, because resending could duplicate it.
     */
    async resume(): Promise<void> {
      const interrupted = await database.outbox.where('state').equals('sending').toArray();
      for (const entry of interrupted) {
        if (options.executor(entry).looksBeforeWriting) {
          await update(entry.id, { state: 'pending', nextAttemptAt: now() });
        } else {
          await update(entry.id, {
            state: 'failed',
            error: {
              kind: 'internal',
              provider: entry.provider,
              message:
                'Sidecar was interrupted while sending this. Check the ATS before you retry, so it is not done twice.',
            },
          });
        }
      }
      await outbox.drain();
    },

    /** A failed entry, sent again on the user's request. */
    async retry(id: string): Promise<OutboxRecord> {
      const entry = await database.outbox.get(id);
      if (!entry) throw new SidecarError({ kind: 'not-found', message: 'That action is no longer in the outbox' });
      if (entry.state === 'failed') {
        await update(id, { state: 'pending', attempts: 0, nextAttemptAt: now(), error: undefined });
        void outbox.drain();
      }
      return (await database.outbox.get(id)) ?? entry;
    },

    get: (id: string) => database.outbox.get(id),

    async list(filter: { provider?: AtsProvider; candidateId?: string } = {}): Promise<OutboxRecord[]> {
      const entries = await database.outbox.orderBy('createdAt').reverse().toArray();
      return entries.filter(
        (entry) =>
          (!filter.provider || entry.provider === filter.provider) &&
          (!filter.candidateId || entry.candidateId === filter.candidateId),
      );
    },

    /** Disconnecting a provider drops its finished and failed entries; pending ones stay with the key gone (they fail). */
    async forgetProvider(provider: AtsProvider): Promise<void> {
      await database.outbox
        .where('provider')
        .equals(provider)
        .filter((entry) => entry.state === 'done' || entry.state === 'failed')
        .delete();
    },
  };
  return outbox;
}

export type Outbox = ReturnType<typeof createOutbox>;
