import type { Consent } from '../contracts/registration';
import type { Deps, StoreTx, WechatCaller } from '../ports';
import type { BindingDoc, UserDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { isoNow } from '../kernel/time';
import { auditInTx } from '../audit/audit';
import { assertSmsVerdict, MOBILE_CN, verifySmsCodeInTx } from '../sms/codes';
import { getSettings } from '../settings/settings';
import { mobileBindingId, wechatBindingId } from '../identity/bindings';
import { retryOnConflict } from '../identity/retry';
import { acceptedConsent } from './consent';
import { spendLookupBudget } from './limits';

/**
 * A verified mobile, held for one WeChat identity between verification and registration. `auth.bindPhone`
 * (WeChat's phone number) or a `register` SMS code creates it; `registration.submit` consumes it in its
 * transaction. It lets a registrant who must answer "Is this your company?" submit again without a new
 * code, and a person without a user yet prove a number before there is anyone to bind it to.
 * `_id` is the WeChat binding id of the identity that proved it.
 */
export interface MobileProofDoc {
  _id: string;
  phone: string;
  via: 'sms' | 'wechat';
  expires_at: number;
  [key: string]: unknown;
}

export const PROOF_TTL_MS = 30 * 60_000;

export const maskMobile = (phone: string) => (phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****');

/** The proof of `phone` for this caller inside a transaction, or null (none, another number, expired). */
export async function mobileProofInTx(deps: Deps, tx: StoreTx, caller: WechatCaller, phone: string): Promise<MobileProofDoc | null> {
  const proof = await tx.get<MobileProofDoc>('mobile_proofs', wechatBindingId(caller));
  return proof && proof.phone === phone && proof.expires_at > deps.clock.now() ? proof : null;
}

/**
 * Makes sure the caller has proved `phone`: an unexpired proof, else a `register` SMS code (consumed here,
 * then kept as a proof). Neither → `input/invalid` on `smsCode`.
 */
export async function verifyRegistrationMobile(deps: Deps, caller: WechatCaller, phone: string, smsCode: string | undefined): Promise<void> {
  const proof = await deps.store.get<MobileProofDoc>('mobile_proofs', wechatBindingId(caller));
  if (proof && proof.phone === phone && proof.expires_at > deps.clock.now()) return;
  if (!smsCode) throw new AppError('input/invalid', { field: 'smsCode', reason: 'required' });
  // The code is spent and the proof kept in one transaction: never a spent code without its proof.
  const verdict = await deps.store.transaction(async (tx) => {
    const v = await verifySmsCodeInTx(deps, tx, caller, phone, 'register', smsCode);
    if (v === 'ok') await tx.set('mobile_proofs', { _id: wechatBindingId(caller), phone, via: 'sms', expires_at: deps.clock.now() + PROOF_TTL_MS } satisfies MobileProofDoc);
    return v;
  });
  assertSmsVerdict(verdict);
}

export interface BindPhoneResult {
  /** the verified number (the caller's own) */
  mobile: string;
  /** bound to the caller's existing user now; otherwise held for their registration */
  bound: boolean;
}

/**
 * `auth.bindPhone`: exchanges WeChat's `getPhoneNumber` code (the adapter checks `watermark.appid`
 * against the caller's app), after explicit consent. Each exchange costs money, so it is rate-limited.
 * A caller with a user of their own gets the number bound at once (`mobile:{phone}`, one person per
 * number); anyone gets a proof that `registration.submit` accepts instead of an SMS code.
 */
export async function bindPhone(deps: Deps, caller: WechatCaller, phoneCode: string, consent: Consent, ip?: string): Promise<BindPhoneResult> {
  const settings = await getSettings(deps);
  const agreed = acceptedConsent(settings, consent, isoNow(deps.clock));
  const wxId = wechatBindingId(caller);
  await spendLookupBudget(deps, 'wechat-phone', wxId, ip, 'auth/rate-limited');
  const number = await deps.wechat.phoneNumberFromCode(phoneCode, caller);
  const phone = number.purePhoneNumber;
  if (number.countryCode !== '86' || !MOBILE_CN.test(phone)) throw new AppError('input/invalid', { field: 'phoneCode', reason: 'unsupported-number' });

  return retryOnConflict(() =>
    deps.store.transaction(async (tx) => {
      const now = isoNow(deps.clock);
      await tx.set('mobile_proofs', { _id: wxId, phone, via: 'wechat', expires_at: deps.clock.now() + PROOF_TTL_MS } satisfies MobileProofDoc);
      const binding = await tx.get<BindingDoc>('ic_bindings', wxId);
      const user = binding ? await tx.get<UserDoc>('ic_users', binding.user_id) : null;
      if (!user || user.kind !== 'member') {
        await auditInTx(deps, tx, { actor: `wechat:${caller.appid}`, action: 'phone.verified', target: wxId, details: { mobile: maskMobile(phone), via: 'wechat' } });
        return { mobile: phone, bound: false };
      }
      if (user.status === 'disabled') throw new AppError('auth/disabled');
      const taken = await tx.get<BindingDoc>('ic_bindings', mobileBindingId(phone));
      if (taken && taken.user_id !== user._id) throw new AppError('auth/mobile-bound-elsewhere');
      if (!taken) await tx.insert('ic_bindings', { _id: mobileBindingId(phone), user_id: user._id, type: 'mobile', created_at: now } satisfies BindingDoc);
      if (user.mobile && user.mobile !== phone) {
        const old = await tx.get<BindingDoc>('ic_bindings', mobileBindingId(user.mobile));
        if (old?.user_id === user._id) await tx.remove('ic_bindings', old._id);
      }
      await tx.update('ic_users', user._id, { set: { mobile: phone, consent: agreed, updated_at: now } });
      await auditInTx(deps, tx, { actor: `user:${user._id}`, action: 'user.phone-bound', target: user._id, details: { mobile: maskMobile(phone), via: 'wechat' } });
      return { mobile: phone, bound: true };
    }),
  );
}
