import type { Browser } from 'playwright-core';
import { admin, adminToken, openNav, pickOption, signedIn, toastsGone } from './support/console';
import { launchBrowser, startRuntimeProcess, type RuntimeProcess } from './support/harness';

/**
 * The terminal users page's actions on one user, against the real `admin` function: change roles,
 * disable (the user's next call fails with `auth/disabled`, the seat is freed), enable again.
 */
describe('the console users page', () => {
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

  test('given a member, when the admin adds a role, disables and re-enables them in the detail drawer, then each change is confirmed, reaches the server, and the member is refused while disabled', async () => {
    const session = await (await fetch(`${rt.url}/api/dev/wechat/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"openid":"oConsoleUsersE2e1"}' })).json();
    const member = await rt.call('auth', { action: 'login', data: {} }, session.data.token);
    const userId: string = member.data.user.id;
    const seatsBefore = await admin(rt, token, 'licences.get', { limit: 1 });

    const { page, dialogs, errors } = await signedIn(browser, rt);
    await openNav(page, 'users', `#users-table tr[data-user-id="${userId}"]`);
    await page.click(`#users-table tr[data-user-id="${userId}"] [data-open-user]`);
    await page.waitForSelector(`#user-drawer[data-user-id="${userId}"][data-status="active"]`);

    // roles: add the Account administrator role
    await pickOption(page, '#user-roles', 'account-admin');
    await page.click('#user-facts'); // closes the picker, not the drawer
    await page.click('#user-roles-save');
    await page.waitForSelector('#user-history [data-action="user.roles-set"]');
    expect((await admin(rt, token, 'users.get', { userId })).roleIds).toContain('account-admin');

    // disable, after a confirmation; the row follows
    await page.click('#user-disable');
    await page.waitForSelector('#confirm-dialog');
    await page.click('#confirm-ok');
    await page.waitForSelector(`#user-drawer[data-status="disabled"]`);
    await page.waitForSelector(`#users-table tr[data-user-id="${userId}"][data-status="disabled"]`);
    const refused = await rt.call('auth', { action: 'me', data: {} }, session.data.token);
    expect(refused.error?.code).toBe('auth/disabled');
    expect((await admin(rt, token, 'licences.get', { limit: 1 })).used).toBe(seatsBefore.used - 1);

    // enable again
    await page.click('#user-enable');
    await page.click('#confirm-ok');
    await page.waitForSelector(`#user-drawer[data-status="active"]`);
    expect((await rt.call('auth', { action: 'me', data: {} }, session.data.token)).ok).toBe(true);
    expect((await admin(rt, token, 'licences.get', { limit: 1 })).used).toBe(seatsBefore.used);

    // the status filter finds them among the active users
    await page.click('.t-drawer__close-btn');
    await page.waitForSelector('#user-drawer', { state: 'detached' });
    await toastsGone(page);
    await page.click('#users-status [data-status="disabled"]');
    await page.waitForSelector(`#users-table tr[data-user-id="${userId}"]`, { state: 'detached' });
    await page.click('#users-status [data-status="active"]');
    await page.waitForSelector(`#users-table tr[data-user-id="${userId}"]`);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
