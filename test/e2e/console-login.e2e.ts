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

  test('given a signed-in admin, when every page of the menu is opened in both languages, then each renders its words (no raw message keys) without a script error', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${rt.url}/console/`);
    await page.fill('#login-username input', 'admin');
    await page.fill('#login-password input', rt.adminPassword);
    await page.click('#login-submit');
    await page.waitForSelector('[data-nav="sms"]');
    const keys = (await page.locator('[data-nav]').evaluateAll((els) => els.map((e) => e.getAttribute('data-nav')!))).filter((k) => k !== 'orders');
    expect(keys.length).toBeGreaterThanOrEqual(10);
    // a message key shows as "<area>.<name>" when a page's words were not registered
    const rawKey = /\b(common|dashboard|users|activation|accounts|contacts|roles|methods|guest|licences|audit|auditAction|sms|scope|object|action)\.[a-zA-Z][\w.-]*/;
    for (const locale of ['zh-CN', 'en']) {
      if (locale === 'en') await page.click('#locale-switch');
      for (const key of keys) {
        await page.click(`[data-nav="${key}"]`);
        await page.waitForSelector('.console-content .page-heading h2');
        await page.waitForTimeout(300);
        const shown = (await page.locator('.console-content').innerText()).match(rawKey);
        expect({ page: key, locale, rawKey: shown?.[0] ?? null }).toEqual({ page: key, locale, rawKey: null });
      }
    }
    expect(errors).toEqual([]);
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
    const probe = page.waitForResponse((r) => r.url().endsWith('/api/dev/sms'));
    await page.click('#login-submit');
    await page.waitForSelector('[data-nav="audit"]');
    expect((await probe).status()).toBe(404);
    await page.waitForTimeout(200); // the menu re-renders after the answer
    expect(await page.locator('[data-nav="sms"]').count()).toBe(0);
    await page.close();
  });
});
