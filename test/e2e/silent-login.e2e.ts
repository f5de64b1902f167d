import type { Browser } from 'playwright-core';
import { eventually, launchBrowser, startRuntimeProcess, textOf, type RuntimeProcess } from './support/harness';

describe('silent OpenID login in the h5 mini program (seed scenario 1)', () => {
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

  test('given a new WeChat identity, when it opens the app, then it is registered silently and sees the public articles; reopening is the same user', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(rt.url + '/');
    await page.waitForSelector('#session-state');
    expect(await eventually(() => textOf(page, '#session-state'), (v) => v === 'member')).toBe('member');
    const userId = await textOf(page, '#user-id');
    expect(userId).toMatch(/^usr_/);
    await page.waitForSelector('.article-item');
    const titles = await page.locator('.article-item .article-title').allTextContents();
    expect(titles).toEqual(expect.arrayContaining(['欢迎使用服务门户', '设备保养指南', '7×24 小时服务热线']));

    // the user really exists in the runtime's database, seen through the console's API
    const login = await rt.call('admin', { action: 'login', data: { username: 'admin', password: rt.adminPassword } });
    const users = await rt.call('admin', { action: 'users.list', data: {} }, login.data.token);
    expect(users.data.items.map((u: { id: string }) => u.id)).toContain(userId);

    // reopen: same browser storage, same WeChat identity, same user
    await page.reload();
    expect(await eventually(() => textOf(page, '#session-state'), (v) => v === 'member')).toBe('member');
    expect(await textOf(page, '#user-id')).toBe(userId);
    await context.close();

  });

  test('given the same OpenID in two fresh browsers, then both see the same user, and another OpenID is another user', async () => {
    const open = async (openid: string) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${rt.url}/?openid=${openid}`);
      expect(await eventually(() => textOf(page, '#session-state'), (v) => v === 'member')).toBe('member');
      const id = await textOf(page, '#user-id');
      await context.close();
      return id;
    };
    const a1 = await open('oE2eSamePerson01');
    const a2 = await open('oE2eSamePerson01');
    const b = await open('oE2eOtherPerson1');
    expect(a1).toMatch(/^usr_/);
    expect(a2).toBe(a1);
    expect(b).not.toBe(a1);
  });
});
