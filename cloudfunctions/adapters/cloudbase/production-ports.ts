import type * as tcb from '@cloudbase/node-sdk';
import type { SmsSender, WechatApi } from '../../core/ports';

type App = ReturnType<typeof tcb.init>;

/**
 * Production SMS and WeChat ports. Placeholders until the deployment issue lands the Tencent Cloud SMS
 * adapter and the `callWxOpenApi` phone adapter: they refuse loudly rather than pretend.
 */
export function productionSms(): SmsSender {
  return {
    async sendCode() {
      throw new Error('the Tencent Cloud SMS adapter is not configured yet');
    },
  };
}

export function productionWechat(_app: App): WechatApi {
  return {
    async phoneNumberFromCode() {
      throw new Error('the WeChat phone-number adapter is not configured yet');
    },
  };
}
