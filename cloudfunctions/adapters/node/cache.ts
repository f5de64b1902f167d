import type { Cache } from '../../core/ports';

/**
 * A small TTL cache. Locally every function runs in one process, so writes invalidate it at once; on
 * CloudBase each instance keeps its own copy for at most `ttlMs`.
 */
export function memoryCache(ttlMs: number, now: () => number = Date.now): Cache {
  const entries = new Map<string, { value: unknown; until: number }>();
  return {
    get<T>(key: string): T | undefined {
      const e = entries.get(key);
      if (!e) return undefined;
      if (e.until < now()) {
        entries.delete(key);
        return undefined;
      }
      return e.value as T;
    },
    set(key, value) {
      entries.set(key, { value, until: now() + ttlMs });
    },
    invalidate(prefix) {
      if (prefix === undefined) entries.clear();
      else for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
    },
  };
}
