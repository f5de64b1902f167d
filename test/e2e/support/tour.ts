import type { Browser, Page } from 'playwright-core';

/**
 * Every page of the h5 mini program and of the console, as a visitor reaches it on the seeded demo
 * runtime: shared by the checks that walk all pages (contrast, no internal values) and by
 * `npm run screenshots`.
 */
export interface Stop {
  /** file-name friendly */
  name: string;
  /** path after the runtime's origin */
  path: string;
  /** present once the page has loaded its data */
  ready: string;
  /** brings the page into a further state worth looking at (a countdown, an open dialog) */
  then?: (page: Page) => Promise<void>;
}

const ZHANG_WEI = 'oDemoZhangWei001';
const h5 = (route: string, openid?: string) => `/${openid ? `?openid=${openid}` : ''}#${route}`;
const typeIn = (page: Page, id: string, value: string) => page.locator(`#${id} input, #${id} textarea`).first().fill(value);

export const MINI_PROGRAM_STOPS: Stop[] = [
  { name: 'home-visitor', path: h5('/pages/index/index', 'oTourVisitor0001'), ready: '#session-state' },
  { name: 'home-member', path: h5('/pages/index/index', ZHANG_WEI), ready: '#service-entries' },
  { name: 'login', path: h5('/pages/login/index', 'oTourVisitor0002'), ready: '#login-submit' },
  {
    name: 'login-countdown',
    path: h5('/pages/login/index', 'oTourVisitor0003'),
    ready: '#login-submit',
    then: async (page) => {
      await typeIn(page, 'login-phone', '13800000001');
      await page.locator('#login-send-code').click();
      await page.waitForFunction(() => /\d/.test(document.querySelector('#login-send-code')?.textContent ?? ''));
    },
  },
  { name: 'article', path: h5('/pages/article/index?id=art_0001_welcome', ZHANG_WEI), ready: '#article-body' },
  { name: 'devices', path: h5('/packages/records/devices/index', ZHANG_WEI), ready: '.device-item' },
  {
    name: 'device',
    path: h5('/packages/records/devices/index', ZHANG_WEI),
    ready: '.device-item',
    then: async (page) => {
      await page.locator('.device-item').first().click();
      await page.waitForSelector('#device-name');
    },
  },
  { name: 'work-orders', path: h5('/packages/records/work-orders/index', ZHANG_WEI), ready: '.wo-item' },
  {
    name: 'work-order',
    path: h5('/packages/records/work-orders/index', ZHANG_WEI),
    ready: '.wo-item',
    then: async (page) => {
      await page.locator('.wo-item').first().click();
      await page.waitForSelector('#wo-detail-title');
    },
  },
  { name: 'work-order-new', path: h5('/packages/records/work-order-new/index', ZHANG_WEI), ready: '#wo-submit' },
  { name: 'service-request', path: h5('/packages/records/service-request/index', ZHANG_WEI), ready: '#sr-submit' },
  { name: 'register', path: h5('/packages/register/pages/form/index', 'oTourVisitor0004'), ready: '#reg-submit, #reg-closed, .page' },
  { name: 'home-form-app', path: `/?openid=oTourVisitor0005&appid=wxdemo0000000002#/pages/index/index`, ready: '#ways-in' },
  { name: 'my-notifications', path: h5('/packages/me/notifications/index', ZHANG_WEI), ready: '#notifications-empty, .notification-item' },
  { name: 'my-registration', path: h5('/packages/me/registration/index', ZHANG_WEI), ready: '#my-registration-status' },
  { name: 'my-requests', path: h5('/packages/me/requests/index', ZHANG_WEI), ready: '#my-requests-empty, .my-request' },
  { name: 'my-bindings', path: h5('/packages/me/bindings/index', ZHANG_WEI), ready: '#my-binding-user' },
  { name: 'terms', path: h5('/packages/legal/terms/index', 'oTourVisitor0006'), ready: '#legal-version' },
  { name: 'privacy', path: h5('/packages/legal/privacy/index', 'oTourVisitor0006'), ready: '#legal-version' },
];

const nav = (key: string, ready: string): Stop => ({ name: `console-${key}`, path: `/console/#/${key}`, ready });

export const CONSOLE_STOPS: Stop[] = [
  nav('dashboard', '[data-nav="dashboard"]'),
  nav('users', '.t-table'),
  nav('activation', '[data-nav="activation"]'),
  nav('accounts', '.t-table'),
  nav('roles', '[data-nav="roles"]'),
  nav('methods', '[data-nav="methods"]'),
  nav('guest', '[data-nav="guest"]'),
  nav('licences', '[data-nav="licences"]'),
  nav('orders', '[data-nav="orders"]'),
  nav('audit', '.t-table'),
  nav('sms', '[data-nav="sms"]'),
];

/** Opens a stop and waits until it has settled (data loaded, no spinner). */
export async function visit(page: Page, origin: string, stop: Stop): Promise<void> {
  await page.goto(`${origin}${stop.path}`);
  await page.waitForSelector(stop.ready, { timeout: 15_000 });
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForFunction(() => document.querySelectorAll('.t-loading, [id$="-loading"]').length === 0, undefined, { timeout: 10_000 }).catch(() => undefined);
  if (stop.then) await stop.then(page);
}

/** Signs the console in (the token lives in the page's storage, so later stops reuse it). */
export async function signInConsole(page: Page, origin: string, password: string): Promise<void> {
  await page.goto(`${origin}/console/`);
  await page.fill('#login-username input', 'admin');
  await page.fill('#login-password input', password);
  await page.click('#login-submit');
  await page.waitForSelector('[data-nav="dashboard"]');
}

/** A fresh browser context whose mini program (or console) speaks `locale`: what every page walk starts from. */
export async function pageInLocale(browser: Browser, app: 'mini-program' | 'console', locale: string, viewport = { width: 375, height: 812 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale });
  const page = await context.newPage();
  if (app === 'mini-program') await page.addInitScript((l) => localStorage.setItem('hulian.locale', JSON.stringify({ data: l })), locale);
  else await page.addInitScript((l) => localStorage.setItem('hulian.console.locale', l), locale);
  return page;
}
