import { browser } from 'wxt/browser';

interface CacheEntry<T> {
  value: T;
  storedAt: number;
}

export interface ReadCache {
  /** The cached value if younger than `maxAgeMilliseconds`, else `load()`'s, which is then cached. */
  remember<T>(key: string, maxAgeMilliseconds: number, load: () => Promise<T>): Promise<T>;
  /** Drops every entry whose key starts with `prefix`. */
  invalidate(prefix: string): Promise<void>;
}

export interface StorageAreaLike {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

const keyPrefix = 'cache:';

/**
 * ATS reads, cached in `storage.session`: it outlives the service worker (which Chrome stops when idle), is gone when
 * the browser closes, and is not readable by content scripts. A revisit within minutes costs no API call.
 */
export function createReadCache(
  area: StorageAreaLike = browser.storage.session as unknown as StorageAreaLike,
  now: () => number = Date.now,
): ReadCache {
  return {
    async remember<T>(key: string, maxAgeMilliseconds: number, load: () => Promise<T>): Promise<T> {
      const storageKey = keyPrefix + key;
      const cached = (await area.get(storageKey))[storageKey] as CacheEntry<T> | undefined;
      if (cached && now() - cached.storedAt < maxAgeMilliseconds) return cached.value;
      const value = await load();
      await area.set({ [storageKey]: { value, storedAt: now() } satisfies CacheEntry<T> });
      return value;
    },
    async invalidate(prefix) {
      const everything = await area.get(null);
      const stale = Object.keys(everything).filter((key) => key.startsWith(keyPrefix + prefix));
      if (stale.length > 0) await area.remove(stale);
    },
  };
}

/** Cache keys, hierarchical like the panel's query keys, so one prefix drops a provider or a candidate. */
export const cacheKeys = {
  provider: (provider: string) => `${provider}:`,
  candidate: (provider: string, ids: Record<string, string | undefined>) =>
    `${provider}:candidate:${Object.entries(ids)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `${name}=${value}`)
      .sort()
      .join('&')}`,
  candidates: (provider: string) => `${provider}:candidate:`,
  /** Under the candidate prefix, so a posted note refreshes with the rest of the candidate. */
  notes: (provider: string, candidateId: string) => `${provider}:candidate:notes:${candidateId}`,
  stages: (provider: string, applicationId: string) => `${provider}:stages:${applicationId}`,
  users: (provider: string) => `${provider}:users`,
  jobs: (provider: string) => `${provider}:jobs`,
  /** Under the candidate prefix, so a submission refreshes "already submitted" with the rest of the candidate. */
  feedback: (provider: string, interviewId: string) => `${provider}:candidate:feedback:${interviewId}`,
};
