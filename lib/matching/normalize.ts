/**
 * LinkedIn profile URLs compared however they were typed or stored: any scheme or none, host case, `www.` or a
 * country host (`uk.linkedin.com`), query, fragment, trailing slash, sub-pages such as `/details/experience`, and
 * percent-encoding. Lowercased throughout because LinkedIn's vanity slugs are case-insensitive. Undefined for
 * anything that is not a URL.
 */
export function normalizeLinkedinUrl(value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return undefined;
  }
  let host = url.hostname.toLowerCase();
  if (/(^|\.)linkedin\.com$/.test(host)) host = 'linkedin.com';
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A stray % leaves the path as typed, which still compares equal to itself.
  }
  path = path.replace(/\/+$/, '');
  const profile = /^\/in\/[^/]+/.exec(path);
  if (host === 'linkedin.com' && profile) path = profile[0];
  return `https://${host}${path}`.toLowerCase();
}

/** Names and companies compared without case, accents or extra spaces ("Sofía  Martínez" = "sofia martinez"). */
export function normalizeName(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}
