import type { SessionView } from '../contracts/domain';
import type { Consent } from '../contracts/registration';
import type { Deps, WechatCaller } from '../ports';
import type { BindingDoc, UserDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { isoNow } from '../kernel/time';
import { auditInTx } from '../audit/audit';
import { acceptedConsent, type ConsentRecord } from '../registration/consent';
import { methodForApp } from '../registration/methods';
import { getSettings } from '../settings/settings';
import { assertSmsVerdict, verifySmsCodeInTx, type SmsVerdict } from '../sms/codes';
import { wechatBindingId } from './bindings';
import { forgetBindingInTx, identityDisabledInTx, pastUsersOf } from './ledger';
import { isThrowawayAutoUser, mergeAutoUserInTx } from './merge-auto';
import { me } from './login';
import { userForMobile } from './mobile-user';
import { principalFromUser } from './principal';
import { retryOnConflict } from './retry';
import { sessionView } from './session-view';

/**
 * `auth.loginBySms`: proves the Contact's `mobile1` with a `login` code, binds the caller's OpenID to that
 * activated user (the first SMS login is what binds it), records the agreement to the terms in force
 * (version and time, as registration does), and answers as `login`.
 */
export async function loginBySms(deps: Deps, caller: WechatCaller, input: { phone: string; code: string; consent: Consent }): Promise<SessionView> {
  const settings = await getSettings(deps);
  // Checked before the code is spent: agreeing to outdated terms should not cost the person their code.
  const consent = acceptedConsent(settings, input.consent, isoNow(deps.clock));
  const target = await userForMobile(deps, input.phone);
  if (!target || target.status === 'disabled') {
    return refuseWithoutRevealing(deps, caller, input.phone, input.code, new AppError(target ? 'auth/disabled' : 'auth/not-activated'));
  }
  const user = await bindWechat(deps, caller, target._id, input.phone, input.code, consent);
  const method = await methodForApp(deps, caller.appid);
  return sessionView(deps, await principalFromUser(deps, caller, user, settings), method);
}

/**
 * Nobody to log in as, or only a disabled user. The code is checked exactly as `bindWechat` checks it (one
 * transaction, the same reads and writes, the same answer for a wrong, expired or exhausted code), so
 * neither the answer nor its time tells an unknown phone from an activated one. Only the right code —
 * delivered to a Contact's own phone (sms/send.ts) — earns the clear refusal.
 */
async function refuseWithoutRevealing(deps: Deps, caller: WechatCaller, phone: string, code: string, refusal: AppError): Promise<never> {
  const verdict = await retryOnConflict(() => deps.store.transaction((tx) => verifySmsCodeInTx(deps, tx, caller, phone, 'login', code)));
  assertSmsVerdict(verdict);
  throw refusal;
}

/**
 * Spends the code and binds `wx:{appid}:{openid}` to the user, in one transaction with the user's verified
 * mobile and the audit entry: a failure anywhere leaves the code unspent and nothing bound. The binding's deterministic id makes concurrent logins converge. An OpenID already bound
 * to another (existing) user is refused: one WeChat identity is one person, and silently moving it would
 * hand that person's session to whoever knows this phone's code.
 */
async function bindWechat(deps: Deps, caller: WechatCaller, userId: string, phone: string, code: string, consent: ConsentRecord): Promise<UserDoc> {
  const bindingId = wechatBindingId(caller);
  const past = await pastUsersOf(deps, caller);
  const outcome = await retryOnConflict(() =>
    deps.store.transaction(async (tx): Promise<{ verdict: SmsVerdict; user?: UserDoc }> => {
      const verdict = await verifySmsCodeInTx(deps, tx, caller, phone, 'login', code);
      // a wrong code is refused after the commit, so the spent try counts
      if (verdict !== 'ok') return { verdict };
      const user = await tx.get<UserDoc>('ic_users', userId);
      if (!user) throw new AppError('auth/not-activated');
      if (user.status === 'disabled') throw new AppError('auth/disabled');
      // a person disabled under this WeChat identity does not come back through someone's phone either
      if (await identityDisabledInTx(tx, caller, past)) throw new AppError('auth/disabled');
      const now = isoNow(deps.clock);
      const existing = await tx.get<BindingDoc>('ic_bindings', bindingId);
      if (existing && existing.user_id !== user._id) {
        const holder = await tx.get<UserDoc>('ic_users', existing.user_id);
        // The identity's own throwaway auto user folds into the activated one: its seat is freed.
        if (holder && !isThrowawayAutoUser(holder)) throw new AppError('auth/wechat-bound-elsewhere');
        if (holder) await mergeAutoUserInTx(deps, tx, holder, user);
        await tx.remove('ic_bindings', bindingId);
      }
      if (!existing || existing.user_id !== user._id) {
        await tx.insert('ic_bindings', { _id: bindingId, user_id: user._id, type: 'wechat', appid: caller.appid, via: 'sms', created_at: now } satisfies BindingDoc);
        await auditInTx(deps, tx, { actor: `user:${user._id}`, action: 'user.wechat-bound', target: user._id, details: { appid: caller.appid, via: 'sms' } });
      }
      const agreed = (user['consent'] as ConsentRecord | undefined)?.terms_version === consent.terms_version;
      if (user.mobile === phone && user['mobile_verified_at'] && agreed) return { verdict, user };
      const set = { mobile: phone, mobile_verified_at: now, ...(agreed ? {} : { consent }), updated_at: now };
      await tx.update('ic_users', user._id, { set });
      return { verdict, user: { ...user, ...set } };
    }),
  );
  assertSmsVerdict(outcome.verdict);
  return outcome.user!;
}

/** `auth.unbindWechat`: the caller's OpenID is no longer bound; the user remains (SMS login binds again). */
export async function unbindCallerWechat(deps: Deps, caller: WechatCaller): Promise<SessionView> {
  const bindingId = wechatBindingId(caller);
  await retryOnConflict(() =>
    deps.store.transaction(async (tx) => {
      const binding = await tx.get<BindingDoc>('ic_bindings', bindingId);
      if (!binding) return;
      await forgetBindingInTx(deps, tx, binding);
      await auditInTx(deps, tx, { actor: `user:${binding.user_id}`, action: 'user.wechat-unbound', target: binding.user_id, details: { appid: caller.appid, via: 'self' } });
    }),
  );
  return me(deps, caller);
}
