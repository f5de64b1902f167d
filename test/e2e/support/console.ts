import type { Browser, Page } from 'playwright-core';
import type { RuntimeProcess } from './harness';

/** Helpers for the console suites (`test/e2e/console-*.e2e.ts`): sign in, move around, use TDesign pickers. */

/** An admin token for setting data up through the API, as the console would. */
export async function adminToken(rt: RuntimeProcess): Promise<string> {
  const out = await rt.call('admin', { action: 'login', data: { username: 'admin', password: rt.adminPassword } });
  if (!out.ok) throw new Error(`admin login failed: ${JSON.stringify(out)}`);
  return out.data.token as string;
}

/** `admin` action through the API; throws on an error envelope (set-up steps must not fail silently). */
export async function admin<T = any>(rt: RuntimeProcess, token: string, action: string, data: unknown = {}): Promise<T> {
  const out = await rt.call('admin', { action, data }, token);
  if (!out.ok) throw new Error(`${action} failed: ${JSON.stringify(out.error)}`);
  return out.data as T;
}

/** A new page, signed in to the console (zh-CN), on the dashboard. Dialogs are recorded, never accepted. */
export async function signedIn(browser: Browser, rt: RuntimeProcess): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${rt.url}/console/`);
  await page.fill('#login-username input', 'admin');
  await page.fill('#login-password input', rt.adminPassword);
  await page.click('#login-submit');
  await page.waitForSelector('[data-nav="dashboard"]');
  return { page, dialogs, errors };
}

export async function openNav(page: Page, key: string, ready: string): Promise<void> {
  await page.click(`[data-nav="${key}"]`);
  await page.waitForSelector(ready);
}

/**
 * Picks `value` in the TDesign Select inside `wrapper`: opens it, then clicks the option whose text is
 * `[data-option="value"]` in the popup that is showing (closed popups stay in the DOM, hidden).
 */
export async function pickOption(page: Page, wrapper: string, value: string): Promise<void> {
  await page.click(`${wrapper} .t-input`);
  const option = page.locator(`.t-popup:visible [data-option="${value}"]`);
  await option.first().waitFor({ state: 'visible' });
  await option.first().click();
  await page.locator(`.t-popup:visible [data-option="${value}"]`).first().waitFor({ state: 'hidden', timeout: 2000 }).catch(() => undefined);
}

/** TDesign renders a disabled Button as a `<div class="t-is-disabled">`, not a disabled `<button>`. */
export const isDisabledButton = (page: Page, selector: string) => page.locator(selector).evaluate((el) => el.classList.contains('t-is-disabled'));

/**
 * Waits until TDesign's toasts are gone: they cover the top of the page, and a toast under the pointer
 * never closes (hovering pauses it), so the pointer is moved off them first.
 */
export async function toastsGone(page: Page): Promise<void> {
  await page.mouse.move(5, 895);
  await page.waitForFunction(() => document.querySelectorAll('.t-message').length === 0, undefined, { timeout: 10_000 });
}
