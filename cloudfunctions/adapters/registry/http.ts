import type { CompanyRegistry, RegistryCompany, RegistryStatus } from '../../core/ports/registry';
import { AppError } from '../../core/kernel/app-error';

export interface HttpRegistryConfig {
  /** base URL, e.g. https://registry.example.com/v1 */
  baseUrl: string;
  /** sent as `Authorization: Bearer …` when set */
  apiKey?: string;
  timeoutMs: number;
}

/**
 * A registry reached over HTTP (a commercial 工商 data API behind a small gateway, or the local runtime's
 * `/api/dev/registry`): `GET {base}/companies?q=&limit=` → `{items: Company[]}`, `GET {base}/companies/{code}`
 * → `Company` or 404, where `Company` = `{name, creditCode, status}` and status is `active`/`revoked`/
 * `cancelled` or the registry's own words (存续, 在业, 吊销, 注销). Anything else is `registry/unavailable`.
 */
export function httpRegistry(config: HttpRegistryConfig, fetchFn: typeof fetch = fetch): CompanyRegistry {
  const base = config.baseUrl.replace(/\/+$/, '');
  async function get(path: string): Promise<{ status: number; body: unknown }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), config.timeoutMs);
    try {
      const res = await fetchFn(base + path, { headers: { accept: 'application/json', ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}) }, signal: controller.signal });
      const text = await res.text();
      return { status: res.status, body: res.status === 404 ? null : JSON.parse(text) };
    } catch {
      throw new AppError('registry/unavailable');
    } finally {
      clearTimeout(timer);
    }
  }
  return {
    async search(query, limit) {
      const r = await get(`/companies?q=${encodeURIComponent(query)}&limit=${limit}`);
      const items = r.status === 200 && r.body && typeof r.body === 'object' ? (r.body as { items?: unknown }).items : undefined;
      if (!Array.isArray(items)) throw new AppError('registry/unavailable');
      return items.map(companyOf).filter((c): c is RegistryCompany => c !== null).slice(0, limit);
    },
    async byCreditCode(code) {
      const r = await get(`/companies/${encodeURIComponent(code)}`);
      if (r.status === 404) return null;
      const c = r.status === 200 ? companyOf(r.body) : null;
      if (!c) throw new AppError('registry/unavailable');
      return c;
    },
  };
}

const STATUS: Record<string, RegistryStatus> = { active: 'active', 存续: 'active', 在业: 'active', 开业: 'active', revoked: 'revoked', 吊销: 'revoked', cancelled: 'cancelled', 注销: 'cancelled' };

function companyOf(v: unknown): RegistryCompany | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (typeof o['name'] !== 'string' || typeof o['creditCode'] !== 'string' || typeof o['status'] !== 'string') return null;
  const status = STATUS[o['status']];
  if (!status || !o['name'] || o['name'].length > 200) return null;
  const c: RegistryCompany = { name: o['name'], creditCode: o['creditCode'].toUpperCase(), status };
  if (typeof o['legalRepresentative'] === 'string') c.legalRepresentative = o['legalRepresentative'];
  if (typeof o['establishedOn'] === 'string') c.establishedOn = o['establishedOn'];
  return c;
}
