import type { PageContext, Site } from '@/lib/core/page-context';
import type { SitePage } from './contracts';
import { ashbyMatches, detectAshbyPage } from './ashby/page';
import { detectLeverPage, leverMatches } from './lever/page';
import { detectLinkedinPage, linkedinMatches } from './linkedin/page';
import { detectPinpointPage, pinpointMatches } from './pinpoint/page';

/** Content-side registry: one entry per site. Adding a site means adding it here and a content script. */
export const sitePages: Record<Site, SitePage> = {
  ashby: { site: 'ashby', matches: ashbyMatches, detect: detectAshbyPage },
  lever: { site: 'lever', matches: leverMatches, detect: detectLeverPage },
  pinpoint: { site: 'pinpoint', matches: pinpointMatches, detect: detectPinpointPage },
  linkedin: { site: 'linkedin', matches: linkedinMatches, detect: detectLinkedinPage },
};

/** The context of any URL Sidecar recognises, or null. Used by the background to check who is talking to it. */
export function detectAnyPage(rawUrl: string | undefined): PageContext | null {
  if (!rawUrl) return null;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  for (const page of Object.values(sitePages)) {
    const context = page.detect(url);
    if (context) return context;
  }
  return null;
}
