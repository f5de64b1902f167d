import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { addAccount, addMember } from '../support/fixtures';

describe('admin roles', () => {
  let t: TestRuntime;
  let admin: string;
  const adminCall = (action: string, data: unknown, token = admin) => t.call('admin', { action, data }, { token });
  const perm = (object: string, action: string, scope: string) => ({ object, action, scope });

  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await t.adminToken();
  });
  afterAll(() => t.stop());

  test('given a fresh install, then roles.list shows the three built-in roles, guest immutable', async () => {
    const r = await adminCall('roles.list', {});
    const byId = Object.fromEntries(r.body.data.items.map((x: { id: string }) => [x.id, x]));
    expect(byId['guest']).toMatchObject({ builtin: true, immutable: true, nameEn: 'Guest' });
    expect(byId['terminal-user']).toMatchObject({ builtin: true, immutable: false });
    expect(byId['account-admin']).toMatchObject({ builtin: true, immutable: false });
  });

  test('given no admin token, then auth/unauthenticated; an admin without roles permissions gets access/denied', async () => {
    expect((await adminCall('roles.list', {}, '')).body.error.code).toBe('auth/unauthenticated');
    await t.rt.deps.store.insert('admins', { _id: 'adm_viewer', username: 'viewer', display_name: '只读', password_hash: await t.rt.deps.crypto.hashPassword('viewer-password-1'), permissions: ['users.read'], failed_attempts: 0, locked_until: 0 });
    const login = await t.call('admin', { action: 'login', data: { username: 'viewer', password: 'viewer-password-1' } });
    const viewer = login.body.data.token;
    const digest = t.digest();
    expect((await adminCall('roles.create', { name: '偷偷加的', permissions: [] }, viewer)).body.error.code).toBe('access/denied');
    expect((await adminCall('settings.update', { manualActivation: false }, viewer)).body.error.code).toBe('access/denied');
    expect(t.digest()).toBe(digest);
  });

  test('given a new role, when created, listed, updated and deleted, then each step is audited', async () => {
    const created = await adminCall('roles.create', { name: '设备巡检员', nameEn: 'Inspector', permissions: [perm('device', 'read', 'account'), perm('device', 'update', 'account')] });
    expect(created.body.data).toMatchObject({ name: '设备巡检员', nameEn: 'Inspector', builtin: false, immutable: false });
    const id = created.body.data.id;
    const updated = await adminCall('roles.update', { id, permissions: [perm('device', 'read', 'all')] });
    expect(updated.body.data.permissions).toEqual([perm('device', 'read', 'all')]);
    expect((await adminCall('roles.delete', { id })).body.data).toEqual({ id });
    expect(await t.rt.deps.store.get('roles', id)).toBeNull();
    const audit = await t.rt.deps.store.find('audit_log', { where: { target: id }, limit: 10 });
    expect(audit.map((a) => a['action']).sort()).toEqual(['role.created', 'role.deleted', 'role.updated']);
  });

  test.each([
    [{ name: 'x', permissions: [perm('device', 'read', 'own'), perm('device', 'read', 'all')] }, 'permissions[1]'],
    [{ name: 'x', permissions: [perm('workOrder', 'read', 'public')] }, 'permissions[0].scope'],
    [{ name: 'x', permissions: [perm('invoice', 'read', 'all')] }, 'permissions[0].object'],
    [{ name: 'x', permissions: [{ ...perm('device', 'read', 'all'), extra: 1 }] }, 'permissions[0].extra'],
    [{ name: '', permissions: [] }, 'name'],
    [{ name: '终端用户', permissions: [] }, 'name'],
  ])('given an invalid role %j, then input/invalid on %s and nothing is written', async (data, field) => {
    const digest = t.digest();
    const r = await adminCall('roles.create', data);
    expect(r.body.error).toMatchObject({ code: 'input/invalid', params: { field } });
    expect(t.digest()).toBe(digest);
  });

  test('given a user holding a role, when the role is edited, then their permissions change on their very next call', async () => {
    const role = (await adminCall('roles.create', { name: '可变角色', permissions: [perm('article', 'read', 'public')] })).body.data;
    const m = await addMember(t, { accountId: await addAccount(t), roleIds: [role.id] });
    const before = await t.call('records', { action: 'list', data: { object: 'workOrder' } }, { token: m.token });
    expect(before.body.error.code).toBe('access/denied');
    await adminCall('roles.update', { id: role.id, permissions: [perm('article', 'read', 'public'), perm('workOrder', 'read', 'own')] });
    const after = await t.call('records', { action: 'list', data: { object: 'workOrder' } }, { token: m.token });
    expect(after.body.ok).toBe(true);
    const me = await t.call('auth', { action: 'me', data: {} }, { token: m.token });
    expect(me.body.data.permissions).toEqual(expect.arrayContaining([perm('workOrder', 'read', 'own')]));
  });

  test('given a role still held by users, when deleted, then roles/in-use says by how many, and nothing changes', async () => {
    const role = (await adminCall('roles.create', { name: '在用角色', permissions: [perm('article', 'read', 'all')] })).body.data;
    const acc = await addAccount(t);
    await addMember(t, { accountId: acc, roleIds: [role.id] });
    await addMember(t, { accountId: acc, roleIds: ['terminal-user', role.id] });
    const digest = t.digest();
    const r = await adminCall('roles.delete', { id: role.id });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'roles/in-use', params: { users: 2, methods: 0 } });
    expect(t.digest()).toBe(digest);
  });

  test('given a role a registration method gives, when deleted, then roles/in-use', async () => {
    const role = (await adminCall('roles.create', { name: '注册默认角色', permissions: [] })).body.data;
    await t.rt.deps.store.insert('methods', { _id: 'mth_test_roles', name: '测试', app_id: 'wxrolestest00001', enabled: false, mode: 'form', role_ids: [role.id], created_at: new Date().toISOString() });
    const r = await adminCall('roles.delete', { id: role.id });
    expect(r.body.error).toMatchObject({ code: 'roles/in-use', params: { users: 0, methods: 1 } });
  });

  test('given a built-in role, when deleted, then roles/builtin; an unknown role is roles/not-found', async () => {
    expect((await adminCall('roles.delete', { id: 'terminal-user' })).body.error.code).toBe('roles/builtin');
    expect((await adminCall('roles.delete', { id: 'rol_nothing' })).body.error.code).toBe('roles/not-found');
    expect((await adminCall('roles.update', { id: 'rol_nothing', name: 'x' })).body.error.code).toBe('roles/not-found');
  });

  test('given users.setRoles, then the roles are replaced, de-duplicated and audited; unknown roles and users are refused', async () => {
    const m = await addMember(t, { accountId: await addAccount(t), roleIds: ['terminal-user'] });
    const r = await adminCall('users.setRoles', { userId: m.userId, roleIds: ['account-admin', 'terminal-user', 'account-admin'] });
    expect(r.body.data).toEqual({ userId: m.userId, roleIds: ['account-admin', 'terminal-user'] });
    expect(await t.rt.deps.store.get('ic_users', m.userId)).toMatchObject({ role_ids: ['account-admin', 'terminal-user'] });
    expect(await t.rt.deps.store.count('audit_log', { target: m.userId, action: 'user.roles-set' })).toBe(1);
    const digest = t.digest();
    expect((await adminCall('users.setRoles', { userId: m.userId, roleIds: ['rol_nothing'] })).body.error.code).toBe('roles/not-found');
    expect((await adminCall('users.setRoles', { userId: 'usr_nothing', roleIds: [] })).body.error.code).toBe('users/not-found');
    expect(t.digest()).toBe(digest);
  });
});
