import type { Deps } from '../ports';
import type { AccountDoc, SettingsDoc } from '../kernel/docs';
import { GUEST_ACCOUNT_ID } from '../identity/bindings';

export const SETTINGS_ID = 'global';
/** one Terminal User seat: 1 yuan unless the admin sets a price */
export const DEFAULT_SEAT_PRICE_FEN = 100;

export function defaultSettings(now: string): SettingsDoc {
  return {
    _id: 'global',
    manual_activation: true,
    guest: { enabled: false, account_id: GUEST_ACCOUNT_ID },
    self_registration: { enabled: false },
    work_order: { account_required: false, contact_required: false },
    service_request: { account_required: false, contact_required: false },
    portal: { name: 'Hulian 服务门户', audience: '本门户面向本公司的客户及其员工。' },
    terms: { version: '2026-11-01', url: '', privacy_url: '' },
    seat_price_fen: DEFAULT_SEAT_PRICE_FEN,
    updated_at: now,
  };
}

const CACHE_KEY = 'settings';

/** Settings are read on most calls, so they are cached in-process and invalidated on local writes. */
export async function getSettings(deps: Deps): Promise<SettingsDoc> {
  const cached = deps.cache.get<SettingsDoc>(CACHE_KEY);
  if (cached) return cached;
  const stored = await deps.store.get<SettingsDoc>('settings', SETTINGS_ID);
  // A document written by an older version lacks newer top-level fields: those take their defaults.
  const doc = stored ? { ...defaultSettings(stored.updated_at), ...stored } : defaultSettings(new Date(deps.clock.now()).toISOString());
  deps.cache.set(CACHE_KEY, doc);
  return doc;
}

export function invalidateSettings(deps: Deps): void {
  deps.cache.invalidate(CACHE_KEY);
}

/**
 * The dedicated Guest Account (DESIGN §3 "Guest data is nobody's customer data"): created by
 * initialisation with no Contacts or members; `kind: 'guest'` keeps it out of activation and matching.
 */
export function guestAccountDoc(now: string): AccountDoc {
  return { _id: GUEST_ACCOUNT_ID, name: '访客（系统）', name_en: 'Guests (system)', kind: 'guest', record_type: 'guest', created_at: now };
}
