import type { Clock } from '@/lib/http/rate-limiter';

/** A clock whose sleeps advance time instantly and are recorded, so tests measure waits without waiting. */
export function fakeClock(start = 1_000_000): Clock & { sleeps: number[] } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (milliseconds) => {
      sleeps.push(milliseconds);
      now += milliseconds;
    },
  };
}
