import type { PageContext } from '@/lib/core/page-context';
import type { SenderKind } from '@/lib/messaging/protocol';
import { detectAnyPage } from '@/lib/providers/pages';

/** The parts of `runtime.MessageSender` the check reads (Chrome and Firefox fill them alike). */
export interface RawSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export type CheckedSender =
  | { kind: 'content'; tabId: number; frameId: number; url: string; context: PageContext }
  | { kind: 'extension-page'; url: string };

export interface ExtensionIdentity {
  id: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  origin: string;
}

/**
 * Decides who sent a message, or returns the reason it is refused. Only two kinds are trusted:
 * our own extension pages, and our content script in the top frame of a page one of our detectors recognises.
 */
export function checkSender(sender: RawSender, extension: ExtensionIdentity): CheckedSender | { refused: string } {
  if (sender.id !== extension.id) return { refused: `message from another extension (${sender.id ?? 'unknown'})` };
  // For a top frame the tab's URL follows in-app navigations (history.pushState); the sender's URL stays that of
  // the document's first load in Chromium.
  const url = (sender.frameId === 0 ? sender.tab?.url : undefined) ?? sender.url;
  if (!url) return { refused: 'sender has no URL' };
  if (url.startsWith(extension.origin)) {
    // Extension pages opened as tabs still have tab info, so the origin is what marks them.
    return { kind: 'extension-page', url };
  }
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { refused: 'content message without a tab' };
  if (sender.frameId !== 0) return { refused: 'content message from a sub-frame' };
  const context = detectAnyPage(url);
  if (!context) return { refused: `page not recognised by any detector: ${new URL(url).origin}` };
  return { kind: 'content', tabId, frameId: 0, url, context };
}

export function isAllowed(sender: CheckedSender, allowed: readonly SenderKind[]): boolean {
  return allowed.includes(sender.kind);
}
