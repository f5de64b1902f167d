import type { Browser, Page } from 'playwright-core';
import { eventually, launchBrowser, startRuntimeProcess, textOf, type RuntimeProcess } from './support/harness';
import { openNav, signedIn } from './support/console';

/** Fills a Taro h5 Input (a web component wrapping the real element). */
const fill = (page: Page, id: string, value: string) => page.locator(`#${id} input`).first().fill(value);
const texts = (page: Page, selector: string) => page.locator(selector).allTextContents().then((l) => l.map((s) => s.trim()));

/**
 * Seed scenario 5: self-registration off, guest off — only manually activated people get in.
 * An admin activates an Account through the console's activation wizard,
 * its Contact logs in by SMS in the h5 mini program and sees their Account's devices; a stranger is told
 * clearly that they are not activated.
 */
describe('scenario 5: manual activation and SMS login', () => {
  let rt: RuntimeProcess;
  let browser: Browser;
  let adminToken: string;
  const admin = async (action: string, data: unknown) => {
    const r = await rt.call('admin', { action, data }, adminToken);
    if (!r.ok) throw new Error(`admin ${action}: ${JSON.stringify(r)}`);
    return r.data;
  };
  const latestCode = async (phone: string): Promise<string | undefined> => {
    const box = await (await fetch(`${rt.url}/api/dev/sms`)).json();
    const msg = box.data.messages.find((m: { phone: string }) => m.phone === phone);
    return msg ? /(\d{6})/.exec(msg.text)?.[1] : undefined;
  };

  /** Home → login prompt → SMS login page, as a person would get there. */
  async function openLogin(page: Page, openid: string) {
    await page.goto(`${rt.url}/?openid=${openid}`);
    expect(await eventually(() => textOf(page, '#session-state'), (v) => v === 'anonymous')).toBe('anonymous');
    await page.waitForSelector('#portal-intro');
    await page.locator('#login-prompt-go').click();
    await page.waitForSelector('#login-page');
  }

  beforeAll(async () => {
    rt = await startRuntimeProcess();
    browser = await launchBrowser();
    adminToken = (await rt.call('admin', { action: 'login', data: { username: 'admin', password: rt.adminPassword } })).data.token;
    await admin('settings.update', { selfRegistration: { enabled: false }, guest: { enabled: false }, manualActivation: true });
  });
  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  test('given an Account activated by the admin, when its Contact logs in by SMS, then they are a member of that Account and see its devices', async () => {
    // 北京云途物流 has one Contact, 赵磊 (mobile1 13800000006), not yet a user: the admin activates the
    // Account through the console's wizard
    const consolePage = (await signedIn(browser, rt)).page;
    await openNav(consolePage, 'activation', '#activation-accounts');
    await consolePage.fill('#activation-search input', '北京云途');
    await consolePage.locator('#activation-accounts tr[data-account-id="acc_demo_yuntu"]').waitFor();
    await consolePage.click('[data-select-account="acc_demo_yuntu"]');
    await consolePage.waitForSelector('#activation-selected[data-count="1"]');
    await consolePage.click('#activation-next');
    await consolePage.locator('#activation-contacts [data-contact-id="con_demo_zhao"]').waitFor();
    await consolePage.click('#activation-next');
    expect(await consolePage.locator('#activation-seats').getAttribute('data-needed')).toBe('1');
    await consolePage.click('#activation-submit');
    await consolePage.locator('#activation-result[data-activated="1"]').waitFor();
    expect(await textOf(consolePage, '#activation-result-users')).toContain('赵磊');
    await consolePage.close();

    const context = await browser.newContext();
    const page = await context.newPage();
    await openLogin(page, 'oScenario5ZhaoLei');
    await fill(page, 'login-phone', '13800000006');
    await page.locator('#login-send-code').click();
    await page.waitForSelector('#login-code-sent');
    const code = await eventually(() => latestCode('13800000006'), (c) => !!c);
    await fill(page, 'login-code', code!);
    await page.locator('#login-consent-box').click();
    await page.locator('#login-submit').click();

    expect(await eventually(() => textOf(page, '#session-state'), (v) => v === 'member')).toBe('member');
    expect(await textOf(page, '#user-name')).toBe('赵磊');
    expect(await textOf(page, '#enterprise-name')).toBe('北京云途物流有限公司');

    await page.locator('#entry-devices').click();
    await page.waitForSelector('.device-item');
    const devices = await texts(page, '.device-name');
    expect(devices).toContain('分拣线控制柜');
    expect(devices).not.toContain('一号车间空压机'); // 杭州星辰's
    expect(devices).not.toContain('数控加工中心 A'); // 苏州恒泰's

    // reopening is the same member: the first SMS login bound this WeChat identity
    await page.goto(`${rt.url}/?openid=oScenario5ZhaoLei`);
    expect(await eventually(() => textOf(page, '#session-state'), (v) => v === 'member')).toBe('member');
    await context.close();
  });

  test('given a stranger, when they try to log in by SMS, then they are refused as any wrong code is (the phone state is not revealed)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openLogin(page, 'oScenario5Stranger');
    await fill(page, 'login-phone', '13912340000');
    await page.locator('#login-send-code').click();
    await page.waitForSelector('#login-code-sent');
    expect(await latestCode('13912340000')).toBeUndefined(); // nothing is delivered to a stranger
    await fill(page, 'login-code', '123456');
    await page.locator('#login-consent-box').click();
    await page.locator('#login-submit').click();
    await page.waitForSelector('#login-error');
    expect(await textOf(page, '#login-error')).toBe('验证码不正确。');
    await context.close();

    // the code behind the message, through the same API
    const session = await (await fetch(`${rt.url}/api/dev/wechat/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"openid":"oScenario5Stranger"}' })).json();
    const portal = await rt.call('auth', { action: 'portal', data: {} }, session.data.token);
    const r = await rt.call('auth', { action: 'loginBySms', data: { phone: '13912340000', code: '654321', consent: { agreed: true, termsVersion: portal.data.terms.version } } }, session.data.token);
    expect(r.error.code).toBe('sms/code-invalid');
    expect((await rt.call('auth', { action: 'me', data: {} }, session.data.token)).data.state).toBe('anonymous');
  });
});
