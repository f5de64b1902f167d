import { createHash } from 'node:crypto';
import { createTestDeps, TEST_OA, type TestDeps } from '../support/deps';
import { jssdkConfig } from '../../cloudfunctions/core/official-account/jssdk';
import { accessToken } from '../../cloudfunctions/core/official-account/tokens';
import { isAppError } from '../../cloudfunctions/core/kernel/app-error';

/** `auth.jssdkConfig`: wx.config signed with the jsapi_ticket, checked as the WeChat client checks it. */
describe('JS-SDK signature', () => {
  let d: TestDeps;
  const caller = { appid: TEST_OA.appid, openid: 'oJssdkPerson1' };
  beforeEach(() => {
    d = createTestDeps();
  });

  test('given WeChat\'s documented example, then the signature is sha1 of the sorted string', () => {
    // the example of WeChat's JS-SDK documentation (附录1)
    const plain =
      'jsapi_ticket=sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg&noncestr=Wm3WZYTPz0wzccnW&timestamp=1414587457&url=http://mp.weixin.qq.com?params=value';
    expect(d.crypto.sha1Hex(plain)).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
  });

  test('given a portal page, when its config is signed, then the stand-in accepts it as wx.config would, and the fragment is not signed', async () => {
    const url = 'https://portal.example.com/?from=menu#/pages/index/index';
    const c = await jssdkConfig(d, caller, url);
    expect(c).toMatchObject({ appId: TEST_OA.appid, timestamp: Math.floor(d.clock.now() / 1000) });
    expect(c.nonceStr).toMatch(/^[A-Za-z0-9]{8,32}$/);
    expect(d.oa.verifyJssdkConfig(TEST_OA.appid, { ...c, url })).toBe(true);
    expect(d.oa.verifyJssdkConfig(TEST_OA.appid, { ...c, url: 'https://portal.example.com/?from=other' })).toBe(false);
    expect(d.oa.verifyJssdkConfig(TEST_OA.appid, { ...c, url, signature: createHash('sha1').update('x').digest('hex') })).toBe(false);
  });

  test('given many pages signed within the ticket\'s life, then WeChat is asked once for the access_token and once for the ticket', async () => {
    for (let i = 0; i < 5; i++) await jssdkConfig(d, caller, `https://portal.example.com/p${i}`);
    expect(d.oa.counts()).toMatchObject({ accessTokens: 1, tickets: 1 });
  });

  test('given the ticket near and then past its expiry, when pages are signed, then WeChat is asked again at most once a minute and a new ticket is used once the old one ran out', async () => {
    await jssdkConfig(d, caller, 'https://portal.example.com/a');
    d.clock.advance(7200_000 - 4 * 60_000); // inside the 5-minute refresh margin: WeChat still answers the same ticket
    for (let i = 0; i < 3; i++) await jssdkConfig(d, caller, 'https://portal.example.com/b');
    expect(d.oa.counts()).toMatchObject({ tickets: 1 });
    d.clock.advance(4 * 60_000);
    const c = await jssdkConfig(d, caller, 'https://portal.example.com/c');
    expect(d.oa.counts()).toMatchObject({ accessTokens: 2, tickets: 2 });
    expect(d.oa.verifyJssdkConfig(TEST_OA.appid, { ...c, url: 'https://portal.example.com/c' })).toBe(true);
  });

  test('given WeChat invalidated the stored access_token, when the ticket is refreshed, then the token is refreshed once and signing works', async () => {
    const stale = await accessToken(d, TEST_OA.appid);
    d.oa.invalidateAccessToken(TEST_OA.appid);
    const c = await jssdkConfig(d, caller, 'https://portal.example.com/c');
    expect(d.oa.verifyJssdkConfig(TEST_OA.appid, { ...c, url: 'https://portal.example.com/c' })).toBe(true);
    expect(await accessToken(d, TEST_OA.appid)).not.toBe(stale);
  });

  test('given a mini program caller (not an Official Account), then access/denied and WeChat is not asked', async () => {
    let refused: unknown;
    await jssdkConfig(d, { appid: 'wxdemo0000000001', openid: 'oMiniProgram1' }, 'https://portal.example.com/').catch((e: unknown) => (refused = e));
    expect(isAppError(refused) && refused.code).toBe('access/denied');
    expect(d.oa.counts()).toMatchObject({ accessTokens: 0, tickets: 0 });
  });
});
