import { createTestDeps, TEST_OA, type TestDeps } from '../support/deps';
import { officialAccountApi, type WechatHttp, type WechatHttpRequest } from '../../cloudfunctions/adapters/wechat/oa-http';
import { isAppError } from '../../cloudfunctions/core/kernel/app-error';

/** The production Official Account adapter against the stand-in that speaks WeChat's protocol. */
describe('Official Account OAuth code exchange', () => {
  let d: TestDeps;
  beforeEach(() => {
    d = createTestDeps();
  });

  async function refusal(p: Promise<unknown>): Promise<{ code: string; params?: Record<string, unknown> }> {
    try {
      await p;
    } catch (e) {
      if (isAppError(e)) return { code: e.code, params: e.params };
      throw e;
    }
    throw new Error('expected a refusal');
  }

  test('given a code from the authorize step, when exchanged, then the adapter answers that openid under snsapi_base without the unionid', async () => {
    const code = d.oa.issueCode(TEST_OA.appid, { openid: 'oPersonBase01', unionid: 'uPerson000001' });
    await expect(d.officialAccount.exchangeCode(TEST_OA.appid, code)).resolves.toEqual({ appid: TEST_OA.appid, openid: 'oPersonBase01', scope: 'snsapi_base' });
  });

  test('given a snsapi_userinfo code, when exchanged, then the unionid and the WeChat name come with it', async () => {
    const code = d.oa.issueCode(TEST_OA.appid, { openid: 'oPersonInfo01', unionid: 'uPerson000002', nickname: '小王' }, 'snsapi_userinfo');
    await expect(d.officialAccount.exchangeCode(TEST_OA.appid, code)).resolves.toEqual({
      appid: TEST_OA.appid,
      openid: 'oPersonInfo01',
      unionid: 'uPerson000002',
      scope: 'snsapi_userinfo',
      nickname: '小王',
    });
  });

  test('given a code, when exchanged twice, then the second answer is auth/oa-code-invalid (WeChat 40163)', async () => {
    const code = d.oa.issueCode(TEST_OA.appid, { openid: 'oPersonTwice1' });
    await d.officialAccount.exchangeCode(TEST_OA.appid, code);
    expect(await refusal(d.officialAccount.exchangeCode(TEST_OA.appid, code))).toEqual({ code: 'auth/oa-code-invalid', params: { reason: 'used' } });
  });

  test('given a made-up code, then auth/oa-code-invalid (WeChat 40029)', async () => {
    expect(await refusal(d.officialAccount.exchangeCode(TEST_OA.appid, 'madeUpCode123'))).toEqual({ code: 'auth/oa-code-invalid', params: { reason: 'invalid' } });
  });

  test('given a code older than 5 minutes, when exchanged, then it is refused; at 4 minutes 59 it still works', async () => {
    const late = d.oa.issueCode(TEST_OA.appid, { openid: 'oPersonLate01' });
    const onTime = d.oa.issueCode(TEST_OA.appid, { openid: 'oPersonOnTime' });
    d.clock.advance(5 * 60_000 - 1000);
    await expect(d.officialAccount.exchangeCode(TEST_OA.appid, onTime)).resolves.toMatchObject({ openid: 'oPersonOnTime' });
    d.clock.advance(2000);
    expect((await refusal(d.officialAccount.exchangeCode(TEST_OA.appid, late))).code).toBe('auth/oa-code-invalid');
  });

  test("given another app's code, when exchanged for this app, then it is refused and stays usable by its own app", async () => {
    const other = { appid: 'wxotheroa000001', secret: 'other-secret' };
    const { oaStandIn } = await import('../../cloudfunctions/adapters/wechat/oa-standin');
    const wechat = oaStandIn({ apps: [TEST_OA, other], now: d.clock.now });
    const api = officialAccountApi({ apps: [TEST_OA, other], http: wechat.http });
    const code = wechat.issueCode(other.appid, { openid: 'oOtherApp0001' });
    expect((await refusal(api.exchangeCode(TEST_OA.appid, code))).code).toBe('auth/oa-code-invalid');
    await expect(api.exchangeCode(other.appid, code)).resolves.toMatchObject({ openid: 'oOtherApp0001' });
  });

  test('given an app this deployment holds no secret for, then the code is refused without asking WeChat', async () => {
    const asked: WechatHttpRequest[] = [];
    const api = officialAccountApi({ apps: [TEST_OA], http: async (r) => (asked.push(r), d.oa.http(r)) });
    expect(await refusal(api.exchangeCode('wxunknownoa0001', 'whatever'))).toEqual({ code: 'auth/oa-code-invalid', params: { reason: 'app' } });
    expect(asked).toEqual([]);
  });

  test('given the wrong app secret, then WeChat refuses it (40125) and the answer is wechat/unavailable without the secret in it', async () => {
    const api = officialAccountApi({ apps: [{ appid: TEST_OA.appid, secret: 'wrong-secret-value' }], http: d.oa.http });
    const code = d.oa.issueCode(TEST_OA.appid, { openid: 'oWrongSecret1' });
    const r = await refusal(api.exchangeCode(TEST_OA.appid, code));
    expect(r.code).toBe('wechat/unavailable');
    expect(JSON.stringify(r)).not.toContain('wrong-secret-value');
  });

  test('given WeChat unreachable or answering garbage, then wechat/unavailable', async () => {
    const down: WechatHttp = async () => {
      throw Object.assign(new Error('ECONNRESET'), { code: 'ECONNRESET' });
    };
    const { fetchWechatHttp } = await import('../../cloudfunctions/adapters/wechat/oa-http');
    const unreachable = officialAccountApi({ apps: [TEST_OA], http: fetchWechatHttp(200), baseUrl: 'http://127.0.0.1:9' });
    expect((await refusal(unreachable.exchangeCode(TEST_OA.appid, 'abc'))).code).toBe('wechat/unavailable');
    const garbage = officialAccountApi({ apps: [TEST_OA], http: async () => ['not', 'an', 'object'] });
    expect((await refusal(garbage.exchangeCode(TEST_OA.appid, 'abc'))).code).toBe('wechat/unavailable');
    await expect(officialAccountApi({ apps: [TEST_OA], http: down }).exchangeCode(TEST_OA.appid, 'abc')).rejects.toThrow('ECONNRESET');
  });

  test('given the request the adapter sends, then it is WeChat\'s documented one: GET sns/oauth2/access_token with appid, secret, code, grant_type', async () => {
    const asked: WechatHttpRequest[] = [];
    const api = officialAccountApi({ apps: [TEST_OA], http: async (r) => (asked.push(r), d.oa.http(r)) });
    const code = d.oa.issueCode(TEST_OA.appid, { openid: 'oRequestShape' });
    await api.exchangeCode(TEST_OA.appid, code);
    const url = new URL(asked[0]!.url);
    expect([asked[0]!.method, url.origin, url.pathname]).toEqual(['GET', 'https://api.weixin.qq.com', '/sns/oauth2/access_token']);
    expect(Object.fromEntries(url.searchParams)).toEqual({ appid: TEST_OA.appid, secret: TEST_OA.secret, code, grant_type: 'authorization_code' });
  });
});

describe('the WeChat name as a display name', () => {
  test('given WeChat names, then a plain one is kept (trimmed, at most 40 characters) and one with direction or control characters is not used', async () => {
    const { displayableName } = await import('../../cloudfunctions/core/official-account/wechat-name');
    expect(displayableName('  小王  ')).toBe('小王');
    expect(displayableName('王'.repeat(60))).toBe('王'.repeat(40));
    expect(displayableName('\u202Egpj.exe')).toBeNull();
    expect(displayableName('a\nb')).toBeNull();
    expect(displayableName('   ')).toBeNull();
  });
});
