import { browser } from 'wxt/browser';

/** The match pattern for one origin: `https://api.openai.com/*`. */
export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}

/**
 * Asks the browser for access to one origin only (the user's LLM endpoint). Call it first thing in the click that
 * saves the endpoint, before any await: browsers only show the prompt during the user gesture. (Already granted
 * origins resolve at once without a prompt.) Endpoints that send CORS headers work even if the user declines.
 */
export function requestOriginAccess(url: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(url)] }).catch(() => false);
}
