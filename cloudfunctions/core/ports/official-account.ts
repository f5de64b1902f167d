/** What WeChat's OAuth2 exchange tells about the person who authorised (`sns/oauth2/access_token`). */
export interface OaIdentity {
  appid: string;
  openid: string;
  /** only under `snsapi_userinfo` (as the stand-in plays WeChat), and only when the OA is on an open platform */
  unionid?: string;
  scope: 'snsapi_base' | 'snsapi_userinfo';
  /** the WeChat name, fetched from `sns/userinfo` when the scope allows it */
  nickname?: string;
}

/** A credential WeChat hands out with its lifetime (`access_token`, `jsapi_ticket`). */
export interface ExpiringValue {
  value: string;
  expiresInSeconds: number;
}

/**
 * The Official Account side of WeChat. The adapter holds the app secrets; nothing here returns one.
 * Refusals are AppErrors: a made-up, spent, expired or other-app code is `auth/oa-code-invalid`,
 * WeChat unreachable or answering a system error is `wechat/unavailable`.
 */
export interface OfficialAccountApi {
  /** the Official Accounts this deployment holds a secret for */
  appids(): string[];
  /** `sns/oauth2/access_token` (+ `sns/userinfo` under `snsapi_userinfo`) */
  exchangeCode(appid: string, code: string): Promise<OaIdentity>;
  /** a fresh app access_token (`cgi-bin/stable_token`); callers cache it (core/official-account/tokens.ts) */
  fetchAccessToken(appid: string): Promise<ExpiringValue>;
  /** a fresh `jsapi_ticket` (`cgi-bin/ticket/getticket`); `wechat/token-expired` when accessToken is no longer valid */
  fetchJsapiTicket(appid: string, accessToken: string): Promise<ExpiringValue>;
}

/** WeChat no longer accepts the access_token (errcode 40001/42001): the caller refreshes it once. */
export class WechatTokenExpiredError extends Error {
  constructor(readonly errcode: number) {
    super(`WeChat refused the access_token (errcode ${errcode})`);
    this.name = 'WechatTokenExpiredError';
  }
}
