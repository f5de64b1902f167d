import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { adminFunction } from '../../cloudfunctions/functions/admin/actions';
import { limitedAdmin } from '../support/admin';

/** Every admin action but `login` needs a valid admin token — checked before anything else. */
describe('admin tokens', () => {
  let t: TestRuntime;
  let valid: string;
  beforeAll(async () => {
    t = await startTestRuntime();
    valid = await t.adminToken();
  });
  afterAll(() => t.stop());

  const actions = Object.keys(adminFunction.actions).filter((a) => a !== 'login');

  test('the admin function has the console actions of this issue', () => {
    expect(actions).toEqual(
      expect.arrayContaining([
        'dashboard',
        'users.list',
        'users.get',
        'users.activate',
        'users.previewActivation',
        'users.disable',
        'users.enable',
        'users.unbindWechat',
        'accounts.list',
        'accounts.create',
        'accounts.update',
        'contacts.list',
        'contacts.create',
        'contacts.update',
        'licences.get',
        'licences.grant',
        'audit.list',
      ]),
    );
  });

  test.each([
    ['no token', () => undefined],
    ['a forged signature', () => `${valid.split('.')[0]}.AAAA`],
    ['a token of another kind (a WeChat session)', async () => (await t.wechat()).token],
    ['garbage', () => 'not-a-token'],
  ])('given %s, then every admin action answers auth/unauthenticated (401) and writes nothing, whatever the input', async (_label, tokenOf) => {
    const token = await tokenOf();
    const before = t.digest();
    for (const action of actions) {
      // input that would be valid, and input that would not: the token is checked first either way
      for (const data of [{}, { userId: 'usr_x', seats: 5, reason: 'r', accounts: [{ accountId: 'acc_demo_xingchen' }], roleIds: ['terminal-user'] }]) {
        const r = await t.call('admin', { action, data }, { token });
        expect([action, r.status, r.body.error?.code]).toEqual([action, 401, 'auth/unauthenticated']);
      }
    }
    expect(t.digest()).toBe(before);
  });

  test('given the token of an admin that no longer exists, then auth/unauthenticated', async () => {
    const gone = await limitedAdmin(t, 'gone-admin', ['*']);
    await t.rt.deps.store.remove('admins', 'adm_gone-admin');
    const r = await gone.call('users.list', {});
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('auth/unauthenticated');
  });
});
