import type { PortalSessionToken } from '../contracts/actions';
import type { Deps, WechatCaller } from '../ports';
import type { WebSessionDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { isoNow } from '../kernel/time';

/**
 * The portal's web session: a short-lived bearer token (README, "Session on the web") bound to a session
 * document. The token alone proves nothing once the session is ended (logout) or past its end; renewal
 * mints a new token for the same session, never past `ends_at`.
 */
export const TOKEN_TTL_SECONDS = 2 * 3600;
export const SESSION_MAX_MS = 24 * 3600_000;
const TOKEN_TYPE = 'oa';

interface Verified {
  session: WebSessionDoc;
  caller: WechatCaller;
}

function callerOf(s: WebSessionDoc): WechatCaller {
  return { appid: s.appid, openid: s.openid, ...(s.unionid ? { unionid: s.unionid } : {}) };
}

function mint(deps: Deps, s: WebSessionDoc): PortalSessionToken {
  const ttl = Math.max(1, Math.min(TOKEN_TTL_SECONDS, Math.floor((s.ends_at - deps.clock.now()) / 1000)));
  const token = deps.crypto.signToken({ typ: TOKEN_TYPE, sid: s._id }, ttl);
  return { token, expiresAt: new Date(deps.clock.now() + ttl * 1000).toISOString() };
}

/** Opens a session for the identity an OAuth code proved; the answer is its first token. */
export async function openPortalSession(deps: Deps, caller: WechatCaller, userId: string | undefined): Promise<PortalSessionToken> {
  const session: WebSessionDoc = {
    _id: deps.crypto.randomId('ws'),
    appid: caller.appid,
    openid: caller.openid,
    ...(caller.unionid ? { unionid: caller.unionid } : {}),
    ...(userId ? { user_id: userId } : {}),
    created_at: isoNow(deps.clock),
    ends_at: deps.clock.now() + SESSION_MAX_MS,
  };
  await deps.store.insert('web_sessions', session);
  return mint(deps, session);
}

async function verify(deps: Deps, token: string | undefined): Promise<Verified | null> {
  if (!token) return null;
  const payload = deps.crypto.verifyToken(token);
  if (!payload || payload['typ'] !== TOKEN_TYPE || typeof payload['sid'] !== 'string') return null;
  const session = await deps.store.get<WebSessionDoc>('web_sessions', payload['sid']);
  if (!session || session.ended_at || session.ends_at <= deps.clock.now()) return null;
  return { session, caller: callerOf(session) };
}

/**
 * The trusted caller a portal token stands for, or null: what the runtime hands the router, as the
 * invocation context does for the mini program. One store read (the session), so logout is immediate.
 */
export async function callerFromPortalToken(deps: Deps, token: string | undefined): Promise<WechatCaller | null> {
  return (await verify(deps, token))?.caller ?? null;
}

/** `auth.renewSession`: a new token for a live session. */
export async function renewPortalSession(deps: Deps, token: string | undefined): Promise<PortalSessionToken> {
  const v = await verify(deps, token);
  if (!v) throw new AppError('auth/unauthenticated');
  return mint(deps, v.session);
}

/** `auth.logout`: the session ends now; every token it issued stops working. */
export async function endPortalSession(deps: Deps, token: string | undefined): Promise<{ ended: boolean }> {
  const v = await verify(deps, token);
  if (!v) throw new AppError('auth/unauthenticated');
  const n = await deps.store.update('web_sessions', v.session._id, { set: { ended_at: isoNow(deps.clock) } });
  return { ended: n === 1 };
}
