import type { PageContext, Site } from '@/lib/core/page-context';

/** A page-URL detector: pure, cheap, and safe to run on every navigation of a matched host. */
export type DetectPage = (url: URL) => PageContext | null;

/** Example URLs that document, and test, what a detector recognises. */
export interface DetectorExamples {
  /** Real URL shapes (from shared/reference) with the context the detector must read from them. */
  recognised: Array<{ url: string; expected: PageContext }>;
  /** Pages of the same host where Sidecar must stay out of the way. */
  ignored: string[];
}

/** The content-side face of a site (design.md: `SitePage`). Later issues add page readers and form fillers. */
export interface SitePage {
  site: Site;
  /** Match patterns for the site's content script: the whole app host, because these apps are SPAs. */
  matches: string[];
  detect: DetectPage;
}
