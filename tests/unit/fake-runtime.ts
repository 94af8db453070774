import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * Answers `runtime.sendMessage` the way the background would. fake-browser types the callback form only,
 * and ignores promise-returning listeners, so tests stub the call itself.
 */
export function answerMessages(answer: (message: unknown) => unknown) {
  const calls = vi.fn(async (message: unknown) => answer(message));
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(calls as never);
  return calls;
}

/** happy-dom's test hook for the document URL. */
export function setPageUrl(url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}
