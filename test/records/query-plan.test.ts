import type { Deps, FindQuery, Store } from '../../cloudfunctions/core/ports';
import { resolvePrincipal } from '../../cloudfunctions/core/identity/principal';
import { getRecord, listRecords } from '../../cloudfunctions/core/records/records';
import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { addAccount, addMember, addRecord, RECORD_BODY, type Member } from '../support/fixtures';

/**
 * "The scope is part of the store query": every find a list or get runs is checked against SQLite's
 * plan — an index search, never a scan of the collection — and carries the scope's own condition.
 */
describe('scoped queries use the indexes', () => {
  let t: TestRuntime;
  let m: Member;
  const finds: Array<{ coll: string; query: FindQuery }> = [];

  /** The real store, recording the finds that pass through it. */
  const recording = (store: Store): Store =>
    new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'find') return (coll: string, query: FindQuery) => (finds.push({ coll, query }), target.find(coll, query));
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });

  beforeAll(async () => {
    t = await startTestRuntime();
    const acc = await addAccount(t);
    m = await addMember(t, { accountId: acc, roleIds: ['account-admin'] });
    for (let i = 0; i < 5; i++) await addRecord(t, 'work_orders', { ...RECORD_BODY['work_orders'], account_id: acc, created_by: m.userId });
  });
  afterAll(() => t.stop());

  const plans = () => finds.map((f) => ({ where: f.query.where ?? {}, plan: t.rt.store.explainFind(f.coll, f.query).join(' | ') }));

  test.each([
    ['workOrder', 'an account admin'],
    ['device', 'an account admin'],
    ['article', 'a guest'],
    ['device', 'a guest'],
  ])('given a %s list by %s, then each branch query searches an index and holds a scope condition', async (object, who) => {
    const deps: Deps = { ...t.rt.deps, store: recording(t.rt.deps.store) };
    // an app with no registration method: an unbound caller there is a guest (the demo turns guests on)
    const caller = who === 'a guest' ? { appid: 'wxqueryplan00009', openid: 'oQueryPlanGuest' } : { appid: t.rt.config.devAppId, openid: m.openid };
    const principal = await resolvePrincipal(deps, caller);
    finds.length = 0; // only the list's own queries
    const page = await listRecords(deps, principal, { object: object as 'workOrder', limit: 2 });
    await listRecords(deps, principal, { object: object as 'workOrder', limit: 2, ...(page.nextCursor ? { cursor: page.nextCursor } : {}) });
    expect(finds.length).toBeGreaterThan(0);
    for (const { where, plan } of plans()) {
      expect(plan).toMatch(/^SEARCH \S+ USING (COVERING )?INDEX/);
      expect(Object.keys(where).some((k) => ['account_id', 'created_by', 'public'].includes(k))).toBe(true);
    }
  });

  test('given a get by id, then each branch query is a primary-key search with the scope condition', async () => {
    const id = (await t.rt.deps.store.find('work_orders', { where: { created_by: m.userId }, limit: 1 }))[0]._id;
    const deps: Deps = { ...t.rt.deps, store: recording(t.rt.deps.store) };
    const principal = await resolvePrincipal(deps, { appid: t.rt.config.devAppId, openid: m.openid });
    finds.length = 0;
    await getRecord(deps, principal, 'workOrder', id);
    for (const { where, plan } of plans()) {
      expect(plan).toMatch(/^SEARCH \S+ USING PRIMARY KEY \(id=\?\)/);
      expect(where['_id']).toBe(id);
      expect(Object.keys(where).length).toBeGreaterThan(1);
    }
  });
});
