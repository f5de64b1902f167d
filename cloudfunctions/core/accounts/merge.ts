import type { MergeCounts, MergePreview, MergeResult, MergeWarning } from '../contracts/account-merge';
import type { Deps, StoreTx } from '../ports';
import type { AccountDoc, AdminDoc, EnterpriseDoc, UserDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { isoNow } from '../kernel/time';
import { auditInTx } from '../audit/audit';
import { retryOnConflict } from '../identity/retry';
import { adminActor, requireAdmin } from '../admin/permissions';
import { normaliseCompanyName } from './company-name';
import { compareNames } from './name-compare';
import { nameOfAccount, gramDocId, nameKeyId, usccKeyId, type AccountKeyDoc } from './name-index';
import { indexedGrams } from './name-similarity';

/**
 * Merging a duplicate Account into the one kept (issue 16). Everything that points at the merged
 * Account by `account_id` moves to the kept one: Contacts, users (bindings follow their user),
 * enterprises, devices, work orders and service requests. A merge touches an unbounded number of
 * documents while a CloudBase transaction holds a few dozen, so it runs as a journal (`account_merges`,
 * one per merged Account) and steps of at most BATCH documents, each step one transaction that also
 * counts what it moved in the journal. Killed half way, the same call resumes where the journal says;
 * two admins merging the same pair run the same journal and converge. The merged Account stays, with
 * `merged_into`, and its name and USCC keys point at the kept Account, so lookups land there.
 */
export const BATCH = 20;

interface MergeJournal {
  _id: string;
  keep_id: string;
  merge_id: string;
  status: 'running' | 'done';
  moved: MergeCounts;
  /** the enterprise users of the merged Account end up in ('' when neither Account has one) */
  target_enterprise_id: string;
  /** the merged Account's enterprises (their users move to the target) */
  merged_enterprise_ids: string[];
  started_by: string;
  started_at: string;
  finished_at?: string;
  [key: string]: unknown;
}

const journalId = (mergeId: string) => `merge_${mergeId}`;

/** Collections whose documents belong to an Account by `account_id`, with the journal's counter for each. */
const MOVED: Array<{ coll: string; counter: keyof MergeCounts }> = [
  { coll: 'contacts', counter: 'contacts' },
  { coll: 'ic_users', counter: 'users' },
  { coll: 'devices', counter: 'devices' },
  { coll: 'work_orders', counter: 'workOrders' },
  { coll: 'service_requests', counter: 'serviceRequests' },
];

const zero = (): MergeCounts => ({ contacts: 0, users: 0, enterprises: 0, devices: 0, workOrders: 0, serviceRequests: 0 });
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

async function bothAccounts(deps: Deps, keepId: string, mergeId: string): Promise<{ keep: AccountDoc; merge: AccountDoc }> {
  if (keepId === mergeId) throw new AppError('input/invalid', { field: 'mergeId', reason: 'same-account' });
  const [keep, merge] = await Promise.all([deps.store.get<AccountDoc>('accounts', keepId), deps.store.get<AccountDoc>('accounts', mergeId)]);
  if (!keep) throw new AppError('accounts/not-found', { accountId: keepId });
  if (!merge) throw new AppError('accounts/not-found', { accountId: mergeId });
  return { keep, merge };
}

/** `admin.accounts.mergePreview`: what a merge would move, how the names compare, and what to look at first. */
export async function previewMerge(deps: Deps, admin: AdminDoc, input: { keepId: string; mergeId: string }): Promise<MergePreview> {
  // a preview only reads; the merge itself needs accounts.update
  requireAdmin(admin, 'accounts.read');
  const { keep, merge } = await bothAccounts(deps, input.keepId, input.mergeId);
  const journal = await deps.store.get<MergeJournal>('account_merges', journalId(merge._id));
  const [enterprises, ...counts] = await Promise.all([
    deps.store.count('ic_enterprises', { account_id: merge._id }),
    ...MOVED.map((m) => deps.store.count(m.coll, { account_id: merge._id })),
  ]);
  const moves = zero();
  moves.enterprises = enterprises;
  MOVED.forEach((m, i) => (moves[m.counter] = counts[i]));
  const c = compareNames(nameOfAccount(merge), nameOfAccount(keep));
  const warnings: MergeWarning[] = [];
  const [kc, mc] = [str(keep['credit_code']), str(merge['credit_code'])];
  if (kc && mc && kc !== mc) warnings.push('credit-codes-differ');
  if (c.verdict === 'different') warnings.push('names-different');
  if ((str(keep['created_at']) ?? '') > (str(merge['created_at']) ?? '')) warnings.push('keep-is-newer');
  return {
    keep: side(keep),
    merge: side(merge),
    moves,
    kind: c.verdict,
    reasons: c.reasons,
    warnings,
    inProgress: journal?.status === 'running' && journal.keep_id === keep._id,
  };
}

function side(a: AccountDoc) {
  const out: MergePreview['keep'] = { id: a._id, name: a.name };
  if (str(a['credit_code'])) out.creditCode = str(a['credit_code']);
  if (str(a['created_at'])) out.createdAt = str(a['created_at']);
  return out;
}

/** Starts the journal, or finds the one already started for this pair. */
async function openJournal(deps: Deps, admin: AdminDoc, keep: AccountDoc, merge: AccountDoc): Promise<{ journal: MergeJournal; resumed: boolean }> {
  return retryOnConflict(() =>
    deps.store.transaction(async (tx) => {
      const existing = await tx.get<MergeJournal>('account_merges', journalId(merge._id));
      if (existing) {
        if (existing.keep_id !== keep._id) throw new AppError('accounts/merge-conflict', { accountId: merge._id, accountName: merge.name });
        return { journal: existing, resumed: true };
      }
      // the kept Account must not itself be merged away, or on its way out
      const current = await tx.get<AccountDoc>('accounts', keep._id);
      if (current?.['merged_into']) throw new AppError('accounts/merged', { accountId: keep._id, accountName: keep.name });
      const keepJournal = await tx.get<MergeJournal>('account_merges', journalId(keep._id));
      if (keepJournal) throw new AppError('accounts/merge-conflict', { accountId: keep._id, accountName: keep.name });
      if (merge['merged_into']) throw new AppError('accounts/merged', { accountId: merge._id, accountName: merge.name });
      const journal: MergeJournal = {
        _id: journalId(merge._id),
        keep_id: keep._id,
        merge_id: merge._id,
        status: 'running',
        moved: zero(),
        target_enterprise_id: '',
        merged_enterprise_ids: [],
        started_by: adminActor(admin),
        started_at: isoNow(deps.clock),
      };
      await tx.insert('account_merges', journal);
      await tx.update('accounts', merge._id, { set: { merging_into: keep._id } });
      await auditInTx(deps, tx, { actor: adminActor(admin), action: 'account.merge-started', target: merge._id, details: { keepId: keep._id } });
      return { journal, resumed: false };
    }),
  );
}

/** Runs `step` on batches of the documents still pointing at the merged Account until none is left. */
async function drain(deps: Deps, coll: string, mergeId: string, step: (tx: StoreTx, id: string) => Promise<boolean>, counter: keyof MergeCounts | null, jid: string): Promise<void> {
  for (;;) {
    const batch = await deps.store.find(coll, { where: { account_id: mergeId }, orderBy: [['_id', 'asc']], limit: BATCH });
    if (!batch.length) return;
    await retryOnConflict(() =>
      deps.store.transaction(async (tx) => {
        let moved = 0;
        // re-read inside the transaction: a concurrent merge of the same pair may have moved it already
        for (const d of batch) if (await step(tx, d._id)) moved++;
        if (counter && moved) await tx.update('account_merges', jid, { inc: { [`moved.${counter}`]: moved } });
      }),
    );
  }
}

/** `admin.accounts.merge`: moves everything of `mergeId` to `keepId`; idempotent, resumable, audited. */
export async function mergeAccounts(deps: Deps, admin: AdminDoc, input: { keepId: string; mergeId: string }): Promise<MergeResult> {
  requireAdmin(admin, 'accounts.update');
  const { keep, merge } = await bothAccounts(deps, input.keepId, input.mergeId);
  const opened = await openJournal(deps, admin, keep, merge);
  const jid = opened.journal._id;
  if (opened.journal.status !== 'done') {
    await moveEnterprises(deps, keep, merge, jid);
    const journal = (await deps.store.get<MergeJournal>('account_merges', jid)) as MergeJournal;
    const fromEnterprises = new Set(journal.merged_enterprise_ids);
    for (const { coll, counter } of MOVED) {
      await drain(
        deps,
        coll,
        merge._id,
        async (tx, id) => {
          const d = await tx.get(coll, id);
          if (!d || d['account_id'] !== merge._id) return false;
          const set: Record<string, unknown> = { account_id: keep._id };
          if (coll === 'ic_users') {
            set['account_name'] = keep.name;
            const u = d as UserDoc;
            if (journal.target_enterprise_id && fromEnterprises.has(u.enterprise_id)) Object.assign(set, { enterprise_id: journal.target_enterprise_id, enterprise_name: keep.name });
          }
          await tx.update(coll, id, { set });
          return true;
        },
        counter,
        jid,
      );
    }
    await finish(deps, admin, keep, merge, jid);
  }
  const done = (await deps.store.get<MergeJournal>('account_merges', jid)) as MergeJournal;
  return { keepId: keep._id, mergeId: merge._id, moved: done.moved, resumed: opened.resumed };
}

/**
 * The kept Account's enterprise (if it has one) is where users go; otherwise the merged Account's first
 * enterprise becomes the kept Account's. Chosen once and written to the journal, so a resumed run agrees.
 */
async function moveEnterprises(deps: Deps, keep: AccountDoc, merge: AccountDoc, jid: string): Promise<void> {
  const [mine, theirs] = await Promise.all([
    deps.store.find<EnterpriseDoc>('ic_enterprises', { where: { account_id: keep._id }, orderBy: [['_id', 'asc']], limit: 100 }),
    deps.store.find<EnterpriseDoc>('ic_enterprises', { where: { account_id: merge._id }, orderBy: [['_id', 'asc']], limit: 100 }),
  ]);
  await retryOnConflict(() =>
    deps.store.transaction(async (tx) => {
      const journal = (await tx.get<MergeJournal>('account_merges', jid)) as MergeJournal;
      if (journal.target_enterprise_id || !theirs.length) return;
      const target = mine.find((e) => e.kind === 'account') ?? mine[0] ?? theirs.find((e) => e.kind === 'account') ?? theirs[0];
      await tx.update('account_merges', jid, { set: { target_enterprise_id: target._id, merged_enterprise_ids: theirs.filter((e) => e._id !== target._id).map((e) => e._id) } });
    }),
  );
  const journal = (await deps.store.get<MergeJournal>('account_merges', jid)) as MergeJournal;
  await drain(
    deps,
    'ic_enterprises',
    merge._id,
    async (tx, id) => {
      const e = await tx.get<EnterpriseDoc>('ic_enterprises', id);
      if (!e || e.account_id !== merge._id) return false;
      const set: Record<string, unknown> = { account_id: keep._id, name: keep.name };
      if (id !== journal.target_enterprise_id) set['merged_into'] = journal.target_enterprise_id;
      await tx.update('ic_enterprises', id, { set });
      return true;
    },
    'enterprises',
    jid,
  );
}

/** Keys re-pointed, bigrams dropped, the Account marked merged and the journal closed: one transaction, audited once. */
async function finish(deps: Deps, admin: AdminDoc, keep: AccountDoc, merge: AccountDoc, jid: string): Promise<void> {
  const n = normaliseCompanyName(merge.name);
  const keyIds = [nameKeyId(n.key), nameKeyId(String(merge['name_key'] ?? n.key))];
  const code = str(merge['credit_code']);
  if (code) keyIds.push(usccKeyId(code));
  await retryOnConflict(() =>
    deps.store.transaction(async (tx) => {
      const journal = (await tx.get<MergeJournal>('account_merges', jid)) as MergeJournal;
      if (journal.status === 'done') return;
      for (const id of new Set(keyIds)) {
        const key = await tx.get<AccountKeyDoc>('account_keys', id);
        if (key?.account_id === merge._id) await tx.update('account_keys', id, { set: { account_id: keep._id } });
      }
      for (const gram of indexedGrams(n.core)) await tx.remove('account_grams', gramDocId(gram, merge._id));
      const now = isoNow(deps.clock);
      await tx.update('accounts', merge._id, { set: { merged_into: keep._id, merged_at: now, needs_review: false }, unset: ['merging_into'] });
      if (keep['possible_duplicate_of'] === merge._id) await tx.update('accounts', keep._id, { set: { needs_review: false } });
      await tx.update('account_merges', jid, { set: { status: 'done', finished_at: now } });
      await auditInTx(deps, tx, { actor: adminActor(admin), action: 'account.merged', target: merge._id, details: { keepId: keep._id, moved: journal.moved } });
    }),
  );
}

/** An Account id as it now resolves: a merged Account's id leads to the Account it was merged into. */
export async function currentAccount(deps: Deps, id: string): Promise<AccountDoc | null> {
  let account = await deps.store.get<AccountDoc>('accounts', id);
  for (let hops = 0; account && typeof account['merged_into'] === 'string' && hops < 8; hops++) {
    account = await deps.store.get<AccountDoc>('accounts', account['merged_into']);
  }
  return account;
}
