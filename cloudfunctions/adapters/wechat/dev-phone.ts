import { randomBytes } from 'node:crypto';
import type { WechatApi } from '../../core/ports';
import { AppError } from '../../core/kernel/app-error';

interface Issued {
  phone: string;
  appid: string;
  until: number;
}

/**
 * Plays WeChat's phone-number service locally: `issue` stands in for the client's getPhoneNumber button
 * (a one-use code), `phoneNumberFromCode` for the server-side exchange, watermark check included.
 */
export function devWechatApi(appidOf: () => string, ttlMs = 5 * 60_000): WechatApi & { issuePhoneCode(phone: string, appid?: string): string } {
  const codes = new Map<string, Issued>();
  return {
    issuePhoneCode(phone, appid = appidOf()) {
      const code = randomBytes(16).toString('hex');
      codes.set(code, { phone, appid, until: Date.now() + ttlMs });
      return code;
    },
    async phoneNumberFromCode(code, caller) {
      const issued = codes.get(code);
      codes.delete(code); // one use, as WeChat's codes
      if (!issued || issued.until < Date.now()) throw new AppError('input/invalid', { field: 'phoneCode', reason: 'expired-or-unknown' });
      // watermark.appid: a code minted for another mini program is not this caller's phone
      if (issued.appid !== caller.appid) throw new AppError('input/invalid', { field: 'phoneCode', reason: 'watermark' });
      return { phoneNumber: `+86${issued.phone}`, purePhoneNumber: issued.phone, countryCode: '86' };
    },
  };
}
