import type { Deps } from '../ports';
import type { MethodDoc } from '../kernel/docs';

const cacheKey = (appid: string) => `method:${appid}`;

/** The enabled self-registration method that applies to this mini program, or null. Cached per app. */
export async function methodForApp(deps: Deps, appid: string): Promise<MethodDoc | null> {
  const cached = deps.cache.get<MethodDoc | null>(cacheKey(appid));
  if (cached !== undefined) return cached;
  const found = await deps.store.find<MethodDoc>('methods', { where: { app_id: appid, enabled: true }, orderBy: [['_id', 'asc']], limit: 1 });
  const method = found[0] ?? null;
  deps.cache.set(cacheKey(appid), method);
  return method;
}

export function invalidateMethods(deps: Deps): void {
  deps.cache.invalidate('method:');
}
