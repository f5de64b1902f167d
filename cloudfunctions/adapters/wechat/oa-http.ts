import type { ExpiringValue, OaIdentity, OfficialAccountApi } from '../../core/ports';
import { WechatTokenExpiredError } from '../../core/ports';
import { AppError } from '../../core/kernel/app-error';

export interface WechatHttpRequest {
  method: 'GET' | 'POST';
  url: string;
  /** JSON body of a POST */
  body?: unknown;
}

/** One call to WeChat's API servers: the parsed JSON answer; throws when nothing usable came back. */
export type WechatHttp = (req: WechatHttpRequest) => Promise<unknown>;

export interface OaAppSecret {
  appid: string;
  secret: string;
}

export const WECHAT_API_BASE = 'https://api.weixin.qq.com';

/** errcodes of sns/oauth2/access_token that mean "this code proves nothing" (made up, expired, other app, spent) */
const CODE_REFUSALS = new Set([40029, 40163, 40013]);
/** errcodes meaning the access_token is no longer the valid one */
const TOKEN_REFUSALS = new Set([40001, 40014, 42001]);

type Json = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const errcodeOf = (j: Json): number => (typeof j['errcode'] === 'number' ? j['errcode'] : 0);

/** WeChat over HTTPS with the platform's fetch; a timeout or a non-JSON answer is `wechat/unavailable`. */
export function fetchWechatHttp(timeoutMs = 5000): WechatHttp {
  return async ({ method, url, body }) => {
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        signal: AbortSignal.timeout(timeoutMs),
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
    } catch {
      throw new AppError('wechat/unavailable');
    }
    try {
      return (await res.json()) as unknown;
    } catch {
      throw new AppError('wechat/unavailable');
    }
  };
}

/**
 * The Official Account port on WeChat's real endpoints (or anything that speaks them, such as the local
 * stand-in). The app secrets stay in here: they travel only to WeChat, never in an error or a log.
 */
export function officialAccountApi(opts: { apps: OaAppSecret[]; http: WechatHttp; baseUrl?: string }): OfficialAccountApi {
  const base = (opts.baseUrl ?? WECHAT_API_BASE).replace(/\/$/, '');
  const secrets = new Map(opts.apps.map((a) => [a.appid, a.secret]));

  async function ask(req: WechatHttpRequest): Promise<Json> {
    const j = await opts.http(req);
    if (!j || typeof j !== 'object' || Array.isArray(j)) throw new AppError('wechat/unavailable');
    return j as Json;
  }

  const secretOf = (appid: string): string | undefined => secrets.get(appid);

  return {
    appids: () => [...secrets.keys()],

    async exchangeCode(appid, code) {
      const secret = secretOf(appid);
      // a code for an app this deployment does not serve proves nothing here
      if (secret === undefined) throw new AppError('auth/oa-code-invalid', { reason: 'app' });
      const q = new URLSearchParams({ appid, secret, code, grant_type: 'authorization_code' });
      const j = await ask({ method: 'GET', url: `${base}/sns/oauth2/access_token?${q}` });
      const errcode = errcodeOf(j);
      if (CODE_REFUSALS.has(errcode)) throw new AppError('auth/oa-code-invalid', { reason: errcode === 40163 ? 'used' : 'invalid' });
      const openid = str(j['openid']);
      const accessToken = str(j['access_token']);
      if (errcode !== 0 || !openid || !accessToken) throw new AppError('wechat/unavailable');
      const scope = String(j['scope'] ?? '').split(',').includes('snsapi_userinfo') ? 'snsapi_userinfo' : 'snsapi_base';
      const identity: OaIdentity = { appid, openid, scope, ...(str(j['unionid']) ? { unionid: str(j['unionid']) } : {}) };
      if (scope !== 'snsapi_userinfo') return identity;
      const uq = new URLSearchParams({ access_token: accessToken, openid, lang: 'zh_CN' });
      const info = await ask({ method: 'GET', url: `${base}/sns/userinfo?${uq}` });
      if (errcodeOf(info) !== 0) return identity; // the login stands on the exchange; the name is a courtesy
      const unionid = identity.unionid ?? str(info['unionid']);
      const nickname = str(info['nickname']);
      return { ...identity, ...(unionid ? { unionid } : {}), ...(nickname ? { nickname: nickname.slice(0, 64) } : {}) };
    },

    async fetchAccessToken(appid): Promise<ExpiringValue> {
      const secret = secretOf(appid);
      if (secret === undefined) throw new AppError('wechat/unavailable', { reason: 'app' });
      // stable_token: several function instances asking at once do not invalidate each other's token
      const j = await ask({ method: 'POST', url: `${base}/cgi-bin/stable_token`, body: { grant_type: 'client_credential', appid, secret, force_refresh: false } });
      const value = str(j['access_token']);
      if (errcodeOf(j) !== 0 || !value) throw new AppError('wechat/unavailable');
      return { value, expiresInSeconds: typeof j['expires_in'] === 'number' ? j['expires_in'] : 7200 };
    },

    async fetchJsapiTicket(_appid, accessToken): Promise<ExpiringValue> {
      const q = new URLSearchParams({ access_token: accessToken, type: 'jsapi' });
      const j = await ask({ method: 'GET', url: `${base}/cgi-bin/ticket/getticket?${q}` });
      const errcode = errcodeOf(j);
      if (TOKEN_REFUSALS.has(errcode)) throw new WechatTokenExpiredError(errcode);
      const value = str(j['ticket']);
      if (errcode !== 0 || !value) throw new AppError('wechat/unavailable');
      return { value, expiresInSeconds: typeof j['expires_in'] === 'number' ? j['expires_in'] : 7200 };
    },
  };
}
