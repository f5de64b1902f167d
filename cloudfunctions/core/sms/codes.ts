import type { Deps } from '../ports';
import { AppError } from '../kernel/app-error';
import { takeDailyBudget, refundDailyBudget } from './limits';

export type SmsPurpose = 'login' | 'bind' | 'register';

export const CODE_DIGITS = 6;
export const CODE_TTL_MS = 5 * 60_000;
export const RESEND_INTERVAL_MS = 60_000;
export const MAX_WRONG_TRIES = 5;
export const SENDS_PER_PHONE_PER_DAY = 10;
export const SENDS_PER_IP_PER_DAY = 50;

interface SmsCodeDoc {
  _id: string;
  code_hash: string;
  expires_at: number;
  sent_at: number;
  wrong_tries: number;
  [key: string]: unknown;
}

/** One live code per phone and purpose; the id is keyed so phone numbers are not readable from ids. */
const codeId = (deps: Deps, phone: string, purpose: SmsPurpose) => `sms_${deps.crypto.hmac(`code:${purpose}:${phone}`).slice(0, 40)}`;
const codeHash = (deps: Deps, phone: string, purpose: SmsPurpose, code: string) => deps.crypto.hmac(`code-value:${purpose}:${phone}:${code}`);

export interface SendCodeInput {
  phone: string;
  purpose: SmsPurpose;
  ip?: string;
  /**
   * Whether a message should really go out. The caller decides (e.g. only to an activated user's
   * mobile for `login`); everything else — limits, stored code, answer — is the same either way, so the
   * answer never tells whether a phone belongs to anyone.
   */
  deliver: boolean;
}

/** Issues a fresh 6-digit code (CSPRNG, stored hashed, 5 minutes, single use) within the send limits. */
export async function sendSmsCode(deps: Deps, input: SendCodeInput): Promise<{ retryAfterSeconds: number }> {
  const { phone, purpose } = input;
  const now = deps.clock.now();
  const id = codeId(deps, phone, purpose);
  const current = await deps.store.get<SmsCodeDoc>('sms_codes', id);
  if (current && now - current.sent_at < RESEND_INTERVAL_MS) {
    throw new AppError('sms/rate-limited', { retryAfterSeconds: Math.ceil((RESEND_INTERVAL_MS - (now - current.sent_at)) / 1000) });
  }
  if (input.ip && !(await takeDailyBudget(deps, 'sms-ip', input.ip, SENDS_PER_IP_PER_DAY))) {
    throw new AppError('sms/rate-limited', { retryAfterSeconds: 3600 });
  }
  if (!(await takeDailyBudget(deps, 'sms-phone', phone, SENDS_PER_PHONE_PER_DAY))) {
    throw new AppError('sms/rate-limited', { retryAfterSeconds: 3600 });
  }
  const code = deps.crypto.randomDigits(CODE_DIGITS);
  // The resend interval is re-checked inside the transaction, so two racing sends issue one code.
  const issued = await deps.store.transaction(async (tx) => {
    const latest = await tx.get<SmsCodeDoc>('sms_codes', id);
    if (latest && now - latest.sent_at < RESEND_INTERVAL_MS) return false;
    await tx.set('sms_codes', { _id: id, code_hash: codeHash(deps, phone, purpose, code), expires_at: now + CODE_TTL_MS, sent_at: now, wrong_tries: 0 });
    return true;
  });
  if (!issued) {
    await refundDailyBudget(deps, 'sms-phone', phone);
    throw new AppError('sms/rate-limited', { retryAfterSeconds: Math.ceil(RESEND_INTERVAL_MS / 1000) });
  }
  if (input.deliver) {
    try {
      await deps.sms.sendCode(phone, code, CODE_TTL_MS / 60_000, purpose);
    } catch (e) {
      // Not delivered: forget the code so the person may ask again at once.
      await deps.store.remove('sms_codes', id);
      await refundDailyBudget(deps, 'sms-phone', phone);
      throw e;
    }
  }
  return { retryAfterSeconds: RESEND_INTERVAL_MS / 1000 };
}

/** Whether a code for this phone and purpose was issued and can still be tried (not expired, tries left). */
export async function hasLiveSmsCode(deps: Deps, phone: string, purpose: SmsPurpose): Promise<boolean> {
  const doc = await deps.store.get<SmsCodeDoc>('sms_codes', codeId(deps, phone, purpose));
  return !!doc && doc.expires_at >= deps.clock.now() && doc.wrong_tries < MAX_WRONG_TRIES;
}

type Verdict = 'ok' | 'invalid' | 'expired' | 'exhausted';

/**
 * Consumes a code: right → the code is gone (single use); wrong → one of five tries spent, and the fifth
 * wrong try kills the code. Wrong tries are committed before the error is raised.
 */
export async function consumeSmsCode(deps: Deps, phone: string, purpose: SmsPurpose, code: string): Promise<void> {
  const id = codeId(deps, phone, purpose);
  const now = deps.clock.now();
  const verdict = await deps.store.transaction<Verdict>(async (tx) => {
    const doc = await tx.get<SmsCodeDoc>('sms_codes', id);
    if (!doc) return 'invalid';
    if (doc.wrong_tries >= MAX_WRONG_TRIES) return 'exhausted';
    if (doc.expires_at < now) {
      await tx.remove('sms_codes', id);
      return 'expired';
    }
    if (doc.code_hash === codeHash(deps, phone, purpose, code)) {
      await tx.remove('sms_codes', id);
      return 'ok';
    }
    await tx.update('sms_codes', id, { inc: { wrong_tries: 1 } });
    return doc.wrong_tries + 1 >= MAX_WRONG_TRIES ? 'exhausted' : 'invalid';
  });
  if (verdict === 'ok') return;
  if (verdict === 'expired') throw new AppError('sms/code-expired');
  if (verdict === 'exhausted') throw new AppError('sms/too-many-attempts');
  throw new AppError('sms/code-invalid');
}

export const MOBILE_CN = /^1[3-9]\d{9}$/;
