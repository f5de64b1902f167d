import type { Permission, RoleView } from '../contracts/domain';
import type { Deps, StoreTx } from '../ports';
import { StoreConflictError, q } from '../ports';
import type { AdminDoc, RoleDoc, UserDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { isoNow } from '../kernel/time';
import { auditInTx } from '../audit/audit';
import { adminActor } from '../admin/permissions';
import { GUEST_USER_ID } from '../identity/bindings';
import { retryOnConflict } from '../identity/retry';
import { GUEST_ROLE_ID } from './builtin-roles';
import { checkPermissions } from './role-permissions';
import { invalidateRoles } from './permissions';

export function roleView(r: RoleDoc): RoleView {
  const v: RoleView = { id: r._id, name: r.name, builtin: r.builtin, immutable: r.immutable, permissions: r.permissions };
  if (r.name_en) v.nameEn = r.name_en;
  return v;
}

/** Straight from the store (not the per-process cache): the console must see the latest edit. */
export async function listRoles(deps: Deps): Promise<{ items: RoleView[] }> {
  const roles = await deps.store.find<RoleDoc>('roles', { limit: 1000, orderBy: [['builtin', 'desc'], ['_id', 'asc']] });
  return { items: roles.map(roleView) };
}

/** Role names are unique (admins pick roles by name); the unique index decides races. */
async function nameChecked<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (e instanceof StoreConflictError && e.key === 'name') throw new AppError('input/invalid', { field: 'name', reason: 'taken' });
    throw e;
  }
}

export interface RoleInput {
  name: string;
  nameEn?: string;
  permissions: Permission[];
}

export async function createRole(deps: Deps, admin: AdminDoc, input: RoleInput): Promise<RoleView> {
  const role: RoleDoc = { _id: deps.crypto.randomId('rol'), name: input.name, builtin: false, immutable: false, permissions: checkPermissions(input.permissions), created_at: isoNow(deps.clock) };
  if (input.nameEn) role.name_en = input.nameEn;
  await nameChecked(() =>
    deps.store.transaction(async (tx) => {
      await tx.insert('roles', role);
      await auditInTx(deps, tx, { actor: adminActor(admin), action: 'role.created', target: role._id, details: { name: role.name, permissions: role.permissions } });
    }),
  );
  invalidateRoles(deps);
  return roleView(role);
}

async function mutableRole(tx: StoreTx, id: string): Promise<RoleDoc> {
  const role = await tx.get<RoleDoc>('roles', id);
  if (!role) throw new AppError('roles/not-found', { id });
  if (role.immutable || role._id === GUEST_ROLE_ID) throw new AppError('roles/immutable', { id });
  return role;
}

export async function updateRole(deps: Deps, admin: AdminDoc, input: Partial<RoleInput> & { id: string }): Promise<RoleView> {
  const permissions = input.permissions ? checkPermissions(input.permissions) : undefined;
  const updated = await nameChecked(() =>
    retryOnConflict(() =>
      deps.store.transaction(async (tx) => {
        const role = await mutableRole(tx, input.id);
        const set: Record<string, unknown> = { updated_at: isoNow(deps.clock) };
        if (input.name !== undefined) set['name'] = input.name;
        if (input.nameEn !== undefined) set['name_en'] = input.nameEn;
        if (permissions) set['permissions'] = permissions;
        await tx.update('roles', role._id, { set });
        await auditInTx(deps, tx, { actor: adminActor(admin), action: 'role.updated', target: role._id, details: { before: role.permissions, ...set } });
        return { ...role, ...set } as RoleDoc;
      }),
    ),
  );
  invalidateRoles(deps);
  return roleView(updated);
}

/**
 * Deleting a role someone still holds is refused (`roles/in-use`, with how many): removing it from
 * every holder cannot be one transaction on CloudBase (single-document operations only), and silently
 * taking rights away from people is not what an admin deleting "an unused role" expects. Built-in roles
 * are part of every installation and are re-created at start, so they cannot be deleted either.
 */
export async function deleteRole(deps: Deps, admin: AdminDoc, id: string): Promise<{ id: string }> {
  const role = await deps.store.get<RoleDoc>('roles', id);
  if (!role) throw new AppError('roles/not-found', { id });
  if (role.immutable || role._id === GUEST_ROLE_ID) throw new AppError('roles/immutable', { id });
  if (role.builtin) throw new AppError('roles/builtin', { id });
  const [users, methods] = await Promise.all([
    deps.store.count('ic_users', { role_ids: q.has(id) }),
    deps.store.count('methods', { role_ids: q.has(id) }),
  ]);
  if (users > 0 || methods > 0) throw new AppError('roles/in-use', { id, users, methods });
  await deps.store.transaction(async (tx) => {
    await tx.remove('roles', id);
    await auditInTx(deps, tx, { actor: adminActor(admin), action: 'role.deleted', target: id, details: { name: role.name, permissions: role.permissions } });
  });
  invalidateRoles(deps);
  return { id };
}

/**
 * Replaces a user's roles. Every id must exist; the Guest role belongs to the Guest record alone, and
 * the Guest record's roles are fixed — both are `roles/immutable`.
 */
export async function setUserRoles(deps: Deps, admin: AdminDoc, userId: string, roleIds: string[]): Promise<{ userId: string; roleIds: string[] }> {
  const ids = [...new Set(roleIds)];
  if (userId === GUEST_USER_ID || ids.includes(GUEST_ROLE_ID)) throw new AppError('roles/immutable', { id: GUEST_ROLE_ID });
  const known = new Set((await deps.store.getMany<RoleDoc>('roles', ids)).map((r) => r._id));
  const missing = ids.find((id) => !known.has(id));
  if (missing) throw new AppError('roles/not-found', { id: missing });
  await retryOnConflict(() =>
    deps.store.transaction(async (tx) => {
      const user = await tx.get<UserDoc>('ic_users', userId);
      if (!user) throw new AppError('users/not-found', { userId });
      if (user.kind === 'guest') throw new AppError('roles/immutable', { id: GUEST_ROLE_ID });
      await tx.update('ic_users', userId, { set: { role_ids: ids, updated_at: isoNow(deps.clock) } });
      await auditInTx(deps, tx, { actor: adminActor(admin), action: 'user.roles-set', target: userId, details: { before: user.role_ids, after: ids } });
    }),
  );
  return { userId, roleIds: ids };
}
