import type { TestRuntime } from './runtime';
import type { AdminDoc } from '../../cloudfunctions/core/kernel/docs';
import { adminIdFor } from '../../cloudfunctions/core/admin/admin-auth';
import { LICENCE_ID } from '../../cloudfunctions/core/licences/seats';

/** Helpers for suites that drive the `admin` function of a test runtime. */

export interface AdminClient {
  token: string;
  /** the whole response: status and envelope */
  call(action: string, data?: unknown): Promise<{ status: number; body: any }>;
  /** the data of a successful call; throws with the envelope otherwise */
  ok<T = any>(action: string, data?: unknown): Promise<T>;
}

export function adminClient(t: TestRuntime, token: string): AdminClient {
  const call = (action: string, data: unknown = {}) => t.call('admin', { action, data }, { token });
  return {
    token,
    call,
    async ok(action, data) {
      const r = await call(action, data);
      if (!r.body?.ok) throw new Error(`admin ${action} failed: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.data;
    },
  };
}

/** The seeded demo admin (`*`). */
export async function demoAdmin(t: TestRuntime): Promise<AdminClient> {
  return adminClient(t, await t.adminToken());
}

/** Another admin holding only `permissions`, signed in through `admin.login`. */
export async function limitedAdmin(t: TestRuntime, username: string, permissions: string[]): Promise<AdminClient> {
  const password = `pw-${username}-0123456789`;
  const doc: AdminDoc = {
    _id: adminIdFor(username),
    username,
    display_name: username,
    password_hash: await t.rt.deps.crypto.hashPassword(password),
    permissions,
    failed_attempts: 0,
    locked_until: 0,
  };
  await t.rt.deps.store.set('admins', doc);
  const r = await t.call('admin', { action: 'login', data: { username, password } });
  if (!r.body.ok) throw new Error(`login of ${username} failed: ${JSON.stringify(r.body)}`);
  return adminClient(t, r.body.data.token);
}

export async function seats(t: TestRuntime): Promise<{ total: number; used: number }> {
  const lic = (await t.rt.deps.store.get('licences', LICENCE_ID)) as unknown as { total: number; used: number };
  return { total: lic.total, used: lic.used };
}

/** Leaves exactly `free` seats free (the test's own arrangement, written directly). */
export async function setFreeSeats(t: TestRuntime, free: number): Promise<void> {
  const { used } = await seats(t);
  await t.rt.deps.store.update('licences', LICENCE_ID, { set: { total: used + free } });
}

/** Settings written directly (then the runtime's cache dropped), for suites that test something else. */
export async function setSettings(t: TestRuntime, set: Record<string, unknown>): Promise<void> {
  await t.rt.deps.store.update('settings', 'global', { set });
  t.rt.deps.cache.invalidate();
}

let counter = 0;
/** A unique 11-digit mainland mobile for a test Contact. */
export function freshMobile(): string {
  counter++;
  return `137${String((process.pid * 1000 + counter) % 1e8).padStart(8, '0')}`;
}

/** An Account with Contacts, written directly (not what is under test). */
export async function seedAccount(t: TestRuntime, id: string, name: string, contacts: Array<{ id: string; name: string; mobile1?: string }>): Promise<void> {
  const now = new Date().toISOString();
  await t.rt.deps.store.insert('accounts', { _id: id, name, record_type: 'customer', created_at: now });
  for (const c of contacts) {
    await t.rt.deps.store.insert('contacts', { _id: c.id, account_id: id, name: c.name, ...(c.mobile1 ? { mobile1: c.mobile1 } : {}), record_type: 'customer-contact', created_at: now });
  }
}
