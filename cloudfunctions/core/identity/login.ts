import type { SessionView } from '../contracts/domain';
import type { Deps, WechatCaller } from '../ports';
import { AppError } from '../kernel/app-error';
import { methodForApp } from '../registration/methods';
import { bindAppByUnionId, ensureAutoUser } from './auto-user';
import { ensureGuestRecords } from './guest';
import { principalFromUser, resolvePrincipal } from './principal';
import { sessionView } from './session-view';

/**
 * Silent login on launch. A bound user is answered from two reads; under an `openid-auto` method a new
 * OpenID gets its enterprise and user created here; otherwise the caller is a guest or anonymous.
 */
export async function login(deps: Deps, caller: WechatCaller): Promise<SessionView> {
  const [principal, method] = await Promise.all([resolvePrincipal(deps, caller), methodForApp(deps, caller.appid)]);
  if (principal.kind !== 'anonymous' && principal.kind !== 'guest') {
    // Known by UnionID from another app of the open platform: this app gets its binding to the same user.
    if (principal.viaUnionOnly && principal.user) await bindAppByUnionId(deps, caller, principal.user);
    return sessionView(deps, principal, method);
  }
  if (principal.settings.self_registration.enabled && method?.mode === 'openid-auto') {
    const user = await ensureAutoUser(deps, caller, method);
    return sessionView(deps, await principalFromUser(deps, caller, user, principal.settings), method);
  }
  if (principal.kind === 'guest') return guestSession(deps, caller);
  return sessionView(deps, principal, method);
}

/** `me`: as login, without creating anything. */
export async function me(deps: Deps, caller: WechatCaller): Promise<SessionView> {
  const [principal, method] = await Promise.all([resolvePrincipal(deps, caller), methodForApp(deps, caller.appid)]);
  return sessionView(deps, principal, method);
}

export async function loginAsGuest(deps: Deps, caller: WechatCaller): Promise<SessionView> {
  const principal = await resolvePrincipal(deps, caller);
  if (!principal.settings.guest.enabled) throw new AppError('guest/disabled');
  return guestSession(deps, caller);
}

async function guestSession(deps: Deps, caller: WechatCaller): Promise<SessionView> {
  const [principal, method] = await Promise.all([resolvePrincipal(deps, caller), methodForApp(deps, caller.appid)]);
  const healthy = principal.user?.kind === 'guest' && principal.user.account_id === principal.settings.guest.account_id;
  const guest = healthy && principal.user ? principal.user : await ensureGuestRecords(deps);
  const asGuest = principal.kind === 'guest' ? { ...principal, user: guest } : principal;
  return sessionView(deps, asGuest, method);
}
