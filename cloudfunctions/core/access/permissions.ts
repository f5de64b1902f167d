import type { ObjectName, Permission, PermissionAction, Scope } from '../contracts/domain';
import type { Deps } from '../ports';
import type { RoleDoc } from '../kernel/docs';

const SCOPE_RANK: Record<Scope, number> = { none: 0, public: 1, own: 2, account: 3, all: 4 };

/** The widest scope wins: a user's effective permissions are the union of their roles. */
export function widerScope(a: Scope, b: Scope): Scope {
  return SCOPE_RANK[a] >= SCOPE_RANK[b] ? a : b;
}

export function effectivePermissions(roles: RoleDoc[]): Permission[] {
  const best = new Map<string, Permission>();
  for (const role of roles) {
    for (const perm of role.permissions) {
      const key = `${perm.object}:${perm.action}`;
      const prev = best.get(key);
      best.set(key, prev ? { ...perm, scope: widerScope(prev.scope, perm.scope) } : { ...perm });
    }
  }
  return [...best.values()].filter((p) => p.scope !== 'none');
}

export function scopeFor(perms: Permission[], object: ObjectName, action: PermissionAction): Scope {
  return perms.find((p) => p.object === object && p.action === action)?.scope ?? 'none';
}

const ROLES_CACHE = 'roles';

/** Roles are few and read on every call: cached in-process, invalidated on local writes. */
export async function allRoles(deps: Deps): Promise<RoleDoc[]> {
  const cached = deps.cache.get<RoleDoc[]>(ROLES_CACHE);
  if (cached) return cached;
  const roles = await deps.store.find<RoleDoc>('roles', { limit: 1000, orderBy: [['_id', 'asc']] });
  deps.cache.set(ROLES_CACHE, roles);
  return roles;
}

export function invalidateRoles(deps: Deps): void {
  deps.cache.invalidate(ROLES_CACHE);
}

export async function rolesByIds(deps: Deps, ids: string[]): Promise<RoleDoc[]> {
  const all = await allRoles(deps);
  return all.filter((r) => ids.includes(r._id));
}
