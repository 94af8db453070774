/** Path-segment shapes shared by the detectors. Anchored, so extra segments or look-alikes never match. */
export const uuidPattern = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
export const numericIdPattern = '[0-9]+';

/** Matches `pattern` against the whole pathname, allowing one optional trailing slash. */
export function matchPath(url: URL, pattern: string): RegExpMatchArray | null {
  return url.pathname.match(new RegExp(`^${pattern}/?$`));
}

/** The URL without query and fragment: identifiers only come from the path. */
export function pageUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}
