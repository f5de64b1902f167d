import type { AccountMatchKind, MatchReason, SubmitRegistrationOut } from '../contracts/registration';
import type { Deps, StoreTx, WechatCaller } from '../ports';
import { StoreConflictError } from '../ports';
import type { AccountDoc, BindingDoc, ContactDoc, EnterpriseDoc, UserDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { isoNow } from '../kernel/time';
import { auditInTx } from '../audit/audit';
import { releaseSeatInTx, takeSeatInTx } from '../licences/seats';
import { mobileBindingId, unionBindingId, wechatBindingId } from '../identity/bindings';
import { userView } from '../identity/session-view';
import { activatedEnterpriseId, activatedUserId } from '../activation/ids';
import type { ConsentRecord } from './consent';
import type { MethodConfig } from './method-config';
import { maskMobile, mobileProofInTx } from './mobile-proof';
import { accountNameFields, indexAccountInTx } from '../accounts/name-index';
import { roundRobinOwner } from './owners';
import type { AccountDraft, AccountPlan } from './resolve-account';

/** What a pending user asked for; the Contact is created only when an admin approves. */
export interface JoinRequest {
  account_id: string;
  account_name: string;
  matched: AccountMatchKind;
  contact: Record<string, string>;
  contact_record_type: string;
  requested_at: string;
  /** created by this registration (rejecting removes it) rather than an existing user asking to join */
  fresh: boolean;
  /** the company name the applicant typed, beside the Account it matched */
  typed_name?: string;
  /** the USCC the applicant typed, when given */
  typed_credit_code?: string;
  /** why a fuzzy match matched: the matcher's reasons */
  match_reasons?: MatchReason[];
}

export interface RegistrationWrite {
  caller: WechatCaller;
  method: MethodConfig;
  plan: AccountPlan;
  /** the Contact's validated fields, `name` and `mobile1` included */
  contact: Record<string, string>;
  consent: ConsentRecord;
  /** the user who already holds this mobile (by binding, or as the user of the matched Contact) */
  holder: UserDoc | null;
  /** the existing Account's Interconnection Enterprise, when it has one */
  enterpriseId: string | null;
}

/** The ids manual activation gives an Account's enterprise and a Contact's user: one of each, whichever way it came. */
export const enterpriseIdForAccount = activatedEnterpriseId;

const ALREADY = () => new AppError('registration/already-registered');

/**
 * The registration as one transaction of single-document operations by id: Account (+ its keys and
 * bigrams), Contact, Enterprise, User, bindings, seat, owner ticket, audit — all or nothing. Re-runnable:
 * everything it learned outside is re-checked here through deterministic ids (the caller's binding, the
 * mobile binding, the name and USCC keys), and any race surfaces as a StoreConflictError that makes
 * `retryOnConflict` plan again.
 */
export async function writeRegistration(deps: Deps, tx: StoreTx, w: RegistrationWrite): Promise<SubmitRegistrationOut> {
  const now = isoNow(deps.clock);
  const wxId = wechatBindingId(w.caller);
  const phone = w.contact['mobile1'];
  const binding = await tx.get<BindingDoc>('ic_bindings', wxId);
  const me = binding ? await tx.get<UserDoc>('ic_users', binding.user_id) : null;
  if (me && (me.account_id || me['join_request'] || me.kind !== 'member')) throw ALREADY();
  if (me?.status === 'disabled') throw new AppError('auth/disabled');
  // The verified mobile is spent by this registration, exactly once.
  if (!(await mobileProofInTx(deps, tx, w.caller, phone))) throw new AppError('input/invalid', { field: 'smsCode', reason: 'required' });
  await tx.remove('mobile_proofs', wxId);

  const mobileBinding = await tx.get<BindingDoc>('ic_bindings', mobileBindingId(phone));
  // Already this user's (bound by `auth.bindPhone`), expected to be the holder's, or a race lost: plan again.
  const mine = !!me && mobileBinding?.user_id === me._id;
  if (mobileBinding && !mine && mobileBinding.user_id !== w.holder?._id) throw new StoreConflictError('ic_bindings', mobileBinding._id);
  if (w.holder && w.holder._id !== me?._id) return joinHolder(deps, tx, w, me, now);

  const account = w.plan.kind === 'new' ? await createAccount(deps, tx, w.method, w.plan.draft, now) : await tx.get<AccountDoc>('accounts', w.plan.account._id);
  if (!account) throw new AppError('registration/account-not-found');
  const matched: AccountMatchKind = w.plan.kind === 'new' ? 'new' : w.plan.matched;
  const proven = w.plan.kind === 'new' || w.plan.membership !== null;
  const enterprise = () => ensureEnterprise(tx, account, w.enterpriseId ?? enterpriseIdForAccount(account._id), now);

  const base = { name: w.contact['name'], mobile: phone, consent: w.consent, method_id: w.method.id, updated_at: now };
  let user: UserDoc;
  if (proven) {
    const contact = w.plan.kind === 'existing' && w.plan.membership ? w.plan.membership : await createContact(deps, tx, w, account, now);
    const ent = await enterprise();
    const linked = {
      ...base,
      status: 'active' as const,
      enterprise_id: ent._id,
      enterprise_name: ent.name,
      account_id: account._id,
      account_name: account.name,
      contact_id: contact._id,
      contact_name: contact.name,
    };
    // A Contact's user has the id manual activation would give it: racing an activation, one of the two loses.
    user = me ? await relink(tx, me, linked, w.method) : await createUser(deps, tx, w, linked, now, activatedUserId(contact._id));
  } else {
    const request: JoinRequest = {
      account_id: account._id,
      account_name: account.name,
      matched,
      contact: w.contact,
      contact_record_type: w.method.contact.recordType,
      requested_at: now,
      fresh: !me,
      ...(w.plan.kind === 'existing' && w.plan.typed?.name ? { typed_name: w.plan.typed.name } : {}),
      ...(w.plan.kind === 'existing' && w.plan.typed?.creditCode ? { typed_credit_code: w.plan.typed.creditCode } : {}),
      ...(w.plan.kind === 'existing' && w.plan.reasons?.length ? { match_reasons: w.plan.reasons } : {}),
    };
    const pending = { ...base, status: 'pending' as const, join_request: request };
    // An existing user keeps their own enterprise while they wait; a new one waits inside the Account's.
    user = me
      ? await relink(tx, me, pending, w.method)
      : await enterprise().then((ent) => createUser(deps, tx, w, { ...pending, enterprise_id: ent._id, enterprise_name: ent.name }, now));
  }
  if (!mine) await tx.insert('ic_bindings', { _id: mobileBindingId(phone), user_id: user._id, type: 'mobile', created_at: now } satisfies BindingDoc);
  await auditInTx(deps, tx, {
    actor: `wechat:${w.caller.appid}`,
    action: 'registration.submitted',
    target: user._id,
    details: { methodId: w.method.id, accountId: account._id, matched, pending: !proven, newAccount: w.plan.kind === 'new', mobile: maskMobile(phone) },
  });
  return { state: proven ? 'member' : 'pending', user: userView(user), account: { id: account._id, name: account.name, matched }, pendingApproval: !proven };
}

async function createAccount(deps: Deps, tx: StoreTx, method: MethodConfig, draft: AccountDraft, now: string): Promise<AccountDoc> {
  const owner = await roundRobinOwner(tx, method);
  const account: AccountDoc = {
    ...draft.extra,
    _id: deps.crypto.randomId('acc'),
    name: draft.name,
    ...accountNameFields(draft.name),
    record_type: method.account.recordType,
    source: draft.source === 'registry' ? 'registry' : 'self-registration',
    method_id: method.id,
    created_at: now,
    updated_at: now,
  };
  if (owner) account['owner'] = owner;
  if (draft.creditCode) account['credit_code'] = draft.creditCode;
  if (draft.reviewReasons.length) {
    account['needs_review'] = true;
    account['review_reasons'] = [...draft.reviewReasons];
  }
  if (draft.possibleDuplicateOf) account['possible_duplicate_of'] = draft.possibleDuplicateOf;
  await tx.insert('accounts', account);
  await indexAccountInTx(tx, { _id: account._id, name: account.name, credit_code: draft.creditCode });
  return account;
}

async function createContact(deps: Deps, tx: StoreTx, w: RegistrationWrite, account: AccountDoc, now: string): Promise<ContactDoc> {
  const { name, mobile1, ...extra } = w.contact;
  const contact: ContactDoc = {
    ...extra,
    _id: deps.crypto.randomId('con'),
    account_id: account._id,
    name,
    mobile1,
    record_type: w.method.contact.recordType,
    source: 'self-registration',
    created_at: now,
    updated_at: now,
  };
  if (typeof account['owner'] === 'string') contact['owner'] = account['owner'];
  await tx.insert('contacts', contact);
  return contact;
}

/** The Account's one Interconnection Enterprise: the known one, or created under a deterministic id. */
export async function ensureEnterprise(tx: StoreTx, account: AccountDoc, id: string, now: string): Promise<EnterpriseDoc> {
  const found = await tx.get<EnterpriseDoc>('ic_enterprises', id);
  if (found) return found;
  const enterprise: EnterpriseDoc = { _id: id, name: account.name, kind: 'account', account_id: account._id, created_at: now };
  await tx.insert('ic_enterprises', enterprise);
  return enterprise;
}

async function createUser(
  deps: Deps,
  tx: StoreTx,
  w: RegistrationWrite,
  fields: Partial<UserDoc> & Pick<UserDoc, 'status' | 'enterprise_id' | 'enterprise_name' | 'name'>,
  now: string,
  id = deps.crypto.randomId('usr'),
): Promise<UserDoc> {
  await takeSeatInTx(tx);
  const user: UserDoc = { kind: 'member', role_ids: [...w.method.roleIds], holds_seat: true, created_at: now, ...fields, _id: id, updated_at: now };
  await tx.insert('ic_users', user);
  await tx.insert('ic_bindings', { _id: wechatBindingId(w.caller), user_id: user._id, type: 'wechat', appid: w.caller.appid, created_at: now } satisfies BindingDoc);
  await bindUnionId(tx, w.caller, user._id, now);
  return user;
}

/**
 * An existing user of the caller (e.g. made silently under `openid-auto`) completes registration: linked in
 * place, keeping its seat and data; its throwaway auto enterprise goes when it joins an Account's.
 */
async function relink(tx: StoreTx, me: UserDoc, set: Partial<UserDoc>, method: MethodConfig): Promise<UserDoc> {
  const roleIds = [...new Set([...me.role_ids, ...method.roleIds])];
  const next: UserDoc = { ...me, ...set, role_ids: roleIds };
  await tx.update('ic_users', me._id, { set: { ...set, role_ids: roleIds } });
  if (set.enterprise_id && set.enterprise_id !== me.enterprise_id) await dropAutoEnterprise(tx, me.enterprise_id);
  return next;
}

export async function dropAutoEnterprise(tx: StoreTx, enterpriseId: string): Promise<void> {
  const old = await tx.get<EnterpriseDoc>('ic_enterprises', enterpriseId);
  if (old?.kind === 'auto') await tx.remove('ic_enterprises', old._id);
}

async function bindUnionId(tx: StoreTx, caller: WechatCaller, userId: string, now: string): Promise<void> {
  if (!caller.unionid) return;
  // Informational: a UnionID already bound elsewhere keeps its owner.
  if (!(await tx.get('ic_bindings', unionBindingId(caller.unionid)))) await tx.insert('ic_bindings', { _id: unionBindingId(caller.unionid), user_id: userId, type: 'unionid', created_at: now } satisfies BindingDoc);
}

/**
 * The verified mobile already belongs to a user (an activated Contact, an earlier registration): that is
 * this person. Their WeChat identity is bound to that user — one person, one user — and a throwaway
 * `openid-auto` user of this identity is retired (its seat released, `merged_into` kept for the records).
 */
async function joinHolder(deps: Deps, tx: StoreTx, w: RegistrationWrite, me: UserDoc | null, now: string): Promise<SubmitRegistrationOut> {
  const holder = await tx.get<UserDoc>('ic_users', w.holder!._id);
  if (!holder) throw new StoreConflictError('ic_users', w.holder!._id);
  if (holder.status === 'disabled') throw new AppError('auth/disabled');
  const phone = w.contact['mobile1'];
  if (me) {
    await tx.update('ic_users', me._id, { set: { status: 'disabled', holds_seat: false, merged_into: holder._id, updated_at: now } });
    if (me.holds_seat) await releaseSeatInTx(tx);
    await dropAutoEnterprise(tx, me.enterprise_id);
    await tx.set('ic_bindings', { _id: wechatBindingId(w.caller), user_id: holder._id, type: 'wechat', appid: w.caller.appid, created_at: now } satisfies BindingDoc);
  } else {
    await tx.insert('ic_bindings', { _id: wechatBindingId(w.caller), user_id: holder._id, type: 'wechat', appid: w.caller.appid, created_at: now } satisfies BindingDoc);
  }
  await bindUnionId(tx, w.caller, holder._id, now);
  if (!(await tx.get('ic_bindings', mobileBindingId(phone)))) await tx.insert('ic_bindings', { _id: mobileBindingId(phone), user_id: holder._id, type: 'mobile', created_at: now } satisfies BindingDoc);
  const set = { mobile: phone, consent: w.consent, updated_at: now };
  await tx.update('ic_users', holder._id, { set });
  await auditInTx(deps, tx, { actor: `wechat:${w.caller.appid}`, action: 'registration.bound-existing-user', target: holder._id, details: { methodId: w.method.id, retired: me?._id ?? null, mobile: maskMobile(phone) } });
  const user: UserDoc = { ...holder, ...set };
  const join = user['join_request'] as JoinRequest | undefined;
  const account = user.account_id ? { id: user.account_id, name: user.account_name ?? '' } : { id: join?.account_id ?? '', name: join?.account_name ?? '' };
  return { state: user.status === 'pending' ? 'pending' : 'member', user: userView(user), account: { ...account, matched: 'mobile' }, pendingApproval: user.status === 'pending' };
}
