import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { atsProviders, type AtsProvider } from '@/lib/core/page-context';

/**
 * Non-secret connection facts per ATS (the key itself is in secrets.ts). Content scripts may read these, so nothing
 * here may help anyone call the ATS.
 */
export const connectionSchema = z.object({
  enabled: z.boolean(),
  /** Pinpoint's tenant: `acme` for acme.pinpointhq.com. */
  subdomain: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  /** Last four characters, for "Connected with ••••abcd". */
  keyHint: z.string().max(8).optional(),
  /** The user's own ATS account, resolved from their work email. */
  identity: z.object({ userId: z.string(), name: z.string(), email: z.string().optional() }).optional(),
  /** Why the work email did not resolve, in words. */
  identityProblem: z.string().optional(),
});
export type Connection = z.infer<typeof connectionSchema>;

const connectionsSchema = z.object(
  Object.fromEntries(atsProviders.map((provider) => [provider, connectionSchema.optional()])) as Record<
    AtsProvider,
    z.ZodOptional<typeof connectionSchema>
  >,
);
export type Connections = z.infer<typeof connectionsSchema>;

export const connectionsItem = storage.defineItem<Connections>('local:connections', { fallback: {}, version: 1 });

export async function loadConnections(): Promise<Connections> {
  const parsed = connectionsSchema.safeParse(await connectionsItem.getValue());
  return parsed.success ? parsed.data : {};
}

// All providers share one storage item: updates run one after another, or two concurrent read-modify-writes (the
// identity lookups run in parallel) would each drop the other's change.
let pendingUpdate: Promise<unknown> = Promise.resolve();

export function updateConnection(
  provider: AtsProvider,
  update: (current: Connection | undefined) => Connection | undefined,
): Promise<Connection | undefined> {
  const result = pendingUpdate.then(async () => {
    const connections = await loadConnections();
    const next = update(connections[provider]);
    await connectionsItem.setValue({ ...connections, [provider]: next });
    return next;
  });
  pendingUpdate = result.catch(() => undefined);
  return result;
}
