import { z } from 'zod';
import type { PageContext } from '@/lib/core/page-context';

/**
 * Who may send a message.
 * - `content`: our content script, in the top frame of a tab whose URL one of our detectors accepts.
 * - `extension-page`: our options page or popup.
 */
export type SenderKind = 'content' | 'extension-page';

/** One message: the zod schema of its payload, who may send it, and (as a type only) what it answers. */
export interface MessageSpec<Payload extends z.ZodType, Data> {
  payload: Payload;
  from: readonly SenderKind[];
  /** Never set: carries the result type for `send` and the handler map. */
  readonly data?: Data;
}

function message<Data>() {
  return <Payload extends z.ZodType>(payload: Payload, from: readonly SenderKind[]): MessageSpec<Payload, Data> => ({
    payload,
    from,
  });
}

export interface PingData {
  version: string;
  receivedAt: number;
  sender: SenderKind;
  /** The page the background recognised from the sender's URL (null for extension pages). */
  context: PageContext | null;
}

/**
 * The one map of message → payload → result. The content side imports only its types (`import type`),
 * so zod never reaches the small detector scripts; the background imports the schemas to validate.
 */
export const protocol = {
  /** The detector asks for the panel bundle on a page it recognised. */
  'panel.inject': message<{ injected: boolean }>()(z.object({}).strict(), ['content']),
  /** Round trip: is the background alive, and what does it make of the sender? */
  ping: message<PingData>()(z.object({ sentAt: z.number().finite() }).strict(), ['content', 'extension-page']),
  /** Content scripts cannot open the options page themselves. */
  'options.open': message<{ opened: true }>()(
    z.object({ section: z.enum(['ashby', 'lever', 'pinpoint', 'general']).optional() }).strict(),
    ['content', 'extension-page'],
  ),
} satisfies Record<string, MessageSpec<z.ZodType, unknown>>;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type PayloadOf<Type extends MessageType> = z.input<Protocol[Type]['payload']>;
export type ParsedPayloadOf<Type extends MessageType> = z.output<Protocol[Type]['payload']>;
export type DataOf<Type extends MessageType> = NonNullable<Protocol[Type]['data']>;

/** What travels through `runtime.sendMessage`. The channel tag keeps other extensions' traffic apart. */
export interface Envelope<Type extends MessageType = MessageType> {
  channel: 'sidecar';
  type: Type;
  payload: PayloadOf<Type>;
}
