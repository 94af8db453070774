import type { SandboxRequest, SandboxResponse } from './http.ts';

/** Markup that is already safe; everything else interpolated through `html` is escaped. */
export interface Html {
  readonly trustedHtml: string;
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => entities[character] ?? character);
}

function isHtml(value: unknown): value is Html {
  return typeof value === 'object' && value !== null && 'trustedHtml' in value;
}

function renderValue(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(renderValue).join('');
  if (isHtml(value)) return value.trustedHtml;
  return escapeHtml(String(value));
}

/** Tagged template: the only way pages build markup, so no interpolated value can skip escaping. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let result = strings[0] ?? '';
  values.forEach((value, index) => {
    result += renderValue(value) + (strings[index + 1] ?? '');
  });
  return { trustedHtml: result };
}

export interface Shell {
  brand: string;
  accent: string;
  navigation: Array<{ href: string; label: string }>;
}

export interface Page {
  status?: number;
  title: string;
  main: Html;
}

// Mimics how the real apps navigate (history.pushState plus a fetch), so content scripts must cope with
// same-document URL changes exactly as they do on the real sites.
const clientRouter = `
(() => {
  const app = document.getElementById('app');
  let latest = 0;
  async function show(href) {
    const ticket = ++latest;
    try {
      const response = await fetch(href, { headers: { 'X-Sandbox-Partial': '1' } });
      const markup = await response.text();
      if (ticket !== latest) return;
      app.innerHTML = markup;
      document.title = decodeURIComponent(response.headers.get('X-Sandbox-Title') || '');
      window.scrollTo(0, 0);
    } catch {
      location.assign(href);
    }
  }
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-spa-link]') : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    history.pushState({}, '', link.href);
    show(link.href);
  });
  window.addEventListener('popstate', () => show(location.href));
})();
`;

function styles(accent: string): string {
  return `
body { margin: 0; font: 14px/1.5 system-ui, sans-serif; color: #1f2328; background: #f6f7f9; }
.topbar { display: flex; align-items: center; gap: 16px; height: 48px; padding: 0 20px; background: ${accent}; color: #fff; }
.topbar strong { font-size: 16px; }
.layout { display: flex; min-height: calc(100vh - 48px); }
.sidebar { width: 200px; padding: 16px; background: #fff; border-right: 1px solid #d8dee4; }
.sidebar a { display: block; padding: 6px 8px; color: inherit; text-decoration: none; border-radius: 4px; }
.sidebar a:hover { background: #eef1f4; }
main { flex: 1; padding: 24px 32px; max-width: 960px; }
section, article { background: #fff; border: 1px solid #d8dee4; border-radius: 6px; padding: 12px 16px; margin-bottom: 16px; }
table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: 6px 8px; border-bottom: 1px solid #eef1f4; }
a { color: ${accent}; } textarea { width: 100%; min-height: 120px; }
`;
}

/** A full document on normal loads; only `<main>`'s inner HTML when the client router asks for a partial. */
export function renderPage(request: SandboxRequest, shell: Shell, page: Page): SandboxResponse {
  const status = page.status ?? 200;
  // Partials and full pages share a URL, so nothing may be cached or a reload could show a bare fragment.
  const headers = {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    vary: 'X-Sandbox-Partial',
  };
  if (request.headers['x-sandbox-partial'] === '1') {
    return {
      status,
      headers: { ...headers, 'x-sandbox-title': encodeURIComponent(page.title) },
      body: page.main.trustedHtml,
    };
  }
  const document = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <!-- An empty icon stops the browser from fetching /favicon.ico into the request log. -->
        <link rel="icon" href="data:," />
        <title>${page.title}</title>
        <style>
          ${{ trustedHtml: styles(shell.accent) }}
        </style>
      </head>
      <body>
        <header class="topbar"><strong>${shell.brand}</strong><span>Sandbox</span></header>
        <div class="layout">
          <nav class="sidebar" aria-label="Main">
            ${shell.navigation.map((item) => html`<a href="${item.href}" data-spa-link>${item.label}</a>`)}
          </nav>
          <main id="app">${page.main}</main>
        </div>
        <script>
          ${{ trustedHtml: clientRouter }};
        </script>
      </body>
    </html> `;
  return { status, headers, body: document.trustedHtml };
}

/** Unknown paths render inside the app chrome, as the real SPAs do, instead of a bare server error. */
export function notFoundPage(title: string, heading = 'Page not found'): Page {
  return {
    status: 404,
    title,
    main: html`<h1>${heading}</h1>
      <p>The page you were looking for does not exist.</p>`,
  };
}
