/** A token bucket: `capacity` requests at once, refilled at `refillPerSecond`. */
export interface BucketRule {
  capacity: number;
  refillPerSecond: number;
}

export interface Clock {
  now: () => number;
  sleep: (milliseconds: number, signal?: AbortSignal) => Promise<void>;
}

export function abortableSleep(milliseconds: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const systemClock: Clock = { now: () => Date.now(), sleep: abortableSleep };

export interface RateLimiter {
  /** Resolves when a request may be sent; every bucket must have a token. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** After a 429: nobody sends to this provider before `until` (epoch ms). */
  pauseUntil(until: number): void;
}

/**
 * Client-side limit per provider, so Sidecar stays under the vendor's limit instead of discovering it through 429s.
 * Several rules combine (Pinpoint has a per-minute and a per-8-minutes limit).
 */
export function createRateLimiter(rules: BucketRule[], clock: Clock = systemClock): RateLimiter {
  const buckets = rules.map((rule) => ({ ...rule, tokens: rule.capacity, updatedAt: clock.now() }));
  let pausedUntil = 0;

  const refill = (now: number) => {
    for (const bucket of buckets) {
      const elapsedSeconds = (now - bucket.updatedAt) / 1000;
      bucket.tokens = Math.min(bucket.capacity, bucket.tokens + elapsedSeconds * bucket.refillPerSecond);
      bucket.updatedAt = now;
    }
  };

  return {
    async acquire(signal) {
      for (;;) {
        const now = clock.now();
        refill(now);
        const pauseWait = Math.max(0, pausedUntil - now);
        const tokenWait = Math.max(
          0,
          ...buckets.map((bucket) => (bucket.tokens >= 1 ? 0 : ((1 - bucket.tokens) / bucket.refillPerSecond) * 1000)),
        );
        const wait = Math.max(pauseWait, tokenWait);
        if (wait === 0) {
          for (const bucket of buckets) bucket.tokens -= 1;
          return;
        }
        await clock.sleep(Math.ceil(wait), signal);
      }
    },
    pauseUntil(until) {
      pausedUntil = Math.max(pausedUntil, until);
    },
  };
}
