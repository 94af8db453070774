import type { PageContext } from '@/lib/core/page-context';

type ContextListener = (context: PageContext | null) => void;

/**
 * State shared by the detector script and the panel bundle. Both run in the extension's isolated world of the same
 * frame, so a global keyed by a registry symbol is visible to them and invisible to the page.
 */
export interface PageBridge {
  context: PageContext | null;
  panel: 'absent' | 'requested' | 'loaded';
  listeners: Set<ContextListener>;
}

const bridgeKey = Symbol.for('sidecar.page-bridge');

export function pageBridge(): PageBridge {
  const holder = globalThis as typeof globalThis & { [bridgeKey]?: PageBridge };
  holder[bridgeKey] ??= { context: null, panel: 'absent', listeners: new Set() };
  return holder[bridgeKey];
}

export function publishContext(bridge: PageBridge, context: PageContext | null): void {
  bridge.context = context;
  for (const listener of bridge.listeners) listener(context);
}
