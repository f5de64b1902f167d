import type { ObjectName, PermissionAction, Scope } from '../../cloudfunctions/core/contracts';
import { BUILTIN_ROLES } from '../../cloudfunctions/core/access/builtin-roles';
import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { addAccount, addMember } from '../support/fixtures';
import { ACTIONS, OBJECTS, PUBLIC_FLAG, SCOPES, asCaller, buildWorld, capPending, checkCaller, scopeIn, type Caller, type World } from './support/matrix';

/**
 * The access matrix: for every role × object × action × scope, members of two Accounts, an Account-less
 * (`openid-auto`) user, a guest and an anonymous caller each get exactly what the scope allows, through
 * list (every page), get, update and create, and with guessed ids. The expectations come from an oracle
 * written independently of the server (support/matrix.ts).
 */
describe('access matrix', () => {
  let t: TestRuntime;
  let admin: string;
  let w: World;
  let guestAccount: string;

  const adminCall = async (action: string, data: unknown) => {
    const r = await t.call('admin', { action, data }, { token: admin });
    if (!r.body.ok) throw new Error(`${action}: ${JSON.stringify(r.body.error)}`);
    return r.body.data;
  };
  const setRoles = (userId: string, roleIds: string[]) => adminCall('users.setRoles', { userId, roleIds });
  const members = () => [asCaller('A1', w.A1), asCaller('B1', w.B1), asCaller('U', w.U)];

  beforeAll(async () => {
    // No demo data: the world below is all there is.
    t = await startTestRuntime({ HULIAN_SEED: '0' });
    admin = await t.adminToken();
    guestAccount = await addAccount(t, '访客所属客户');
    await adminCall('settings.update', { selfRegistration: { enabled: true }, guest: { enabled: true, accountId: guestAccount, confirmCustomerAccount: true } });
    w = await buildWorld(t, guestAccount);
  }, 60_000);
  afterAll(() => t.stop());

  const combos: Array<[ObjectName, PermissionAction, Scope]> = OBJECTS.flatMap((o) =>
    ACTIONS.flatMap((a) => SCOPES.filter((s) => s !== 'public' || PUBLIC_FLAG[o]).map((s) => [o, a, s] as [ObjectName, PermissionAction, Scope])),
  );

  test.each(combos)('given a role with only %s.%s = %s, then A1, B1 and the Account-less user get exactly that, and nothing else', async (object, action, scope) => {
    const role = await adminCall('roles.create', { name: `仅 ${object}.${action}.${scope}`, permissions: [{ object, action, scope }] });
    for (const m of [w.A1, w.B1, w.U]) await setRoles(m.userId, [role.id]);
    const fails: string[] = [];
    for (const c of members()) fails.push(...(await checkCaller(t, w, c, (o, a) => (o === object && a === action ? scope : 'none'), [object, action])));
    expect(fails).toEqual([]);
  });

  test.each(BUILTIN_ROLES.filter((r) => !r.immutable).map((r) => [r._id, r] as const))('given the built-in role %s, then every object and action follows its scopes', async (_id, role) => {
    for (const m of [w.A1, w.B1, w.U]) await setRoles(m.userId, [role._id]);
    const fails: string[] = [];
    for (const c of members()) fails.push(...(await checkCaller(t, w, c, (o, a) => scopeIn(role.permissions, o, a))));
    expect(fails).toEqual([]);
  });

  test('given two roles, then the user gets the union: a public-only and an own-only device role give public ∪ own', async () => {
    const pub = await adminCall('roles.create', { name: '公开设备', permissions: [{ object: 'device', action: 'read', scope: 'public' }] });
    const own = await adminCall('roles.create', { name: '自己的工单', permissions: [{ object: 'workOrder', action: 'read', scope: 'own' }, { object: 'device', action: 'read', scope: 'own' }] });
    await setRoles(w.A1.userId, [pub.id, own.id]);
    const fails = await checkCaller(t, w, asCaller('A1', w.A1), (o, a) => (a === 'read' && o === 'device' ? 'own' : a === 'read' && o === 'workOrder' ? 'own' : 'none'));
    expect(fails).toEqual([]);
  });

  test('given a pending member with the account-admin role, then everything is held to their own records and what they create carries no Account', async () => {
    const P = await addMember(t, { accountId: w.accounts.A, roleIds: ['account-admin'], status: 'pending' });
    const admin_ = BUILTIN_ROLES.find((r) => r._id === 'account-admin')!;
    const fails = await checkCaller(t, w, asCaller('P', P), (o, a) => capPending(scopeIn(admin_.permissions, o, a)));
    expect(fails).toEqual([]);
  });

  test('given a guest (an app with no registration method, guests on), then public reads and creating service requests only, owned by the Guest record', async () => {
    const { token } = await t.wechat({ appid: 'wxmatrix000000009' });
    const session = await t.call('auth', { action: 'login', data: {} }, { token });
    expect(session.body.data.state).toBe('guest');
    const guest: Caller = { label: 'guest', kind: 'guest', token, userId: 'usr_guest', accountId: guestAccount, contactId: 'con_guest', enterpriseId: 'ent_guest' };
    const role = BUILTIN_ROLES.find((r) => r._id === 'guest')!;
    const fails = await checkCaller(t, w, guest, (o, a) => scopeIn(role.permissions, o, a));
    expect(fails).toEqual([]);
  });

  test('given guests off, then an anonymous caller is told to register for every object and action, and nothing is written', async () => {
    await adminCall('settings.update', { guest: { enabled: false } });
    try {
      const { token } = await t.wechat({ appid: 'wxmatrix000000009' });
      const digest = t.digest();
      const codes = new Set<string>();
      for (const object of OBJECTS) {
        codes.add((await t.call('records', { action: 'list', data: { object } }, { token })).body.error.code);
        codes.add((await t.call('records', { action: 'get', data: { object, id: w.records[object][4].id } }, { token })).body.error.code);
        codes.add((await t.call('records', { action: 'create', data: { object, data: { title: 'x'.repeat(3), description: 'y', body: 'z' } } }, { token })).body.error?.code ?? 'input');
        codes.add((await t.call('records', { action: 'update', data: { object, id: w.records[object][4].id, data: {} } }, { token })).body.error.code);
      }
      codes.delete('input/invalid'); // some objects' create data above is not valid for them: the schema answers first
      expect([...codes]).toEqual(['registration/required']);
      expect(t.digest()).toBe(digest);
    } finally {
      await adminCall('settings.update', { guest: { enabled: true } });
    }
  });
});
