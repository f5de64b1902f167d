import type { Browser, Page } from 'playwright-core';
import { eventually, launchBrowser, startRuntimeProcess, textOf, type RuntimeProcess } from './support/harness';
import { admin, adminToken } from './support/console';

/**
 * Journeys a person finishes and is told about, in the h5 build: every way in from home, a rejected
 * registration read back with its reason and sent again, the "My" pages.
 */
const FORM_APP = 'wxdemo0000000002';
const fill = (page: Page, id: string, value: string) => page.locator(`#${id} input, #${id} textarea`).first().fill(value);

describe('people finish their journeys and are told what happened', () => {
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

  async function open(path: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    await page.goto(`${rt.url}${path}`);
    return page;
  }

  test('given the form app (self-registration and guests on), when a visitor opens home, then they browse at once, and SMS login and registration are each one tap away', async () => {
    const page = await open(`/?openid=oWaysInVisitor01&appid=${FORM_APP}#/pages/index/index`);
    await page.waitForSelector('#ways-in');
    expect(await eventually(() => textOf(page, '#session-state'), (v) => v === 'guest')).toBe('guest');
    await page.waitForSelector('.article-item');
    for (const id of ['#way-sms-login', '#way-register']) expect(await page.locator(id).count()).toBe(1);

    await page.locator('#way-sms-login').click();
    await page.waitForSelector('#login-submit');
    await page.goBack();
    await page.locator('#way-register').click();
    await page.waitForSelector('#reg-submit');
    await page.context().close();
  });

  test('given the default app (openid-auto: a user of one\'s own at once), when a new person opens home, then "I already have an account" is one tap away', async () => {
    const page = await open('/?openid=oWaysInVisitor02#/pages/index/index');
    await page.waitForSelector('#ways-in');
    await page.locator('#way-sms-login').click();
    await page.waitForSelector('#login-submit');
    await page.context().close();
  });

  test('given guests off and no self-registration (manual activation only), when a visitor opens home, then SMS login and "just browse" are offered, and browsing says it is closed', async () => {
    // an app with no registration method of its own, guests switched off
    await admin(rt, token, 'settings.update', { guest: { enabled: false } });
    try {
      const page = await open('/?openid=oWaysInVisitor03&appid=wxdemo0000000003#/pages/index/index');
      await page.waitForSelector('#ways-in');
      expect(await textOf(page, '#session-state')).toBe('anonymous');
      expect(await page.locator('#way-sms-login').count()).toBe(1);
      expect(await page.locator('#way-register').count()).toBe(0);
      await page.locator('#way-browse').click();
      await page.waitForSelector('#ways-in .hint');
      expect(await page.locator('#way-browse').count()).toBe(0);
      await page.context().close();
    } finally {
      await admin(rt, token, 'settings.update', { guest: { enabled: true } });
    }
  });

  test('given a registration an admin rejects with a reason, then the person sees an unread badge, reads the reason, and the form comes back filled to correct', async () => {
    const openid = 'oToldRejected001';
    const phone = '13712345601';
    const page = await open(`/?openid=${openid}&appid=${FORM_APP}#/packages/register/pages/form/index`);
    await page.waitForSelector('#reg-submit');
    await fill(page, 'reg-account-name', '杭州星辰信息科技');
    await fill(page, 'reg-contact-name', '韩十');
    await fill(page, 'reg-contact-mobile1', phone);
    await page.locator('#reg-consent-box').click();
    await page.locator('#reg-wechat-phone').click();
    await page.waitForSelector('#reg-mobile-verified');
    await page.locator('#reg-submit').click();
    await page.waitForSelector('#reg-candidate-yes');
    await page.locator('#reg-candidate-yes').click();
    await page.waitForSelector('#reg-result');

    const pending = await admin<{ items: Array<{ id: string; name: string }> }>(rt, token, 'users.list', { status: 'pending' });
    const user = pending.items.find((u) => u.name === '韩十')!;
    await admin(rt, token, 'users.reject', { userId: user.id, reason: '本公司没有这位员工' });

    await page.goto(`${rt.url}/?openid=${openid}&appid=${FORM_APP}#/pages/index/index`);
    await page.waitForSelector('#unread-badge');
    expect(await textOf(page, '#unread-badge')).toBe('1 条未读');
    await page.locator('#my-notifications').click();
    await page.waitForSelector('.notification-item');
    expect(await textOf(page, '.notification-title')).toBe('注册未通过');
    expect(await textOf(page, '.notification-body')).toContain('本公司没有这位员工');

    await page.locator('.notification-resubmit').click();
    await page.waitForSelector('#reg-submit');
    expect(await page.locator('#reg-contact-name input').inputValue()).toBe('韩十');
    expect(await page.locator('#reg-contact-mobile1 input').inputValue()).toBe(phone);
    expect(await page.locator('#reg-account-name input').inputValue()).toBe('杭州星辰科技有限公司');
    await page.context().close();
  });

  test('given a member with a service request, when they cancel it on "My service requests", then it reads cancelled and a notification says so', async () => {
    const page = await open('/?openid=oDemoZhangWei001#/packages/records/service-request/index');
    await page.waitForSelector('#sr-submit');
    const subject = `E2E 我的申请 ${Date.now() % 100000}`;
    await fill(page, 'sr-subject', subject);
    await fill(page, 'sr-description', '想预约一次保养。');
    await fill(page, 'sr-contact-phone', '12345');
    await page.locator('#sr-submit').click();
    // a phone that is not a mainland mobile is refused next to its field, before anything is sent
    await page.waitForSelector('#sr-contact-phone-error');
    await fill(page, 'sr-contact-phone', '');
    await page.locator('#sr-submit').click();
    await page.waitForSelector('#sr-success');

    await page.goto(`${rt.url}/?openid=oDemoZhangWei001#/packages/me/requests/index`);
    await page.waitForSelector('.my-request');
    const item = page.locator('.my-request', { hasText: subject });
    expect(await item.locator('.my-request-status').textContent()).toBe('已提交');
    await item.click();
    await item.locator('.my-request-cancel').click();
    await page.locator('.taro-model__confirm').click();
    expect(await eventually(() => item.locator('.my-request-status').textContent(), (v) => v === '已撤销')).toBe('已撤销');

    await page.goto(`${rt.url}/?openid=oDemoZhangWei001#/packages/me/notifications/index`);
    await page.waitForSelector('.notification-item');
    expect(await textOf(page, '.notification-body')).toContain(subject);
    await page.context().close();
  });
});
