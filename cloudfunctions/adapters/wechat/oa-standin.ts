import { createHash, randomBytes } from 'node:crypto';
import type { WechatHttp, WechatHttpRequest } from './oa-http';

/** An Official Account the stand-in knows, with the secret its server must present. */
export interface OaStandInApp {
  appid: string;
  secret: string;
}

export type OaScope = 'snsapi_base' | 'snsapi_userinfo';

/** Who is authorising: the person WeChat has logged in on this phone, as seen by one app. */
export interface OaPerson {
  openid: string;
  unionid?: string;
  nickname?: string;
}

interface IssuedCode extends OaPerson {
  appid: string;
  scope: OaScope;
  until: number;
  used: boolean;
}

interface Expiring<T> {
  value: T;
  until: number;
}

/** WeChat answers HTTP 200 with `{errcode, errmsg}` for refusals; these are the ones it uses here. */
const ERR = {
  invalidCredential: { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' },
  invalidGrantType: { errcode: 40002, errmsg: 'invalid grant_type' },
  invalidAppid: { errcode: 40013, errmsg: 'invalid appid' },
  invalidCode: { errcode: 40029, errmsg: 'invalid code' },
  invalidSecret: { errcode: 40125, errmsg: 'invalid appsecret' },
  codeUsed: { errcode: 40163, errmsg: 'code been used' },
  tokenExpired: { errcode: 42001, errmsg: 'access_token expired' },
  unauthorized: { errcode: 48001, errmsg: 'api unauthorized' },
  invalidOpenid: { errcode: 40003, errmsg: 'invalid openid' },
} as const;

const TOKEN_SECONDS = 7200;
const OPENID = /^[A-Za-z0-9_-]{6,64}$/;

/**
 * Plays WeChat's Official Account servers locally, speaking their protocol: the OAuth2 authorize step
 * (a one-use code, valid 5 minutes, for one app), `sns/oauth2/access_token` (40029 for a made-up,
 * expired or other app's code, 40163 for a spent one; `unionid` only under `snsapi_userinfo`),
 * `sns/userinfo`, `cgi-bin/stable_token` and `cgi-bin/ticket/getticket`. The production adapter talks
 * to it through `http`, exactly as it talks to api.weixin.qq.com.
 */
export function oaStandIn(opts: { apps: OaStandInApp[]; now?: () => number; codeTtlMs?: number }) {
  const now = opts.now ?? Date.now;
  const codeTtlMs = opts.codeTtlMs ?? 5 * 60_000;
  const apps = new Map(opts.apps.map((a) => [a.appid, a.secret]));
  const codes = new Map<string, IssuedCode>();
  const snsTokens = new Map<string, Expiring<IssuedCode>>();
  const appTokens = new Map<string, Expiring<string>>();
  const tickets = new Map<string, Expiring<string>>();
  const counts = { accessTokens: 0, tickets: 0, exchanges: 0 };
  const token = (bytes = 24) => randomBytes(bytes).toString('base64url');

  function sweep(): void {
    const t = now();
    for (const [k, v] of codes) if (v.until + codeTtlMs < t) codes.delete(k);
    for (const [k, v] of snsTokens) if (v.until < t) snsTokens.delete(k);
  }

  /** The authorize step: what WeChat does when the person opens the authorize URL. */
  function issueCode(appid: string, person: OaPerson, scope: OaScope = 'snsapi_base'): string {
    if (!apps.has(appid)) throw new Error(`the stand-in knows no Official Account ${appid}`);
    if (!OPENID.test(person.openid) || (person.unionid !== undefined && !OPENID.test(person.unionid))) throw new Error('openid/unionid malformed');
    sweep();
    const code = token(24);
    codes.set(code, { ...person, appid, scope, until: now() + codeTtlMs, used: false });
    return code;
  }

  function exchange(q: URLSearchParams): object {
    counts.exchanges++;
    const appid = q.get('appid') ?? '';
    const secret = apps.get(appid);
    if (secret === undefined) return ERR.invalidAppid;
    if (q.get('secret') !== secret) return ERR.invalidSecret;
    if (q.get('grant_type') !== 'authorization_code') return ERR.invalidGrantType;
    const issued = codes.get(q.get('code') ?? '');
    if (!issued || issued.appid !== appid || issued.until < now()) return ERR.invalidCode;
    if (issued.used) return ERR.codeUsed;
    issued.used = true;
    const accessToken = token();
    snsTokens.set(accessToken, { value: issued, until: now() + TOKEN_SECONDS * 1000 });
    return {
      access_token: accessToken,
      expires_in: TOKEN_SECONDS,
      refresh_token: token(),
      openid: issued.openid,
      scope: issued.scope,
      ...(issued.scope === 'snsapi_userinfo' && issued.unionid ? { unionid: issued.unionid } : {}),
    };
  }

  function userinfo(q: URLSearchParams): object {
    const t = snsTokens.get(q.get('access_token') ?? '');
    if (!t || t.until < now()) return ERR.invalidCredential;
    if (t.value.openid !== q.get('openid')) return ERR.invalidOpenid;
    if (t.value.scope !== 'snsapi_userinfo') return ERR.unauthorized;
    const p = t.value;
    return { openid: p.openid, nickname: p.nickname ?? '微信用户', sex: 0, province: '', city: '', country: '', headimgurl: '', privilege: [], ...(p.unionid ? { unionid: p.unionid } : {}) };
  }

  /** `stable_token`: the same token until it expires, unless `force_refresh`. */
  function stableToken(body: unknown): object {
    const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    if (b['grant_type'] !== 'client_credential') return ERR.invalidGrantType;
    const appid = typeof b['appid'] === 'string' ? b['appid'] : '';
    const secret = apps.get(appid);
    if (secret === undefined) return ERR.invalidAppid;
    if (b['secret'] !== secret) return ERR.invalidSecret;
    const current = appTokens.get(appid);
    if (!current || current.until <= now() || b['force_refresh'] === true) {
      counts.accessTokens++;
      appTokens.set(appid, { value: token(), until: now() + TOKEN_SECONDS * 1000 });
    }
    const t = appTokens.get(appid)!;
    return { access_token: t.value, expires_in: Math.floor((t.until - now()) / 1000) };
  }

  function appOfToken(accessToken: string): string | { errcode: number; errmsg: string } {
    for (const [appid, t] of appTokens) {
      if (t.value !== accessToken) continue;
      return t.until > now() ? appid : ERR.tokenExpired;
    }
    return ERR.invalidCredential;
  }

  function getTicket(q: URLSearchParams): object {
    const appid = appOfToken(q.get('access_token') ?? '');
    if (typeof appid !== 'string') return appid;
    if (q.get('type') !== 'jsapi') return { errcode: 40097, errmsg: 'invalid args' };
    const current = tickets.get(appid);
    if (!current || current.until <= now()) {
      counts.tickets++;
      tickets.set(appid, { value: token(32), until: now() + TOKEN_SECONDS * 1000 });
    }
    const t = tickets.get(appid)!;
    return { errcode: 0, errmsg: 'ok', ticket: t.value, expires_in: Math.floor((t.until - now()) / 1000) };
  }

  /** The HTTP side: what api.weixin.qq.com answers to the same request. */
  const http: WechatHttp = async (req: WechatHttpRequest) => {
    const url = new URL(req.url);
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /sns/oauth2/access_token') return exchange(url.searchParams);
    if (route === 'GET /sns/userinfo') return userinfo(url.searchParams);
    if (route === 'POST /cgi-bin/stable_token') return stableToken(req.body);
    if (route === 'GET /cgi-bin/ticket/getticket') return getTicket(url.searchParams);
    return { errcode: 404, errmsg: `no such api ${route}` };
  };

  /**
   * What the WeChat client checks on `wx.config`: the signature is sha1 of
   * `jsapi_ticket=…&noncestr=…&timestamp=…&url=…` (the URL without its fragment) with the current ticket.
   */
  function verifyJssdkConfig(appid: string, c: { url: string; nonceStr: string; timestamp: number; signature: string }): boolean {
    const ticket = tickets.get(appid);
    if (!ticket || ticket.until <= now()) return false;
    const url = c.url.split('#')[0];
    const plain = `jsapi_ticket=${ticket.value}&noncestr=${c.nonceStr}&timestamp=${c.timestamp}&url=${url}`;
    return createHash('sha1').update(plain, 'utf8').digest('hex') === c.signature;
  }

  return {
    http,
    issueCode,
    verifyJssdkConfig,
    appids: () => [...apps.keys()],
    /** how often each credential was really minted (tests: caching works) */
    counts: () => ({ ...counts }),
    /** plays WeChat invalidating the app's access_token (another server fetched a new one with cgi-bin/token) */
    invalidateAccessToken(appid: string): void {
      appTokens.delete(appid);
    },
  };
}

export type OaStandIn = ReturnType<typeof oaStandIn>;
