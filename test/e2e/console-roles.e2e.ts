import type { Browser } from 'playwright-core';
import { admin, adminToken, openNav, pickOption, signedIn } from './support/console';
import { launchBrowser, startRuntimeProcess, type RuntimeProcess } from './support/harness';

/**
 * The role matrix against the real `roles.*` actions: a role created in the console keeps its scopes
 * across a reload; the built-in Guest role can be looked at, not changed.
 */
describe('the console role matrix', () => {
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

  const scopes = { 'article:read': 'public', 'device:read': 'account', 'workOrder:create': 'own', 'serviceRequest:update': 'all' } as const;

  test('given a new role with four scopes set in the matrix, when it is saved and the page reloaded, then the matrix shows the same scopes and the server holds exactly them', async () => {
    const { page, errors } = await signedIn(browser, rt);
    await openNav(page, 'roles', '#roles-list [data-role-id]');
    await page.click('#roles-create');
    await page.waitForSelector('#role-editor[data-role-id=""]');
    await page.fill('#role-name input', '设备巡检员');
    await page.fill('#role-name-en input', 'Device inspector');
    for (const [cell, scope] of Object.entries(scopes)) {
      await pickOption(page, `[data-cell="${cell}"]`, scope);
      await page.waitForSelector(`[data-cell="${cell}"][data-scope="${scope}"]`);
    }
    await page.click('#role-save');
    const editor = page.locator('#role-editor:not([data-role-id=""])');
    await editor.waitFor();
    const roleId = (await editor.getAttribute('data-role-id'))!;
    expect(roleId).not.toBe('');

    await page.reload();
    await page.waitForSelector('[data-nav="roles"]');
    await openNav(page, 'roles', `#roles-list [data-role-id="${roleId}"]`);
    await page.click(`#roles-list [data-role-id="${roleId}"]`);
    await page.waitForSelector(`#role-editor[data-role-id="${roleId}"]`);
    expect(await page.inputValue('#role-name input')).toBe('设备巡检员');
    for (const [cell, scope] of Object.entries(scopes)) {
      expect(await page.getAttribute(`[data-cell="${cell}"]`, 'data-scope')).toBe(scope);
    }
    // every other cell stayed "none"
    expect(await page.locator('#role-matrix [data-cell]:not([data-scope="none"])').count()).toBe(Object.keys(scopes).length);

    const { items } = await admin<{ items: Array<{ id: string; permissions: Array<{ object: string; action: string; scope: string }> }> }>(rt, token, 'roles.list');
    const saved = items.find((r) => r.id === roleId)!;
    const held = Object.fromEntries(saved.permissions.map((p) => [`${p.object}:${p.action}`, p.scope]));
    expect(held).toEqual(scopes);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('given the built-in Guest role, when the admin opens it, then it is shown read-only and nothing in it can be changed', async () => {
    const { page, errors } = await signedIn(browser, rt);
    await openNav(page, 'roles', '#roles-list [data-immutable="true"]');
    const guestId = (await page.getAttribute('#roles-list [data-immutable="true"]', 'data-role-id'))!;
    await page.click(`#roles-list [data-role-id="${guestId}"]`);
    await page.waitForSelector(`#role-editor[data-role-id="${guestId}"][data-readonly="true"]`);
    expect(await page.locator('#role-readonly').isVisible()).toBe(true);
    expect(await page.locator('#role-save').count()).toBe(0);
    expect(await page.locator('#role-delete').count()).toBe(0);
    expect(await page.isDisabled('#role-name input')).toBe(true);
    const cells = page.locator('#role-matrix [data-cell]');
    expect(await cells.count()).toBe(12);
    expect(await page.locator('#role-matrix [data-cell] .t-is-disabled').count()).toBe(12);
    // its permissions are those of the Guest role: public reads and its own service requests
    expect(await page.getAttribute('[data-cell="article:read"]', 'data-scope')).toBe('public');
    expect(await page.getAttribute('[data-cell="serviceRequest:create"]', 'data-scope')).toBe('own');

    // and the server refuses a change, whatever a client sends
    const refused = await rt.call('admin', { action: 'roles.update', data: { id: guestId, name: 'x' } }, token);
    expect(refused.error?.code).toBe('roles/immutable');
    expect(errors).toEqual([]);
    await page.close();
  });
});
