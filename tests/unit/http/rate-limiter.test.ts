import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '@/lib/http/rate-limiter';
import { fakeClock } from './fake-clock';

describe('rate limiter', () => {
  it('lets a burst of `capacity` through at once, then paces at the refill rate', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter([{ capacity: 20, refillPerSecond: 10 }], clock);
    for (let index = 0; index < 20; index += 1) await limiter.acquire();
    expect(clock.sleeps).toEqual([]);
    await limiter.acquire();
    await limiter.acquire();
    expect(clock.sleeps).toEqual([100, 100]);
  });

  it('honours the strictest of several rules', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter(
      [
        { capacity: 120, refillPerSecond: 2 },
        { capacity: 3, refillPerSecond: 0.5 },
      ],
      clock,
    );
    for (let index = 0; index < 3; index += 1) await limiter.acquire();
    await limiter.acquire();
    expect(clock.sleeps).toEqual([2000]);
  });

  it('holds every caller back after a pause (a 429 with Retry-After)', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter([{ capacity: 5, refillPerSecond: 5 }], clock);
    limiter.pauseUntil(clock.now() + 3000);
    await limiter.acquire();
    expect(clock.sleeps).toEqual([3000]);
  });
});
