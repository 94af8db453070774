/**
 * The refusal a content script gets when the background does not (yet) recognise its page. Right after an in-app
 * navigation the browser may still report the previous URL, so `send` retries this one briefly.
 * Kept out of protocol.ts so the detector scripts never bundle zod.
 */
export const senderRefusedMessage = 'This page may not talk to Sidecar';
