import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { demoAdmin, type AdminClient } from '../support/admin';

/** Audit entries come with the names of what they mention, so the console never shows a raw id. */
describe('audit entries name who and what', () => {
  let t: TestRuntime;
  let admin: AdminClient;
  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await demoAdmin(t);
  });
  afterAll(() => t.stop());

  test('given an admin sign-in, then its entry names the admin as actor and as target', async () => {
    const page = await admin.ok('audit.list', { action: 'admin.login', limit: 1 });
    const entry = page.items[0];
    const adminId = entry.actor.slice('admin:'.length);
    expect(entry.names).toEqual({ [`admin:${adminId}`]: expect.any(String) });
    expect(entry.names[`admin:${adminId}`]).not.toBe('');
  });

  test('given a user activated for a Contact, then the entry names the user, the Account, the Contact and the roles', async () => {
    const account = await admin.ok('accounts.create', { name: '审计名称测试客户' });
    const contact = await admin.ok('contacts.create', { accountId: account.id, name: '卫十一', mobile1: '13755550001' });
    await admin.ok('users.activate', { accounts: [{ accountId: account.id, contactIds: [contact.id] }], roleIds: ['terminal-user'] });
    const page = await admin.ok('audit.list', { action: 'user.activated', limit: 5 });
    const entry = page.items.find((e: { details?: { contactId?: string } }) => e.details?.contactId === contact.id);
    expect(entry.names).toMatchObject({ [entry.target]: '卫十一', [account.id]: '审计名称测试客户', [contact.id]: '卫十一', 'terminal-user': expect.any(String) });
  });
});
