import type { Browser, Page } from 'playwright-core';
import { admin, adminToken, openNav, signedIn } from './support/console';
import { eventually, launchBrowser, startRuntimeProcess, type RuntimeProcess } from './support/harness';

/**
 * Text people type — Account and Contact names, role names — reaches the console from the database and
 * must render as text: no script runs, no element is injected, and the literal characters show.
 */
describe('console text that contains markup', () => {
  let rt: RuntimeProcess;
  let browser: Browser;
  let token: string;
  beforeAll(async () => {
    rt = await startRuntimeProcess();
    browser = await launchBrowser();
    token = await adminToken(rt);
  });
  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  const accountName = '<img src=x onerror=alert(1)><script>window.__xss=1;alert("account")</script>测试';
  const contactName = '<svg onload=alert(2)>张三</svg>';
  const roleName = '<b onmouseover=alert(3)>角色</b>';

  const text = async (page: Page, selector: string, expected: string) =>
    eventually(async () => (await page.locator(selector).first().textContent()) ?? '', (v) => v.includes(expected));

  /** Nothing ran and nothing was injected anywhere on the page. */
  async function expectInert(page: Page, dialogs: string[]) {
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('#root img[src="x"], #root script, #root svg[onload], #root b[onmouseover], body > img[src="x"]').count()).toBe(0);
  }

  test('given an Account, a Contact and a role whose names contain <script> and event handlers, when the admin goes through the console, then every page shows the literal text and no script runs', async () => {
    const account = await admin(rt, token, 'accounts.create', { name: accountName });
    await admin(rt, token, 'contacts.create', { accountId: account.id, name: contactName, mobile1: '13900000021' });
    await admin(rt, token, 'roles.create', { name: roleName, permissions: [{ object: 'article', action: 'read', scope: 'all' }] });
    const activated = await admin(rt, token, 'users.activate', { accounts: [{ accountId: account.id }], roleIds: ['terminal-user'] });
    const userId: string = activated.activated[0].userId;

    const { page, dialogs, errors } = await signedIn(browser, rt);

    // dashboard: recent activity
    await page.waitForSelector('#dashboard-activity');
    await expectInert(page, dialogs);

    // Accounts & Contacts
    await openNav(page, 'accounts', '#accounts-table');
    expect(await text(page, '#accounts-table', accountName)).toContain(accountName);
    await page.click(`[data-show-contacts="${account.id}"]`);
    expect(await text(page, '#contacts-table', contactName)).toContain(contactName);
    await expectInert(page, dialogs);

    // the duplicate check while typing the same name in a new Account
    await page.click('[data-tab="accounts"]');
    await page.click('#accounts-create');
    await page.fill('#account-name input', accountName);
    await page.waitForSelector(`#account-duplicates[data-state="found"] [data-candidate-id="${account.id}"]`);
    expect(await page.locator(`[data-candidate-id="${account.id}"]`).textContent()).toContain(accountName);
    await expectInert(page, dialogs);
    await page.keyboard.press('Escape');

    // terminal users: the row, and the drawer with its facts and history
    await openNav(page, 'users', '#users-table');
    const row = page.locator(`#users-table tr[data-user-id="${userId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(contactName);
    expect(await row.textContent()).toContain(accountName);
    await row.locator('[data-open-user]').click();
    await page.waitForSelector(`#user-drawer[data-user-id="${userId}"]`);
    expect(await page.locator('#user-facts').textContent()).toContain(accountName);
    await expectInert(page, dialogs);
    await page.keyboard.press('Escape');

    // roles: the list and the editor
    await openNav(page, 'roles', '#roles-list [data-role-id]');
    const roleButton = page.locator('#roles-list [data-role-id]', { hasText: '角色' }).filter({ hasText: '<b' });
    expect(await roleButton.textContent()).toContain(roleName);
    await roleButton.click();
    expect(await page.inputValue('#role-name input')).toBe(roleName);
    await expectInert(page, dialogs);

    // the activation wizard's Account list
    await openNav(page, 'activation', '#activation-accounts');
    await page.fill('#activation-search input', '<img');
    expect(await text(page, '#activation-accounts', accountName)).toContain(accountName);
    await expectInert(page, dialogs);

    expect(errors).toEqual([]);
    await page.close();
  });
});
