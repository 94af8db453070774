import { defineSiteScript } from '@/lib/content/site-script';
import { detectPinpointPage, pinpointMatches } from '@/lib/providers/pinpoint/page';

export default defineSiteScript(pinpointMatches, detectPinpointPage);
