import type { Browser } from 'playwright-core';
import { launchBrowser, startRuntimeProcess, type RuntimeProcess } from './support/harness';
import { admin, adminToken, signedIn } from './support/console';

/** The approval queue: several registrants decided at once, each told the reason. */
const FORM_APP = 'wxdemo0000000002';
const TERMS = { agreed: true, termsVersion: '' };

describe('console: bulk decisions on the approval queue', () => {
  let rt: RuntimeProcess;
  let browser: Browser;
  let token: string;
  beforeAll(async () => {
    rt = await startRuntimeProcess();
    browser = await launchBrowser();
    token = await adminToken(rt);
    TERMS.termsVersion = (await admin<{ terms: { version: string } }>(rt, token, 'settings.get')).terms.version;
  });
  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  /** a person who asks to join the demo Account by name (pending until decided) */
  async function applicant(openid: string, name: string, phone: string) {
    const session = await (await fetch(`${rt.url}/api/dev/wechat/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid, appid: FORM_APP }) })).json();
    const wx = session.data.token as string;
    const code = (await (await fetch(`${rt.url}/api/dev/wechat/phone-code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone, appid: FORM_APP }) })).json()).data.code;
    await rt.call('auth', { action: 'bindPhone', data: { phoneCode: code, consent: TERMS } }, wx);
    const out = await rt.call('registration', { action: 'submit', data: { account: { name: '杭州星辰信息科技' }, contact: { name, mobile1: phone }, consent: TERMS, confirmCandidateId: 'acc_demo_xingchen' } }, wx);
    if (out.data?.state !== 'pending') throw new Error(`not pending: ${JSON.stringify(out)}`);
    return { wx, userId: out.data.user.id as string };
  }

  test('given a pending registrant matched by a similar name, when the admin opens them, then the panel shows what they typed beside the Account and why', async () => {
    const a = await applicant('oBulkApplicant03', '秦十六', '13788880016');
    const { page } = await signedIn(browser, rt);
    await page.goto(`${rt.url}/console/#/users?status=pending`);
    await page.click(`#users-table tr[data-user-id="${a.userId}"] [data-open-user]`);
    await page.waitForSelector(`#user-drawer[data-user-id="${a.userId}"][data-status="pending"]`);
    expect(await page.locator('#user-join-typed-name').textContent()).toBe('杭州星辰信息科技');
    const account = (await page.locator('#user-join-account').textContent()) ?? '';
    expect(account.length).toBeGreaterThan(0);
    expect(account).not.toBe('杭州星辰信息科技');
    const reasons = page.locator('#user-join-why li[data-why]');
    expect(await reasons.count()).toBeGreaterThan(0);
    const why = (await reasons.first().textContent()) ?? '';
    expect(why.length).toBeGreaterThan(0);
    expect(why).not.toContain('match.why');
    await page.close();
  });

  test('given two pending registrants, when the admin rejects both with one reason, then both leave the queue and each reads the reason', async () => {
    const a = await applicant('oBulkApplicant01', '杨十四', '13788880014');
    const b = await applicant('oBulkApplicant02', '朱十五', '13788880015');
    const { page } = await signedIn(browser, rt);
    await page.goto(`${rt.url}/console/#/users?status=pending`);
    await page.waitForSelector(`[data-pick-user="${a.userId}"]`);
    await page.click(`[data-pick-user="${a.userId}"]`);
    await page.click(`[data-pick-user="${b.userId}"]`);
    await page.click('#users-bulk-reject');
    await page.waitForSelector('#confirm-dialog');
    await page.fill('#confirm-reason textarea', '请使用公司登记的手机号');
    await page.click('#confirm-ok');
    await page.waitForSelector(`#users-table tr[data-user-id="${a.userId}"]`, { state: 'detached' });
    await page.waitForSelector(`#users-table tr[data-user-id="${b.userId}"]`, { state: 'detached' });
    for (const p of [a, b]) {
      const inbox = await rt.call('auth', { action: 'notifications', data: {} }, p.wx);
      expect(inbox.data.items[0]).toMatchObject({ kind: 'registration.rejected' });
      expect(inbox.data.items[0].body).toContain('请使用公司登记的手机号');
    }
    await page.close();
  });
});
