import type { AccountCreateIn, AccountsListIn, AccountUpdateIn, AccountView } from '../contracts/admin';
import type { Page } from '../contracts/domain';
import type { Deps } from '../ports';
import { q } from '../ports';
import type { AccountDoc, AdminDoc, EnterpriseDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { isoNow } from '../kernel/time';
import { auditInTx } from '../audit/audit';
import { retryOnConflict } from '../identity/retry';
import { accountNameFields } from '../accounts/name-index';
import { canonicalUscc, checkUscc } from '../accounts/uscc';
import { indexNewAccountInTx, refuseDuplicate, reindexAccountInTx } from '../accounts/account-index';
import { nearNameSameDay } from '../accounts/review-queue';
import { pageByIdOrName } from './paging';
import { adminActor, requireAdmin } from './permissions';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

function accountView(a: AccountDoc, contactCount: number, enterprise?: EnterpriseDoc): AccountView {
  const view: AccountView = { id: a._id, name: a.name, contactCount, createdAt: str(a['created_at']) ?? '' };
  const extra: Partial<AccountView> = {
    recordType: str(a['record_type']),
    owner: str(a['owner']),
    creditCode: str(a['credit_code']),
    creditCodeSuspect: a['credit_code_check'] === 'bad-check-digit' ? true : undefined,
    enterpriseId: enterprise?._id,
    updatedAt: str(a['updated_at']),
  };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (view as unknown as Record<string, unknown>)[k] = v;
  return view;
}

/** Contact counts (one indexed count per Account) and enterprises (one `in` query) for a page of Accounts. */
async function viewsOf(deps: Deps, accounts: AccountDoc[]): Promise<AccountView[]> {
  if (!accounts.length) return [];
  const ids = accounts.map((a) => a._id);
  const [counts, enterprises] = await Promise.all([
    Promise.all(ids.map((id) => deps.store.count('contacts', { account_id: id, record_type: q.ne('guest') }))),
    deps.store.find<EnterpriseDoc>('ic_enterprises', { where: { account_id: q.in(ids), kind: q.ne('guest') }, orderBy: [['_id', 'asc']], limit: 1000 }),
  ]);
  const pick = (id: string) => enterprises.find((e) => e.account_id === id && e.kind === 'account') ?? enterprises.find((e) => e.account_id === id);
  return accounts.map((a, i) => accountView(a, counts[i], pick(a._id)));
}

export async function listAccounts(deps: Deps, admin: AdminDoc, opts: AccountsListIn): Promise<Page<AccountView>> {
  requireAdmin(admin, 'accounts.read');
  const page = await pageByIdOrName<AccountDoc>(deps, 'accounts', {}, opts);
  const items = await viewsOf(deps, page.docs);
  return page.nextCursor ? { items, nextCursor: page.nextCursor } : { items };
}

/** A USCC as stored: canonical; malformed is refused, a failed check digit only flagged (DESIGN §3). */
function creditCodeFields(raw: string | undefined): { credit_code?: string; credit_code_check?: string } {
  if (raw === undefined || raw === '') return {};
  const code = canonicalUscc(raw);
  const verdict = checkUscc(code);
  if (verdict === 'malformed') throw new AppError('input/invalid', { field: 'creditCode', reason: 'malformed' });
  return { credit_code: code, credit_code_check: verdict };
}

export async function createAccount(deps: Deps, admin: AdminDoc, input: AccountCreateIn): Promise<AccountView> {
  requireAdmin(admin, 'accounts.create');
  const code = creditCodeFields(input.creditCode);
  await refuseDuplicate(deps, { name: input.name, creditCode: code.credit_code });
  const now = isoNow(deps.clock);
  // flagged for the review queue: a failed check digit, or a near name created the same day
  const near = await nearNameSameDay(deps, input.name);
  const reviewReasons = [...(code.credit_code_check === 'bad-check-digit' ? ['uscc-check-digit'] : []), ...(near ? ['near-name-same-day'] : [])];
  const doc: AccountDoc = {
    _id: deps.crypto.randomId('acc'),
    name: input.name,
    ...accountNameFields(input.name),
    ...(input.recordType ? { record_type: input.recordType } : {}),
    ...(input.owner ? { owner: input.owner } : {}),
    ...code,
    ...(reviewReasons.length ? { needs_review: true, review_reasons: reviewReasons } : {}),
    ...(near ? { possible_duplicate_of: near._id } : {}),
    created_by: adminActor(admin),
    created_at: now,
    updated_at: now,
  };
  await retryOnConflict(() =>
    deps.store.transaction(async (tx) => {
      await indexNewAccountInTx(tx, { _id: doc._id, name: doc.name, credit_code: code.credit_code });
      await tx.insert('accounts', doc);
      await auditInTx(deps, tx, { actor: adminActor(admin), action: 'account.created', target: doc._id, details: { name: doc.name } });
    }),
  );
  return accountView(doc, 0);
}

export async function updateAccount(deps: Deps, admin: AdminDoc, input: AccountUpdateIn): Promise<AccountView> {
  requireAdmin(admin, 'accounts.update');
  const code = input.creditCode === undefined ? undefined : creditCodeFields(input.creditCode);
  await refuseDuplicate(deps, { name: input.name, creditCode: code?.credit_code }, input.id);
  const result = await retryOnConflict(() =>
    deps.store.transaction(async (tx) => {
      const before = await tx.get<AccountDoc>('accounts', input.id);
      if (!before) throw new AppError('accounts/not-found', { accountId: input.id });
      const set: Record<string, unknown> = { updated_at: isoNow(deps.clock) };
      const unset: string[] = [];
      if (input.name !== undefined && input.name !== before.name) Object.assign(set, { name: input.name }, accountNameFields(input.name));
      if (input.recordType !== undefined) set['record_type'] = input.recordType;
      if (input.owner !== undefined) set['owner'] = input.owner;
      if (code) {
        if (code.credit_code) Object.assign(set, code);
        else unset.push('credit_code', 'credit_code_check');
      }
      const after = { ...before, ...set } as AccountDoc;
      for (const k of unset) delete after[k];
      const renamed = after.name !== before.name || after['credit_code'] !== before['credit_code'];
      if (renamed) await reindexAccountInTx(tx, before, { _id: after._id, name: after.name, credit_code: str(after['credit_code']) });
      await tx.update('accounts', input.id, { set, ...(unset.length ? { unset } : {}) });
      await auditInTx(deps, tx, { actor: adminActor(admin), action: 'account.updated', target: input.id, details: { fields: Object.keys(set).filter((k) => k !== 'updated_at' && !k.startsWith('name_')).concat(unset) } });
      return { before, after };
    }),
  );
  if (result.after.name !== result.before.name) await propagateAccountName(deps, result.after);
  return (await viewsOf(deps, [result.after]))[0];
}

/**
 * The Account's name is copied onto its enterprise and users (they are read on every call, so they carry
 * it). Updated after the rename commits, through the `account_id` / `enterprise_id` indexes; a failure here
 * leaves a stale display name only, which the next rename or a retry repairs.
 */
async function propagateAccountName(deps: Deps, account: AccountDoc): Promise<void> {
  const enterprises = await deps.store.find<EnterpriseDoc>('ic_enterprises', { where: { account_id: account._id }, orderBy: [['_id', 'asc']], limit: 100 });
  await deps.store.updateMany('ic_users', { account_id: account._id }, { set: { account_name: account.name } });
  for (const e of enterprises) {
    await deps.store.update('ic_enterprises', e._id, { set: { name: account.name } });
    await deps.store.updateMany('ic_users', { enterprise_id: e._id }, { set: { enterprise_name: account.name } });
  }
}
