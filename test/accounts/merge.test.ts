import type { Store, StoreTx } from '../../cloudfunctions/core/ports';
import type { AdminDoc } from '../../cloudfunctions/core/kernel/docs';
import { COLLECTIONS } from '../../cloudfunctions/core/schema/collections';
import { BATCH, currentAccount, mergeAccounts, previewMerge } from '../../cloudfunctions/core/accounts/merge';
import { reviewQueue, dismissReview } from '../../cloudfunctions/core/accounts/review-queue';
import { matchAccountName } from '../../cloudfunctions/core/accounts/name-match';
import { accountNameFields, indexAccountInTx } from '../../cloudfunctions/core/accounts/name-index';
import { AppError } from '../../cloudfunctions/core/kernel/app-error';
import { createTestDeps, type TestDeps } from '../support/deps';

class InjectedFault extends Error {}

/** The real store, except that the `failAt`-th operation inside a transaction throws, as a killed process would. */
function faultyStore(store: Store, failAt: number): Store & { ops: number } {
  const wrapped = Object.create(store) as Store & { ops: number };
  wrapped.ops = 0;
  wrapped.transaction = <T>(fn: (tx: StoreTx) => Promise<T>) =>
    store.transaction((tx) => {
      const step = async <R>(op: () => Promise<R>): Promise<R> => {
        wrapped.ops++;
        if (wrapped.ops === failAt) throw new InjectedFault(`injected at tx op ${failAt}`);
        return op();
      };
      return fn({
        get: (c, id) => step(() => tx.get(c, id)),
        insert: (c, d) => step(() => tx.insert(c, d)),
        set: (c, d) => step(() => tx.set(c, d)),
        update: (c, id, p) => step(() => tx.update(c, id, p)),
        remove: (c, id) => step(() => tx.remove(c, id)),
      } as StoreTx);
    });
  return wrapped;
}

const ADMIN: AdminDoc = { _id: 'adm_merger', username: 'merger', display_name: 'Merger', password_hash: 'x', permissions: ['accounts.read', 'accounts.update'], failed_attempts: 0, locked_until: 0 };
const READER: AdminDoc = { ...ADMIN, _id: 'adm_reader', permissions: ['accounts.read'] };

const CONTACTS = BATCH + 5;
const USERS = BATCH + 3;

async function account(deps: TestDeps, id: string, name: string, extra: Record<string, unknown> = {}) {
  await deps.store.transaction(async (tx) => {
    await tx.insert('accounts', { _id: id, name, ...accountNameFields(name), created_at: '2026-11-20T00:00:00.000Z', ...extra });
    await indexAccountInTx(tx, { _id: id, name, credit_code: typeof extra['credit_code'] === 'string' ? extra['credit_code'] : undefined });
  });
}

/** Two Accounts of one company, with fixed ids: everything of `acc_dup` is to move to `acc_keep`. */
async function world(): Promise<TestDeps> {
  const deps = createTestDeps();
  await account(deps, 'acc_keep', '杭州星辰科技有限公司');
  await account(deps, 'acc_dup', '杭州星晨科技有限公司', { needs_review: true, review_reasons: ['possible-duplicate'], possible_duplicate_of: 'acc_keep' });
  await deps.store.insert('ic_enterprises', { _id: 'ent_keep', name: '杭州星辰科技有限公司', kind: 'account', account_id: 'acc_keep', created_at: '2026-11-20T00:00:00.000Z' });
  await deps.store.insert('ic_enterprises', { _id: 'ent_dup', name: '杭州星晨科技有限公司', kind: 'account', account_id: 'acc_dup', created_at: '2026-11-20T00:00:00.000Z' });
  for (let i = 0; i < CONTACTS; i++) await deps.store.insert('contacts', { _id: `con_${i}`, account_id: 'acc_dup', name: `联系人${i}`, mobile1: `1390000${String(i).padStart(4, '0')}` });
  for (let i = 0; i < USERS; i++) {
    await deps.store.insert('ic_users', { _id: `usr_${i}`, kind: 'member', status: 'active', name: `用户${i}`, enterprise_id: 'ent_dup', enterprise_name: '杭州星晨科技有限公司', account_id: 'acc_dup', account_name: '杭州星晨科技有限公司', contact_id: `con_${i}`, role_ids: [], holds_seat: true, created_at: 'x', updated_at: 'x' });
    await deps.store.insert('ic_bindings', { _id: `wx:app:o${i}`, user_id: `usr_${i}`, type: 'wechat', created_at: 'x' });
  }
  for (let i = 0; i < 3; i++) await deps.store.insert('devices', { _id: `dev_${i}`, account_id: 'acc_dup', name: `设备${i}` });
  for (let i = 0; i < 2; i++) await deps.store.insert('work_orders', { _id: `wo_${i}`, account_id: 'acc_dup', title: `工单${i}` });
  await deps.store.insert('service_requests', { _id: 'sr_0', account_id: 'acc_dup', title: '服务请求' });
  // someone else's data stays where it is
  await account(deps, 'acc_other', '苏州恒泰精密机械有限公司');
  await deps.store.insert('devices', { _id: 'dev_other', account_id: 'acc_other', name: '别人的设备' });
  return deps;
}

/** Every row of every collection, audit entries without their random ids: equal states are equal merges. */
function state(deps: TestDeps): string {
  const out: string[] = [];
  for (const c of COLLECTIONS) {
    const rows = deps.store.db.prepare(`SELECT doc FROM "${c.name}" ORDER BY 1`).pluck().all() as string[];
    const docs = rows.map((r) => JSON.parse(r) as Record<string, unknown>);
    if (c.name === 'audit_log') out.push(c.name, ...docs.map(({ _id, ...rest }) => JSON.stringify(rest)).sort());
    else out.push(c.name, ...docs.map((d) => JSON.stringify(d)));
  }
  return out.join('\n');
}

const codeOf = async (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : String(e)));

describe('merging a duplicate Account into the one kept', () => {
  test('given a preview, then it counts what moves, explains the names, and changes nothing', async () => {
    const deps = await world();
    const before = state(deps);
    const p = await previewMerge(deps, ADMIN, { keepId: 'acc_keep', mergeId: 'acc_dup' });
    expect(p.moves).toEqual({ contacts: CONTACTS, users: USERS, enterprises: 1, devices: 3, workOrders: 2, serviceRequests: 1 });
    expect(p.kind).toBe('typo');
    expect(p.reasons).toContainEqual({ code: 'typo', typed: '晨', existing: '辰', how: 'homophone' });
    expect(p).toMatchObject({ warnings: [], inProgress: false, keep: { id: 'acc_keep' }, merge: { id: 'acc_dup' } });
    expect(state(deps)).toBe(before);
  });

  test('given a merge, then Contacts, users, enterprises and records move, audited once, and the merged id resolves to the kept one', async () => {
    const deps = await world();
    const out = await mergeAccounts(deps, ADMIN, { keepId: 'acc_keep', mergeId: 'acc_dup' });
    expect(out).toEqual({ keepId: 'acc_keep', mergeId: 'acc_dup', resumed: false, moved: { contacts: CONTACTS, users: USERS, enterprises: 1, devices: 3, workOrders: 2, serviceRequests: 1 } });
    for (const coll of ['contacts', 'ic_users', 'ic_enterprises', 'devices', 'work_orders', 'service_requests']) expect(await deps.store.count(coll, { account_id: 'acc_dup' })).toBe(0);
    expect(await deps.store.count('contacts', { account_id: 'acc_keep' })).toBe(CONTACTS);
    // users join the kept Account's enterprise; their bindings still point at them
    expect(await deps.store.count('ic_users', { enterprise_id: 'ent_keep', account_name: '杭州星辰科技有限公司' })).toBe(USERS);
    expect(await deps.store.get('ic_bindings', 'wx:app:o0')).toMatchObject({ user_id: 'usr_0' });
    expect(await deps.store.get('ic_enterprises', 'ent_dup')).toMatchObject({ account_id: 'acc_keep', merged_into: 'ent_keep' });
    expect(await deps.store.get('devices', 'dev_other')).toMatchObject({ account_id: 'acc_other' });
    expect(await deps.store.get('accounts', 'acc_dup')).toMatchObject({ merged_into: 'acc_keep', needs_review: false });
    expect((await currentAccount(deps, 'acc_dup'))?._id).toBe('acc_keep');
    // the merged name now lands on the kept Account, and is offered nowhere else
    const m = await matchAccountName(deps, '杭州星晨科技有限公司', 'exact');
    expect(m.kind === 'exact' && m.account._id).toBe('acc_keep');
    const audits = await deps.store.find('audit_log', { where: { target: 'acc_dup' }, limit: 10 });
    expect(audits.map((a) => a['action']).sort()).toEqual(['account.merge-started', 'account.merged']);
  });

  test('given a finished merge, when it is asked again, then nothing changes and the same counts come back', async () => {
    const deps = await world();
    const first = await mergeAccounts(deps, ADMIN, { keepId: 'acc_keep', mergeId: 'acc_dup' });
    const after = state(deps);
    const again = await mergeAccounts(deps, ADMIN, { keepId: 'acc_keep', mergeId: 'acc_dup' });
    expect(again).toEqual({ ...first, resumed: true });
    expect(state(deps)).toBe(after);
  });

  test('given the process killed at any step of a merge, when the merge is run again, then it completes and the end state is that of an uninterrupted merge', async () => {
    const clean = await world();
    const counting = faultyStore(clean.store, Number.POSITIVE_INFINITY);
    await mergeAccounts({ ...clean, store: counting }, ADMIN, { keepId: 'acc_keep', mergeId: 'acc_dup' });
    const expected = state(clean);
    const steps = counting.ops;
    expect(steps).toBeGreaterThan(3 * BATCH);
    // every step would take long; a spread of them, first and last included, covers each kind of transaction
    const points = [...new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ...Array.from({ length: 30 }, (_, i) => Math.round(((i + 1) * steps) / 31)), steps - 2, steps - 1, steps])];
    for (const failAt of points) {
      const deps = await world();
      await expect(mergeAccounts({ ...deps, store: faultyStore(deps.store, failAt) }, ADMIN, { keepId: 'acc_keep', mergeId: 'acc_dup' })).rejects.toBeInstanceOf(InjectedFault);
      const out = await mergeAccounts(deps, ADMIN, { keepId: 'acc_keep', mergeId: 'acc_dup' });
      expect({ failAt, moved: out.moved }).toEqual({ failAt, moved: { contacts: CONTACTS, users: USERS, enterprises: 1, devices: 3, workOrders: 2, serviceRequests: 1 } });
      expect({ failAt, same: state(deps) === expected }).toEqual({ failAt, same: true });
    }
  });

  test('given two admins merging the same pair at once, then both succeed, everything moves once, and the end state is that of one merge', async () => {
    const one = await world();
    await mergeAccounts(one, ADMIN, { keepId: 'acc_keep', mergeId: 'acc_dup' });
    const deps = await world();
    const [a, b] = await Promise.all([
      mergeAccounts(deps, ADMIN, { keepId: 'acc_keep', mergeId: 'acc_dup' }),
      mergeAccounts(deps, ADMIN, { keepId: 'acc_keep', mergeId: 'acc_dup' }),
    ]);
    expect(a.moved).toEqual(b.moved);
    expect(a.moved.contacts).toBe(CONTACTS);
    expect(state(deps)).toBe(state(one));
  });

  test('given the same Account merged into two others at once, then one merge wins and the other is refused with accounts/merge-conflict', async () => {
    const deps = await world();
    await account(deps, 'acc_third', '星辰科技有限公司');
    const codes = await Promise.all([codeOf(mergeAccounts(deps, ADMIN, { keepId: 'acc_keep', mergeId: 'acc_dup' })), codeOf(mergeAccounts(deps, ADMIN, { keepId: 'acc_third', mergeId: 'acc_dup' }))]);
    expect(codes.sort()).toEqual(['accounts/merge-conflict', 'ok']);
  });

  test('given bad requests, then each is refused with its code and nothing changes', async () => {
    const deps = await world();
    const before = state(deps);
    expect(await codeOf(mergeAccounts(deps, READER, { keepId: 'acc_keep', mergeId: 'acc_dup' }))).toBe('access/denied');
    expect(await codeOf(previewMerge(deps, { ...READER, permissions: [] }, { keepId: 'acc_keep', mergeId: 'acc_dup' }))).toBe('access/denied');
    expect(await codeOf(mergeAccounts(deps, ADMIN, { keepId: 'acc_keep', mergeId: 'acc_keep' }))).toBe('input/invalid');
    expect(await codeOf(mergeAccounts(deps, ADMIN, { keepId: 'acc_keep', mergeId: 'acc_nobody' }))).toBe('accounts/not-found');
    expect(state(deps)).toBe(before);
    // once merged away, an Account can be neither kept nor merged again elsewhere
    await mergeAccounts(deps, ADMIN, { keepId: 'acc_keep', mergeId: 'acc_dup' });
    expect(await codeOf(mergeAccounts(deps, ADMIN, { keepId: 'acc_dup', mergeId: 'acc_other' }))).toBe('accounts/merged');
    expect(await codeOf(mergeAccounts(deps, ADMIN, { keepId: 'acc_other', mergeId: 'acc_dup' }))).toBe('accounts/merge-conflict');
  });
});

describe('the review queue of possible duplicates', () => {
  test('given a flagged Account, then it is listed with its candidate explained, and a dismissal (audited) takes it off', async () => {
    const deps = await world();
    const page = await reviewQueue(deps, READER, {});
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ id: 'acc_dup', reasons: ['possible-duplicate'], candidate: { id: 'acc_keep', kind: 'typo' } });
    expect(await codeOf(dismissReview(deps, READER, { id: 'acc_dup' }))).toBe('access/denied');
    await dismissReview(deps, ADMIN, { id: 'acc_dup' });
    expect((await reviewQueue(deps, READER, {})).items).toEqual([]);
    expect(await deps.store.count('audit_log', { action: 'account.review-dismissed', target: 'acc_dup' })).toBe(1);
  });

  test('given a merge of a flagged Account, then it leaves the queue', async () => {
    const deps = await world();
    await mergeAccounts(deps, ADMIN, { keepId: 'acc_keep', mergeId: 'acc_dup' });
    expect((await reviewQueue(deps, READER, {})).items).toEqual([]);
  });
});
