import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { demoAdmin, type AdminClient } from '../support/admin';
import { isOp, type FindQuery } from '../../cloudfunctions/core/ports';

/**
 * Every list and filter of the console is an indexed query: each `find` the admin actions issue is run
 * through SQLite's query planner, and none may scan its whole collection. (The role filter is the known
 * exception on SQLite, which cannot index inside JSON arrays; CloudBase has a multikey index for it.)
 */
describe('admin queries use indexes', () => {
  let t: TestRuntime;
  let admin: AdminClient;
  const seen: Array<{ coll: string; query: FindQuery }> = [];
  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await demoAdmin(t);
    const store = t.rt.store;
    const find = store.find.bind(store);
    store.find = ((coll: string, query: FindQuery) => {
      seen.push({ coll, query });
      return find(coll, query);
    }) as typeof store.find;
  });
  afterAll(() => t.stop());

  const calls: Array<[string, unknown]> = [
    ['users.list', {}],
    ['users.list', { status: 'active' }],
    ['users.list', { accountId: 'acc_demo_xingchen' }],
    ['users.list', { methodId: 'manual' }],
    ['users.list', { query: '张' }],
    ['users.get', { userId: 'usr_demo_zhang' }],
    ['users.previewActivation', { accounts: [{ accountId: 'acc_demo_yuntu' }] }],
    ['accounts.list', {}],
    ['accounts.list', { query: '杭州' }],
    ['contacts.list', {}],
    ['contacts.list', { accountId: 'acc_demo_xingchen' }],
    ['contacts.list', { query: '张' }],
    ['licences.get', {}],
    ['audit.list', {}],
    ['audit.list', { actor: 'system' }],
    ['audit.list', { action: 'user.activated' }],
    ['audit.list', { target: 'usr_demo_zhang', from: '2020-01-01T00:00:00.000Z' }],
    ['dashboard', {}],
  ];

  test.each(calls)('%s %j reads through indexes only', async (action, data) => {
    seen.length = 0;
    await admin.ok(action, data);
    expect(seen.length).toBeGreaterThan(0);
    for (const { coll, query } of seen) {
      const plan = t.rt.store.explainFind(coll, query).join(' | ');
      // Tables are clustered on `_id`: an unfiltered page in `_id` order walks that b-tree and stops at the
      // limit. Any other plain "SCAN <table>" reads the whole collection ("SCAN … USING INDEX" walks an
      // index in order, "SEARCH" seeks one).
      const idWalk = Object.keys(query.where ?? {}).every((f) => f === '_id') && query.orderBy?.[0]?.[0] === '_id';
      if (!idWalk) expect([coll, plan]).not.toEqual([coll, expect.stringMatching(new RegExp(`SCAN ${coll}(?! USING)`))]);
      // sorting in a temporary b-tree means reading every match first; fine only for lookups by a list of
      // keys (`in`), whose result is as small as the list
      const lookup = Object.values(query.where ?? {}).some((v) => isOp(v) && v.op === 'in');
      if (!lookup) expect([coll, plan]).not.toEqual([coll, expect.stringContaining('TEMP B-TREE')]);
    }
  });
});
