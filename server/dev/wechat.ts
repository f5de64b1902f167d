import type { Crypto, WechatCaller } from '../../cloudfunctions/core/ports';

const OPENID = /^[A-Za-z0-9_-]{6,64}$/;
const APPID = /^wx[A-Za-z0-9]{6,30}$/;
export const SESSION_TTL_SECONDS = 30 * 24 * 3600;

/**
 * Stands in for the WeChat client and code2session: issues a signed session token for an identity.
 * The token is the only way the local runtime learns who is calling — as the invocation context is on
 * CloudBase. Nothing in a request body can change it.
 */
export function issueWechatSession(crypto: Crypto, input: { openid?: unknown; appid?: unknown; unionid?: unknown }, defaultAppId: string) {
  const openid = input.openid === undefined ? `o${crypto.randomId('dev').replace(/[^A-Za-z0-9]/g, '').slice(-27)}` : input.openid;
  const appid = input.appid === undefined ? defaultAppId : input.appid;
  if (typeof openid !== 'string' || !OPENID.test(openid)) return { error: 'openid' as const };
  if (typeof appid !== 'string' || !APPID.test(appid)) return { error: 'appid' as const };
  if (input.unionid !== undefined && (typeof input.unionid !== 'string' || !OPENID.test(input.unionid))) return { error: 'unionid' as const };
  const caller: WechatCaller = { appid, openid, ...(typeof input.unionid === 'string' ? { unionid: input.unionid } : {}) };
  const token = crypto.signToken({ typ: 'wx', ...caller }, SESSION_TTL_SECONDS);
  return { token, openid, appid };
}

/** The caller a dev session token stands for, or null (bad signature, expired, or not a WeChat token). */
export function callerFromToken(crypto: Crypto, token: string | undefined): WechatCaller | null {
  if (!token) return null;
  const p = crypto.verifyToken(token);
  if (!p || p['typ'] !== 'wx' || typeof p['openid'] !== 'string' || typeof p['appid'] !== 'string') return null;
  return { appid: p['appid'], openid: p['openid'], ...(typeof p['unionid'] === 'string' ? { unionid: p['unionid'] } : {}) };
}
