import { randomBytes } from 'node:crypto';
import type { SubscribeMessage, WechatApi } from '../../core/ports';
import { AppError } from '../../core/kernel/app-error';

/** A subscribe message the stand-in accepted, as `GET /api/dev/wechat/messages` lists it. */
export interface SentMessage {
  openid: string;
  appid: string;
  templateId: string;
  page: string;
  data: SubscribeMessage['data'];
  time: string;
}

/** subscribeMessage.send's limits: thing ≤ 20 characters, phrase ≤ 5, names ≤ 10; WeChat refuses longer values */
const VALUE_LIMITS: Record<string, number> = { thing: 20, phrase: 5, name: 10, time: 40, date: 40 };

interface Issued {
  phone: string;
  appid: string;
  until: number;
}

/**
 * Plays WeChat's phone-number service locally: `issue` stands in for the client's getPhoneNumber button
 * (a one-use code), `phoneNumberFromCode` for the server-side exchange, watermark check included.
 */
export function devWechatApi(
  appidOf: () => string,
  ttlMs = 5 * 60_000,
): WechatApi & { issuePhoneCode(phone: string, appid?: string): string; messages(): SentMessage[]; failNextSends(n: number): void } {
  const codes = new Map<string, Issued>();
  const sent: SentMessage[] = [];
  let failing = 0;
  return {
    messages: () => [...sent].reverse(),
    /** the next `n` sends fail as WeChat's system errors would (errcode -1): the retry path is testable */
    failNextSends(n) {
      failing = n;
    },
    async sendSubscribeMessage(m) {
      if (failing > 0) {
        failing -= 1;
        throw new Error('WeChat subscribeMessage.send failed: errcode -1 (system busy)');
      }
      // what WeChat itself refuses: a malformed openid or template, a value too long for its keyword
      if (!/^[A-Za-z0-9_-]{6,64}$/.test(m.openid) || !/^[A-Za-z0-9_-]{6,64}$/.test(m.templateId)) throw new Error('WeChat subscribeMessage.send failed: errcode 40003 (invalid openid or template)');
      for (const [key, { value }] of Object.entries(m.data)) {
        const limit = VALUE_LIMITS[key.replace(/\d+$/, '')];
        if (limit !== undefined && [...value].length > limit) throw new Error(`WeChat subscribeMessage.send failed: errcode 47003 (${key} too long)`);
      }
      sent.push({ openid: m.openid, appid: m.appid, templateId: m.templateId, page: m.page, data: m.data, time: new Date().toISOString() });
      if (sent.length > 200) sent.splice(0, sent.length - 200);
    },
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
