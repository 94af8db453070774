import type { ProfileSnapshot } from '@/lib/core/profile';
import { readProfile } from '@/lib/providers/linkedin/profile-reader';

/** Long enough to let a card finish rendering in one batch of mutations, short enough to feel immediate. */
const settleMs = 200;

function comparable(snapshot: ProfileSnapshot): string {
  const { readAt: _readAt, ...rest } = snapshot;
  return JSON.stringify(rest);
}

/**
 * Reads the profile now and again whenever the page changes (LinkedIn streams cards in on scroll), calling
 * `onChange` with the first snapshot and then only with snapshots that differ from the last one. Returns stop.
 */
export function watchProfile(document: Document, url: URL, onChange: (snapshot: ProfileSnapshot) => void): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const first = readProfile(document, url);
  let lastKey = comparable(first);
  onChange(first);

  const reread = () => {
    timer = undefined;
    if (stopped) return;
    const next = readProfile(document, url);
    const key = comparable(next);
    if (key === lastKey) return;
    lastKey = key;
    onChange(next);
  };

  // The document's own window, so a document from another realm (an iframe, a test's DOM) is observed correctly.
  const Observer = document.defaultView?.MutationObserver ?? globalThis.MutationObserver;
  const observer = new Observer(() => {
    if (stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(reread, settleMs);
  });
  observer.observe(document.body ?? document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
  });

  return () => {
    stopped = true;
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  };
}
