import type { Deps, StoreTx, WechatCaller } from '../ports';
import { AppError } from '../kernel/app-error';
import { wechatBindingId } from '../identity/bindings';
import { refundDailyBudgetInTx, takeDailyBudgetsInTx, type DailyBudget } from './limits';

export type SmsPurpose = 'login' | 'bind' | 'register';

/** The WeChat identity that asked for a code: the only one that can spend it. */
export type SmsRequester = Pick<WechatCaller, 'appid' | 'openid'>;

export const CODE_DIGITS = 6;
export const CODE_TTL_MS = 5 * 60_000;
export const RESEND_INTERVAL_MS = 60_000;
export const MAX_WRONG_TRIES = 5;
/** One requester's daily sends to one phone, per purpose; the same from one IP, whoever the requester. */
export const SENDS_PER_PHONE_PER_REQUESTER_PER_DAY = 10;
export const SENDS_PER_PHONE_PER_IP_PER_DAY = 10;
/** All requesters together, per phone and purpose: bounds the messages a phone can be flooded with. */
export const SENDS_PER_PHONE_PER_DAY = 20;
export const SENDS_PER_IP_PER_DAY = 50;

interface SmsCodeDoc {
  _id: string;
  code_hash: string;
  expires_at: number;
  sent_at: number;
  wrong_tries: number;
  [key: string]: unknown;
}

/**
 * One live code per phone, purpose and requester: someone else asking for this phone neither replaces the
 * owner's code nor gets one the owner could be made to type. The id is keyed so phone numbers are not
 * readable from ids.
 */
const codeKey = (phone: string, purpose: SmsPurpose, requester: SmsRequester) => `${purpose}:${phone}:${wechatBindingId(requester)}`;
const codeId = (deps: Deps, key: string) => `sms_${deps.crypto.hmac(`code:${key}`).slice(0, 40)}`;
const codeHash = (deps: Deps, key: string, code: string) => deps.crypto.hmac(`code-value:${key}:${code}`);

/**
 * The daily budgets one send spends. Per requester (and per IP, so rotating WeChat identities from one
 * address does not help), so one caller cannot spend the phone owner's budget; the per-phone ceiling is
 * higher and per purpose (register codes do not use up login codes); the IP cap is across everything.
 */
function sendBudgets(phone: string, purpose: SmsPurpose, requester: SmsRequester, ip: string | undefined): DailyBudget[] {
  return [
    ...(ip
      ? [
          { kind: 'sms-ip', subject: ip, cap: SENDS_PER_IP_PER_DAY },
          { kind: 'sms-phone-ip', subject: `${purpose}:${phone}:${ip}`, cap: SENDS_PER_PHONE_PER_IP_PER_DAY },
        ]
      : []),
    { kind: 'sms-requester', subject: codeKey(phone, purpose, requester), cap: SENDS_PER_PHONE_PER_REQUESTER_PER_DAY },
    { kind: 'sms-phone', subject: `${purpose}:${phone}`, cap: SENDS_PER_PHONE_PER_DAY },
  ];
}

export interface SendCodeInput {
  phone: string;
  purpose: SmsPurpose;
  requester: SmsRequester;
  ip?: string;
  /**
   * Whether a message should really go out. The caller decides (e.g. only to an activated user's
   * mobile for `login`); everything else — limits, stored code, answer — is the same either way, so the
   * answer never tells whether a phone belongs to anyone.
   */
  deliver: boolean;
}

/**
 * Issues a fresh 6-digit code (CSPRNG, stored hashed, 5 minutes, single use) within the send limits.
 * The resend interval, both daily budgets and the new code are one transaction: two racing sends issue
 * one code, and a refused or failed send spends nothing.
 */
export async function sendSmsCode(deps: Deps, input: SendCodeInput): Promise<{ retryAfterSeconds: number }> {
  const { phone, purpose, ip } = input;
  const now = deps.clock.now();
  const key = codeKey(phone, purpose, input.requester);
  const id = codeId(deps, key);
  const budgets = sendBudgets(phone, purpose, input.requester, ip);
  const code = deps.crypto.randomDigits(CODE_DIGITS);
  const refusal = await deps.store.transaction(async (tx): Promise<number | null> => {
    const current = await tx.get<SmsCodeDoc>('sms_codes', id);
    if (current && now - current.sent_at < RESEND_INTERVAL_MS) return Math.ceil((RESEND_INTERVAL_MS - (now - current.sent_at)) / 1000);
    if (!(await takeDailyBudgetsInTx(deps, tx, budgets))) return 3600;
    await tx.set('sms_codes', { _id: id, code_hash: codeHash(deps, key, code), expires_at: now + CODE_TTL_MS, sent_at: now, wrong_tries: 0 });
    return null;
  });
  // Every refusal returns before anything is written (all budgets are checked before any is taken).
  if (refusal !== null) throw new AppError('sms/rate-limited', { retryAfterSeconds: refusal });
  if (input.deliver) {
    try {
      await deps.sms.sendCode(phone, code, CODE_TTL_MS / 60_000, purpose);
    } catch (e) {
      // Not delivered: forget the code and give the budgets back, so the person may ask again at once.
      await deps.store.transaction(async (tx) => {
        const latest = await tx.get<SmsCodeDoc>('sms_codes', id);
        if (latest && latest.sent_at === now) await tx.remove('sms_codes', id);
        for (const b of budgets) await refundDailyBudgetInTx(deps, tx, b.kind, b.subject);
      });
      throw e;
    }
  }
  return { retryAfterSeconds: RESEND_INTERVAL_MS / 1000 };
}

export type SmsVerdict = 'ok' | 'invalid' | 'expired' | 'exhausted';

/**
 * Checks a code inside the caller's transaction, so spending it and what it proves land together:
 * right → the code is gone (single use); wrong → one of five tries spent, and the fifth wrong try kills
 * the code. A caller that refuses on a wrong verdict must still commit (return, not throw) so the try counts.
 * Only the code this requester asked for, for this purpose and phone, is looked at.
 */
export async function verifySmsCodeInTx(deps: Deps, tx: StoreTx, requester: SmsRequester, phone: string, purpose: SmsPurpose, code: string): Promise<SmsVerdict> {
  const key = codeKey(phone, purpose, requester);
  const id = codeId(deps, key);
  const doc = await tx.get<SmsCodeDoc>('sms_codes', id);
  if (!doc) return 'invalid';
  if (doc.wrong_tries >= MAX_WRONG_TRIES) return 'exhausted';
  if (doc.expires_at < deps.clock.now()) {
    await tx.remove('sms_codes', id);
    return 'expired';
  }
  if (doc.code_hash === codeHash(deps, key, code)) {
    await tx.remove('sms_codes', id);
    return 'ok';
  }
  await tx.update('sms_codes', id, { inc: { wrong_tries: 1 } });
  return doc.wrong_tries + 1 >= MAX_WRONG_TRIES ? 'exhausted' : 'invalid';
}

/** The refusal a verdict stands for (nothing for `ok`). */
export function assertSmsVerdict(verdict: SmsVerdict): void {
  if (verdict === 'ok') return;
  if (verdict === 'expired') throw new AppError('sms/code-expired');
  if (verdict === 'exhausted') throw new AppError('sms/too-many-attempts');
  throw new AppError('sms/code-invalid');
}

/** Consumes a code on its own (wrong tries are committed before the error is raised). */
export async function consumeSmsCode(deps: Deps, requester: SmsRequester, phone: string, purpose: SmsPurpose, code: string): Promise<void> {
  assertSmsVerdict(await deps.store.transaction((tx) => verifySmsCodeInTx(deps, tx, requester, phone, purpose, code)));
}

export { MOBILE_CN } from '../rules/mobile';
