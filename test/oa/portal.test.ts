import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { demoAdmin, freshMobile, seedAccount, setFreeSeats, setSettings, type AdminClient } from '../support/admin';

/** The Official Account portal over HTTP on a real local runtime: OAuth login, its session, scenarios 1, 3 and 5. */
const OA = 'wxdemooa00000001';
let seq = 0;
const fresh = (p: string) => `${p}${process.pid}x${++seq}`.padEnd(12, '0');

describe('Official Account portal', () => {
  let t: TestRuntime;
  let admin: AdminClient;
  let methodId: string;
  let termsVersion: string;
  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await demoAdmin(t);
    await setFreeSeats(t, 100);
    termsVersion = (await admin.ok('settings.get')).terms.version;
    methodId = (await admin.ok('methods.create', { name: '服务号自动开通', appId: OA, appKind: 'official-account', mode: 'openid-auto', roleIds: ['terminal-user'] })).id;
  });
  afterAll(() => t.stop());

  const post = (path: string, body: unknown) => t.raw(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  async function oaCode(input: { openid?: string; unionid?: string; scope?: string; appid?: string; nickname?: string } = {}): Promise<{ code: string; openid: string }> {
    const r = await post('/api/dev/wechat/oa-code', input);
    if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    return r.body.data;
  }
  const oaLogin = (code: string, appid = OA) => t.call('auth', { action: 'loginByOfficialAccount', data: { appid, code } });
  const as = (token: string) => ({
    auth: (action: string, data: unknown = {}) => t.call('auth', { action, data }, { token }),
    records: (action: string, data: unknown = {}) => t.call('records', { action, data }, { token }),
    registration: (action: string, data: unknown = {}) => t.call('registration', { action, data }, { token }),
  });
  const useMethod = async (patch: Record<string, unknown>, settings: Record<string, unknown>) => {
    await admin.ok('methods.update', { id: methodId, ...patch });
    await setSettings(t, settings);
  };

  describe('the app in the methods editor', () => {
    test('given the Official Account marked in its method, then the method says so, other methods stay mini programs, and a made-up kind is refused with nothing written', async () => {
      const { items } = await admin.ok('methods.list');
      expect(items.find((m: { id: string }) => m.id === methodId)).toMatchObject({ appId: OA, appKind: 'official-account' });
      expect(items.filter((m: { id: string }) => m.id !== methodId).every((m: { appKind: string }) => m.appKind === 'mini-program')).toBe(true);
      const before = t.digest();
      expect((await admin.call('methods.update', { id: methodId, appKind: 'website' })).body.error.code).toBe('input/invalid');
      expect(t.digest()).toBe(before);
    });
  });

  describe('the code', () => {
    test.each([
      ['a made-up code', async () => 'madeUpCode0123'],
      ['a spent code', async () => {
        const { code } = await oaCode({ scope: 'snsapi_userinfo', unionid: fresh('u') });
        expect((await oaLogin(code)).status).toBe(200);
        return code;
      }],
    ])('given %s, then 400 auth/oa-code-invalid and nothing is written', async (_label, codeOf) => {
      const code = await codeOf();
      const before = t.digest();
      const r = await oaLogin(code);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('auth/oa-code-invalid');
      expect(t.digest()).toBe(before);
    });

    test('given a code for the Official Account sent as another app, then it is refused and still works for its own app', async () => {
      const { code } = await oaCode({ scope: 'snsapi_userinfo', unionid: fresh('u') });
      const before = t.digest();
      expect((await oaLogin(code, 'wxdemo0000000001')).body.error.code).toBe('auth/oa-code-invalid');
      expect(t.digest()).toBe(before);
      expect((await oaLogin(code)).body.ok).toBe(true);
    });

    test.each([
      ['an operator object', { appid: OA, code: { $ne: null } }],
      ['an unknown key', { appid: OA, code: 'abc', openid: 'oForged000001' }],
      ['a code with spaces', { appid: OA, code: 'a b' }],
    ])('given %s, then input/invalid and WeChat is not asked', async (_label, data) => {
      const asked = t.rt.dev.oa!.counts().exchanges;
      const r = await t.call('auth', { action: 'loginByOfficialAccount', data });
      expect(r.body.error.code).toBe('input/invalid');
      expect(t.rt.dev.oa!.counts().exchanges).toBe(asked);
    });
  });

  describe('scenario 1 (openid-auto) through the Official Account', () => {
    beforeAll(() => useMethod({ mode: 'openid-auto' }, { self_registration: { enabled: true }, guest: { enabled: false } }));

    test('given a new person, when snsapi_base finds nobody, then next is oa-userinfo, no token and nothing is created; under snsapi_userinfo they become a user', async () => {
      const openid = fresh('oFirst');
      const before = t.digest();
      const base = await oaLogin((await oaCode({ openid })).code);
      expect(base.status).toBe(200);
      expect(base.body.data).toMatchObject({ state: 'anonymous', next: 'oa-userinfo' });
      expect(base.body.data.token).toBeUndefined();
      expect(t.digest()).toBe(before);

      const info = await oaLogin((await oaCode({ openid, unionid: fresh('u'), scope: 'snsapi_userinfo', nickname: '服务号小王' })).code);
      // the WeChat name the person agreed to share names their user and enterprise instead of a placeholder
      expect(info.body.data).toMatchObject({ state: 'member', next: 'none', roles: [{ id: 'terminal-user' }], user: { name: '服务号小王' }, enterprise: { name: '服务号小王' } });
      expect(await t.rt.deps.store.get('ic_users', info.body.data.user.id)).toMatchObject({ name: '服务号小王', enterprise_name: '服务号小王' });
      expect(await t.rt.deps.store.count('audit_log', { action: 'user.named-from-wechat', target: info.body.data.user.id })).toBe(1);
      expect(typeof info.body.data.token).toBe('string');
      expect(await t.rt.deps.store.get('ic_bindings', `wx:${OA}:${openid}`)).toMatchObject({ user_id: info.body.data.user.id });

      // the next visit is silent: snsapi_base now finds them
      const again = await oaLogin((await oaCode({ openid })).code);
      expect(again.body.data).toMatchObject({ state: 'member', user: { id: info.body.data.user.id } });
      expect(typeof again.body.data.token).toBe('string');
    });

    test('given a portal token, then records see the caller as that user and their data is theirs only', async () => {
      const mine = await oaLogin((await oaCode({ scope: 'snsapi_userinfo', unionid: fresh('u') })).code);
      const other = await oaLogin((await oaCode({ scope: 'snsapi_userinfo', unionid: fresh('u') })).code);
      const me = as(mine.body.data.token);
      const created = await me.records('create', { object: 'serviceRequest', data: { category: 'consultation', subject: '门户咨询', description: '从服务号提交' } });
      expect(created.body).toMatchObject({ ok: true, data: { id: expect.any(String) } });
      expect((await as(other.body.data.token).records('get', { object: 'serviceRequest', id: created.body.data.id })).body.ok).toBe(false);
      expect((await me.auth('me')).body.data).toMatchObject({ state: 'member', user: { id: mine.body.data.user.id } });
    });
  });

  describe('the portal session', () => {
    beforeAll(() => useMethod({ mode: 'openid-auto' }, { self_registration: { enabled: true }, guest: { enabled: false } }));

    test('given a session, when renewed, then the new token works; after logout neither token works nor renews', async () => {
      const login = await oaLogin((await oaCode({ scope: 'snsapi_userinfo', unionid: fresh('u') })).code);
      const first = login.body.data.token as string;
      expect(Date.parse(login.body.data.expiresAt) - Date.now()).toBeLessThanOrEqual(2 * 3600_000 + 1000);
      const renewed = await as(first).auth('renewSession');
      expect(renewed.body.data).toEqual({ token: expect.any(String), expiresAt: expect.any(String) });
      const second = renewed.body.data.token as string;
      expect((await as(second).auth('me')).body.data.state).toBe('member');

      expect((await as(second).auth('logout')).body).toEqual({ ok: true, data: { ended: true } });
      for (const token of [first, second]) {
        expect((await as(token).auth('me')).status).toBe(401);
        expect((await as(token).auth('renewSession')).status).toBe(401);
        expect((await as(token).records('list', { object: 'workOrder' })).status).toBe(401);
      }
    });

    test('given no token or a forged one, then renewSession and logout are auth/unauthenticated', async () => {
      for (const token of ['', 'eyJ0eXAiOiJvYSIsInNpZCI6IndzXzEifQ.forged']) {
        expect((await t.call('auth', { action: 'renewSession', data: {} }, { token })).body.error.code).toBe('auth/unauthenticated');
        expect((await t.call('auth', { action: 'logout', data: {} }, { token })).body.error.code).toBe('auth/unauthenticated');
      }
    });

    test('given identity keys in the body beside a portal token, then the token decides who is calling', async () => {
      const login = await oaLogin((await oaCode({ scope: 'snsapi_userinfo', unionid: fresh('u') })).code);
      const r = await t.call('auth', { action: 'me', data: {}, openid: 'oDemoZhangWei001', appid: 'wxdemo0000000001' }, { token: login.body.data.token });
      expect(r.body.data.user.id).toBe(login.body.data.user.id);
    });

    test('given a portal token, then jssdkConfig signs the page so that WeChat accepts it; a mini program caller gets access/denied', async () => {
      const login = await oaLogin((await oaCode({ scope: 'snsapi_userinfo', unionid: fresh('u') })).code);
      const url = `${t.url}/?from=menu`;
      const c = await as(login.body.data.token).auth('jssdkConfig', { url: `${url}#/pages/index/index` });
      expect(c.body.data).toMatchObject({ appId: OA, timestamp: expect.any(Number), nonceStr: expect.any(String) });
      expect(t.rt.dev.oa!.verifyJssdkConfig(OA, { ...c.body.data, url })).toBe(true);
      const mini = await t.wechat();
      expect((await as(mini.token).auth('jssdkConfig', { url })).body.error.code).toBe('access/denied');
    });
  });

  describe('the authorize stand-in', () => {
    const authorize = (q: Record<string, string>) => t.raw(`/api/dev/wechat/oa-authorize?${new URLSearchParams(q)}`, { redirect: 'manual' });
    const host = () => new URL(t.url).host;

    test('given snsapi_base for this runtime\'s own page, then it redirects back with a code and the state', async () => {
      const r = await fetch(`${t.url}/api/dev/wechat/oa-authorize?${new URLSearchParams({ appid: OA, redirect_uri: `${t.url}/`, response_type: 'code', scope: 'snsapi_base', state: 'st4te' })}`, { redirect: 'manual' });
      expect(r.status).toBe(302);
      const back = new URL(r.headers.get('location')!);
      expect(back.host).toBe(host());
      expect(back.searchParams.get('state')).toBe('st4te');
      expect(back.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]+$/);
    });

    test.each([
      ['a foreign redirect_uri', { redirect_uri: 'https://evil.example.com/' }],
      ['an unknown appid', { appid: 'wxnotouroa00001' }],
      ['a bad scope', { scope: 'snsapi_login' }],
    ])('given %s, then WeChat\'s refusal (400) and no code', async (_label, patch) => {
      const r = await authorize({ appid: OA, redirect_uri: `${t.url}/`, response_type: 'code', scope: 'snsapi_base', state: 's', ...patch });
      expect(r.status).toBe(400);
    });
  });

  describe('scenario 3 (form, guest off) through the Official Account', () => {
    beforeAll(() => useMethod({ mode: 'form' }, { self_registration: { enabled: true }, guest: { enabled: false } }));

    test('given a new person, when they log in with consent to their profile, then they must register; the form binds them to a new Account', async () => {
      const openid = fresh('oForm');
      const base = await oaLogin((await oaCode({ openid })).code);
      expect(base.body.data).toMatchObject({ next: 'oa-userinfo' });
      const login = await oaLogin((await oaCode({ openid, unionid: fresh('u'), scope: 'snsapi_userinfo' })).code);
      expect(login.body.data).toMatchObject({ state: 'anonymous', next: 'register' });
      const me = as(login.body.data.token);
      expect((await me.records('list', { object: 'device' })).body.ok).toBe(false);
      expect((await me.registration('getForm')).body.data).toMatchObject({ mode: 'form', methodId });

      const phone = freshMobile();
      const code = (await post('/api/dev/wechat/phone-code', { phone, appid: OA })).body.data.code;
      expect((await me.auth('bindPhone', { phoneCode: code, consent: { agreed: true, termsVersion } })).body.ok).toBe(true);
      const r = await me.registration('submit', { account: { name: `服务号注册${seq}测试有限公司` }, contact: { name: '周七', mobile1: phone }, consent: { agreed: true, termsVersion } });
      expect(r.body.data).toMatchObject({ state: 'member', account: { matched: 'new' } });
      expect((await me.auth('me')).body.data).toMatchObject({ state: 'member', account: { id: r.body.data.account.id } });
      expect(await t.rt.deps.store.get('ic_bindings', `wx:${OA}:${openid}`)).toMatchObject({ user_id: r.body.data.user.id });
    });
  });

  describe('scenario 5 (manual activation only) through the Official Account', () => {
    beforeAll(() => useMethod({ mode: 'openid-auto' }, { self_registration: { enabled: false }, guest: { enabled: false }, manual_activation: true }));

    test('given an activated Contact, when they open the portal and log in by SMS, then their Official Account identity is bound to that user', async () => {
      const mobile = freshMobile();
      await seedAccount(t, 'acc_oa5', '服务号五号科技有限公司', [{ id: 'con_oa5', name: '吴五', mobile1: mobile }]);
      await admin.ok('users.activate', { accounts: [{ accountId: 'acc_oa5' }], roleIds: ['terminal-user'] });
      const openid = fresh('oFive');
      const login = await oaLogin((await oaCode({ openid })).code);
      // nobody is created here, so snsapi_base is enough: the person gets a session and is told to log in by SMS
      expect(login.body.data).toMatchObject({ state: 'anonymous', next: 'sms-login', token: expect.any(String) });
      const me = as(login.body.data.token);
      expect((await me.auth('sendSmsCode', { phone: mobile, purpose: 'login' })).status).toBe(200);
      const box = (await t.raw('/api/dev/sms')).body.data.messages as Array<{ phone: string; text: string }>;
      const code = /(\d{6})/.exec(box.find((m) => m.phone === mobile)!.text)![1];
      const r = await me.auth('loginBySms', { phone: mobile, code, consent: { agreed: true, termsVersion } });
      expect(r.body.data).toMatchObject({ state: 'member', account: { name: '服务号五号科技有限公司' } });
      expect(await t.rt.deps.store.get('ic_bindings', `wx:${OA}:${openid}`)).toMatchObject({ user_id: r.body.data.user.id });
      // a stranger is told clearly they are not activated
      const stranger = await oaLogin((await oaCode()).code);
      expect(stranger.body.data).toMatchObject({ state: 'anonymous', next: 'sms-login' });
    });
  });

  describe('one person across the mini program and the Official Account', () => {
    beforeAll(() => useMethod({ mode: 'openid-auto' }, { self_registration: { enabled: true }, guest: { enabled: false } }));

    test('given one UnionID, when the first logins from the mini program and the Official Account race, then there is one user with one binding per app', async () => {
      const unionid = fresh('uRace');
      const mini = await t.wechat({ openid: fresh('oMini'), unionid });
      const { code, openid } = await oaCode({ openid: fresh('oOa'), unionid, scope: 'snsapi_userinfo' });
      const [a, b] = await Promise.all([t.call('auth', { action: 'login', data: {} }, { token: mini.token }), oaLogin(code)]);
      expect([a.body.ok, b.body.ok]).toEqual([true, true]);
      const miniBinding = await t.rt.deps.store.get('ic_bindings', `wx:${mini.appid}:${mini.openid}`);
      const oaBinding = await t.rt.deps.store.get('ic_bindings', `wx:${OA}:${openid}`);
      expect(oaBinding?.['user_id']).toBe(miniBinding?.['user_id']);
      expect(b.body.data.user.id).toBe(a.body.data.user.id);
    });

    test('given a person with both apps bound, then the console lists every binding with its app, and unbinding the Official Account leaves the mini program', async () => {
      const unionid = fresh('uBoth');
      const mini = await t.wechat({ openid: fresh('oMiniB'), unionid });
      const user = (await t.call('auth', { action: 'login', data: {} }, { token: mini.token })).body.data.user.id as string;
      const { code, openid } = await oaCode({ openid: fresh('oOaB'), unionid, scope: 'snsapi_userinfo' });
      expect((await oaLogin(code)).body.data.user.id).toBe(user);
      const detail = await admin.ok('users.get', { userId: user });
      const wechat = detail.bindings.filter((b: { type: string }) => b.type === 'wechat');
      expect(wechat).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: `wx:${OA}:${openid}`, appid: OA, appKind: 'official-account' }),
          expect.objectContaining({ id: `wx:${mini.appid}:${mini.openid}`, appid: mini.appid, appKind: 'mini-program' }),
        ]),
      );
      // people never see the raw OpenID: labels are masked
      expect(JSON.stringify(detail.bindings)).not.toContain(`"label":"${openid}"`);
      const after = await admin.ok('users.unbindWechat', { userId: user, bindingId: `wx:${OA}:${openid}` });
      expect(after.bindings.map((b: { id: string }) => b.id)).not.toContain(`wx:${OA}:${openid}`);
      expect(after.bindings.map((b: { id: string }) => b.id)).toContain(`wx:${mini.appid}:${mini.openid}`);
    });
  });
});

describe('Official Account portal with HULIAN_DEV=0', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime({ HULIAN_DEV: '0' });
  });
  afterAll(() => t.stop());

  test('given the dev simulators off, then oa-code, oa-authorize and the ?openid= dev session are gone (404)', async () => {
    const post = (path: string) => t.raw(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect((await post('/api/dev/wechat/oa-code')).status).toBe(404);
    expect((await post('/api/dev/wechat/session')).status).toBe(404);
    expect((await t.raw('/api/dev/wechat/oa-authorize?appid=wxdemooa00000001', { redirect: 'manual' })).status).toBe(404);
  });
});
