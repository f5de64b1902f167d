import type { Browser } from 'playwright-core';
import { admin, adminToken, isDisabledButton, openNav, signedIn } from './support/console';
import { eventually, launchBrowser, startRuntimeProcess, textOf, type RuntimeProcess } from './support/harness';

/**
 * The manual activation wizard against the real `admin` function: an Account with two Contacts is
 * activated through the console's four steps; the new users show in the users page and two seats are
 * gone. An Account without Contacts is listed but cannot be chosen, until the admin adds a Contact to it
 * from the wizard.
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
    // the row itself stays enabled: this admin may add a Contact to it from here (the next test)
    expect(await emptyRow.getAttribute('aria-disabled')).toBe('false');
    expect(await emptyRow.locator('[data-add-contact]').count()).toBe(1);
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

  test('given an Account with no Contact, when the admin adds one in the wizard and activates it, then the Contact becomes a user of that Account', async () => {
    const bare = await admin(rt, token, 'accounts.create', { name: '宁波新添精密机械有限公司' });

    const { page, errors } = await signedIn(browser, rt);
    await openNav(page, 'activation', '#activation-accounts');
    await page.fill('#activation-search input', '宁波新添');
    const row = page.locator(`#activation-accounts tr[data-account-id="${bare.id}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-activatable')).toBe('false');

    // the action opens a small form; a mobile the server would refuse is refused at its field, before any call
    await page.click(`[data-add-contact="${bare.id}"]`);
    await page.waitForSelector('#activation-contact-dialog');
    await page.fill('#activation-contact-name input', '陈新添');
    await page.fill('#activation-contact-mobile input', '1390000');
    expect(await textOf(page, '#activation-contact-dialog')).toContain('请输入 11 位中国大陆手机号');
    expect(await isDisabledButton(page, '#activation-contact-save')).toBe(true);
    await page.fill('#activation-contact-mobile input', '13900000031');
    await page.click('#activation-contact-save');
    await page.locator('#activation-contact-dialog').waitFor({ state: 'detached' });

    // the list is reloaded: the Account is now activatable, and chosen
    await page.waitForSelector(`#activation-accounts tr[data-account-id="${bare.id}"][data-activatable="true"]`);
    await page.waitForSelector(`#activation-selected[data-count="1"] [data-selected-account="${bare.id}"]`);
    const contacts = await admin<{ items: Array<{ id: string; name: string; mobile1?: string }> }>(rt, token, 'contacts.list', { accountId: bare.id });
    expect(contacts.items.map((c) => ({ name: c.name, mobile1: c.mobile1 }))).toEqual([{ name: '陈新添', mobile1: '13900000031' }]);
    const chen = contacts.items[0]!;

    // step 2: the new Contact, ticked by default
    await page.click('#activation-next');
    const account = page.locator(`#activation-contacts [data-preview-account="${bare.id}"]`);
    await account.waitFor();
    expect(await account.getAttribute('data-activatable')).toBe('true');
    expect(await page.locator(`[data-select-contact="${chen.id}"] input`).isChecked()).toBe(true);
    await page.click('#activation-next');
    await page.locator('#activation-seats[data-needed="1"]').waitFor();
    await page.click('#activation-submit');
    const result = page.locator('#activation-result');
    await result.waitFor();
    expect(await result.getAttribute('data-activated')).toBe('1');
    expect(errors).toEqual([]);
    await page.close();

    // the server agrees: the Contact is a user of that Account
    const users = await admin<{ items: Array<{ name: string; accountId?: string; contactId?: string; status: string }> }>(rt, token, 'users.list', { accountId: bare.id });
    expect(users.items.map((u) => ({ name: u.name, contactId: u.contactId, status: u.status }))).toEqual([{ name: '陈新添', contactId: chen.id, status: 'active' }]);
  });
});
