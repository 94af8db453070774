import { defineSiteScript } from '@/lib/content/site-script';
import { detectLinkedinPage, linkedinMatches } from '@/lib/providers/linkedin/page';

export default defineSiteScript(linkedinMatches, detectLinkedinPage);
