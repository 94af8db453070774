/** For unit tests only (it needs a DOM): the sandbox's LinkedIn pages parsed into documents, without the server. */
import { linkedinProfilePage } from './pages.ts';
import { revealLazySections } from './hashed-page.ts';
import type { ProfileVariant, SandboxProfile } from './profiles.ts';
import { sandboxProfiles } from './profiles.ts';
import { createStore } from '../store.ts';

export const data = createStore().linkedin;
export const everyone = sandboxProfiles(data);

export function profileBySlug(slug: string): SandboxProfile {
  const profile = everyone.find((each) => each.slug === slug);
  if (!profile) throw new Error(`no sandbox profile ${slug}`);
  return profile;
}

export interface RenderOptions {
  variant?: ProfileVariant;
  overlay?: boolean;
  /** Leave the hashed page's lazy sections unloaded, as on first paint. */
  firstPaint?: boolean;
}

/** The sandbox page's HTML exactly as the server sends it inside `<main>`, without going through the server. */
export function profileHtml(slug: string, options: RenderOptions = {}): { title: string; main: string } {
  const page = linkedinProfilePage(data, slug, options);
  if (!page) throw new Error(`no sandbox page for ${slug}`);
  return { title: page.title, main: page.main.trustedHtml };
}

/** A parsed document of the page; scripts do not run, so the hashed page's lazy sections are swapped in here. */
export function renderProfile(slug: string, options: RenderOptions = {}): Document {
  const { title, main } = profileHtml(slug, options);
  const document = new DOMParser().parseFromString(
    `<!doctype html><html lang="en"><head><title>${title.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</title></head>` +
      `<body><header class="topbar"><strong>LinkedIn</strong></header><main id="app">${main}</main></body></html>`,
    'text/html',
  );
  if (!options.firstPaint) revealLazySections(document);
  return document;
}

export function profileUrl(slug: string, suffix = ''): URL {
  return new URL(`https://www.linkedin.com/in/${encodeURIComponent(slug)}/${suffix}`);
}
