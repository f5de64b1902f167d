import { adminPermissionsInUse } from '../access/table';
import type { AdminAccountView, AdminCreateIn, AdminPermission, AdminsListOut, AdminUpdateIn } from '../contracts/admin';
import type { Deps } from '../ports';
import { StoreConflictError } from '../ports';
import type { AdminDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { audit } from '../audit/audit';
import { adminActor, adminMay, requireAdmin } from './permissions';
import { adminIdFor, setAdminPassword } from './admin-auth';
import { endAllSessions } from './admin-sessions';

/**
 * Console admins, managed by a super admin (`*` or `admins.manage`). Nobody grants what they do not
 * hold, nobody manages an admin who holds more than they do, and the last admin able to manage admins
 * cannot be disabled or lose that power — so the console can never be left without one.
 */
// what may be granted is what some action of the access table needs: the console offers the same names
const GRANTABLE: readonly AdminPermission[] = adminPermissionsInUse();
const AREAS = new Set(GRANTABLE.map((p) => p.slice(0, p.indexOf('.'))));

export function accountView(a: AdminDoc): AdminAccountView {
  const view: AdminAccountView = { id: a._id, username: a.username, displayName: a.display_name, permissions: a.permissions, disabled: a.disabled === true };
  if (a.created_at) view.createdAt = a.created_at;
  if (a.updated_at) view.updatedAt = a.updated_at;
  if (a.last_login_at) view.lastLoginAt = a.last_login_at;
  return view;
}

/** `*`, a name of the vocabulary, or `area.*` for an area of it. */
export function isGrantable(p: string): boolean {
  if (p === '*' || (GRANTABLE as readonly string[]).includes(p)) return true;
  return p.endsWith('.*') && AREAS.has(p.slice(0, -2));
}

/** Whether `holder` holds `p` (a name, an area wildcard or `*`) entirely. */
function holds(holder: Pick<AdminDoc, 'permissions'>, p: string): boolean {
  if (holder.permissions.includes('*')) return true;
  if (p === '*') return false;
  if (p.endsWith('.*')) return holder.permissions.includes(p);
  return adminMay(holder, p as AdminPermission);
}

function requireGrantable(actor: AdminDoc, permissions: readonly string[]): void {
  for (const p of permissions) {
    if (!isGrantable(p)) throw new AppError('input/invalid', { field: 'permissions', reason: 'unknown-permission' });
    if (!holds(actor, p)) throw new AppError('access/denied', { permission: p });
  }
}

/** An admin holding more than the actor is out of the actor's reach. */
function requireReach(actor: AdminDoc, target: AdminDoc): void {
  const beyond = target.permissions.find((p) => !holds(actor, p));
  if (beyond) throw new AppError('access/denied', { permission: beyond });
}

const canManage = (a: Pick<AdminDoc, 'permissions' | 'disabled'>) => !a.disabled && adminMay(a, 'admins.manage');

async function allAdmins(deps: Deps): Promise<AdminDoc[]> {
  return deps.store.find<AdminDoc>('admins', { orderBy: [['username', 'asc']], limit: 1000 });
}

/**
 * Applies a change to `target` that may take away a manager. Refused at once when no other manager is
 * left; and since two super admins can take each other away at the same moment (each check sees the
 * other still there), the managers are counted again after the write, and the change undone if none is.
 */
async function keepingOneManager(deps: Deps, target: AdminDoc, after: Pick<AdminDoc, 'permissions' | 'disabled'>, apply: () => Promise<void>, undo: () => Promise<void>): Promise<void> {
  if (!canManage(target) || canManage(after)) return apply();
  const othersLeft = async () => (await allAdmins(deps)).some((a) => a._id !== target._id && canManage(a));
  if (!(await othersLeft())) throw new AppError('admins/last-super-admin');
  await apply();
  if ((await allAdmins(deps)).some(canManage)) return;
  await undo();
  throw new AppError('admins/last-super-admin');
}

async function targetOf(deps: Deps, actor: AdminDoc, id: string): Promise<AdminDoc> {
  const target = await deps.store.get<AdminDoc>('admins', id);
  if (!target) throw new AppError('admins/not-found');
  requireReach(actor, target);
  return target;
}

export async function listAdmins(deps: Deps, actor: AdminDoc): Promise<AdminsListOut> {
  requireAdmin(actor, 'admins.manage');
  return { items: (await allAdmins(deps)).map(accountView), permissions: [...GRANTABLE] };
}

export async function createAdmin(deps: Deps, actor: AdminDoc, input: AdminCreateIn): Promise<AdminAccountView> {
  requireAdmin(actor, 'admins.manage');
  requireGrantable(actor, input.permissions);
  const now = new Date(deps.clock.now()).toISOString();
  const doc: AdminDoc = {
    _id: adminIdFor(input.username),
    username: input.username.toLowerCase(),
    display_name: input.displayName,
    password_hash: await deps.crypto.hashPassword(input.password),
    permissions: [...new Set(input.permissions)],
    failed_attempts: 0,
    locked_until: 0,
    disabled: false,
    created_at: now,
    updated_at: now,
  };
  try {
    await deps.store.insert('admins', doc);
  } catch (e) {
    if (e instanceof StoreConflictError) throw new AppError('admins/username-taken');
    throw e;
  }
  await audit(deps, { actor: adminActor(actor), action: 'admins.create', target: doc._id, details: { permissions: doc.permissions } });
  return accountView(doc);
}

export async function updateAdmin(deps: Deps, actor: AdminDoc, input: AdminUpdateIn): Promise<AdminAccountView> {
  requireAdmin(actor, 'admins.manage');
  const target = await targetOf(deps, actor, input.id);
  const set: Record<string, unknown> = { updated_at: new Date(deps.clock.now()).toISOString() };
  if (input.displayName !== undefined) set['display_name'] = input.displayName;
  const permissions = input.permissions === undefined ? undefined : [...new Set(input.permissions)];
  if (permissions) {
    requireGrantable(actor, permissions);
    set['permissions'] = permissions;
  }
  await keepingOneManager(
    deps,
    target,
    { permissions: permissions ?? target.permissions, disabled: target.disabled },
    async () => void (await deps.store.update('admins', target._id, { set })),
    async () => void (await deps.store.update('admins', target._id, { set: { permissions: target.permissions } })),
  );
  // a new password set by someone else ends the admin's sessions: whoever had it no longer gets in
  if (input.password !== undefined) await setAdminPassword(deps, target._id, input.password);
  const details: Record<string, unknown> = { fields: Object.keys(input).filter((k) => k !== 'id' && k !== 'password') };
  if (input.password !== undefined) details['passwordReset'] = true;
  await audit(deps, { actor: adminActor(actor), action: 'admins.update', target: target._id, details });
  return accountView({ ...target, ...set } as AdminDoc);
}

/** Disabling ends every session of that admin at once; their tokens stop working on the next call. */
export async function disableAdmin(deps: Deps, actor: AdminDoc, id: string): Promise<AdminAccountView> {
  requireAdmin(actor, 'admins.manage');
  if (id === actor._id) throw new AppError('admins/self');
  const target = await targetOf(deps, actor, id);
  const updatedAt = new Date(deps.clock.now()).toISOString();
  await keepingOneManager(
    deps,
    target,
    { permissions: target.permissions, disabled: true },
    async () => void (await deps.store.update('admins', id, { set: { disabled: true, updated_at: updatedAt } })),
    async () => void (await deps.store.update('admins', id, { set: { disabled: false } })),
  );
  await endAllSessions(deps, id);
  await audit(deps, { actor: adminActor(actor), action: 'admins.disable', target: id });
  return accountView({ ...target, disabled: true, updated_at: updatedAt });
}

export async function enableAdmin(deps: Deps, actor: AdminDoc, id: string): Promise<AdminAccountView> {
  requireAdmin(actor, 'admins.manage');
  const target = await targetOf(deps, actor, id);
  const updatedAt = new Date(deps.clock.now()).toISOString();
  await deps.store.update('admins', id, { set: { disabled: false, updated_at: updatedAt } });
  await audit(deps, { actor: adminActor(actor), action: 'admins.enable', target: id });
  return accountView({ ...target, disabled: false, updated_at: updatedAt });
}
