import { defineContentScript } from 'wxt/utils/define-content-script';
import type { DetectPage } from '@/lib/providers/contracts';
import { watchPage } from './page-watcher';

/** The small script that runs on every page of a site's host: it only detects, and loads the panel where needed. */
export function defineSiteScript(matches: string[], detect: DetectPage) {
  return defineContentScript({
    matches,
    runAt: 'document_idle',
    // WXT's default start-up postMessage would tell the page that an extension is here.
    noScriptStartedPostMessage: true,
    main(ctx) {
      watchPage(ctx, detect);
    },
  });
}
