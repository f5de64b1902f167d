import type { OfficialAccountApi } from '../../core/ports';
import { fetchWechatHttp, officialAccountApi, type OaAppSecret } from './oa-http';

/**
 * What the Official Account portal needs, by name. Values only ever come from the environment; the
 * deploy plan (issue 14's scripts/deploy) reads this declaration instead of restating it.
 */
export const OA_ENV = {
  /** the Official Account's AppID (服务号 → 设置与开发 → 基本配置) */
  appid: 'WECHAT_OA_APPID',
  /** its AppSecret: only the `auth` function holds it; it travels only to api.weixin.qq.com */
  secret: 'WECHAT_OA_SECRET',
  /** optional: another base URL for WeChat's API (a proxy with a fixed egress IP); default https://api.weixin.qq.com */
  apiBase: 'WECHAT_API_BASE',
  /** the portal's domain (the h5 build on static hosting behind a custom domain), e.g. portal.example.com */
  portalDomain: 'HULIAN_PORTAL_DOMAIN',
} as const;

/** Variables of the h5 build that is the Official Account portal (Taro forwards TARO_APP_*). */
export const OA_BUILD_ENV = {
  /** the same AppID as WECHAT_OA_APPID: the portal puts it in the authorize URL */
  appid: 'TARO_APP_OA_APPID',
  /** where the portal calls the functions, e.g. https://portal.example.com/portal (the HTTP routes below) */
  apiBase: 'TARO_APP_PORTAL_API',
} as const;

/**
 * The deploy plan's part for the Official Account: which function needs which variable, the HTTP routes
 * the portal calls (a portal token as `Authorization: Bearer`; CloudBase adds no WeChat identity to HTTP
 * calls), and what must be registered in the Official Account's own settings.
 */
export const OA_DEPLOY = {
  functionEnv: {
    auth: [OA_ENV.appid, OA_ENV.secret, OA_ENV.apiBase],
    // they verify portal tokens (HULIAN_SECRET, already theirs) and answer jssdk-free calls
    registration: [] as string[],
    records: [] as string[],
  },
  httpRoutes: [
    { path: '/portal/auth', function: 'auth' },
    { path: '/portal/registration', function: 'registration' },
    { path: '/portal/records', function: 'records' },
  ],
  /** set in the Official Account's admin (mp.weixin.qq.com), each to the value of HULIAN_PORTAL_DOMAIN */
  wechatSettings: [
    { setting: '网页授权域名 (OAuth2 callback domain)', value: OA_ENV.portalDomain },
    { setting: 'JS接口安全域名 (JS-SDK safe domain)', value: OA_ENV.portalDomain },
    // stable_token refuses callers outside the OA's IP whitelist (errcode 40164)
    { setting: 'IP白名单 (API IP whitelist): the functions\' fixed egress IP', value: 'CloudBase fixed egress IP' },
  ],
  /** the h5 build uploaded to static hosting as the portal */
  buildEnv: [OA_BUILD_ENV.appid, OA_BUILD_ENV.apiBase],
} as const;

/** The configured Official Account, or null when the variables are not set (then none is served). */
export function oaAppFromEnv(env: NodeJS.ProcessEnv): OaAppSecret | null {
  const appid = env[OA_ENV.appid]?.trim();
  const secret = env[OA_ENV.secret]?.trim();
  if (!appid || !secret) return null;
  if (!/^wx[A-Za-z0-9]{6,30}$/.test(appid)) throw new Error(`${OA_ENV.appid} is not an AppID`);
  return { appid, secret };
}

/** Production: WeChat's real endpoints with the secret from configuration (none configured: every code is refused). */
export function officialAccountFromEnv(env: NodeJS.ProcessEnv): OfficialAccountApi {
  const app = oaAppFromEnv(env);
  return officialAccountApi({ apps: app ? [app] : [], http: fetchWechatHttp(), baseUrl: env[OA_ENV.apiBase]?.trim() || undefined });
}
