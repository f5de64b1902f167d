import type { Browser } from 'playwright-core';
import { admin, adminToken, isDisabledButton, openNav, signedIn } from './support/console';
import { eventually, launchBrowser, startRuntimeProcess, textOf, type RuntimeProcess } from './support/harness';

/**
 * The manual activation wizard against the real `admin` function: an Account with two Contacts is
 * activated through the console's four steps; the new users show in the users page and two seats are
 * gone. An Account without Contacts is listed but cannot be chosen.
 */
describe('the console activation wizard', () => {
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

  test('given an Account with two Contacts and one without any, when the admin activates the first through the wizard, then both people become users and two seats are taken; the other cannot be chosen', async () => {
    const withContacts = await admin(rt, token, 'accounts.create', { name: '宁波启明测控技术有限公司', recordType: 'customer' });
    const wang = await admin(rt, token, 'contacts.create', { accountId: withContacts.id, name: '王启明', mobile1: '13900000011' });
    const zhou = await admin(rt, token, 'contacts.create', { accountId: withContacts.id, name: '周小雨', mobile1: '13900000012' });
    const empty = await admin(rt, token, 'accounts.create', { name: '宁波空壳贸易有限公司' });
    const before = await admin(rt, token, 'licences.get', { limit: 1 });

    const { page, errors } = await signedIn(browser, rt);
    await openNav(page, 'activation', '#activation-accounts');

    // the Account without Contacts: listed, marked, its box disabled, and clicking its row selects nothing
    await page.fill('#activation-search input', '宁波空壳');
    const emptyRow = page.locator(`#activation-accounts tr[data-account-id="${empty.id}"]`);
    await emptyRow.waitFor();
    expect(await emptyRow.getAttribute('data-activatable')).toBe('false');
    expect(await emptyRow.locator('[data-no-contact]').count()).toBe(1);
    expect(await page.locator(`[data-select-account="${empty.id}"] input`).isDisabled()).toBe(true);
    expect(await emptyRow.getAttribute('aria-disabled')).toBe('true');
    await emptyRow.click({ force: true }); // what a user's click does anyway: nothing
    await page.locator(`[data-select-account="${empty.id}"]`).click({ force: true });
    expect(await page.getAttribute('#activation-selected', 'data-count')).toBe('0');
    expect(await isDisabledButton(page, '#activation-next')).toBe(true);

    // step 1: choose the Account with Contacts
    await page.fill('#activation-search input', '宁波启明');
    await page.locator(`#activation-accounts tr[data-account-id="${withContacts.id}"]`).waitFor();
    await page.click(`[data-select-account="${withContacts.id}"]`);
    await page.waitForSelector(`#activation-selected[data-count="1"] [data-selected-account="${withContacts.id}"]`);
    await page.click('#activation-next');

    // step 2: both Contacts, ticked by default
    const account = page.locator(`#activation-contacts [data-preview-account="${withContacts.id}"]`);
    await account.waitFor();
    for (const c of [wang, zhou]) {
      expect(await account.locator(`[data-contact-id="${c.id}"]`).getAttribute('data-has-user')).toBe('false');
      expect(await page.locator(`[data-select-contact="${c.id}"] input`).isChecked()).toBe(true);
    }
    await page.click('#activation-next');

    // step 3: roles preselected, seats previewed by the server
    const seats = page.locator('#activation-seats');
    await seats.waitFor();
    expect(await seats.getAttribute('data-needed')).toBe('2');
    expect(await seats.getAttribute('data-free')).toBe(String(before.free));
    expect(await textOf(page, '#activation-roles')).toContain('终端用户');
    await page.click('#activation-submit');

    // step 4: the result
    const result = page.locator('#activation-result');
    await result.waitFor();
    expect(await result.getAttribute('data-activated')).toBe('2');
    expect(await result.getAttribute('data-seats-taken')).toBe('2');
    expect(await textOf(page, '#activation-result-users')).toContain('王启明');

    // the users page lists them
    await page.click('#activation-to-users');
    await page.waitForSelector('#users-table');
    const usersText = await eventually(async () => (await page.locator('#users-table').textContent()) ?? '', (v) => v.includes('王启明') && v.includes('周小雨'));
    expect(usersText).toContain('王启明');
    expect(usersText).toContain('周小雨');
    expect(usersText).toContain('宁波启明测控技术有限公司');

    // and the licences page shows two seats fewer
    await openNav(page, 'licences', '#licences-summary');
    expect(await page.getAttribute('#licences-summary', 'data-free')).toBe(String(before.free - 2));
    expect(await page.getAttribute('#licences-summary', 'data-used')).toBe(String(before.used + 2));
    expect(errors).toEqual([]);
    await page.close();

    // the server agrees: two seats taken, and the empty Account is refused for the reason the console gave
    const after = await admin(rt, token, 'licences.get', { limit: 1 });
    expect({ used: after.used, free: after.free }).toEqual({ used: before.used + 2, free: before.free - 2 });
    const refused = await rt.call('admin', { action: 'users.activate', data: { accounts: [{ accountId: empty.id }], roleIds: ['terminal-user'] } }, token);
    expect(refused.error?.code).toBe('activation/no-contact');
  });
});
