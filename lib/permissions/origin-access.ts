import { browser } from 'wxt/browser';

/** The match pattern for one origin: `https://api.openai.com/*`. */
export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}

/**
 * Asks the browser for access to one origin only (the user's LLM endpoint). Must run inside the click that saves
 * it: browsers only show the prompt for a user gesture. Endpoints that send CORS headers work even if declined.
 */
export async function requestOriginAccess(url: string): Promise<boolean> {
  const origins = [originPattern(url)];
  if (await browser.permissions.contains({ origins })) return true;
  try {
    return await browser.permissions.request({ origins });
  } catch {
    return false;
  }
}
