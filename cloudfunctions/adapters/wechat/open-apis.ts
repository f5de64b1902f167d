import type { WechatApi } from '../../core/ports';

/**
 * The WeChat open API each WechatApi method calls through `callWxOpenApi`. The build derives a function's
 * config.json `permissions.openapi` from the methods its bundled code calls (scripts/build/openapi.ts):
 * CloudBase answers errcode -604101 to a function calling an API it did not declare. A new WechatApi
 * method needs its line here, or the build stops.
 */
export const OPEN_API_OF: Readonly<Partial<Record<keyof WechatApi, string>>> & Readonly<Record<string, string>> = {
  phoneNumberFromCode: 'phonenumber.getPhoneNumber',
  sendSubscribeMessage: 'subscribeMessage.send',
};
