import { startTestRuntime, type TestRuntime } from '../support/runtime';

describe('auth.login', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  });
  afterAll(() => t.stop());

  const login = (token: string, action = 'login') => t.call('auth', { action, data: {} }, { token });
  const seats = async () => (await t.rt.deps.store.get('licences', 'terminal-user')) as unknown as { used: number; total: number };

  test('given the demo openid-auto method, when a new WeChat identity logs in, then an enterprise and user are created silently', async () => {
    const id = await t.wechat();
    const before = await seats();
    const r = await login(id.token);
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(true);
    const s = r.body.data;
    expect(s.state).toBe('member');
    expect(s.next).toBe('none');
    expect(s.user.kind).toBe('member');
    expect(s.user.status).toBe('active');
    expect(s.enterprise.id).toBe(s.user.enterpriseId);
    expect(s.account).toBeUndefined();
    expect(s.roles.map((x: { id: string }) => x.id)).toEqual(['terminal-user']);
    expect(s.permissions).toEqual(expect.arrayContaining([{ object: 'article', action: 'read', scope: 'all' }]));
    const enterprise = await t.rt.deps.store.get('ic_enterprises', s.user.enterpriseId);
    expect(enterprise).toMatchObject({ kind: 'auto' });
    expect((await seats()).used).toBe(before.used + 1);
  });

  test('given a user exists, when the same identity logs in again, then it is the same user and nothing new is created', async () => {
    const id = await t.wechat();
    const first = (await login(id.token)).body.data;
    const usersBefore = await t.rt.deps.store.count('ic_users');
    const again = (await login(id.token)).body.data;
    expect(again.user.id).toBe(first.user.id);
    expect(await t.rt.deps.store.count('ic_users')).toBe(usersBefore);
  });

  test('given a user exists, when me is called, then it answers the same session without side effects', async () => {
    const id = await t.wechat();
    const first = (await login(id.token)).body.data;
    const digest = t.digest();
    const me = (await login(id.token, 'me')).body.data;
    expect(me.user.id).toBe(first.user.id);
    expect(t.digest()).toBe(digest);
  });

  test('given 50 concurrent first logins with one OpenID, then all 50 succeed with exactly one user', async () => {
    const id = await t.wechat();
    const usersBefore = await t.rt.deps.store.count('ic_users');
    const seatsBefore = (await seats()).used;
    const results = await Promise.all(Array.from({ length: 50 }, () => login(id.token)));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    const ids = new Set(results.map((r) => r.body.data.user.id));
    expect(ids.size).toBe(1);
    expect(await t.rt.deps.store.count('ic_users')).toBe(usersBefore + 1);
    expect((await seats()).used).toBe(seatsBefore + 1);
    expect(await t.rt.deps.store.count('ic_bindings', { user_id: [...ids][0] })).toBe(1);
  });

  test('given the same OpenID under two mini programs, then they are two bindings', async () => {
    const a = await t.wechat({ openid: 'oSameOpenId0001', appid: 'wxdemo0000000001' });
    const b = await t.wechat({ openid: 'oSameOpenId0001', appid: 'wxdemo0000000009' });
    const ua = (await login(a.token)).body.data;
    const ub = (await login(b.token)).body.data;
    expect(ua.state).toBe('member');
    // the second app has no method and the demo turns guest browsing on
    expect(ub.state).toBe('guest');
  });

  test('given no seats are left, when a new identity logs in, then licence/exhausted and nothing is half-created', async () => {
    const lic = await seats();
    await t.rt.deps.store.update('licences', 'terminal-user', { set: { total: lic.used } });
    try {
      const id = await t.wechat();
      const digest = t.digest();
      const r = await login(id.token);
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('licence/exhausted');
      expect(t.digest()).toBe(digest);
    } finally {
      await t.rt.deps.store.update('licences', 'terminal-user', { set: { total: lic.total } });
    }
  });

  test('given a disabled user, when they log in, then auth/disabled with HTTP 403', async () => {
    const id = await t.wechat();
    const user = (await login(id.token)).body.data.user;
    await t.rt.deps.store.update('ic_users', user.id, { set: { status: 'disabled' } });
    const r = await login(id.token);
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('auth/disabled');
  });
});

describe('guest and anonymous sessions', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  });
  afterAll(() => t.stop());

  const setSettings = async (set: Record<string, unknown>) => {
    await t.rt.deps.store.update('settings', 'global', { set });
    t.rt.deps.cache.invalidate();
  };

  test('given guest browsing on, when loginAsGuest is called, then the Guest enterprise, user and contact exist and the session is guest', async () => {
    await setSettings({ guest: { enabled: true, account_id: 'acc_demo_hengtai' } });
    const id = await t.wechat({ appid: 'wxdemo0000000009' });
    const r = await t.call('auth', { action: 'loginAsGuest', data: {} }, { token: id.token });
    expect(r.body.ok).toBe(true);
    expect(r.body.data.state).toBe('guest');
    expect(r.body.data.user.kind).toBe('guest');
    expect(r.body.data.account).toBeUndefined();
    expect(await t.rt.deps.store.get('ic_users', 'usr_guest')).toMatchObject({ account_id: 'acc_demo_hengtai', role_ids: ['guest'], holds_seat: false });
    expect(await t.rt.deps.store.get('contacts', 'con_guest')).toMatchObject({ account_id: 'acc_demo_hengtai' });
    expect(await t.rt.deps.store.get('ic_enterprises', 'ent_guest')).toMatchObject({ kind: 'guest', account_id: 'acc_demo_hengtai' });
  });

  test('given the Guest user was deleted, when a guest logs in, then it is repaired', async () => {
    await t.rt.deps.store.remove('ic_users', 'usr_guest');
    const id = await t.wechat({ appid: 'wxdemo0000000009' });
    const r = await t.call('auth', { action: 'loginAsGuest', data: {} }, { token: id.token });
    expect(r.body.data.state).toBe('guest');
    expect(await t.rt.deps.store.get('ic_users', 'usr_guest')).not.toBeNull();
  });

  test('given guest browsing off, when loginAsGuest is called, then guest/disabled', async () => {
    await setSettings({ guest: { enabled: false } });
    const id = await t.wechat({ appid: 'wxdemo0000000009' });
    const r = await t.call('auth', { action: 'loginAsGuest', data: {} }, { token: id.token });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('guest/disabled');
  });

  test('given self-registration and guest off (scenario 5), when a stranger logs in, then anonymous with next sms-login', async () => {
    await setSettings({ guest: { enabled: false }, self_registration: { enabled: false }, manual_activation: true });
    const id = await t.wechat();
    const r = await t.call('auth', { action: 'login', data: {} }, { token: id.token });
    expect(r.body.data).toMatchObject({ state: 'anonymous', next: 'sms-login', roles: [], permissions: [] });
    const articles = await t.call('records', { action: 'list', data: { object: 'article' } }, { token: id.token });
    expect(articles.status).toBe(403);
    expect(articles.body.error.code).toBe('auth/not-activated');
  });

  test('given everything off, then next is blocked', async () => {
    await setSettings({ guest: { enabled: false }, self_registration: { enabled: false }, manual_activation: false });
    const id = await t.wechat();
    const r = await t.call('auth', { action: 'login', data: {} }, { token: id.token });
    expect(r.body.data).toMatchObject({ state: 'anonymous', next: 'blocked' });
  });
});
