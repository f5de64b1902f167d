import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { eventually, launchBrowser, startRuntimeProcess, textOf, type RuntimeProcess } from './support/harness';

/**
 * From "buy" in the console to "seat used by a new activation": the admin buys seats, the local
 * WeChat Pay sandbox pays (a signed, encrypted notification through /api/pay/notify), the paid order
 * shows in the console, and a manual activation that was refused for want of seats now takes one.
 */
describe('buying licence seats with WeChat Pay in the console', () => {
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

  /** The seat licence as the runtime stores it — the sum of its seat blocks (read-only, beside the running process; WAL allows it). */
  const seats = () => {
    const db = new Database(join(rt.dataDir, 'hulian.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const blocks = (db.prepare(`SELECT doc FROM "licences"`).pluck().all() as string[]).map((d) => JSON.parse(d) as { total: number; used: number });
      return blocks.reduce((s, b) => ({ total: s.total + b.total, used: s.used + b.used }), { total: 0, used: 0 });
    } finally {
      db.close();
    }
  };

  test('given every seat is in use, when the admin buys 2 seats and pays, then the paid order shows in the console and a new activation takes one of the new seats', async () => {
    // given: every seat taken (written beside the running runtime: the demo seed leaves seats free)
    const db = new Database(join(rt.dataDir, 'hulian.sqlite'), { fileMustExist: true, timeout: 5000 });
    db.prepare(`UPDATE "licences" SET doc = json_set(doc, '$.used', json_extract(doc, '$.total'))`).run();
    db.close();
    const full = seats();
    expect(full.used).toBe(full.total);
    const token = (await rt.call('admin', { action: 'login', data: { username: 'admin', password: rt.adminPassword } })).data.token as string;
    const activate = () => rt.call('admin', { action: 'users.activate', data: { accounts: [{ accountId: 'acc_demo_yuntu', contactIds: ['con_demo_zhao'] }], roleIds: ['terminal-user'] } }, token);
    expect((await activate()).error?.code).toBe('licence/exhausted');

    // when: the admin buys 2 seats in the console
    const page = await browser.newPage();
    await page.goto(`${rt.url}/console/`);
    await page.fill('#login-username input', 'admin');
    await page.fill('#login-password input', rt.adminPassword);
    await page.click('#login-submit');
    await page.waitForSelector('#header-admin');
    // the side menu's entry (TDesign's menu items carry no ids)
    await page.click('.console-menu li:has-text("购买许可")');
    await page.waitForSelector('#orders-seats input');
    await page.fill('#orders-seats input', '2');
    await page.press('#orders-seats input', 'Tab');
    expect(await eventually(() => textOf(page, '#orders-total'), (v) => v.includes('2.00'))).toContain('2.00');
    await page.click('#orders-buy');
    await page.waitForSelector('#order-panel[data-state="created"]');
    const outTradeNo = await textOf(page, '#order-no');
    expect(outTradeNo).toMatch(/^ord_/);
    expect(await textOf(page, '#order-code-url')).toMatch(/^weixin:\/\/wxpay\/bizpayurl\?pr=/);
    expect(await page.locator('#order-qr svg').count()).toBe(1);
    expect(await eventually(() => textOf(page, '#order-amount'), (v) => v.includes('2.00'))).toContain('2.00');
    await page.waitForSelector(`#orders-table tr[data-order-id="${outTradeNo}"] [data-state="created"]`);

    // the customer pays (local mode: the sandbox plays WeChat Pay)
    await page.click('#order-simulate');
    await page.waitForSelector('#order-panel[data-state="paid"]');
    expect(await textOf(page, '#order-result')).toMatch(/2/);
    // the history shows it paid
    await page.waitForSelector(`#orders-table tr[data-order-id="${outTradeNo}"] [data-state="paid"]`);
    await page.close();

    // then: two more seats, and the activation that was refused now takes one of them
    expect(seats()).toEqual({ ...full, total: full.total + 2 });
    const activated = await activate();
    expect(activated.ok).toBe(true);
    expect(activated.data.activated).toHaveLength(1);
    expect(seats()).toMatchObject({ total: full.total + 2, used: full.used + 1 });
    const order = await rt.call('admin', { action: 'orders.get', data: { outTradeNo } }, token);
    expect(order.data).toMatchObject({ state: 'paid', seats: 2, amount: 200 });
  });
});
