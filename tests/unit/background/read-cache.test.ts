import { describe, expect, it, vi } from 'vitest';
import { cacheKeys, createReadCache, type StorageAreaLike } from '@/lib/background/read-cache';

function memoryArea(): StorageAreaLike {
  const items = new Map<string, unknown>();
  return {
    get: async (key) => (key === null ? Object.fromEntries(items) : items.has(key) ? { [key]: items.get(key) } : {}),
    set: async (values) => {
      for (const [key, value] of Object.entries(values)) items.set(key, value);
    },
    remove: async (keys) => {
      for (const key of keys) items.delete(key);
    },
  };
}

describe('read cache', () => {
  it('serves a fresh value without calling the ATS again, and reloads a stale one', async () => {
    let now = 0;
    const cache = createReadCache(memoryArea(), () => now);
    const load = vi.fn(async () => ({ name: 'Priya' }));
    await cache.remember('k', 1000, load);
    now = 999;
    await expect(cache.remember('k', 1000, load)).resolves.toEqual({ name: 'Priya' });
    expect(load).toHaveBeenCalledTimes(1);
    now = 1000;
    await cache.remember('k', 1000, load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not cache a failed load', async () => {
    const cache = createReadCache(memoryArea());
    await expect(cache.remember('k', 1000, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await expect(cache.remember('k', 1000, async () => 'ok')).resolves.toBe('ok');
  });

  it('drops a provider or its candidates by key prefix, leaving the others', async () => {
    const cache = createReadCache(memoryArea());
    const load = vi.fn(async () => 1);
    await cache.remember(cacheKeys.candidate('lever', { candidateId: 'c1' }), 60_000, load);
    await cache.remember(cacheKeys.users('lever'), 60_000, load);
    await cache.remember(cacheKeys.candidate('ashby', { candidateId: 'c1' }), 60_000, load);
    await cache.invalidate(cacheKeys.candidates('lever'));
    await cache.remember(cacheKeys.candidate('lever', { candidateId: 'c1' }), 60_000, load);
    await cache.remember(cacheKeys.users('lever'), 60_000, load);
    await cache.remember(cacheKeys.candidate('ashby', { candidateId: 'c1' }), 60_000, load);
    expect(load).toHaveBeenCalledTimes(4);
  });

  it('keys candidates by their ids in a stable order', () => {
    expect(cacheKeys.candidate('pinpoint', { jobId: '1', applicationId: '2', candidateId: undefined })).toBe(
      'pinpoint:candidate:applicationId=2&jobId=1',
    );
  });
});
