import type { WechatCaller } from './identity';

export interface WechatPhoneNumber {
  /** with country code, e.g. +8613800000001 as WeChat returns it in phoneNumber */
  phoneNumber: string;
  /** without country code */
  purePhoneNumber: string;
  countryCode: string;
}

/**
 * One subscribe message (订阅消息) as `subscribeMessage.send` takes it: `data` maps the template's
 * keywords (thing1, phrase2, time3, …) to `{value}`; `page` is the mini program page it opens.
 */
export interface SubscribeMessage {
  appid: string;
  openid: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

/** WeChat open APIs core needs. The adapter checks `watermark.appid` against the caller's app. */
export interface WechatApi {
  /** exchanges a `getPhoneNumber` code for the verified phone number of `caller` */
  phoneNumberFromCode(code: string, caller: WechatCaller): Promise<WechatPhoneNumber>;
  /** sends a subscribe message; throws when WeChat refuses it (no consent left, bad template, …) */
  sendSubscribeMessage(message: SubscribeMessage): Promise<void>;
}
