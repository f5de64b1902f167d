import type { Permission } from '../contracts/domain';
import type { Deps, WechatCaller } from '../ports';
import type { BindingDoc, SettingsDoc, UserDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { allRoles, effectivePermissions } from '../access/permissions';
import { ACCOUNT_ADMIN_ROLE_ID, GUEST_ROLE_ID } from '../access/builtin-roles';
import type { CallerKind } from '../access/table';
import { getSettings } from '../settings/settings';
import { GUEST_USER_ID } from './bindings';
import { identityDisabled, identityKeys } from './ledger';

export type PrincipalKind = 'member' | 'pending' | 'guest' | 'anonymous';

/** The caller as the server sees them: who, and what their roles allow. */
export interface Principal {
  kind: PrincipalKind;
  /** the access table's name for this caller (core/access/table.ts) */
  callerKind: CallerKind;
  caller: WechatCaller;
  user?: UserDoc;
  permissions: Permission[];
  settings: SettingsDoc;
  /** found through the UnionID only: this app has no binding of its own yet (login adds it) */
  viaUnionOnly?: boolean;
}

/**
 * The user bound to this WeChat identity, if any: one read of the bindings (this app's OpenID and, where
 * known, the UnionID — the same person in another app of the open platform), one of the user.
 */
export async function boundUser(deps: Deps, caller: WechatCaller): Promise<UserDoc | null> {
  return (await boundUserVia(deps, caller))?.user ?? null;
}

/** As `boundUser`, and whether the user was found through the UnionID only (this app not bound yet). */
export async function boundUserVia(deps: Deps, caller: WechatCaller): Promise<{ user: UserDoc; viaUnionOnly: boolean } | null> {
  const ids = identityKeys(caller);
  const bindings = ids.length > 1 ? await deps.store.getMany<BindingDoc>('ic_bindings', ids) : [await deps.store.get<BindingDoc>('ic_bindings', ids[0])];
  const own = bindings.find((b) => b?._id === ids[0]);
  const binding = own ?? bindings.find((b) => b?._id === ids[1]);
  if (!binding) return null;
  // bound to someone else now, but this identity belongs to a person an admin disabled (ledger.ts)
  if (binding['blocked_by']) throw new AppError('auth/disabled');
  const user = await deps.store.get<UserDoc>('ic_users', binding.user_id);
  return user ? { user, viaUnionOnly: !own } : null;
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

/** What the access table calls a caller with this user (a member without an Account is an `auto` user). */
export function callerKindOf(kind: PrincipalKind, user: UserDoc | undefined): CallerKind {
  if (kind === 'anonymous') return 'visitor';
  if (kind === 'guest' || kind === 'pending') return kind;
  if (!user?.account_id) return 'auto';
  return user.role_ids.includes(ACCOUNT_ADMIN_ROLE_ID) ? 'account-admin' : 'member';
}

export async function principalFromUser(deps: Deps, caller: WechatCaller, user: UserDoc, settings: SettingsDoc): Promise<Principal> {
  if (user.status === 'disabled') throw new AppError('auth/disabled');
  const kind: PrincipalKind = user.kind === 'guest' ? 'guest' : user.status === 'pending' ? 'pending' : 'member';
  return { kind, callerKind: callerKindOf(kind, user), caller, user, permissions: await permissionsOf(deps, user), settings };
}

/**
 * The access table's refusal of a caller kind a row does not list: people without a user of their own
 * are told what would get them in (register, or be activated); anyone else is denied.
 */
export function refuseCallerKind(principal: Principal, allowed: readonly CallerKind[]): void {
  if (allowed.includes(principal.callerKind)) return;
  if (principal.callerKind === 'visitor' || principal.callerKind === 'guest') {
    throw principal.settings.self_registration.enabled ? new AppError('registration/required') : new AppError('auth/not-activated');
  }
  throw new AppError('access/denied');
}

/**
 * Resolves the caller without side effects. A caller with no user is the shared Guest when guest
 * browsing is on, otherwise anonymous (no permissions at all).
 */
export async function resolvePrincipal(deps: Deps, caller: WechatCaller): Promise<Principal> {
  const [bound, settings] = await Promise.all([boundUserVia(deps, caller), getSettings(deps)]);
  if (bound) {
    const principal = await principalFromUser(deps, caller, bound.user, settings);
    return bound.viaUnionOnly ? { ...principal, viaUnionOnly: true } : principal;
  }
  // Recognised though unbound: a disabled person stays disabled whichever way they come back.
  if (await identityDisabled(deps, caller)) throw new AppError('auth/disabled');
  if (settings.guest.enabled) {
    const guest = await deps.store.get<UserDoc>('ic_users', GUEST_USER_ID);
    const roles = (await allRoles(deps)).filter((r) => r._id === GUEST_ROLE_ID);
    return { kind: 'guest', callerKind: 'guest', caller, user: guest ?? undefined, permissions: effectivePermissions(roles), settings };
  }
  return { kind: 'anonymous', callerKind: 'visitor', caller, permissions: [], settings };
}
