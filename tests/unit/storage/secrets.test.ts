import { beforeEach, describe, expect, it } from 'vitest';
import { database } from '@/lib/storage/database';
import { deleteSecret, maskSecret, readSecret, writeSecret } from '@/lib/storage/secrets';

describe('secrets', () => {
  beforeEach(async () => {
    await database.secrets.clear();
  });

  it('stores a key per provider in IndexedDB, trimmed', async () => {
    await writeSecret('ashby', '  ashby-key-123  ');
    await writeSecret('lever', 'lever-key-456');
    expect(await readSecret('ashby')).toBe('ashby-key-123');
    expect(await readSecret('lever')).toBe('lever-key-456');
    expect(await readSecret('pinpoint')).toBeUndefined();
  });

  it('refuses to save an empty key rather than disconnecting silently', async () => {
    await writeSecret('ashby', 'kept');
    await expect(writeSecret('ashby', '   ')).rejects.toThrow('empty key');
    expect(await readSecret('ashby')).toBe('kept');
  });

  it('deletes a key on disconnect', async () => {
    await writeSecret('pinpoint', 'pp-key');
    await deleteSecret('pinpoint');
    expect(await readSecret('pinpoint')).toBeUndefined();
  });

  it('never shows more than the last four characters of a key', () => {
    expect(maskSecret('sk_live_abcdef123456')).toBe('••••3456');
    expect(maskSecret('short')).toBe('••••');
  });
});
