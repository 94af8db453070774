import { defineSiteScript } from '@/lib/content/site-script';
import { detectLeverPage, leverMatches } from '@/lib/providers/lever/page';

export default defineSiteScript(leverMatches, detectLeverPage);
