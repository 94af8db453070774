import { SidecarError } from '@/lib/core/errors';
import { atsProviders, siteLabels, type AtsProvider } from '@/lib/core/page-context';
import type { KeyCheck } from '@/lib/core/types';
import type { ConnectionStatus } from '@/lib/messaging/protocol';
import { connectedClient, createClient } from '@/lib/providers/clients';
import { loadConnections, updateConnection, type Connection } from '@/lib/storage/connections';
import { deleteSecret, maskSecret, readSecret, writeSecret } from '@/lib/storage/secrets';
import { loadSettings, settingsItem } from '@/lib/storage/settings';
import type { Outbox } from './outbox';
import { cacheKeys, type ReadCache } from './read-cache';

/** Operations a provider's API lacks: static per provider, so read from a client that is never used to call. */
const unsupportedOf = (provider: AtsProvider) =>
  createClient(provider, { key: 'unused', subdomain: 'unused' }).unsupported;

function toStatus(provider: AtsProvider, connection: Connection | undefined, hasKey: boolean): ConnectionStatus {
  return {
    ...connection,
    provider,
    enabled: connection?.enabled ?? false,
    connected: hasKey && (connection?.enabled ?? false),
    unsupported: unsupportedOf(provider),
  };
}

export async function connectionStatuses(): Promise<ConnectionStatus[]> {
  const connections = await loadConnections();
  return Promise.all(
    atsProviders.map(async (provider) =>
      toStatus(provider, connections[provider], (await readSecret(provider)) !== undefined),
    ),
  );
}

export async function connectionStatus(provider: AtsProvider): Promise<ConnectionStatus> {
  const statuses = await connectionStatuses();
  return statuses.find((status) => status.provider === provider)!;
}

/** Tests the typed key, or the saved one when none is typed. Never stores anything. */
export async function testConnection(input: {
  provider: AtsProvider;
  key?: string;
  subdomain?: string;
}): Promise<KeyCheck> {
  const key = input.key ?? (await readSecret(input.provider));
  if (!key) {
    throw new SidecarError({ kind: 'invalid-input', provider: input.provider, message: 'Enter an API key first.' });
  }
  const subdomain = input.subdomain ?? (await loadConnections())[input.provider]?.subdomain;
  return createClient(input.provider, { key, subdomain }).verifyKey();
}

/**
 * Finds the user's own account in one ATS from their work email. Lever writes need it (`perform_as`), Ashby feedback
 * names its author with it. The outcome is saved on the connection, problem included.
 */
export async function resolveIdentity(
  provider: AtsProvider,
  email: string | undefined,
  cache: ReadCache,
): Promise<void> {
  if (!email) return;
  let identity: Connection['identity'];
  let identityProblem: string | undefined;
  try {
    const client = await connectedClient(provider);
    const users = await cache.remember(cacheKeys.users(provider), 5 * 60_000, () => client.listUsers());
    const user = users.find((candidate) => candidate.email?.toLowerCase() === email.toLowerCase());
    if (user) identity = { userId: user.id, name: user.name, email: user.email };
    else
      identityProblem = `No ${siteLabels[provider]} user has the email ${email}. Check the address, or ask an admin to add you.`;
  } catch (error) {
    identityProblem = `Could not look up your ${siteLabels[provider]} user: ${error instanceof Error ? error.message : String(error)}`;
  }
  await updateConnection(provider, (current) => (current ? { ...current, identity, identityProblem } : current));
}

export async function saveConnection(
  input: { provider: AtsProvider; enabled: boolean; key?: string; subdomain?: string },
  cache: ReadCache,
): Promise<ConnectionStatus> {
  const { provider } = input;
  if (provider === 'pinpoint' && !input.subdomain && !(await loadConnections()).pinpoint?.subdomain) {
    throw new SidecarError({
      kind: 'invalid-input',
      provider,
      message: 'Enter your Pinpoint subdomain (acme for acme.pinpointhq.com).',
    });
  }
  if (input.key) await writeSecret(provider, input.key);
  const key = input.key ?? (await readSecret(provider));
  await updateConnection(provider, (current) => ({
    ...current,
    enabled: input.enabled,
    ...(input.subdomain ? { subdomain: input.subdomain } : {}),
    ...(key ? { keyHint: maskSecret(key) } : {}),
  }));
  // A new key may belong to another account: nothing cached under the old one may show.
  if (input.key || input.subdomain) await cache.invalidate(cacheKeys.provider(provider));
  if (input.enabled && key) await resolveIdentity(provider, (await loadSettings()).userEmail, cache);
  return connectionStatus(provider);
}

export async function disconnect(provider: AtsProvider, cache: ReadCache, outbox: Outbox): Promise<ConnectionStatus> {
  await deleteSecret(provider);
  await updateConnection(provider, () => undefined);
  await cache.invalidate(cacheKeys.provider(provider));
  await outbox.forgetProvider(provider);
  return connectionStatus(provider);
}

export async function saveIdentity(email: string, cache: ReadCache): Promise<ConnectionStatus[]> {
  await settingsItem.setValue({ ...(await loadSettings()), userEmail: email });
  const statuses = await connectionStatuses();
  await Promise.all(
    statuses.filter((status) => status.connected).map((status) => resolveIdentity(status.provider, email, cache)),
  );
  return connectionStatuses();
}

export async function performAsFor(provider: AtsProvider): Promise<string | undefined> {
  return (await loadConnections())[provider]?.identity?.userId;
}
