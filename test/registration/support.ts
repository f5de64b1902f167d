import type { SubmitRegistrationIn, SubmitRegistrationOut } from '../../cloudfunctions/core/contracts/registration';
import type { WechatCaller } from '../../cloudfunctions/core/ports';
import type { MethodDoc } from '../../cloudfunctions/core/kernel/docs';
import { BUILTIN_ROLES, TERMINAL_USER_ROLE_ID } from '../../cloudfunctions/core/access/builtin-roles';
import { defaultSettings } from '../../cloudfunctions/core/settings/settings';
import { LICENCE_ID } from '../../cloudfunctions/core/licences/seats';
import { bindPhone } from '../../cloudfunctions/core/registration/mobile-proof';
import { submitRegistration } from '../../cloudfunctions/core/registration/submit';
import { accountNameFields, indexAccountInTx } from '../../cloudfunctions/core/accounts/name-index';
import { createTestDeps, type TestDeps } from '../support/deps';

export const APP = 'wxdemo0000000001';
export const TERMS = '2026-11-01';
export const consent = { agreed: true as const, termsVersion: TERMS };

/** Everything a registration needs: settings (self-registration on), roles, seats and one method for APP. */
export async function registrationDeps(method: Record<string, unknown> = {}, seats = 10_000): Promise<TestDeps> {
  const deps = createTestDeps();
  const now = new Date(deps.clock.now()).toISOString();
  await deps.store.insert('settings', { ...defaultSettings(now), self_registration: { enabled: true } });
  for (const role of BUILTIN_ROLES) await deps.store.insert('roles', role);
  await deps.store.insert('licences', { _id: LICENCE_ID, total: seats, used: 0 });
  await deps.store.insert('methods', {
    _id: 'mth_test',
    name: '企业注册',
    app_id: APP,
    enabled: true,
    mode: 'form',
    role_ids: [TERMINAL_USER_ROLE_ID],
    created_at: now,
    ...method,
  } satisfies MethodDoc);
  return deps;
}

let n = 0;
export function caller(openid = `oReg${Date.now().toString(36)}${(n++).toString(36).padStart(5, '0')}`): WechatCaller {
  return { appid: APP, openid };
}

let phoneSeq = 0;
/** A fresh mainland mobile number, different on every call. */
export const freshMobile = () => `139${String(10_000_000 + phoneSeq++).slice(-8)}`;

/** Proves `phone` for `who` the way the mini program's WeChat button does (dev simulator + auth.bindPhone). */
export async function provePhone(deps: TestDeps, who: WechatCaller, phone: string): Promise<void> {
  const code = deps.phone.issuePhoneCode(phone, who.appid);
  await bindPhone(deps, who, code, consent);
}

/** An Account (with its duplicate-check index), as the console or an import would write it. */
export async function addAccount(deps: TestDeps, name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const id = deps.crypto.randomId('acc');
  await deps.store.transaction(async (tx) => {
    await tx.insert('accounts', { _id: id, name, ...accountNameFields(name), created_at: new Date(deps.clock.now()).toISOString(), ...extra });
    await indexAccountInTx(tx, { _id: id, name, credit_code: typeof extra['credit_code'] === 'string' ? extra['credit_code'] : undefined });
  });
  return id;
}

export async function addContact(deps: TestDeps, accountId: string, name: string, mobile1: string): Promise<string> {
  const id = deps.crypto.randomId('con');
  await deps.store.insert('contacts', { _id: id, account_id: accountId, name, mobile1, created_at: new Date(deps.clock.now()).toISOString() });
  return id;
}

/** Proves the phone, then submits: the common path of the mini program's form. */
export async function register(deps: TestDeps, who: WechatCaller, input: Partial<SubmitRegistrationIn> & { company?: string; person?: string; phone?: string }): Promise<SubmitRegistrationOut> {
  const phone = input.phone ?? freshMobile();
  await provePhone(deps, who, phone);
  return submitRegistration(deps, who, {
    account: input.account ?? { name: input.company ?? '杭州星辰科技有限公司' },
    contact: input.contact ?? { name: input.person ?? '王小明', mobile1: phone },
    consent,
    ...(input.confirmCandidateId ? { confirmCandidateId: input.confirmCandidateId } : {}),
    ...(input.declinedCandidateId ? { declinedCandidateId: input.declinedCandidateId } : {}),
    ...(input.smsCode ? { smsCode: input.smsCode } : {}),
  });
}

/** The error code a promise rejects with (fails the test when it resolves). */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
  throw new Error('expected a rejection');
}
