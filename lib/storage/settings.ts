import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/**
 * Non-secret settings, in `storage.local`. Content scripts may read these; API keys never live here
 * (see secrets.ts, which keeps them in the extension origin's IndexedDB, out of content scripts' reach).
 */
export const llmSettingsSchema = z.object({
  /** OpenAI-compatible base URL, e.g. https://api.openai.com/v1 or http://localhost:11434/v1. */
  baseUrl: z.string().url(),
  model: z.string().min(1),
  /** Summaries use the LLM by default once it is set up and turned on. */
  enabled: z.boolean(),
});
export type LlmSettings = z.infer<typeof llmSettingsSchema>;

export const settingsSchema = z.object({
  /** The user's work email, resolved to their ATS user (Lever writes need `perform_as`). */
  userEmail: z.string().email().optional(),
  /** The user's own LLM endpoint; its key is a secret (secrets.ts, name 'llm'). */
  llm: llmSettingsSchema.optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: {}, version: 1 });

/** Reads settings, dropping what no longer validates instead of crashing on an old or hand-edited value. */
export async function loadSettings(): Promise<Settings> {
  const parsed = settingsSchema.safeParse(await settingsItem.getValue());
  return parsed.success ? parsed.data : {};
}
