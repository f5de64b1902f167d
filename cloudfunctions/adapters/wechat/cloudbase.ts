/**
 * WeChat's phone-number service behind the WechatApi port, through CloudBase's open-API bridge
 * (`app.callWxOpenApi` of @cloudbase/node-sdk 3.18).
 *
 * Wire format (node-sdk src/wx/index.ts, utils/tcbapirequester.ts): one `POST …/admin` with
 *   {action: "wx.api", apiName: "phonenumber.getPhoneNumber", requestData: "<JSON text>", wxCloudApiToken, envName, …}
 * where `wxCloudApiToken` is the cloud-call token CloudBase gives a function invoked from the mini program
 * (WX_API_TOKEN). The answer is `{requestId, data: {responseData: "<JSON text>"}}`, which the SDK parses
 * into `{result}`; a body with `code` is thrown (setThrowOnCode is left on).
 * `result` is WeChat's own answer to getuserphonenumber ("出入参和 HTTPS 调用相同"):
 *   {errcode, errmsg, phone_info: {phoneNumber, purePhoneNumber, countryCode, watermark: {timestamp, appid}}}
 * The camelCase spelling wx-server-sdk produces (errCode, phoneInfo) is accepted as well.
 */
import type { SubscribeMessage, WechatApi, WechatCaller, WechatPhoneNumber } from '../../core/ports';
import { AppError } from '../../core/kernel/app-error';

/** The part of `tcb.init(...)` this adapter uses. */
export interface WxOpenApiCaller {
  callWxOpenApi(options: { apiName: string; requestData: unknown }): Promise<unknown>;
}

export const PHONE_API = 'phonenumber.getPhoneNumber';
/** subscribeMessage.send: requestData {touser, template_id, page, data, miniprogram_state?, lang?}, answer {errcode, errmsg} */
export const SUBSCRIBE_API = 'subscribeMessage.send';

/** WeChat errcodes that mean "this code is not (or no longer) good for this user": the caller's fault. */
const BAD_CODE = new Set([40029, 40163, 40003, 41001]);

export class WechatApiError extends Error {
  constructor(
    readonly errcode: number | string,
    readonly requestId?: string,
    api: string = PHONE_API,
  ) {
    super(`WeChat ${api} failed: errcode ${errcode}${requestId ? ` (request ${requestId})` : ''}`);
    this.name = 'WechatApiError';
  }
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

export function cloudbaseWechatApi(app: WxOpenApiCaller): WechatApi {
  return {
    async phoneNumberFromCode(code: string, caller: WechatCaller): Promise<WechatPhoneNumber> {
      // The openid makes WeChat check that the code was issued to this very user.
      const answer = obj(await app.callWxOpenApi({ apiName: PHONE_API, requestData: { code, openid: caller.openid } }));
      const requestId = str(answer?.['requestId']) || undefined;
      const result = obj(answer?.['result']);
      if (!result) throw new WechatApiError('no-result', requestId);
      const errcode = Number(result['errcode'] ?? result['errCode'] ?? 0);
      if (errcode !== 0) {
        if (BAD_CODE.has(errcode)) throw new AppError('input/invalid', { field: 'phoneCode', reason: 'expired-or-unknown' });
        throw new WechatApiError(Number.isFinite(errcode) ? errcode : str(result['errcode'] ?? result['errCode']), requestId);
      }
      const info = obj(result['phone_info'] ?? result['phoneInfo']);
      const phoneNumber = str(info?.['phoneNumber']);
      const purePhoneNumber = str(info?.['purePhoneNumber']);
      if (!info || !phoneNumber || !purePhoneNumber) throw new WechatApiError('no-phone-info', requestId);
      // watermark.appid: a number WeChat verified for another mini program is not this caller's phone
      if (str(obj(info['watermark'])?.['appid']) !== caller.appid) throw new AppError('input/invalid', { field: 'phoneCode', reason: 'watermark' });
      return { phoneNumber, purePhoneNumber, countryCode: str(info['countryCode']) || '86' };
    },
    async sendSubscribeMessage(m: SubscribeMessage): Promise<void> {
      const answer = obj(await app.callWxOpenApi({ apiName: SUBSCRIBE_API, requestData: { touser: m.openid, template_id: m.templateId, page: m.page, data: m.data, lang: 'zh_CN' } }));
      const requestId = str(answer?.['requestId']) || undefined;
      const result = obj(answer?.['result']);
      if (!result) throw new WechatApiError('no-result', requestId, SUBSCRIBE_API);
      // 43101: the person has no consent left for this template; 47003: a value WeChat will not take
      const errcode = Number(result['errcode'] ?? result['errCode'] ?? 0);
      if (errcode !== 0) throw new WechatApiError(Number.isFinite(errcode) ? errcode : str(result['errcode'] ?? result['errCode']), requestId, SUBSCRIBE_API);
    },
  };
}
