import { database, type SecretName } from './database';

/** API keys. Importable only from the background and the options page (lint zones enforce it). */
export async function readSecret(name: SecretName): Promise<string | undefined> {
  return (await database.secrets.get(name))?.value;
}

export async function writeSecret(name: SecretName, value: string): Promise<void> {
  const trimmed = value.trim();
  if (!trimmed) throw new Error('An empty key cannot be saved');
  await database.secrets.put({ name, value: trimmed, updatedAt: Date.now() });
}

export async function deleteSecret(name: SecretName): Promise<void> {
  await database.secrets.delete(name);
}

/** What the options page shows of a saved key: never the key itself. */
export function maskSecret(value: string): string {
  return value.length <= 8 ? '••••' : `••••${value.slice(-4)}`;
}
