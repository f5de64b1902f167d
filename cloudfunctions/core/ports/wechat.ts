import type { WechatCaller } from './identity';

export interface WechatPhoneNumber {
  /** with country code, e.g. +8613800000001 as WeChat returns it in phoneNumber */
  phoneNumber: string;
  /** without country code */
  purePhoneNumber: string;
  countryCode: string;
}

/** WeChat open APIs core needs. The adapter checks `watermark.appid` against the caller's app. */
export interface WechatApi {
  /** exchanges a `getPhoneNumber` code for the verified phone number of `caller` */
  phoneNumberFromCode(code: string, caller: WechatCaller): Promise<WechatPhoneNumber>;
}
