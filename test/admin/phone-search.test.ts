import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { demoAdmin, type AdminClient } from '../support/admin';

/** The console finds people and Contacts by a whole mainland mobile, not only by a name prefix. */
describe('search by phone', () => {
  let t: TestRuntime;
  let admin: AdminClient;
  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await demoAdmin(t);
  });
  afterAll(() => t.stop());

  test('given an activated Contact, when the admin searches users and Contacts by their mobile, then exactly that person comes back', async () => {
    const account = await admin.ok('accounts.create', { name: '手机号搜索测试客户' });
    const contact = await admin.ok('contacts.create', { accountId: account.id, name: '蒋十二', mobile1: '13766660012' });
    await admin.ok('contacts.create', { accountId: account.id, name: '沈十三', mobile1: '13766660013' });
    await admin.ok('users.activate', { accounts: [{ accountId: account.id, contactIds: [contact.id] }], roleIds: ['terminal-user'] });

    const users = await admin.ok('users.list', { query: '13766660012' });
    expect(users.items.map((u: { name: string }) => u.name)).toEqual(['蒋十二']);
    const contacts = await admin.ok('contacts.list', { query: '13766660013' });
    expect(contacts.items.map((c: { name: string }) => c.name)).toEqual(['沈十三']);
    // filters still apply
    expect((await admin.ok('users.list', { query: '13766660012', status: 'disabled' })).items).toEqual([]);
  });

  test('given a part of a number, then it is a name search and finds nobody by phone', async () => {
    expect((await admin.ok('users.list', { query: '1376666' })).items).toEqual([]);
  });
});
