import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountPanel } from '@/lib/content/panel-mount';
import { sitePages } from '@/lib/providers/pages';

// Not in the manifest: the background injects it with scripting.executeScript, on recognised pages only.
export default defineContentScript({
  registration: 'runtime',
  matches: Object.values(sitePages).flatMap((page) => page.matches),
  main(ctx) {
    return mountPanel(ctx);
  },
});
