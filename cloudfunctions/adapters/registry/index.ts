import type { CompanyRegistry } from '../../core/ports/registry';
import { httpRegistry } from './http';

export { httpRegistry, type HttpRegistryConfig } from './http';
export { sampleRegistry } from './local';

export { unconfiguredRegistry } from './unconfigured';

/**
 * `HULIAN_REGISTRY_URL` (+ `HULIAN_REGISTRY_KEY`, `HULIAN_REGISTRY_TIMEOUT_MS`): the HTTP provider;
 * `HULIAN_REGISTRY=sample`: the bundled synthetic sample; otherwise `fallback`.
 */
export function registryFromEnv(env: Record<string, string | undefined>, fallback: () => CompanyRegistry): CompanyRegistry {
  const url = env['HULIAN_REGISTRY_URL'];
  if (url) return httpRegistry({ baseUrl: url, apiKey: env['HULIAN_REGISTRY_KEY'] || undefined, timeoutMs: Number(env['HULIAN_REGISTRY_TIMEOUT_MS'] ?? 5000) || 5000 });
  if (env['HULIAN_REGISTRY'] === 'sample') {
    // required, not imported: in a function bundle the 230 KB sample is a lazy file (scripts/build/stubs.ts)
    const local = require('./local') as typeof import('./local');
    return local.sampleRegistry();
  }
  return fallback();
}
