import { toErrorData, type SidecarErrorData } from '@/lib/core/errors';
import type { Result } from '@/lib/core/result';
import { protocol, type DataOf, type MessageType, type ParsedPayloadOf } from '@/lib/messaging/protocol';
import { senderRefusedMessage } from '@/lib/messaging/sender-refusal';
import { checkSender, isAllowed, type CheckedSender, type ExtensionIdentity, type RawSender } from './sender-check';

/** One handler per message type: leaving one out of the map is a compile error. */
export type Handlers = {
  [Type in MessageType]: (payload: ParsedPayloadOf<Type>, sender: CheckedSender) => Promise<DataOf<Type>>;
};

export interface RouterOptions {
  handlers: Handlers;
  extension: ExtensionIdentity;
  /** Where refusals are recorded; never the payload itself, which may hold candidate data. */
  logRefusal?: (reason: string, type: string) => void;
}

/** Sidecar's own traffic carries `channel: 'sidecar'`. */
export function isEnvelope(message: unknown): message is { channel: 'sidecar' } {
  return typeof message === 'object' && message !== null && (message as { channel?: unknown }).channel === 'sidecar';
}

function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(protocol, type);
}

/**
 * Returns the answer for a Sidecar envelope, or `undefined` for traffic that is not ours (so other listeners may answer).
 * Every refusal is a typed error result; nothing refused reaches a handler.
 */
export function createRouter({ handlers, extension, logRefusal = () => {} }: RouterOptions) {
  const refuse = (type: string, reason: string, error: SidecarErrorData): Result<never> => {
    logRefusal(reason, type);
    return { ok: false, error };
  };

  return async function route(message: unknown, rawSender: RawSender): Promise<Result<unknown> | undefined> {
    if (!isEnvelope(message)) return undefined;
    const { type, payload } = message as { type?: unknown; payload?: unknown };
    const typeName = String(type);
    if (!isMessageType(type)) {
      return refuse(typeName, 'unknown message type', {
        kind: 'invalid-input',
        message: `Unknown message "${typeName}"`,
      });
    }
    const sender = checkSender(rawSender, extension);
    if ('refused' in sender) {
      return refuse(typeName, sender.refused, { kind: 'permission', message: senderRefusedMessage });
    }
    const spec = protocol[type];
    if (!isAllowed(sender, spec.from)) {
      return refuse(typeName, `not allowed from ${sender.kind}`, {
        kind: 'permission',
        message: `"${typeName}" is not available here`,
      });
    }
    const parsed = spec.payload.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : 'payload';
      return refuse(typeName, 'invalid payload', {
        kind: 'invalid-input',
        message: `Invalid "${typeName}" message: ${where}: ${issue?.message ?? 'invalid'}`,
      });
    }
    const handler = handlers[type] as (payload: unknown, sender: CheckedSender) => Promise<unknown>;
    try {
      return { ok: true, data: await handler(parsed.data, sender) };
    } catch (error) {
      return { ok: false, error: toErrorData(error) };
    }
  };
}
