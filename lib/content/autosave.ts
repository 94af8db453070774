/**
 * Saves text shortly after typing pauses, and at least once a second while typing goes on, so a crash or a closed
 * tab loses at most the last second. `flush` saves what is pending at once (page hidden, panel closed).
 */
export function createAutosaver(
  save: (text: string) => Promise<unknown>,
  options: { pauseMilliseconds?: number; maxWaitMilliseconds?: number; now?: () => number } = {},
) {
  const { pauseMilliseconds = 300, maxWaitMilliseconds = 1000, now = Date.now } = options;
  let pending: string | undefined;
  let pendingSince: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = async (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    if (pending === undefined) return;
    const text = pending;
    pending = undefined;
    pendingSince = undefined;
    await save(text);
  };

  return {
    change(text: string): void {
      pending = text;
      pendingSince ??= now();
      clearTimeout(timer);
      const untilDeadline = maxWaitMilliseconds - (now() - pendingSince);
      timer = setTimeout(() => void flush(), Math.max(0, Math.min(pauseMilliseconds, untilDeadline)));
    },
    flush,
    get hasPending(): boolean {
      return pending !== undefined;
    },
  };
}
