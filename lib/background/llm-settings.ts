import type { LlmStatus } from '@/lib/messaging/protocol';
import { deleteSecret, maskSecret, readSecret, writeSecret } from '@/lib/storage/secrets';
import { loadSettings, settingsItem } from '@/lib/storage/settings';

export async function llmStatus(): Promise<LlmStatus> {
  const [{ llm }, key] = await Promise.all([loadSettings(), readSecret('llm')]);
  return {
    configured: llm !== undefined,
    enabled: llm?.enabled ?? false,
    ...(llm ? { baseUrl: llm.baseUrl, model: llm.model } : {}),
    ...(key ? { keyHint: maskSecret(key) } : {}),
  };
}

/** Saves the endpoint; the options page has already asked the browser for access to its origin. */
export async function saveLlm(input: {
  baseUrl: string;
  model: string;
  enabled: boolean;
  apiKey?: string;
}): Promise<LlmStatus> {
  if (input.apiKey) await writeSecret('llm', input.apiKey);
  const settings = await loadSettings();
  await settingsItem.setValue({
    ...settings,
    llm: { baseUrl: input.baseUrl.replace(/\/+$/, ''), model: input.model, enabled: input.enabled },
  });
  return llmStatus();
}

export async function disconnectLlm(): Promise<LlmStatus> {
  await deleteSecret('llm');
  const { llm: _removed, ...settings } = await loadSettings();
  await settingsItem.setValue(settings);
  return llmStatus();
}
