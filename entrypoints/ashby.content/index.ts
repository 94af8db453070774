import { defineSiteScript } from '@/lib/content/site-script';
import { detectAshbyPage, ashbyMatches } from '@/lib/providers/ashby/page';

export default defineSiteScript(ashbyMatches, detectAshbyPage);
