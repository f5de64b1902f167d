import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { adminClient, demoAdmin, limitedAdmin, type AdminClient } from '../support/admin';
import type { AdminSessionDoc } from '../../cloudfunctions/core/kernel/docs';

/** Admin tokens are sessions: they end at once on logout, a password change or a disable, and time out when idle. */
describe('admin sessions under attack', () => {
  let t: TestRuntime;
  let root: AdminClient;
  beforeAll(async () => {
    t = await startTestRuntime();
    root = await demoAdmin(t);
  });
  afterAll(() => t.stop());

  const sessionIdOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')).sid;
  const login = async (username: string, password: string) => {
    const r = await t.call('admin', { action: 'login', data: { username, password } });
    if (!r.body.ok) throw new Error(JSON.stringify(r.body));
    return adminClient(t, r.body.data.token);
  };

  test('given a stolen token, when its owner logs out, then the token is refused at once (401) while their other session keeps working', async () => {
    const stolen = await limitedAdmin(t, 'logout-owner', ['users.read']);
    const other = await login('logout-owner', 'pw-logout-owner-0123456789');
    expect((await stolen.call('users.list', {})).status).toBe(200);

    expect(await stolen.ok('logout', {})).toEqual({ ended: true });
    for (const action of ['users.list', 'me', 'renew', 'logout']) {
      const r = await stolen.call(action, {});
      expect([action, r.status, r.body.error?.code]).toEqual([action, 401, 'auth/unauthenticated']);
    }
    expect((await other.call('users.list', {})).status).toBe(200);
  });

  test('given two sessions, when the admin changes their password, then both old tokens stop working, the answer carries a working one, and only the new password signs in', async () => {
    const first = await limitedAdmin(t, 'changer', ['users.read']);
    const second = await login('changer', 'pw-changer-0123456789');
    const changed = await first.ok<{ token: string }>('password.change', { currentPassword: 'pw-changer-0123456789', newPassword: 'a-brand-new-password-42' });

    for (const old of [first, second]) expect((await old.call('users.list', {})).body.error.code).toBe('auth/unauthenticated');
    expect((await adminClient(t, changed.token).call('users.list', {})).status).toBe(200);
    expect((await t.call('admin', { action: 'login', data: { username: 'changer', password: 'pw-changer-0123456789' } })).body.error.code).toBe('admin/invalid-credentials');
    expect((await t.call('admin', { action: 'login', data: { username: 'changer', password: 'a-brand-new-password-42' } })).status).toBe(200);
  });

  test('given a stolen token, when it tries to change the password without the current one, then invalid-credentials, nothing changes, and the guesses are counted like logins', async () => {
    const victim = await limitedAdmin(t, 'pw-victim', []);
    const before = t.digest();
    const r = await victim.call('password.change', { currentPassword: 'not-it', newPassword: 'attacker-password-123' });
    expect([r.status, r.body.error.code]).toEqual([401, 'admin/invalid-credentials']);
    // the guess is counted (a login budget), nothing else: the password and sessions are untouched
    expect(t.digest()).not.toBe(before);
    expect((await victim.call('me', {})).status).toBe(200);
    const guesses = await Promise.all(Array.from({ length: 20 }, () => victim.call('password.change', { currentPassword: 'guess', newPassword: 'attacker-password-123' })));
    expect(guesses.filter((g) => g.body.error.code === 'admin/invalid-credentials').length).toBeLessThanOrEqual(5);
    expect(guesses.filter((g) => g.body.error.code === 'admin/locked').length).toBeGreaterThanOrEqual(15);
  });

  test('given a signed-in admin, when a super admin disables them, then their token stops at once and signing in again is refused; enabled, they sign in', async () => {
    const target = await limitedAdmin(t, 'to-disable', ['users.read']);
    await root.ok('admins.disable', { id: 'adm_to-disable' });
    expect((await target.call('users.list', {})).body.error.code).toBe('auth/unauthenticated');
    const again = await t.call('admin', { action: 'login', data: { username: 'to-disable', password: 'pw-to-disable-0123456789' } });
    expect([again.status, again.body.error.code]).toEqual([403, 'auth/disabled']);
    // a wrong password learns nothing about the disable
    const wrong = await t.call('admin', { action: 'login', data: { username: 'to-disable', password: 'nope' } });
    expect(wrong.body.error.code).toBe('admin/invalid-credentials');

    await root.ok('admins.enable', { id: 'adm_to-disable' });
    expect((await t.call('admin', { action: 'login', data: { username: 'to-disable', password: 'pw-to-disable-0123456789' } })).status).toBe(200);
    // the token of before the disable stays dead
    expect((await target.call('users.list', {})).body.error.code).toBe('auth/unauthenticated');
  });

  test('given a signed-in admin, when a super admin sets them a new password, then their sessions end', async () => {
    const target = await limitedAdmin(t, 'reset-me', ['users.read']);
    await root.ok('admins.update', { id: 'adm_reset-me', password: 'set-by-the-super-admin' });
    expect((await target.call('users.list', {})).body.error.code).toBe('auth/unauthenticated');
    expect((await t.call('admin', { action: 'login', data: { username: 'reset-me', password: 'set-by-the-super-admin' } })).status).toBe(200);
  });

  test('given an admin removed from the store, then their token is refused', async () => {
    const gone = await limitedAdmin(t, 'removed', ['*']);
    await t.rt.deps.store.remove('admins', 'adm_removed');
    expect((await gone.call('users.list', {})).status).toBe(401);
  });

  test('given an idle session past its 30 minutes, then it is refused and renew cannot revive it', async () => {
    const idle = await limitedAdmin(t, 'idle', ['users.read']);
    await t.rt.deps.store.update('admin_sessions', sessionIdOf(idle.token), { set: { expires_at: Date.now() - 1000 } });
    expect((await idle.call('users.list', {})).status).toBe(401);
    expect((await idle.call('renew', {})).status).toBe(401);
  });

  test('given a console in use, when it renews or calls, then the session slides forward and a fresh token works; a refused call slides nothing', async () => {
    const busy = await limitedAdmin(t, 'busy', ['users.read']);
    const sid = sessionIdOf(busy.token);
    const soon = Date.now() + 60_000;
    await t.rt.deps.store.update('admin_sessions', sid, { set: { expires_at: soon, touched_at: Date.now() - 10 * 60_000 } });

    const before = t.digest();
    expect((await busy.call('audit.list', {})).body.error.code).toBe('access/denied');
    expect(t.digest()).toBe(before);

    expect((await busy.call('users.list', {})).status).toBe(200);
    const slid = (await t.rt.deps.store.get<AdminSessionDoc>('admin_sessions', sid))!;
    expect(slid.expires_at).toBeGreaterThan(soon + 20 * 60_000);

    const renewed = await busy.ok<{ token: string; expiresAt: string }>('renew', {});
    expect(Date.parse(renewed.expiresAt)).toBeGreaterThan(Date.now() + 25 * 60_000);
    expect(sessionIdOf(renewed.token)).toBe(sid);
    expect((await adminClient(t, renewed.token).call('users.list', {})).status).toBe(200);
  });

  test('given a token of a session of another admin, when its subject is swapped, then the signature fails (401)', async () => {
    const a = await limitedAdmin(t, 'swap-a', ['users.read']);
    const [body, sig] = a.token.split('.');
    const payload = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8'));
    const forged = `${Buffer.from(JSON.stringify({ ...payload, sub: 'adm_admin' }), 'utf8').toString('base64url')}.${sig}`;
    expect((await adminClient(t, forged).call('users.list', {})).status).toBe(401);
  });

  test('given an admin token, when it is carried to the mini program functions, then it is nobody there (401), and it creates nothing', async () => {
    const admin = await limitedAdmin(t, 'crossing', ['*']);
    const before = t.digest();
    for (const [fn, action, data] of [
      ['auth', 'login', {}],
      ['auth', 'me', {}],
      ['records', 'list', { object: 'workOrder' }],
      ['registration', 'getForm', {}],
    ] as const) {
      const r = await t.call(fn, { action, data }, { token: admin.token });
      expect([fn, action, r.status, r.body.error?.code]).toEqual([fn, action, 401, 'auth/unauthenticated']);
    }
    expect(t.digest()).toBe(before);
  });
});
