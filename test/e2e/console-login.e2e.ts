import type { Browser } from 'playwright-core';
import { eventually, launchBrowser, startRuntimeProcess, type RuntimeProcess } from './support/harness';

describe('the admin console', () => {
  let rt: RuntimeProcess;
  let browser: Browser;
  beforeAll(async () => {
    rt = await startRuntimeProcess();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  test('given a wrong password, then the console shows the localised error; given the right one, it lists terminal users from the database', async () => {
    // a terminal user created through the mini program's API
    const session = await (await fetch(`${rt.url}/api/dev/wechat/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"openid":"oConsoleE2eUser1"}' })).json();
    const login = await rt.call('auth', { action: 'login', data: {} }, session.data.token);
    const userId: string = login.data.user.id;
    const userName: string = login.data.user.name;

    const page = await browser.newPage();
    await page.goto(`${rt.url}/console/`);
    await page.fill('#login-username input', 'admin');
    await page.fill('#login-password input', 'wrong-password');
    await page.click('#login-submit');
    await page.waitForSelector('#login-error');
    expect(await page.locator('#login-error').textContent()).toContain('用户名或密码错误');

    await page.fill('#login-password input', rt.adminPassword);
    await page.click('#login-submit');
    // the console opens on the dashboard; the users page is one click away
    await page.waitForSelector('[data-nav="users"]');
    await page.click('[data-nav="users"]');
    await page.waitForSelector('#users-table');
    expect(await eventually(async () => (await page.locator('#users-table').textContent()) ?? '', (v) => v.includes(userName))).toContain(userName);
    expect(await page.locator(`#users-table [data-user-id="${userId}"], #users-table tr[data-row-key="${userId}"]`).count()).toBeGreaterThan(0);
    // the local runtime's SMS outbox is in the menu (dev simulators on)
    await page.waitForSelector('[data-nav="sms"]');
    await page.close();
  });
});

describe('the console menu without the dev simulators', () => {
  let rt: RuntimeProcess;
  let browser: Browser;
  beforeAll(async () => {
    rt = await startRuntimeProcess({ HULIAN_DEV: '0' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  test('given HULIAN_DEV=0 (no SMS outbox route), then the console offers no SMS outbox page; with the simulators on it does', async () => {
    expect((await fetch(`${rt.url}/api/dev/sms`)).status).toBe(404);
    const page = await browser.newPage();
    await page.goto(`${rt.url}/console/`);
    await page.fill('#login-username input', 'admin');
    await page.fill('#login-password input', rt.adminPassword);
    await page.click('#login-submit');
    await page.waitForSelector('[data-nav="audit"]');
    // the probe has answered by the time the page has settled
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-nav="sms"]').count()).toBe(0);
    await page.close();
  });
});
