import { startTestRuntime, type TestRuntime } from '../support/runtime';

/** Bad input gets a clear code, the HTTP status of API.md, and changes nothing. */
describe('the function envelope over HTTP', () => {
  let t: TestRuntime;
  let token: string;
  beforeAll(async () => {
    t = await startTestRuntime();
    token = (await t.wechat()).token;
  });
  afterAll(() => t.stop());

  async function expectRejected(name: string, body: unknown, status: number, code: string, opts: { token?: string } = { token }) {
    const before = t.digest();
    const r = await t.call(name, body, opts);
    expect(r.status).toBe(status);
    expect(r.body.ok).toBe(false);
    expect(r.body.error.code).toBe(code);
    expect(typeof r.body.error.message).toBe('string');
    expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts:\d+|stack/);
    expect(t.digest()).toBe(before);
    return r.body.error;
  }

  test('given malformed JSON, then input/malformed with 400', async () => {
    await expectRejected('auth', '{"action": "login", ', 400, 'input/malformed');
  });

  test('given an unknown function, then function/not-found with 404', async () => {
    await expectRejected('nope', { action: 'login', data: {} }, 404, 'function/not-found');
  });

  test('given an unknown action, then input/invalid with 400', async () => {
    const e = await expectRejected('auth', { action: 'becomeAdmin', data: {} }, 400, 'input/invalid');
    expect(e.params.field).toBe('action');
  });

  test('given an inherited property name as action, then input/invalid (no prototype lookups)', async () => {
    await expectRejected('auth', { action: 'constructor', data: {} }, 400, 'input/invalid');
    await expectRejected('auth', { action: 'toString', data: {} }, 400, 'input/invalid');
  });

  test('given no token, then auth/unauthenticated with 401', async () => {
    await expectRejected('auth', { action: 'login', data: {} }, 401, 'auth/unauthenticated', {});
  });

  test('given a forged token, then auth/unauthenticated with 401', async () => {
    const [body] = token.split('.');
    await expectRejected('auth', { action: 'login', data: {} }, 401, 'auth/unauthenticated', { token: `${body}.AAAA` });
  });

  test('given an admin token on a mini program function, then it is not a WeChat identity', async () => {
    const admin = await t.adminToken();
    await expectRejected('auth', { action: 'login', data: {} }, 401, 'auth/unauthenticated', { token: admin });
  });

  test('given a client-sent openid beside the action, then it is ignored and the token decides who calls', async () => {
    const victim = await t.wechat();
    const victimUser = (await t.call('auth', { action: 'login', data: {} }, { token: victim.token })).body.data.user.id;
    const me = await t.call('auth', { action: 'login', openid: victim.openid, userInfo: { openId: victim.openid }, data: {} }, { token });
    expect(me.status).toBe(200);
    expect(me.body.data.user.id).not.toBe(victimUser);
  });

  test('given an openid inside data, then input/invalid (unknown key)', async () => {
    const e = await expectRejected('auth', { action: 'me', data: { openid: 'oSomeoneElse01' } }, 400, 'input/invalid');
    expect(e.params.field).toBe('openid');
  });

  test('given an operator object where a string belongs, then input/invalid', async () => {
    await expectRejected('records', { action: 'get', data: { object: 'article', id: { $ne: null } } }, 400, 'input/invalid');
    await expectRejected('records', { action: 'list', data: { object: 'article', filter: { public: { $ne: true } } } }, 400, 'input/invalid');
    await expectRejected('admin', { action: 'login', data: { username: { $gt: '' }, password: 'x' } }, 400, 'input/invalid');
  });

  test('given a __proto__ key, then input/invalid', async () => {
    await expectRejected('records', '{"action":"list","data":{"object":"article","__proto__":{"admin":true}}}', 400, 'input/invalid');
    await expectRejected('records', '{"action":"list","data":{"object":"article","filter":{"__proto__":{"x":1}}}}', 400, 'input/invalid');
  });

  test('given an array where a string belongs, then input/invalid', async () => {
    await expectRejected('records', { action: 'get', data: { object: ['article'], id: 'x' } }, 400, 'input/invalid');
    await expectRejected('records', { action: 'get', data: { object: 'article', id: ['art_0001_welcome'] } }, 400, 'input/invalid');
  });

  test('given a non-object body, then input/invalid', async () => {
    await expectRejected('auth', '[1,2,3]', 400, 'input/invalid');
    await expectRejected('auth', '"login"', 400, 'input/invalid');
  });

  test('given Accept-Language en or locale en, then the message is English; by default zh-CN', async () => {
    const zh = await t.call('auth', { action: 'login', data: {} });
    expect(zh.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    const en = await t.call('auth', { action: 'login', data: {} }, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.body.error.message).toBe('Please log in first.');
    const en2 = await t.call('auth', { action: 'login', data: {}, locale: 'en' });
    expect(en2.body.error.message).toBe('Please log in first.');
  });

  test('given a GET on a function, then it is refused', async () => {
    const r = await t.raw('/api/functions/auth');
    expect(r.status).toBe(405);
    expect(r.body.ok).toBe(false);
  });

  test('health answers the version', async () => {
    const r = await t.raw('/api/health');
    expect(r.body).toEqual({ ok: true, data: { version: expect.any(String) } });
  });
});
