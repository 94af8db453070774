import { SidecarError } from '@/lib/core/errors';
import type { AtsProvider } from '@/lib/core/page-context';
import type { AtsClient, AtsOperation } from './contracts';

/** Thrown by an operation the vendor's API does not offer; the message is the sentence the UI shows. */
export function unsupportedOperation(
  client: Pick<AtsClient, 'provider' | 'unsupported'>,
  operation: AtsOperation,
): never {
  throw new SidecarError({
    kind: 'invalid-input',
    provider: client.provider as AtsProvider,
    message: client.unsupported[operation] ?? `${operation} is not available for ${client.provider}`,
  });
}
