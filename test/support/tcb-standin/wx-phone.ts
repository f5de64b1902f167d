/**
 * WeChat's phone-number service as CloudBase's admin API relays it, for the tcb stand-in
 * (`startTcbStandin({actions: phone.actions})`).
 *
 * Request (node-sdk `callWxOpenApi`): `{action: "wx.api", apiName, requestData: "<JSON>", wxCloudApiToken, …}`.
 * Answer: `{data: {responseData: "<JSON>"}}` with WeChat's getuserphonenumber body:
 *   {errcode: 0, errmsg: "ok", phone_info: {phoneNumber, purePhoneNumber, countryCode, watermark: {timestamp, appid}}}
 *   {errcode: 40029, errmsg: "invalid code"} for an unknown, used or expired code, or one issued to another
 *   user than the `openid` given.
 * CloudBase only relays open-API calls for a function invoked with a cloud-call token (WX_API_TOKEN);
 * without one the stand-in answers with an admin-API error, as a body with `code`.
 * A function may only call the open APIs its config.json declares (`permissions.openapi`); the token
 * tells CloudBase which function calls, and an undeclared API is answered with WeChat's
 *   {errcode: -604101, errmsg: "function has no permission to call this API"}
 * (`permissions`: token → the calling function's declared APIs).
 */
import { randomBytes } from 'node:crypto';
import { DbError } from './engine';

interface Issued {
  phone: string;
  appid: string;
  openid: string;
  until: number;
}

export interface WxPhoneCall {
  apiName: string;
  requestData: unknown;
  wxCloudApiToken: string;
}

export interface WxPhoneService {
  /** what the mini program's getPhoneNumber button would hand the client: a one-use code */
  issue(phone: string, to: { appid: string; openid: string }): string;
  readonly calls: WxPhoneCall[];
  actions: Record<string, (body: Record<string, unknown>) => Promise<Record<string, unknown>>>;
}

const CODE_TTL_MS = 5 * 60_000;

export const NO_PERMISSION = -604101;

export interface WxPhoneOptions {
  /** the open APIs declared by the function a cloud-call token belongs to; unset = no check */
  permissions?: (token: string) => readonly string[] | undefined;
}

export function wxPhoneService(opts: WxPhoneOptions = {}): WxPhoneService {
  const codes = new Map<string, Issued>();
  const calls: WxPhoneCall[] = [];
  const answer = (body: unknown) => ({ data: { responseData: JSON.stringify(body) } });

  return {
    calls,
    issue(phone, to) {
      const code = randomBytes(16).toString('hex');
      codes.set(code, { phone, ...to, until: Date.now() + CODE_TTL_MS });
      return code;
    },
    actions: {
      async 'wx.api'(b) {
        const token = typeof b['wxCloudApiToken'] === 'string' ? b['wxCloudApiToken'] : '';
        const apiName = typeof b['apiName'] === 'string' ? b['apiName'] : '';
        let requestData: unknown;
        try {
          requestData = typeof b['requestData'] === 'string' && b['requestData'] ? JSON.parse(b['requestData']) : undefined;
        } catch {
          throw new DbError('INVALID_PARAM', 'requestData must be JSON text');
        }
        calls.push({ apiName, requestData, wxCloudApiToken: token });
        if (!token) throw new DbError('PERMISSION_DENIED', 'open API calls need the cloud-call token of a mini program invocation');
        if (opts.permissions && !(opts.permissions(token) ?? []).includes(apiName)) return answer({ errcode: NO_PERMISSION, errmsg: 'function has no permission to call this API' });
        if (apiName !== 'phonenumber.getPhoneNumber') throw new DbError('INVALID_PARAM', `apiName ${apiName} is not served by the stand-in`);
        const req = (requestData ?? {}) as { code?: unknown; openid?: unknown };
        const issued = typeof req.code === 'string' ? codes.get(req.code) : undefined;
        if (typeof req.code === 'string') codes.delete(req.code); // one use, as WeChat's codes
        if (!issued || issued.until < Date.now() || (req.openid !== undefined && req.openid !== issued.openid)) {
          return answer({ errcode: 40029, errmsg: 'invalid code' });
        }
        return answer({
          errcode: 0,
          errmsg: 'ok',
          phone_info: {
            phoneNumber: issued.phone,
            purePhoneNumber: issued.phone,
            countryCode: 86,
            watermark: { timestamp: Math.floor(Date.now() / 1000), appid: issued.appid },
          },
        });
      },
    },
  };
}
