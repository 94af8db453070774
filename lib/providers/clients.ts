import { SidecarError } from '@/lib/core/errors';
import { siteLabels, type AtsProvider } from '@/lib/core/page-context';
import { createRateLimiter, type RateLimiter } from '@/lib/http/rate-limiter';
import { loadConnections } from '@/lib/storage/connections';
import { readSecret } from '@/lib/storage/secrets';
import { ashbyRateRules, createAshbyClient } from './ashby/client';
import type { AtsClient, ClientDependencies } from './contracts';
import { createLeverClient, leverRateRules } from './lever/client';
import { createPinpointClient, pinpointRateRules } from './pinpoint/client';

/** Background-side registry. One limiter per provider, shared by every client, so all calls count against one limit. */
const limiters: Record<AtsProvider, RateLimiter> = {
  ashby: createRateLimiter(ashbyRateRules),
  lever: createRateLimiter(leverRateRules),
  pinpoint: createRateLimiter(pinpointRateRules),
};

export interface ConnectionInput {
  key: string;
  subdomain?: string;
}

export function createClient(
  provider: AtsProvider,
  connection: ConnectionInput,
  dependencies: ClientDependencies = {},
): AtsClient {
  const withLimiter = { limiter: limiters[provider], ...dependencies };
  switch (provider) {
    case 'ashby':
      return createAshbyClient({ key: connection.key }, withLimiter);
    case 'lever':
      return createLeverClient({ key: connection.key }, withLimiter);
    case 'pinpoint': {
      if (!connection.subdomain) {
        throw new SidecarError({
          kind: 'invalid-input',
          provider,
          message: 'Enter your Pinpoint subdomain (acme for acme.pinpointhq.com).',
        });
      }
      return createPinpointClient({ key: connection.key, subdomain: connection.subdomain }, withLimiter);
    }
  }
}

/** The client for a connected provider, or a `notConnected` auth error the panel turns into a link to Options. */
export async function connectedClient(provider: AtsProvider): Promise<AtsClient> {
  const [key, connections] = await Promise.all([readSecret(provider), loadConnections()]);
  const connection = connections[provider];
  if (!key || !connection?.enabled) {
    throw new SidecarError({
      kind: 'auth',
      provider,
      notConnected: true,
      message: `${siteLabels[provider]} is not connected. Add its API key in Sidecar Options.`,
    });
  }
  return createClient(provider, { key, subdomain: connection.subdomain });
}
