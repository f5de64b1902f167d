import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { demoAdmin, freshMobile, seedAccount, setFreeSeats, setSettings, type AdminClient } from '../support/admin';

/** `auth.loginBySms` (seed scenario 5: only manually activated people get in). */
describe('SMS login', () => {
  let t: TestRuntime;
  let admin: AdminClient;
  let termsVersion: string;
  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await demoAdmin(t);
    await setSettings(t, { self_registration: { enabled: false }, guest: { enabled: false }, manual_activation: true });
    await setFreeSeats(t, 50);
    termsVersion = (await t.call('auth', { action: 'portal', data: {} }, { token: (await t.wechat()).token })).body.data.terms.version;
  });
  afterAll(() => t.stop());

  const auth = (token: string, action: string, data: unknown = {}) => t.call('auth', { action, data }, { token });
  const consent = () => ({ agreed: true, termsVersion });
  const latestCode = async (phone: string) => {
    const box = await t.raw('/api/dev/sms');
    const msg = box.body.data.messages.find((m: { phone: string }) => m.phone === phone);
    return msg ? /(\d{6})/.exec(msg.text)![1] : undefined;
  };

  /** An activated Contact with a fresh mobile: Account + Contact written directly, activated through the admin API. */
  async function activatedPerson(tag: string) {
    const mobile = freshMobile();
    await seedAccount(t, `acc_${tag}`, `${tag}科技有限公司`, [{ id: `con_${tag}`, name: `${tag}联系人`, mobile1: mobile }]);
    await admin.ok('users.activate', { accounts: [{ accountId: `acc_${tag}` }], roleIds: ['terminal-user'] });
    return { mobile, userId: `usr_con_con_${tag}`, accountName: `${tag}科技有限公司` };
  }

  test('given an activated Contact, when the person sends a code and logs in with it, then they are a member bound to that user and stay so', async () => {
    const person = await activatedPerson('smsok');
    const me = await t.wechat();
    expect((await auth(me.token, 'login')).body.data).toMatchObject({ state: 'anonymous', next: 'sms-login' });
    expect((await auth(me.token, 'sendSmsCode', { phone: person.mobile, purpose: 'login' })).body).toEqual({ ok: true, data: { retryAfterSeconds: 60 } });
    const code = await latestCode(person.mobile);
    expect(code).toMatch(/^\d{6}$/);
    const r = await auth(me.token, 'loginBySms', { phone: person.mobile, code, consent: consent() });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ state: 'member', next: 'none', user: { id: person.userId }, account: { name: person.accountName }, enterprise: { name: person.accountName } });
    expect(await t.rt.deps.store.get('ic_bindings', `wx:${me.appid}:${me.openid}`)).toMatchObject({ user_id: person.userId, type: 'wechat' });
    expect(await t.rt.deps.store.get('ic_users', person.userId)).toMatchObject({ mobile: person.mobile, consent: { terms_version: termsVersion } });
    expect((await auth(me.token, 'login')).body.data).toMatchObject({ state: 'member', user: { id: person.userId } });
    // the code was single use
    expect((await auth(me.token, 'loginBySms', { phone: person.mobile, code, consent: consent() })).body.error.code).toBe('sms/code-invalid');
  });

  test('given wrong codes, then the 5th wrong try is sms/too-many-attempts and even the right code no longer works', async () => {
    const person = await activatedPerson('brute');
    const me = await t.wechat();
    await auth(me.token, 'sendSmsCode', { phone: person.mobile, purpose: 'login' });
    const code = (await latestCode(person.mobile))!;
    const wrong = code === '000000' ? '111111' : '000000';
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) answers.push((await auth(me.token, 'loginBySms', { phone: person.mobile, code: wrong, consent: consent() })).body.error.code);
    expect(answers).toEqual(['sms/code-invalid', 'sms/code-invalid', 'sms/code-invalid', 'sms/code-invalid', 'sms/too-many-attempts']);
    const right = await auth(me.token, 'loginBySms', { phone: person.mobile, code, consent: consent() });
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('sms/too-many-attempts');
    expect(await t.rt.deps.store.get('ic_bindings', `wx:${me.appid}:${me.openid}`)).toBeNull();
  });

  test('given a stranger phone, then sending looks the same, nothing is delivered, and a code for it is only ever sms/code-invalid', async () => {
    const stranger = freshMobile();
    const known = await activatedPerson('known');
    const me = await t.wechat();
    const a = await auth(me.token, 'sendSmsCode', { phone: known.mobile, purpose: 'login' });
    const b = await auth(me.token, 'sendSmsCode', { phone: stranger, purpose: 'login' });
    expect([b.status, b.body]).toEqual([a.status, a.body]);
    expect(await latestCode(stranger)).toBeUndefined();
    const before = t.digest();
    const r = await auth(me.token, 'loginBySms', { phone: stranger, code: '123456', consent: consent() });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('sms/code-invalid');
    // the try was counted (the code document changed), nothing else
    expect(await t.rt.deps.store.get('ic_bindings', `wx:${me.appid}:${me.openid}`)).toBeNull();
    expect(t.digest()).not.toBe(before);
  });

  test('given a Contact not activated, when the person logs in with the code delivered to their own phone, then auth/not-activated clearly and nothing bound', async () => {
    const mobile = freshMobile();
    await seedAccount(t, 'acc_notyet', '未开通科技有限公司', [{ id: 'con_notyet', name: '未开通联系人', mobile1: mobile }]);
    const me = await t.wechat();
    await auth(me.token, 'sendSmsCode', { phone: mobile, purpose: 'login' });
    const code = await latestCode(mobile);
    expect(code).toMatch(/^\d{6}$/);
    const r = await auth(me.token, 'loginBySms', { phone: mobile, code, consent: consent() });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('auth/not-activated');
    expect(r.body.error.message).toBe('您的账号尚未开通，请联系服务商为您开通后再登录。');
    expect(await t.rt.deps.store.get('ic_bindings', `wx:${me.appid}:${me.openid}`)).toBeNull();
    // the code was spent: trying it again is just an invalid code
    expect((await auth(me.token, 'loginBySms', { phone: mobile, code, consent: consent() })).body.error.code).toBe('sms/code-invalid');
  });

  test('given no code was asked for, then a stranger phone and an activated one answer alike: sms/code-invalid', async () => {
    const known = await activatedPerson('quiet');
    const me = await t.wechat();
    const a = await auth(me.token, 'loginBySms', { phone: known.mobile, code: '123456', consent: consent() });
    const b = await auth(me.token, 'loginBySms', { phone: freshMobile(), code: '123456', consent: consent() });
    expect(a.body.error.code).toBe('sms/code-invalid');
    expect([b.status, b.body]).toEqual([a.status, a.body]);
  });

  test('given a WeChat identity bound to another user, then auth/wechat-bound-elsewhere; after unbindWechat, SMS login binds it and the old user remains', async () => {
    const first = await activatedPerson('firstuser');
    const second = await activatedPerson('seconduser');
    const me = await t.wechat();
    await auth(me.token, 'sendSmsCode', { phone: first.mobile, purpose: 'login' });
    expect((await auth(me.token, 'loginBySms', { phone: first.mobile, code: await latestCode(first.mobile), consent: consent() })).body.data.user.id).toBe(first.userId);

    await auth(me.token, 'sendSmsCode', { phone: second.mobile, purpose: 'login' });
    const refused = await auth(me.token, 'loginBySms', { phone: second.mobile, code: await latestCode(second.mobile), consent: consent() });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('auth/wechat-bound-elsewhere');
    expect(refused.body.error.message).toContain('解除微信绑定');

    const after = await auth(me.token, 'unbindWechat');
    expect(after.body.data).toMatchObject({ state: 'anonymous', next: 'sms-login' });
    expect(await t.rt.deps.store.get('ic_users', first.userId)).toMatchObject({ status: 'active' });
    expect(await t.rt.deps.store.count('audit_log', { action: 'user.wechat-unbound', target: first.userId })).toBe(1);

    // the third person of this story: the same WeChat identity, now free, logs in as someone else
    const third = await activatedPerson('thirduser');
    await auth(me.token, 'sendSmsCode', { phone: third.mobile, purpose: 'login' });
    const ok = await auth(me.token, 'loginBySms', { phone: third.mobile, code: await latestCode(third.mobile), consent: consent() });
    expect(ok.body.data.user.id).toBe(third.userId);
  });

  test('given outdated terms or no agreement, then input/invalid and the code is not spent', async () => {
    const person = await activatedPerson('terms');
    const me = await t.wechat();
    await auth(me.token, 'sendSmsCode', { phone: person.mobile, purpose: 'login' });
    const code = await latestCode(person.mobile);
    const old = await auth(me.token, 'loginBySms', { phone: person.mobile, code, consent: { agreed: true, termsVersion: '1999-01-01' } });
    expect(old.body.error).toMatchObject({ code: 'input/invalid', params: { field: 'consent.termsVersion' } });
    const declined = await auth(me.token, 'loginBySms', { phone: person.mobile, code, consent: { agreed: false, termsVersion } });
    expect(declined.body.error.code).toBe('input/invalid');
    const missing = await auth(me.token, 'loginBySms', { phone: person.mobile, code });
    expect(missing.body.error.code).toBe('input/invalid');
    expect((await auth(me.token, 'loginBySms', { phone: person.mobile, code, consent: consent() })).body.data.state).toBe('member');
  });

  test('given a user disabled by the admin, then their next call is auth/disabled; enabled again, they are back', async () => {
    const person = await activatedPerson('disabled');
    const me = await t.wechat();
    await auth(me.token, 'sendSmsCode', { phone: person.mobile, purpose: 'login' });
    await auth(me.token, 'loginBySms', { phone: person.mobile, code: await latestCode(person.mobile), consent: consent() });
    await admin.ok('users.disable', { userId: person.userId });
    const r = await auth(me.token, 'me');
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('auth/disabled');
    expect((await t.call('records', { action: 'list', data: { object: 'article' } }, { token: me.token })).body.error.code).toBe('auth/disabled');
    await admin.ok('users.enable', { userId: person.userId });
    expect((await auth(me.token, 'me')).body.data.state).toBe('member');
  });
});
