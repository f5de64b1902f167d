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

  test('given the super admin, when they create an admin with two permissions, then that admin signs in, sees only their pages and no Admins page; logout kills the token at once', async () => {
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
    expect(problems).toEqual([]);
    await page.close();
  });
});
