/**
 * Tencent Cloud SMS behind the SmsSender port, through tencentcloud-sdk-nodejs-sms (SendSms, API
 * version 2021-01-11).
 *
 * What goes over the wire (tencentcloud-sdk-nodejs-common 4.1: abstract_client.js, http/http_connection.js,
 * sign.js): `POST https://sms.tencentcloudapi.com/` with a JSON body
 *   {PhoneNumberSet: ["+8613800000001"], SmsSdkAppId, SignName, TemplateId, TemplateParamSet: [code, minutes]}
 * and headers X-TC-Action: SendSms, X-TC-Version: 2021-01-11, X-TC-Region, X-TC-Timestamp, X-TC-Token
 * (temporary credentials only), Authorization: TC3-HMAC-SHA256 … (service "sms").
 * The answer is `{Response: {SendStatusSet: [{PhoneNumber, Code, Message, SerialNo, Fee}], RequestId}}` or
 * `{Response: {Error: {Code, Message}, RequestId}}`, which the SDK throws. A request can succeed while its
 * one message was refused (Code other than "Ok", e.g. a daily limit), so the status is checked too.
 */
import type { Agent } from 'node:http';
import { Client } from 'tencentcloud-sdk-nodejs-sms/tencentcloud/services/sms/v20210111/sms_client';
import type { SmsSender } from '../../core/ports';
import { tencentSmsConfigFromEnv, type TencentSmsConfig } from './tencent-config';

/** HTTP settings of the SDK; tests point it at a stand-in, production keeps the defaults (HTTPS). */
export interface SmsHttpProfile {
  protocol?: string;
  endpoint?: string;
  agent?: Agent;
  /** seconds */
  reqTimeout?: number;
}

/**
 * The message was not accepted. Carries Tencent's code and request id for the logs, never the phone
 * number or the code that was to be sent.
 */
export class SmsDeliveryError extends Error {
  constructor(
    readonly code: string,
    readonly requestId?: string,
  ) {
    super(`Tencent Cloud SMS refused the message: ${code}${requestId ? ` (request ${requestId})` : ''}`);
    this.name = 'SmsDeliveryError';
  }
}

/** E.164 as SendSms wants it; core hands over mainland numbers without a country code. */
export const e164 = (phone: string) => (phone.startsWith('+') ? phone : `+86${phone}`);

const fieldOf = (e: unknown, key: string): string | undefined => {
  const v = e && typeof e === 'object' ? (e as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' && v ? v : undefined;
};

export function tencentSmsSender(config: () => TencentSmsConfig = () => tencentSmsConfigFromEnv(process.env), http: SmsHttpProfile = {}): SmsSender {
  return {
    async sendCode(phone, code, minutes, purpose) {
      const cfg = config();
      const templateId = cfg.templates[purpose];
      if (!templateId) throw new Error(`no SMS template is configured for purpose ${purpose}`);
      const client = new Client({
        credential: cfg.credential,
        region: cfg.region,
        profile: { httpProfile: { reqTimeout: 10, ...http } },
      });
      let res: Awaited<ReturnType<Client['SendSms']>>;
      try {
        res = await client.SendSms({
          PhoneNumberSet: [e164(phone)],
          SmsSdkAppId: cfg.sdkAppId,
          SignName: cfg.signName,
          TemplateId: templateId,
          TemplateParamSet: [code, String(minutes)],
        });
      } catch (e) {
        // TencentCloudSDKHttpException: `code` from Response.Error (absent for network failures)
        throw new SmsDeliveryError(fieldOf(e, 'code') ?? 'RequestFailed', fieldOf(e, 'requestId'));
      }
      const status = res.SendStatusSet?.[0];
      if (status?.Code !== 'Ok') throw new SmsDeliveryError(status?.Code ?? 'NoSendStatus', res.RequestId);
    },
    async sendInvitation(phone, portalName, howToOpen) {
      const cfg = config();
      const templateId = cfg.templates['invitation'];
      if (!templateId) throw new Error('no SMS template is configured for invitations (TENCENT_SMS_TEMPLATE_INVITATION)');
      const client = new Client({ credential: cfg.credential, region: cfg.region, profile: { httpProfile: { reqTimeout: 10, ...http } } });
      let res: Awaited<ReturnType<Client['SendSms']>>;
      try {
        // template: {1} = portal name, {2} = how to open it
        res = await client.SendSms({ PhoneNumberSet: [e164(phone)], SmsSdkAppId: cfg.sdkAppId, SignName: cfg.signName, TemplateId: templateId, TemplateParamSet: [portalName, howToOpen] });
      } catch (e) {
        throw new SmsDeliveryError(fieldOf(e, 'code') ?? 'RequestFailed', fieldOf(e, 'requestId'));
      }
      const status = res.SendStatusSet?.[0];
      if (status?.Code !== 'Ok') throw new SmsDeliveryError(status?.Code ?? 'NoSendStatus', res.RequestId);
    },
  };
}
