import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startRuntimeProcess, type RuntimeProcess } from './support/harness';

/** Console admins and the session: a super admin creates an admin; logging out ends the token on the server; no CSP violation. */
describe('console admins and sessions', () => {
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

  const signIn = async (page: Page, username: string, password: string) => {
    await page.goto(`${rt.url}/console/`);
    await page.fill('#login-username input', username);
    await page.fill('#login-password input', password);
    await page.click('#login-submit');
  };

  test('given the super admin, when they create an admin with two permissions, then that admin signs in, sees only their pages and no Admins page; logout kills the token at once; a password change keeps only this tab signed in', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
    });
    await signIn(page, 'admin', rt.adminPassword);
    await page.click('[data-nav="admins"]');
    await page.waitForSelector('#admins-table tr[data-admin-id="adm_admin"]');

    await page.click('#admins-create');
    await page.fill('#admin-username input', 'e2e.auditor');
    await page.fill('#admin-display-name input', '审计员');
    await page.fill('#admin-password input', 'e2e-auditor-password');
    await page.click('[data-permission="audit.read"] .t-checkbox');
    await page.click('[data-permission="dashboard.read"] .t-checkbox');
    await page.click('#admin-submit');
    await page.waitForSelector('#admins-table tr[data-admin-id="adm_e2e.auditor"]');

    const token = await page.evaluate(() => window.sessionStorage.getItem('hulian.admin.token'));
    await page.click('#logout');
    await page.waitForSelector('#login-submit');
    const after = await rt.call('admin', { action: 'me', data: {} }, token ?? undefined);
    expect(after.error?.code).toBe('auth/unauthenticated');

    await signIn(page, 'e2e.auditor', 'e2e-auditor-password');
    await page.waitForSelector('[data-nav="audit"]');
    expect(await page.locator('[data-nav="admins"]').count()).toBe(0);

    // changing the password ends the old session but keeps this tab signed in with the fresh one
    const before = await page.evaluate(() => window.sessionStorage.getItem('hulian.admin.token'));
    await page.click('#change-password');
    await page.fill('#password-current input', 'e2e-auditor-password');
    await page.fill('#password-new input', 'e2e-auditor-password-2');
    await page.fill('#password-repeat input', 'e2e-auditor-password-2');
    await page.click('#password-submit');
    await page.waitForSelector('#password-dialog', { state: 'detached' });
    const fresh = await page.evaluate(() => window.sessionStorage.getItem('hulian.admin.token'));
    expect(fresh).not.toBe(before);
    expect((await rt.call('admin', { action: 'me', data: {} }, before ?? undefined)).error?.code).toBe('auth/unauthenticated');
    await page.click('[data-nav="audit"]');
    await page.waitForSelector('.console-content .page-heading h2');
    expect(await page.locator('#login-submit').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
