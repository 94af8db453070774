import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/**
 * Non-secret settings, in `storage.local`. Content scripts may read these; API keys never live here
 * (see secrets.ts, which keeps them in the extension origin's IndexedDB, out of content scripts' reach).
 */
export const settingsSchema = z.object({
  /** The user's work email, resolved to their ATS user (Lever writes need `perform_as`). */
  userEmail: z.string().email().optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: {}, version: 1 });

/** Reads settings, dropping what no longer validates instead of crashing on an old or hand-edited value. */
export async function loadSettings(): Promise<Settings> {
  const parsed = settingsSchema.safeParse(await settingsItem.getValue());
  return parsed.success ? parsed.data : {};
}
