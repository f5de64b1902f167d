import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { demoAdmin, seats, seedAccount, setFreeSeats, type AdminClient } from '../support/admin';

/** Terminal users in the console: filters, detail, disable / enable, unbind WeChat. */
describe('admin terminal users', () => {
  let t: TestRuntime;
  let admin: AdminClient;
  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await demoAdmin(t);
    await setFreeSeats(t, 20);
    await seedAccount(t, 'acc_users', '用户管理有限公司', [
      { id: 'con_u1', name: '孙一', mobile1: '13600000001' },
      { id: 'con_u2', name: '孙二', mobile1: '13600000002' },
      { id: 'con_u3', name: '周三', mobile1: '13600000003' },
    ]);
    await admin.ok('users.activate', { accounts: [{ accountId: 'acc_users', contactIds: ['con_u1', 'con_u2'] }], roleIds: ['terminal-user'] });
    await admin.ok('users.activate', { accounts: [{ accountId: 'acc_users', contactIds: ['con_u3'] }], roleIds: ['account-admin'] });
  });
  afterAll(() => t.stop());

  const ids = (page: { items: Array<{ id: string }> }) => page.items.map((u) => u.id).sort();

  test('given filters by Account, method, role, status and a name prefix, then each narrows the list', async () => {
    expect(ids(await admin.ok('users.list', { accountId: 'acc_users' }))).toEqual(['usr_con_con_u1', 'usr_con_con_u2', 'usr_con_con_u3']);
    expect(ids(await admin.ok('users.list', { accountId: 'acc_users', roleId: 'account-admin' }))).toEqual(['usr_con_con_u3']);
    expect(ids(await admin.ok('users.list', { accountId: 'acc_users', query: '孙' }))).toEqual(['usr_con_con_u1', 'usr_con_con_u2']);
    const manual = await admin.ok('users.list', { methodId: 'manual', limit: 100 });
    expect(ids(manual)).toEqual(expect.arrayContaining(['usr_con_con_u1', 'usr_con_con_u2', 'usr_con_con_u3']));
    expect(manual.items.every((u: { methodId: string }) => u.methodId === 'manual')).toBe(true);
    const auto = await t.wechat();
    const autoUser = (await t.call('auth', { action: 'login', data: {} }, { token: auto.token })).body.data.user.id;
    expect(ids(await admin.ok('users.list', { methodId: 'mth_demo_auto', limit: 100 }))).toContain(autoUser);
    expect(ids(await admin.ok('users.list', { methodId: 'manual', limit: 100 }))).not.toContain(autoUser);
    const row = (await admin.ok('users.list', { accountId: 'acc_users', query: '周' })).items[0];
    expect(row).toMatchObject({ id: 'usr_con_con_u3', name: '周三', accountName: '用户管理有限公司', enterpriseName: '用户管理有限公司', contactName: '周三', holdsSeat: true, status: 'active' });
  });

  test('given many users, then pages follow one another without overlap', async () => {
    const first = await admin.ok('users.list', { limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await admin.ok('users.list', { limit: 2, cursor: first.nextCursor });
    expect(second.items.map((u: { id: string }) => u.id)).not.toEqual(expect.arrayContaining(first.items.map((u: { id: string }) => u.id)));
    const byName = await admin.ok('users.list', { accountId: 'acc_users', query: '孙', limit: 1 });
    const byName2 = await admin.ok('users.list', { accountId: 'acc_users', query: '孙', limit: 1, cursor: byName.nextCursor });
    expect([byName.items[0].id, byName2.items[0].id].sort()).toEqual(['usr_con_con_u1', 'usr_con_con_u2']);
    expect(byName2.nextCursor).toBeUndefined();
  });

  test('given a user with a WeChat binding, then users.get shows it masked, and the history from the audit log', async () => {
    const me = await t.wechat({ openid: 'oUsersTestOpenId01' });
    const binding = `wx:${me.appid}:${me.openid}`;
    await t.rt.deps.store.insert('ic_bindings', { _id: binding, user_id: 'usr_con_con_u1', type: 'wechat', appid: me.appid, created_at: new Date().toISOString() });
    const detail = await admin.ok('users.get', { userId: 'usr_con_con_u1' });
    expect(detail.bindings).toEqual([{ id: binding, type: 'wechat', appid: me.appid, appKind: 'mini-program', label: expect.stringContaining('***'), createdAt: expect.any(String) }]);
    expect(detail.bindings[0].label).not.toContain('OpenId01');
    expect(detail.history.map((h: { action: string }) => h.action)).toContain('user.activated');
    expect(detail.history[0]).toMatchObject({ actor: 'admin:adm_admin', target: 'usr_con_con_u1' });

    const after = await admin.ok('users.unbindWechat', { userId: 'usr_con_con_u1' });
    expect(after.bindings).toEqual([]);
    expect(after.history[0].action).toBe('user.wechat-unbound');
    expect((await t.call('auth', { action: 'me', data: {} }, { token: me.token })).body.data.user?.id).not.toBe('usr_con_con_u1');
  });

  test('given an active user, when disabled, then their seat is freed, their calls fail auth/disabled, and disabling again changes nothing', async () => {
    const me = await t.wechat();
    await t.rt.deps.store.insert('ic_bindings', { _id: `wx:${me.appid}:${me.openid}`, user_id: 'usr_con_con_u2', type: 'wechat', appid: me.appid, created_at: new Date().toISOString() });
    const before = await seats(t);
    const row = await admin.ok('users.disable', { userId: 'usr_con_con_u2' });
    expect(row).toMatchObject({ status: 'disabled', holdsSeat: false });
    expect((await seats(t)).used).toBe(before.used - 1);
    const r = await t.call('auth', { action: 'me', data: {} }, { token: me.token });
    expect([r.status, r.body.error.code]).toEqual([403, 'auth/disabled']);
    const digest = t.digest();
    await admin.ok('users.disable', { userId: 'usr_con_con_u2' });
    expect(t.digest()).toBe(digest);
    expect((await admin.ok('users.list', { accountId: 'acc_users', status: 'disabled' })).items.map((u: { id: string }) => u.id)).toEqual(['usr_con_con_u2']);
  });

  test('given no free seat, when a disabled user is enabled, then licence/exhausted and nothing changes; with a seat, they are active again', async () => {
    await setFreeSeats(t, 0);
    const digest = t.digest();
    const r = await admin.call('users.enable', { userId: 'usr_con_con_u2' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('licence/exhausted');
    expect(r.body.error.message).toBe('终端用户许可已用完，请联系服务商增购许可。');
    expect(t.digest()).toBe(digest);
    await setFreeSeats(t, 1);
    const used = (await seats(t)).used;
    expect(await admin.ok('users.enable', { userId: 'usr_con_con_u2' })).toMatchObject({ status: 'active', holdsSeat: true });
    expect((await seats(t)).used).toBe(used + 1);
    const history = (await admin.ok('users.get', { userId: 'usr_con_con_u2' })).history.map((h: { action: string }) => h.action);
    expect(history.slice(0, 2)).toEqual(['user.enabled', 'user.disabled']);
  });

  test('given the Guest user or an unknown id, then the user actions refuse', async () => {
    await t.call('auth', { action: 'loginAsGuest', data: {} }, { token: (await t.wechat({ appid: 'wxdemo0000000009' })).token });
    expect((await admin.call('users.disable', { userId: 'usr_guest' })).body.error).toMatchObject({ code: 'input/invalid', params: { reason: 'guest' } });
    const missing = await admin.call('users.get', { userId: 'usr_nobody' });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'users/not-found']);
    expect((await admin.call('users.enable', { userId: 'usr_nobody' })).body.error.code).toBe('users/not-found');
    expect((await admin.call('users.list', { status: { $ne: null } })).body.error.code).toBe('input/invalid');
  });
});
