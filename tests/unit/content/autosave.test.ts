import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosaver } from '@/lib/content/autosave';

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once typing pauses, with the latest text', async () => {
    const save = vi.fn(async (_text: string) => {});
    const autosaver = createAutosaver(save, { now: () => Date.now() });
    autosaver.change('H');
    autosaver.change('Hi');
    await vi.advanceTimersByTimeAsync(299);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledExactlyOnceWith('Hi');
  });

  it('saves at least once a second while typing never pauses', async () => {
    const save = vi.fn(async (_text: string) => {});
    const autosaver = createAutosaver(save, { now: () => Date.now() });
    for (let keystroke = 0; keystroke < 12; keystroke += 1) {
      autosaver.change(`text ${keystroke}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(save.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(save.mock.calls[0]).toEqual(['text 9']);
  });

  it('flush saves what is pending at once, and nothing when nothing is', async () => {
    const save = vi.fn(async (_text: string) => {});
    const autosaver = createAutosaver(save);
    await autosaver.flush();
    expect(save).not.toHaveBeenCalled();
    autosaver.change('closing the tab');
    expect(autosaver.hasPending).toBe(true);
    await autosaver.flush();
    expect(save).toHaveBeenCalledExactlyOnceWith('closing the tab');
    expect(autosaver.hasPending).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(1);
  });
});
