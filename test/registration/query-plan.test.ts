import type { FindQuery, Store } from '../../cloudfunctions/core/ports';
import type { AccountDoc } from '../../cloudfunctions/core/kernel/docs';
import { checkAccountName, searchAccounts } from '../../cloudfunctions/core/registration/lookups';
import { findDuplicates } from '../../cloudfunctions/core/accounts/find-duplicates';
import { approveJoin, rejectJoin } from '../../cloudfunctions/core/registration/approvals';
import { indexUnindexedAccounts } from '../../cloudfunctions/core/registration/reindex';
import type { TestDeps } from '../support/deps';
import { addAccount, addContact, caller, freshMobile, register, registrationDeps } from './support';

/**
 * "No full scans, no regular-expression queries": every find the duplicate check, the searches, a
 * registration and an approval run is checked against SQLite's plan — an index search, never a scan.
 */
describe('registration queries use the indexes', () => {
  const finds: Array<{ coll: string; query: FindQuery }> = [];
  const recording = (store: Store): Store =>
    new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'find') return (coll: string, query: FindQuery) => (finds.push({ coll, query }), target.find(coll, query));
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });

  test('given every registration path, then each find is an index search', async () => {
    const base = await registrationDeps({ account: { duplicate_check: 'fuzzy', new_account_rule: 'user-defined' } });
    const deps: TestDeps = { ...base, store: base.store };
    const rec = { ...deps, store: recording(deps.store) } as TestDeps;
    const accountId = await addAccount(deps, '杭州星辰科技有限公司');
    await addContact(deps, accountId, '张伟', '13800000001');
    for (let i = 0; i < 30; i++) await addAccount(deps, `${i}号星辰测试有限公司`);

    await checkAccountName(rec, caller(), '星辰信息科技');
    await findDuplicates(rec, '星辰科技（杭州）有限公司', '91440300708461136T');
    const pending = await register(rec, caller(), { company: '星辰科技（杭州）有限公司' });
    await register(rec, caller(), { company: '杭州星辰科技有限公司', phone: '13800000001' });
    await register(rec, caller(), { company: '全新的公司' });
    const admin = { _id: 'adm', username: 'a', display_name: 'a', password_hash: '', permissions: ['*'], failed_attempts: 0, locked_until: 0 };
    await approveJoin(rec, admin, pending.user.id);
    const another = await register(rec, caller(), { company: '杭州市星辰科技有限责任公司' });
    await rejectJoin(rec, admin, another.user.id, undefined);
    await deps.store.update('methods', 'mth_test', { set: { 'account.new_account_rule': 'select-existing' } });
    deps.cache.invalidate();
    await searchAccounts(rec, caller(), '星辰测试');

    const colls = new Set(finds.map((f) => f.coll));
    for (const c of ['account_grams', 'accounts', 'contacts', 'ic_users', 'ic_enterprises', 'ic_bindings']) expect(colls).toContain(c);
    const plans = finds.map((f) => ({ coll: f.coll, where: Object.keys(f.query.where ?? {}).join(','), plan: deps.store.explainFind(f.coll, f.query).join(' | ') }));
    expect(plans.filter((p) => !/USING (COVERING )?INDEX|USING PRIMARY KEY/.test(p.plan) || /\bSCAN\b/.test(p.plan))).toEqual([]);
  });

  test('given Accounts written without the duplicate-check index, then indexUnindexedAccounts indexes them through the index and flags duplicates already in the data', async () => {
    const deps = await registrationDeps();
    const now = new Date().toISOString();
    await deps.store.insert('accounts', { _id: 'acc_old_1', name: '杭州星辰科技有限公司', created_at: now });
    await deps.store.insert('accounts', { _id: 'acc_old_2', name: '星辰科技（杭州）有限公司', created_at: now });
    await deps.store.insert('accounts', { _id: 'acc_old_3', name: '苏州恒泰精密机械股份有限公司', credit_code: '91440300708461136T', created_at: now });
    expect(deps.store.explainFind('accounts', { where: { name_key: null }, limit: 200 }).join(' ')).toMatch(/USING INDEX/);
    expect(await indexUnindexedAccounts(deps)).toBe(3);
    expect(await indexUnindexedAccounts(deps)).toBe(0);
    expect(await deps.store.get<AccountDoc>('accounts', 'acc_old_1')).toMatchObject({ name_key: '杭州|星辰科技|' });
    expect(await deps.store.get<AccountDoc>('accounts', 'acc_old_2')).toMatchObject({ name_key: '杭州|星辰科技|', needs_review: true, review_reasons: ['duplicate-in-data'] });
    const out = await register(deps, caller(), { account: { name: '完全不同', credit_code: '91440300708461136T' }, phone: freshMobile() });
    expect(out.account).toMatchObject({ id: 'acc_old_3', matched: 'credit-code' });
  });
});
