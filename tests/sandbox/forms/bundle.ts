import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { html, type Html } from '../html.ts';
import { jsonResponse, textResponse, type SandboxRequest, type SandboxResponse } from '../http.ts';
import type { FormName } from './definitions.ts';

const entries: Record<FormName, string> = {
  'ashby-feedback': './browser/ashby-feedback.tsx',
  'lever-feedback': './browser/lever-feedback.tsx',
  'pinpoint-scorecard': './browser/pinpoint-scorecard.ts',
};

export const assetPrefix = '/__sandbox-assets/';

// Built on first request and kept for the process: most sandbox tests never open a form and must not pay for React.
const bundles = new Map<FormName, string>();
const buildTimes = new Map<FormName, number>();

export function formBundle(name: FormName): string {
  const cached = bundles.get(name);
  if (cached !== undefined) return cached;
  const started = performance.now();
  const result = buildSync({
    entryPoints: [fileURLToPath(new URL(entries[name], import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  bundles.set(name, code);
  buildTimes.set(name, performance.now() - started);
  return code;
}

/** Milliseconds each bundle took to build in this process (absent until first requested). */
export function formBuildTimes(): Partial<Record<FormName, number>> {
  return Object.fromEntries(buildTimes);
}

/**
 * The script tag for a full page load, plus a broken image whose error handler mounts (or first loads) the form: the
 * client router swaps pages in with innerHTML, which never runs `<script>` but does fire inline event handlers.
 */
export function formScript(name: FormName): Html {
  const src = `${assetPrefix}${name}.js`;
  const loader =
    `var mount=(window.sandboxForms||{})['${name}'];if(mount){mount()}else if(!document.querySelector('script[data-loaded-form="${name}"]')){` +
    `var script=document.createElement('script');script.src='${src}';script.dataset.loadedForm='${name}';document.head.appendChild(script)}`;
  return html`<script src="${src}"></script>
    <img hidden alt="" src="data:," onerror="${loader}" />`;
}

/**
 * The sandbox-only paths each provider's page host answers: form bundles, and `/__feedback`, where a form's Submit
 * posts its payload so tests can read it from the request log. Anything else is for the provider's own router.
 */
export function formRoutes(request: SandboxRequest, names: FormName[]): SandboxResponse | undefined {
  const path = request.url.pathname;
  if (path === '/__feedback') {
    if (request.method !== 'POST') return textResponse(405, 'POST the feedback payload');
    try {
      JSON.parse(request.body);
    } catch {
      return jsonResponse(400, { error: 'Body must be JSON' });
    }
    return jsonResponse(200, { received: true });
  }
  if (!path.startsWith(assetPrefix)) return undefined;
  const name = names.find((each) => path === `${assetPrefix}${each}.js`);
  if (!name) return textResponse(404, 'No such sandbox asset');
  return {
    status: 200,
    headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' },
    body: formBundle(name),
  };
}
