import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from '@/lib/messaging/send';
import type { DetectPage } from '@/lib/providers/contracts';
import { pageBridge, publishContext } from './page-bridge';

interface NavigationLike {
  addEventListener(type: 'currententrychange', listener: () => void, options: { signal: AbortSignal }): void;
}

/** Fallback for browsers without the Navigation API: how often the URL is compared. */
const pollMilliseconds = 400;

/**
 * Runs a site's detector on load and after every in-app navigation, publishes the page context to the panel,
 * and asks the background for the panel bundle the first time a page is recognised. On pages that are
 * nothing, it costs one regex per navigation and changes nothing the page can see.
 */
export function watchPage(ctx: ContentScriptContext, detect: DetectPage): void {
  const bridge = pageBridge();
  let lastHref = '';

  const update = () => {
    const href = location.href;
    if (href === lastHref || ctx.isInvalid) return;
    lastHref = href;
    const context = detect(new URL(href));
    publishContext(bridge, context);
    if (context && bridge.panel === 'absent') {
      bridge.panel = 'requested';
      void send('panel.inject', {}).then((result) => {
        if (result.ok) return;
        bridge.panel = 'absent';
        console.warn(`[sidecar] panel not loaded: ${result.error.message}`);
      });
    }
  };

  update();
  // Our own listener rather than WXT's `wxt:locationchange`, which is a DOM event the page could observe.
  const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
  if (navigation) {
    navigation.addEventListener('currententrychange', update, { signal: ctx.signal });
  } else {
    ctx.setInterval(update, pollMilliseconds);
    ctx.addEventListener(window, 'popstate', update);
  }
}
