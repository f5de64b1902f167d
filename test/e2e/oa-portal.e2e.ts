import type { Browser, BrowserContext } from 'playwright-core';
import { eventually, launchBrowser, startRuntimeProcess, textOf, type RuntimeProcess } from './support/harness';

/** WeChat's in-app browser, as an Official Account menu opens the portal. */
const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F35) NetType/WIFI Language/zh_CN';
const OA = 'wxdemooa00000001';

describe('the Official Account portal in chromium (OAuth redirect login)', () => {
  let rt: RuntimeProcess;
  let browser: Browser;
  let admin: string;
  let methodId: string;
  beforeAll(async () => {
    rt = await startRuntimeProcess();
    browser = await launchBrowser();
    admin = (await rt.call('admin', { action: 'login', data: { username: 'admin', password: rt.adminPassword } })).data.token;
    // scenario 1 for the Official Account: its own method, openid-auto
    const created = await rt.call('admin', { action: 'methods.create', data: { name: '服务号自动开通', appId: OA, mode: 'openid-auto', roleIds: ['terminal-user'] } }, admin);
    expect(created.ok).toBe(true);
    methodId = created.data.id;
  });
  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  const inWechat = (): Promise<BrowserContext> => browser.newContext({ userAgent: WECHAT_UA });
  /** users the Official Account's method created */
  const userCount = async () => (await rt.call('admin', { action: 'users.list', data: { methodId, limit: 100 } }, admin)).data.items.length as number;

  test('given a new person opening the portal from the Official Account, when WeChat redirects back with code and state, then they consent once and land logged in; the address bar keeps neither', async () => {
    const context = await inWechat();
    const page = await context.newPage();
    const before = await userCount();
    await page.goto(`${rt.url}/`);
    // snsapi_base found nobody and openid-auto needs to know the person: WeChat asks for their profile
    await page.waitForSelector('#allow', { timeout: 15000 });
    await page.click('#allow');
    expect(await eventually(() => textOf(page, '#session-state'), (v) => v === 'member')).toBe('member');
    expect(new URL(page.url()).search).toBe('');
    expect(await userCount()).toBe(before + 1);
    const userId = await textOf(page, '#user-id');

    // reopening in the same session is silent and the same user
    await page.reload();
    expect(await eventually(() => textOf(page, '#session-state'), (v) => v === 'member')).toBe('member');
    expect(await textOf(page, '#user-id')).toBe(userId);

    // a new browser session: the authorize step is silent now (snsapi_base finds them), no consent page
    const again = await context.newPage();
    await again.goto(`${rt.url}/`);
    expect(await eventually(() => textOf(again, '#session-state'), (v) => v === 'member')).toBe('member');
    expect(await textOf(again, '#user-id')).toBe(userId);
    await context.close();
  });

  test('given a person who refuses the consent page, then they are told logging in needs it, nobody is created, and retrying asks again', async () => {
    const context = await inWechat();
    const page = await context.newPage();
    const before = await userCount();
    await page.goto(`${rt.url}/`);
    await page.waitForSelector('#deny', { timeout: 15000 });
    await page.click('#deny');
    await page.waitForSelector('#session-error');
    expect(await textOf(page, '#session-error')).toContain('同意授权');
    expect(await userCount()).toBe(before);
    await page.locator('#session-error taro-button-core, #session-error button').first().click();
    await page.waitForSelector('#allow', { timeout: 15000 });
    await context.close();
  });

  test('given a code brought back with a state this browser never sent, then a clear error, the code unspent and nobody created', async () => {
    const issued = await fetch(`${rt.url}/api/dev/wechat/oa-code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scope: 'snsapi_userinfo', unionid: 'uE2eForgedState1' }),
    }).then((r) => r.json());
    const context = await inWechat();
    const page = await context.newPage();
    const before = await userCount();
    await page.goto(`${rt.url}/?code=${issued.data.code}&state=forgedstate0123456789`);
    await page.waitForSelector('#session-error');
    expect(await textOf(page, '#session-error')).toContain('登录请求已失效');
    expect(await userCount()).toBe(before);
    // the portal never sent the code to the server: it is still unspent
    const spend = await rt.call('auth', { action: 'loginByOfficialAccount', data: { appid: OA, code: issued.data.code } });
    expect(spend.ok).toBe(true);
    await context.close();
  });

  test('given a logged-in portal, when the person logs out, then the session ends on the server and its token no longer works', async () => {
    const context = await inWechat();
    const page = await context.newPage();
    await page.goto(`${rt.url}/`);
    await page.waitForSelector('#allow', { timeout: 15000 });
    await page.click('#allow');
    expect(await eventually(() => textOf(page, '#session-state'), (v) => v === 'member')).toBe('member');
    const token = await page.evaluate(() => window.sessionStorage.getItem('hulian.oa.token'));
    expect((await rt.call('auth', { action: 'me', data: {} }, token ?? undefined)).ok).toBe(true);
    await page.click('#logout-button');
    await page.waitForSelector('#session-error');
    expect(await textOf(page, '#session-error')).toContain('已退出登录');
    expect((await rt.call('auth', { action: 'me', data: {} }, token ?? undefined)).error.code).toBe('auth/unauthenticated');
    await context.close();
  });
});
