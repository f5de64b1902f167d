import type { Crypto, WechatCaller } from '../../cloudfunctions/core/ports';
import type { OaStandIn } from '../../cloudfunctions/adapters/wechat/oa-standin';

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

/* ---- Official Account OAuth stand-in (issue 17): the authorize step WeChat's client plays ---- */

const OA_SCOPES = ['snsapi_base', 'snsapi_userinfo'] as const;
type OaScopeName = (typeof OA_SCOPES)[number];
const isOaScope = (v: unknown): v is OaScopeName => typeof v === 'string' && (OA_SCOPES as readonly string[]).includes(v);
const DEV_PERSON_COOKIE = 'hulian_dev_wechat_person';

/**
 * `POST /api/dev/wechat/oa-code {openid?, unionid?, appid?, scope?, nickname?}`: a one-use OAuth code for
 * that identity, as WeChat's authorize step would hand the portal (API.md).
 */
export function issueOaCode(
  standIn: OaStandIn,
  crypto: Crypto,
  input: Record<string, unknown>,
  defaultOaAppId: string,
): { code: string; appid: string; openid: string } | { error: string } {
  const appid = input['appid'] === undefined ? defaultOaAppId : input['appid'];
  const openid = input['openid'] === undefined ? `o${crypto.randomId('oa').replace(/[^A-Za-z0-9]/g, '').slice(-27)}` : input['openid'];
  const scope = input['scope'] === undefined ? 'snsapi_base' : input['scope'];
  const { unionid, nickname } = input;
  if (typeof appid !== 'string' || !standIn.appids().includes(appid)) return { error: 'appid' };
  if (typeof openid !== 'string' || !OPENID.test(openid)) return { error: 'openid' };
  if (unionid !== undefined && (typeof unionid !== 'string' || !OPENID.test(unionid))) return { error: 'unionid' };
  if (nickname !== undefined && (typeof nickname !== 'string' || nickname.length > 32)) return { error: 'nickname' };
  if (!isOaScope(scope)) return { error: 'scope' };
  const code = standIn.issueCode(appid, { openid, ...(typeof unionid === 'string' ? { unionid } : {}), ...(typeof nickname === 'string' ? { nickname } : {}) }, scope);
  return { code, appid, openid };
}

/** The person "logged in to WeChat" in this browser: their OpenID per app and one UnionID, as WeChat derives them. */
function devPerson(crypto: Crypto, cookieHeader: string | undefined): { person: string; fresh: boolean } {
  const m = new RegExp(`(?:^|;\\s*)${DEV_PERSON_COOKIE}=([A-Za-z0-9_-]{8,64})`).exec(cookieHeader ?? '');
  return m ? { person: m[1]!, fresh: false } : { person: crypto.randomId('p').replace(/[^A-Za-z0-9]/g, ''), fresh: true };
}

const derived = (crypto: Crypto, prefix: string, value: string) => `${prefix}${crypto.hmac(value).slice(0, 27)}`;

export type OaAuthorizeAnswer =
  | { status: 302; location: string; setCookie?: string }
  | { status: 200; html: string; setCookie?: string }
  | { status: 400; text: string };

/**
 * `GET /api/dev/wechat/oa-authorize?appid&redirect_uri&response_type=code&scope&state` — WeChat's
 * `connect/oauth2/authorize`. It refuses what WeChat refuses (unknown appid, a redirect_uri outside the
 * registered callback domain — here this runtime's own host —, a bad scope or response_type), redirects
 * silently under `snsapi_base`, and asks for consent under `snsapi_userinfo` (refusing keeps the code away).
 */
export function oaAuthorize(standIn: OaStandIn, crypto: Crypto, url: URL, host: string | undefined, cookieHeader: string | undefined): OaAuthorizeAnswer {
  const q = url.searchParams;
  const appid = q.get('appid') ?? '';
  const scope = q.get('scope');
  const state = q.get('state') ?? '';
  let redirect: URL;
  try {
    redirect = new URL(q.get('redirect_uri') ?? '');
  } catch {
    return { status: 400, text: 'redirect_uri 参数错误 (10003)' };
  }
  if (!standIn.appids().includes(appid)) return { status: 400, text: 'appid 参数错误 (10016)' };
  if (!host || redirect.host !== host || !/^https?:$/.test(redirect.protocol)) return { status: 400, text: 'redirect_uri 域名与后台配置不一致 (10003)' };
  if (q.get('response_type') !== 'code') return { status: 400, text: 'response_type 参数错误 (10004)' };
  if (!isOaScope(scope)) return { status: 400, text: 'scope 参数错误或没有 scope 权限 (10005)' };
  if (state.length > 128 || !/^[A-Za-z0-9_-]*$/.test(state)) return { status: 400, text: 'state 参数错误' };
  const { person, fresh } = devPerson(crypto, cookieHeader);
  const setCookie = fresh ? `${DEV_PERSON_COOKIE}=${person}; Path=/api/dev/wechat; HttpOnly; SameSite=Lax` : undefined;
  const back = (params: Record<string, string>) => {
    const to = new URL(redirect.toString());
    for (const [k, v] of Object.entries(params)) to.searchParams.set(k, v);
    return { status: 302 as const, location: to.toString(), ...(setCookie ? { setCookie } : {}) };
  };
  const consent = q.get('consent');
  if (scope === 'snsapi_userinfo' && consent !== 'allow') {
    if (consent === 'deny') return back({ state });
    const allow = new URL(url.toString());
    allow.searchParams.set('consent', 'allow');
    const deny = new URL(url.toString());
    deny.searchParams.set('consent', 'deny');
    const html = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>微信授权</title><p>该网页申请获得你的昵称、头像</p><p><a id="allow" href="${allow.pathname}${allow.search}">允许</a> <a id="deny" href="${deny.pathname}${deny.search}">拒绝</a></p>`;
    return { status: 200, html, ...(setCookie ? { setCookie } : {}) };
  }
  const openid = derived(crypto, 'o', `${appid}:${person}`);
  const unionid = derived(crypto, 'u', `union:${person}`);
  const code = standIn.issueCode(appid, { openid, unionid, nickname: `微信用户${person.slice(-4)}` }, scope);
  return back({ code, state });
}
