import type * as tcb from '@cloudbase/node-sdk';
import type { SmsSender, WechatApi } from '../../core/ports';
import { cloudbaseWechatApi } from '../wechat/cloudbase';

type App = ReturnType<typeof tcb.init>;

/**
 * Production SMS: Tencent Cloud SMS, configured by TENCENT_SMS_* variables (adapters/sms/tencent-config.ts).
 * The configuration is read when a message is sent, not at start: functions that never send (records,
 * admin) need none of it, and a missing variable fails that one send loudly instead of every call.
 * The SMS SDK itself is initialised on the first send too (a dynamic import): most invocations never
 * send, and every cold start would otherwise pay for it (`npm run bench functions`).
 */
export function productionSms(): SmsSender {
  let sender: Promise<SmsSender> | undefined;
  const load = () =>
    (sender ??= import('../sms/tencent').then(
      (m) => m.tencentSmsSender(),
      (e: unknown) => {
        sender = undefined; // a failed load is retried on the next send
        throw e;
      },
    ));
  return {
    async sendCode(phone, code, minutes, purpose) {
      return (await load()).sendCode(phone, code, minutes, purpose);
    },
    async sendInvitation(phone, portalName, howToOpen) {
      return (await load()).sendInvitation(phone, portalName, howToOpen);
    },
  };
}

/** Production WeChat open APIs: `callWxOpenApi` of the function's own CloudBase app. */
export function productionWechat(app: App): WechatApi {
  return cloudbaseWechatApi(app);
}
