import { browser } from 'wxt/browser';
import { SidecarError } from '@/lib/core/errors';
import type { Result } from '@/lib/core/result';
import type { DataOf, Envelope, MessageType, PayloadOf } from './protocol';
import { senderRefusedMessage } from './sender-refusal';

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** Waits before asking again when the background has not caught up with an in-app navigation yet. */
const senderRetryDelays = [50, 150, 400];

/**
 * Sends one typed message to the background. Never throws: a dead or reloaded extension becomes an error result
 * the panel can show, instead of an unhandled rejection in the page.
 */
export async function send<Type extends MessageType>(
  type: Type,
  payload: PayloadOf<Type>,
): Promise<Result<DataOf<Type>>> {
  let result = await sendOnce(type, payload);
  for (const delay of senderRetryDelays) {
    if (result.ok || result.error.kind !== 'permission' || result.error.message !== senderRefusedMessage) break;
    await new Promise((resolve) => setTimeout(resolve, delay));
    result = await sendOnce(type, payload);
  }
  return result;
}

async function sendOnce<Type extends MessageType>(type: Type, payload: PayloadOf<Type>): Promise<Result<DataOf<Type>>> {
  const envelope: Envelope<Type> = { channel: 'sidecar', type, payload };
  try {
    const answer: unknown = await browser.runtime.sendMessage(envelope);
    if (isResult(answer)) return answer as Result<DataOf<Type>>;
    return { ok: false, error: { kind: 'internal', message: `No answer from Sidecar's background to "${type}"` } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: { kind: 'internal', message: `Sidecar's background is unreachable (${message}). Reload the page.` },
    };
  }
}

/** For TanStack Query: unwraps a result, throwing its error data so `error` holds kind and message. */
export async function sendOrThrow<Type extends MessageType>(
  type: Type,
  payload: PayloadOf<Type>,
): Promise<DataOf<Type>> {
  const result = await send(type, payload);
  if (result.ok) return result.data;
  throw new SidecarError(result.error);
}
