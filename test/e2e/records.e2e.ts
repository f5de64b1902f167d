import type { Browser, Page } from 'playwright-core';
import { eventually, launchBrowser, startRuntimeProcess, textOf, type RuntimeProcess } from './support/harness';

/** Fills a Taro h5 Input/Textarea (a web component wrapping the real element). */
const fill = (page: Page, id: string, value: string) => page.locator(`#${id} input, #${id} textarea`).first().fill(value);
const texts = (page: Page, selector: string) => page.locator(selector).allTextContents().then((l) => l.map((s) => s.trim()));

describe('devices, work orders and service requests in the h5 mini program', () => {
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

  test('given the seeded member 张伟 (account admin of 杭州星辰), then they see their Account’s devices and a work order they submit appears in their list', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${rt.url}/?openid=oDemoZhangWei001`);
    expect(await eventually(() => textOf(page, '#session-state'), (v) => v === 'member')).toBe('member');
    expect(await textOf(page, '#user-name')).toBe('张伟');

    await page.locator('#entry-devices').click();
    await page.waitForSelector('.device-item');
    const devices = await texts(page, '.device-name');
    expect(devices).toEqual(expect.arrayContaining(['一号车间空压机', '研发楼冷水机组', '仓库除湿机', '展厅演示机：空压机']));
    expect(devices).not.toContain('数控加工中心 A'); // 苏州恒泰's
    expect(devices).not.toContain('洁净室空调机组'); // 深圳蓝海's

    await page.goBack();
    await page.locator('#entry-work-orders').click();
    await page.waitForSelector('.wo-item');
    // an account admin sees colleagues' orders too (李娜's), never another Account's
    const before = await texts(page, '.wo-title');
    expect(before).toEqual(expect.arrayContaining(['冷水机组出水温度偏高', '空压机异响']));
    expect(before).not.toContain('主轴温升过快');

    await page.locator('#wo-new').click();
    await page.waitForSelector('#wo-submit');
    const title = `E2E 除湿机漏水 ${Date.now() % 100000}`;
    await fill(page, 'wo-title', title);
    await fill(page, 'wo-description', '仓库除湿机底部有积水。');
    await page.locator('#wo-priority-high').click();
    await page.locator('#wo-submit').click();
    expect(await eventually(() => textOf(page, '#wo-detail-title'), (v) => v === title)).toBe(title);
    expect(await page.locator('#wo-detail-status').getAttribute('data-status')).toBe('open');

    await page.goBack();
    expect(await eventually(() => texts(page, '.wo-title'), (l) => l.includes(title))).toContain(title);
    // newest first
    expect((await texts(page, '.wo-title'))[0]).toBe(title);
    await context.close();
  });

  test('given a guest (the second demo app: form registration, guests on), then only public articles, no work orders, and a service request goes through', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${rt.url}/?appid=wxdemo0000000002`);
    expect(await eventually(() => textOf(page, '#session-state'), (v) => v === 'guest')).toBe('guest');
    await page.waitForSelector('.article-item');
    const titles = await texts(page, '.article-item .article-title');
    expect(titles.sort()).toEqual(['7×24 小时服务热线', '欢迎使用服务门户', '设备保养指南'].sort());
    expect(await page.locator('#entry-work-orders').count()).toBe(0);

    await page.locator('#entry-service-request').click();
    await page.waitForSelector('#sr-submit');
    const subject = `E2E 访客咨询 ${Date.now() % 100000}`;
    await page.locator('#sr-category-installation').click();
    await fill(page, 'sr-subject', subject);
    await fill(page, 'sr-description', '想了解空压机的安装服务。');
    await fill(page, 'sr-contact-name', '路人甲');
    await fill(page, 'sr-contact-phone', '13912345678');
    await page.locator('#sr-submit').click();
    await page.waitForSelector('#sr-success');

    // guest data is nobody's customer data: no member — not even an account-admin — sees it; the business
    // follows up in its own systems, where the request sits under the dedicated Guest Account
    const session = await (await fetch(`${rt.url}/api/dev/wechat/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: 'oDemoZhangWei001' }) })).json();
    const list = await rt.call('records', { action: 'list', data: { object: 'serviceRequest' } }, session.data.token);
    expect(list.data.items.find((r: { subject: string }) => r.subject === subject)).toBeUndefined();
    await context.close();
  });
});
