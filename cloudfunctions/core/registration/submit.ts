import type { SubmitRegistrationIn, SubmitRegistrationOut } from '../contracts/registration';
import type { Deps, WechatCaller } from '../ports';
import type { BindingDoc, EnterpriseDoc, UserDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { isoNow } from '../kernel/time';
import { getSettings } from '../settings/settings';
import { boundUser } from '../identity/principal';
import { identityDisabled } from '../identity/ledger';
import { userForMobile } from '../identity/mobile-user';
import { mobileBindingId } from '../identity/bindings';
import { retryOnConflict } from '../identity/retry';
import { acceptedConsent } from './consent';
import { validateFieldValues } from './fields';
import { methodConfig, MOBILE_FIELD, type MethodConfig } from './method-config';
import { methodForApp } from './methods';
import { verifyRegistrationMobile } from './mobile-proof';
import { writeRegistration } from './register-tx';
import { resolveAccount, type AccountPlan } from './resolve-account';

/** The method that applies to the caller's mini program, with self-registration on; else `registration/disabled`. */
export async function registrationMethod(deps: Deps, caller: WechatCaller): Promise<MethodConfig> {
  const [settings, doc] = await Promise.all([getSettings(deps), methodForApp(deps, caller.appid)]);
  if (!settings.self_registration.enabled || !doc) throw new AppError('registration/disabled');
  return methodConfig(doc);
}

/** A user that already holds this mobile and is not the caller's own: the person registering *is* them. */
async function holderOf(deps: Deps, mobile: string, plan: AccountPlan, mine: string | undefined): Promise<UserDoc | null> {
  const binding = await deps.store.get<BindingDoc>('ic_bindings', mobileBindingId(mobile));
  if (binding && binding.user_id !== mine) return deps.store.get<UserDoc>('ic_users', binding.user_id);
  if (plan.kind !== 'existing' || !plan.membership) return null;
  const users = await deps.store.find<UserDoc>('ic_users', { where: { contact_id: plan.membership._id }, orderBy: [['_id', 'asc']], limit: 1 });
  return users[0] && users[0]._id !== mine ? users[0] : null;
}

async function enterpriseOf(deps: Deps, accountId: string): Promise<string | null> {
  const found = await deps.store.find<EnterpriseDoc>('ic_enterprises', { where: { account_id: accountId }, orderBy: [['_id', 'asc']], limit: 1 });
  return found[0]?._id ?? null;
}

/**
 * `registration.submit`: consent, the form against the method's layout, the mobile verified (SMS code or
 * WeChat phone), then the Account resolved and everything written in one transaction. Lost races re-plan.
 */
export async function submitRegistration(deps: Deps, caller: WechatCaller, input: SubmitRegistrationIn): Promise<SubmitRegistrationOut> {
  const method = await registrationMethod(deps, caller);
  const settings = await getSettings(deps);
  const consent = acceptedConsent(settings, input.consent, isoNow(deps.clock));
  const contact = validateFieldValues([...method.contact.fields, MOBILE_FIELD], input.contact, 'contact');
  const mobile = contact['mobile1'];
  const current = await boundUser(deps, caller);
  if (current?.status === 'disabled') throw new AppError('auth/disabled');
  if (current && (current.account_id || current['join_request'] || current.kind !== 'member')) throw new AppError('registration/already-registered');
  await verifyRegistrationMobile(deps, caller, mobile, input.smsCode);
  // A disable sticks to the person: every WeChat identity they used and their Contact's mobile. Asked only
  // after the mobile is proven, so the answer tells nothing to someone who does not hold the phone.
  if (!current && (await identityDisabled(deps, caller))) throw new AppError('auth/disabled');
  if ((await userForMobile(deps, mobile))?.status === 'disabled') throw new AppError('auth/disabled');

  return retryOnConflict(async () => {
    const plan = await resolveAccount(deps, method, input, mobile);
    const [holder, enterpriseId] = await Promise.all([holderOf(deps, mobile, plan, current?._id), plan.kind === 'existing' ? enterpriseOf(deps, plan.account._id) : null]);
    if (holder?.status === 'disabled') throw new AppError('auth/disabled');
    return deps.store.transaction((tx) => writeRegistration(deps, tx, { caller, method, plan, contact, consent, holder, enterpriseId }));
  });
}
