import type { Permission } from '../contracts/domain';
import type { Deps, WechatCaller } from '../ports';
import type { BindingDoc, SettingsDoc, UserDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { allRoles, effectivePermissions } from '../access/permissions';
import { GUEST_ROLE_ID } from '../access/builtin-roles';
import { getSettings } from '../settings/settings';
import { GUEST_USER_ID, wechatBindingId } from './bindings';

export type PrincipalKind = 'member' | 'pending' | 'guest' | 'anonymous';

/** The caller as the server sees them: who, and what their roles allow. */
export interface Principal {
  kind: PrincipalKind;
  caller: WechatCaller;
  user?: UserDoc;
  permissions: Permission[];
  settings: SettingsDoc;
}

/** The user bound to this WeChat identity, if any: two store round trips (binding, user). */
export async function boundUser(deps: Deps, caller: WechatCaller): Promise<UserDoc | null> {
  const binding = await deps.store.get<BindingDoc>('ic_bindings', wechatBindingId(caller));
  if (!binding) return null;
  return deps.store.get<UserDoc>('ic_users', binding.user_id);
}

/** Pending users may only touch what they created themselves until an admin approves them. */
function capAtOwn(perms: Permission[]): Permission[] {
  return perms.map((p) => (p.scope === 'account' || p.scope === 'all' ? { ...p, scope: 'own' as const } : p));
}

export async function permissionsOf(deps: Deps, user: UserDoc): Promise<Permission[]> {
  const roles = (await allRoles(deps)).filter((r) => user.role_ids.includes(r._id));
  const perms = effectivePermissions(roles);
  return user.status === 'pending' ? capAtOwn(perms) : perms;
}

export async function principalFromUser(deps: Deps, caller: WechatCaller, user: UserDoc, settings: SettingsDoc): Promise<Principal> {
  if (user.status === 'disabled') throw new AppError('auth/disabled');
  const kind: PrincipalKind = user.kind === 'guest' ? 'guest' : user.status === 'pending' ? 'pending' : 'member';
  return { kind, caller, user, permissions: await permissionsOf(deps, user), settings };
}

/**
 * Resolves the caller without side effects. A caller with no user is the shared Guest when guest
 * browsing is on, otherwise anonymous (no permissions at all).
 */
export async function resolvePrincipal(deps: Deps, caller: WechatCaller): Promise<Principal> {
  const [user, settings] = await Promise.all([boundUser(deps, caller), getSettings(deps)]);
  if (user) return principalFromUser(deps, caller, user, settings);
  if (settings.guest.enabled) {
    const guest = await deps.store.get<UserDoc>('ic_users', GUEST_USER_ID);
    const roles = (await allRoles(deps)).filter((r) => r._id === GUEST_ROLE_ID);
    return { kind: 'guest', caller, user: guest ?? undefined, permissions: effectivePermissions(roles), settings };
  }
  return { kind: 'anonymous', caller, permissions: [], settings };
}
