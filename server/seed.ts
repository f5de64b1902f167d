import type { Deps, Doc } from '../cloudfunctions/core/ports';
import { StoreConflictError } from '../cloudfunctions/core/ports';
import { BUILTIN_ROLES, TERMINAL_USER_ROLE_ID } from '../cloudfunctions/core/access/builtin-roles';
import { defaultSettings, guestAccountDoc } from '../cloudfunctions/core/settings/settings';
import { GUEST_ACCOUNT_ID } from '../cloudfunctions/core/identity/bindings';
import { adminIdFor, setAdminPassword } from '../cloudfunctions/core/admin/admin-auth';
import { LICENCE_ID } from '../cloudfunctions/core/licences/seats';
import type { AdminDoc, LicenceDoc, RoleDoc } from '../cloudfunctions/core/kernel/docs';
import type { ServerConfig } from './config';
import { DEMO_ACCOUNTS, DEMO_ARTICLES, DEMO_CONTACTS } from './demo-data';
import { seedDemoRecords } from './demo-records';

/** Inserts unless a document with that id exists: seeding twice changes nothing. */
async function insertMissing(deps: Deps, coll: string, doc: Doc): Promise<boolean> {
  try {
    await deps.store.insert(coll, doc);
    return true;
  } catch (e) {
    if (e instanceof StoreConflictError) return false;
    throw e;
  }
}

/** Subscribe-message templates of the demo app (the WeChat stand-in accepts any well-formed id). */
const DEMO_MESSAGE_TEMPLATES = [
  { kind: 'registration.approved', template_id: 'tmplDemoRegistrationResult01' },
  { kind: 'registration.rejected', template_id: 'tmplDemoRegistrationResult01' },
  { kind: 'serviceRequest.updated', template_id: 'tmplDemoServiceRequest0001' },
];

/** What every installation needs: settings, built-in roles (repaired if edited), the seat counter, the admin. */
export async function seedEssentials(deps: Deps, config: ServerConfig): Promise<void> {
  const now = new Date(deps.clock.now()).toISOString();
  await insertMissing(deps, 'settings', defaultSettings(now));
  // guest data has a home of its own before anyone turns guests on
  await insertMissing(deps, 'accounts', guestAccountDoc(now));
  for (const role of BUILTIN_ROLES) {
    const current = await deps.store.get<RoleDoc>('roles', role._id);
    if (!current || (role.immutable && JSON.stringify(current.permissions) !== JSON.stringify(role.permissions))) await deps.store.set('roles', role);
  }
  await insertMissing(deps, 'licences', { _id: LICENCE_ID, total: 0, used: 0 } satisfies LicenceDoc);
  const adminId = adminIdFor(config.adminUser);
  const admin = await deps.store.get<AdminDoc>('admins', adminId);
  if (!admin) {
    const doc: AdminDoc = {
      _id: adminId,
      username: config.adminUser,
      display_name: '演示管理员',
      password_hash: await deps.crypto.hashPassword(config.adminPassword),
      permissions: ['*'],
      failed_attempts: 0,
      locked_until: 0,
    };
    await insertMissing(deps, 'admins', doc);
  } else if (!(await deps.crypto.verifyPassword(config.adminPassword, admin.password_hash))) {
    // The configured password is the source of truth for the seeded admin (locally and on every deploy);
    // like any new password it ends the sessions opened with the old one.
    await setAdminPassword(deps, adminId, config.adminPassword);
  }
}

export const DEMO_SEATS = 100;

/** Demo data, once: a marker document records that it ran, so a restart never duplicates it. */
export async function seedDemo(deps: Deps, config: ServerConfig): Promise<void> {
  // Data added after the first demo seed (members, devices, work orders) has its own marker.
  if (await deps.store.get('counters', 'demo-seed')) return seedDemoRecords(deps, config);
  const now = new Date(deps.clock.now()).toISOString();
  for (const a of DEMO_ACCOUNTS) await insertMissing(deps, 'accounts', { ...a, created_at: now });
  for (const c of DEMO_CONTACTS) await insertMissing(deps, 'contacts', { ...c, created_at: now });
  for (const a of DEMO_ARTICLES) await insertMissing(deps, 'articles', a);
  await insertMissing(deps, 'methods', {
    _id: 'mth_demo_auto',
    name: '微信一键开通',
    app_id: config.devAppId,
    enabled: true,
    mode: 'openid-auto',
    role_ids: [TERMINAL_USER_ROLE_ID],
    created_at: now,
  });
  await insertMissing(deps, 'methods', {
    _id: 'mth_demo_form',
    name: '企业注册',
    app_id: 'wxdemo0000000002',
    enabled: true,
    mode: 'form',
    role_ids: [TERMINAL_USER_ROLE_ID],
    // new Accounts go to the two sales reps in turn; similar names are offered for confirmation
    account: { owner_assignment: 'round-robin', owners: ['sales-wang', 'sales-li'], duplicate_check: 'fuzzy', new_account_rule: 'user-defined' },
    created_at: now,
  });
  // The settings, the seat grant and the marker land together: a runtime killed half way through
  // seeding re-runs it on restart without granting the demo seats twice.
  await deps.store.transaction(async (tx) => {
    if (await tx.get('counters', 'demo-seed')) return;
    await tx.update('settings', 'global', { set: { self_registration: { enabled: true }, guest: { enabled: true, account_id: GUEST_ACCOUNT_ID }, message_templates: DEMO_MESSAGE_TEMPLATES, updated_at: now } });
    await tx.update('licences', LICENCE_ID, { inc: { total: DEMO_SEATS } });
    await tx.insert('audit_log', { _id: deps.crypto.randomId('aud'), at: now, actor: 'system', action: 'licences.granted', target: LICENCE_ID, details: { seats: DEMO_SEATS, reason: 'demo seed' } });
    await tx.insert('counters', { _id: 'demo-seed', at: now });
  });
  await seedDemoRecords(deps, config);
  deps.cache.invalidate();
}
