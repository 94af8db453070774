import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountPanel } from '@/lib/content/panel-mount';
import { sitePages } from '@/lib/providers/pages';

// Not in the manifest: the background injects it with scripting.executeScript, on recognised pages only.
export default defineContentScript({
  registration: 'runtime',
  matches: Object.values(sitePages).flatMap((page) => page.matches),
  // WXT's default start-up postMessage would tell the page that an extension is here.
  noScriptStartedPostMessage: true,
  main(ctx) {
    return mountPanel(ctx);
  },
});
