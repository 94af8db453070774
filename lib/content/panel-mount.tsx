import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { PanelApp } from '@/components/panel/panel-app';
import panelCss from '@/components/panel/panel.css?inline';
import type { PageContext } from '@/lib/core/page-context';
import { isPanelCollapsed, setPanelCollapsed } from '@/lib/storage/panel-layout';
import { pageBridge } from './page-bridge';
import { reserveRightEdge } from './page-layout';
import { createPanelQueryClient } from './query-client';
import { createPanelStore } from './store';

/** The host element's tag: one per page, and the e2e tests' anchor. */
export const panelHostName = 'sidecar-panel';

/**
 * Mounts the panel for the page contexts the detector publishes: shown on recognised pages, removed (React unmounted,
 * host element gone, page margin restored) on pages that are nothing. Injecting the bundle twice mounts it once.
 */
export async function mountPanel(ctx: ContentScriptContext): Promise<void> {
  const bridge = pageBridge();
  if (bridge.panel === 'loaded') return;
  bridge.panel = 'loaded';

  const useStore = createPanelStore({ context: null, collapsed: false });
  const queryClient = createPanelQueryClient();
  let ui: ShadowRootContentScriptUi<Root> | undefined;
  let releaseEdge: (() => void) | undefined;

  const syncPageLayout = () => {
    const { context, collapsed } = useStore.getState();
    const wantsEdge = Boolean(ui && context && !collapsed);
    if (wantsEdge && !releaseEdge) releaseEdge = reserveRightEdge();
    if (!wantsEdge && releaseEdge) {
      releaseEdge();
      releaseEdge = undefined;
    }
  };

  const show = async (context: PageContext | null) => {
    const previousSite = useStore.getState().context?.site;
    if (context && context.site !== previousSite) {
      useStore.setState({ collapsed: await isPanelCollapsed(context.site) });
    }
    useStore.getState().setContext(context);
    if (context && !ui) {
      ui = await createShadowRootUi(ctx, {
        name: panelHostName,
        position: 'inline',
        anchor: 'body',
        append: 'last',
        mode: import.meta.env.WXT_E2E === '1' ? 'open' : 'closed',
        css: panelCss,
        // Keystrokes typed in the panel must not trigger the ATS's own keyboard shortcuts.
        isolateEvents: true,
        onMount(container) {
          const root = createRoot(container);
          root.render(
            <StrictMode>
              <QueryClientProvider client={queryClient}>
                <PanelApp useStore={useStore} />
              </QueryClientProvider>
            </StrictMode>,
          );
          return root;
        },
        onRemove(root) {
          root?.unmount();
        },
      });
      ui.mount();
    } else if (!context && ui) {
      ui.remove();
      ui = undefined;
    }
    syncPageLayout();
  };

  // Contexts are applied one after another, so quick navigations never race into two panels.
  let queue = Promise.resolve();
  const onContext = (context: PageContext | null) => {
    queue = queue
      .then(() => show(context))
      .catch((error: unknown) => console.error('[sidecar] panel update failed', error));
  };

  const unsubscribe = useStore.subscribe((state, previous) => {
    if (state.collapsed === previous.collapsed) return;
    syncPageLayout();
    if (state.context) void setPanelCollapsed(state.context.site, state.collapsed);
  });

  bridge.listeners.add(onContext);
  ctx.onInvalidated(() => {
    bridge.listeners.delete(onContext);
    unsubscribe();
    releaseEdge?.();
    bridge.panel = 'absent';
  });
  onContext(bridge.context);
  await queue;
}
