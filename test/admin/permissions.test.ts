import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { limitedAdmin, type AdminClient } from '../support/admin';

/** Admin permissions are checked explicitly by every action (CloudBase rules do not apply in functions). */
describe('admin permissions', () => {
  let t: TestRuntime;
  let nobody: AdminClient;
  beforeAll(async () => {
    t = await startTestRuntime();
    nobody = await limitedAdmin(t, 'nobody', []);
  });
  afterAll(() => t.stop());

  const cases: Array<[action: string, data: unknown, permission: string]> = [
    ['dashboard', {}, 'dashboard.read'],
    ['users.list', {}, 'users.read'],
    ['users.get', { userId: 'usr_demo_zhang' }, 'users.read'],
    ['users.previewActivation', { accounts: [{ accountId: 'acc_demo_yuntu' }] }, 'users.read'],
    ['users.activate', { accounts: [{ accountId: 'acc_demo_yuntu' }], roleIds: ['terminal-user'] }, 'enterprises.create'],
    ['users.disable', { userId: 'usr_demo_zhang' }, 'users.update'],
    ['users.enable', { userId: 'usr_demo_zhang' }, 'users.update'],
    ['users.unbindWechat', { userId: 'usr_demo_zhang' }, 'users.update'],
    ['accounts.list', {}, 'accounts.read'],
    ['accounts.create', { name: '权限测试有限公司' }, 'accounts.create'],
    ['accounts.update', { id: 'acc_demo_yuntu', owner: 'x' }, 'accounts.update'],
    ['contacts.list', {}, 'contacts.read'],
    ['contacts.create', { accountId: 'acc_demo_yuntu', name: '某人' }, 'contacts.create'],
    ['contacts.update', { id: 'con_demo_zhao', name: '某人' }, 'contacts.update'],
    ['licences.get', {}, 'licences.read'],
    ['licences.grant', { seats: 5, reason: 'why not' }, 'licences.grant'],
    ['audit.list', {}, 'audit.read'],
  ];

  test.each(cases)('given an admin without permissions, when %s, then access/denied (403) and nothing written', async (action, data, permission) => {
    const before = t.digest();
    const r = await nobody.call(action, data);
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'access/denied', params: { permission } });
    expect(t.digest()).toBe(before);
  });

  test('given an admin holding exactly the permission (or its area.*), then the action runs', async () => {
    const reader = await limitedAdmin(t, 'reader', ['users.read', 'accounts.*', 'audit.read']);
    expect((await reader.call('users.list', {})).body.ok).toBe(true);
    expect((await reader.call('accounts.list', {})).body.ok).toBe(true);
    expect((await reader.call('audit.list', {})).body.ok).toBe(true);
    expect((await reader.call('licences.get', {})).body.error.code).toBe('access/denied');
    expect((await reader.call('users.disable', { userId: 'usr_demo_li' })).body.error.code).toBe('access/denied');
  });
});
