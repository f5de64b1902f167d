import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { demoAdmin, type AdminClient } from '../support/admin';

/** CRM Accounts and Contacts in the console. */
describe('admin Accounts and Contacts', () => {
  let t: TestRuntime;
  let admin: AdminClient;
  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await demoAdmin(t);
  });
  afterAll(() => t.stop());

  test('given a new Account, then it is listed, searchable by name prefix, audited, and indexed for duplicate checks', async () => {
    const a = await admin.ok('accounts.create', { name: '宁波海岳智能装备有限公司', recordType: 'customer', owner: 'sales-wang', creditCode: '91330200MA2AAAAA0X' });
    expect(a).toMatchObject({ id: expect.stringMatching(/^acc_/), name: '宁波海岳智能装备有限公司', recordType: 'customer', owner: 'sales-wang', creditCode: '91330200MA2AAAAA0X', contactCount: 0 });
    const found = await admin.ok('accounts.list', { query: '宁波海岳' });
    expect(found.items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect((await admin.ok('accounts.list', { query: '海岳' })).items).toEqual([]);
    expect(await t.rt.deps.store.count('audit_log', { action: 'account.created', target: a.id })).toBe(1);
    // the same company typed differently is a duplicate (normalised name key)
    const dup = await admin.call('accounts.create', { name: '海岳智能装备（宁波）有限责任公司' });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'accounts/duplicate', params: { accountId: a.id } });
    expect(dup.body.error.message).toContain('宁波海岳智能装备有限公司');
    const sameCode = await admin.call('accounts.create', { name: '完全不同的名字有限公司', creditCode: '91330200MA2AAAAA0X' });
    expect(sameCode.body.error.code).toBe('accounts/duplicate');
  });

  test('given a malformed credit code, then input/invalid; a failed check digit is kept and flagged', async () => {
    expect((await admin.call('accounts.create', { name: '代码测试一有限公司', creditCode: 'ABC' })).body.error.code).toBe('input/invalid');
    const flagged = await admin.ok('accounts.create', { name: '代码测试二有限公司', creditCode: '911100001000000001' });
    expect(flagged.creditCodeSuspect).toBe(true);
  });

  test('given Contacts, then mobile1 is validated, they are listed by Account and by name prefix, with their activation state', async () => {
    const a = await admin.ok('accounts.create', { name: '温州瓯江电气有限公司' });
    for (const bad of ['1380000', '23800000001', { $ne: null }, ['13800000001']]) {
      expect((await admin.call('contacts.create', { accountId: a.id, name: '坏号码', mobile1: bad })).body.error.code).toBe('input/invalid');
    }
    const missing = await admin.call('contacts.create', { accountId: 'acc_nowhere', name: '某人' });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'accounts/not-found']);
    const wu = await admin.ok('contacts.create', { accountId: a.id, name: '吴敏', mobile1: '13900001111' });
    const wang = await admin.ok('contacts.create', { accountId: a.id, name: '王强', mobile1: '13900002222' });
    expect(wu).toMatchObject({ accountId: a.id, accountName: '温州瓯江电气有限公司', name: '吴敏', mobile1: '13900001111' });
    const byAccount = await admin.ok('contacts.list', { accountId: a.id });
    expect(byAccount.items.map((c: { id: string }) => c.id).sort()).toEqual([wu.id, wang.id].sort());
    expect((await admin.ok('contacts.list', { accountId: a.id, query: '吴' })).items.map((c: { id: string }) => c.id)).toEqual([wu.id]);
    expect((await admin.ok('accounts.list', { query: '温州瓯江' })).items[0].contactCount).toBe(2);

    await admin.ok('licences.grant', { seats: 2, reason: 'crm test' });
    await admin.ok('users.activate', { accounts: [{ accountId: a.id, contactIds: [wu.id] }], roleIds: ['terminal-user'] });
    const after = (await admin.ok('contacts.list', { accountId: a.id })).items.find((c: { id: string }) => c.id === wu.id);
    expect(after).toMatchObject({ userId: `usr_con_${wu.id}`, userStatus: 'active' });
    expect((await admin.ok('accounts.list', { query: '温州瓯江' })).items[0].enterpriseId).toBe(`ent_acc_${a.id}`);
  });

  test('given renames, then the Account, its enterprise and users, and the Contact\'s user follow', async () => {
    const a = await admin.ok('accounts.create', { name: '台州东海阀门有限公司' });
    const c = await admin.ok('contacts.create', { accountId: a.id, name: '郑华', mobile1: '13900003333' });
    await admin.ok('licences.grant', { seats: 1, reason: 'rename test' });
    await admin.ok('users.activate', { accounts: [{ accountId: a.id }], roleIds: ['terminal-user'] });
    const renamed = await admin.ok('accounts.update', { id: a.id, name: '台州东海流体控制有限公司', owner: 'sales-li' });
    expect(renamed).toMatchObject({ name: '台州东海流体控制有限公司', owner: 'sales-li' });
    expect(await t.rt.deps.store.get('ic_enterprises', `ent_acc_${a.id}`)).toMatchObject({ name: '台州东海流体控制有限公司' });
    expect(await t.rt.deps.store.get('ic_users', `usr_con_${c.id}`)).toMatchObject({ account_name: '台州东海流体控制有限公司', enterprise_name: '台州东海流体控制有限公司' });
    // the old name is free again, the new one is taken
    expect((await admin.call('accounts.create', { name: '台州东海流体控制有限公司' })).body.error.code).toBe('accounts/duplicate');
    expect((await admin.ok('accounts.create', { name: '台州东海阀门有限公司' })).name).toBe('台州东海阀门有限公司');

    const contact = await admin.ok('contacts.update', { id: c.id, name: '郑小华', mobile1: '13900004444' });
    expect(contact).toMatchObject({ name: '郑小华', mobile1: '13900004444' });
    expect(await t.rt.deps.store.get('ic_users', `usr_con_${c.id}`)).toMatchObject({ name: '郑小华', contact_name: '郑小华' });
    expect((await admin.call('accounts.update', { id: 'acc_nowhere', name: 'x' })).body.error.code).toBe('accounts/not-found');
    expect((await admin.call('contacts.update', { id: 'con_nowhere', name: 'x' })).body.error.code).toBe('contacts/not-found');
  });
});
