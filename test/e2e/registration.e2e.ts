import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { eventually, launchBrowser, startRuntimeProcess, textOf, type RuntimeProcess } from './support/harness';

/**
 * Seed scenarios 1–4 (DESIGN.md §2) in the h5 build: each configures the runtime through the admin API
 * (methods.update, settings.update), then new WeChat identities use the mini program as people would.
 */
const fill = (page: Page, id: string, value: string) => page.locator(`#${id} input, #${id} textarea`).first().fill(value);
const texts = (page: Page, selector: string) => page.locator(selector).allTextContents().then((l) => l.map((s) => s.trim()));
const stateOf = (page: Page, want: string) => eventually(() => textOf(page, '#session-state'), (v) => v === want);

let phoneSeq = 0;
const mobile = () => `135${String(30_000_000 + (process.pid % 1000) * 1000 + phoneSeq++).slice(-8)}`;

describe('self-registration: seed scenarios 1–4 in the h5 mini program', () => {
  let rt: RuntimeProcess;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    rt = await startRuntimeProcess();
    browser = await launchBrowser();
    token = (await rt.call('admin', { action: 'login', data: { username: 'admin', password: rt.adminPassword } })).data.token;
  });
  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  const admin = async (action: string, data: unknown = {}) => {
    const r = await rt.call('admin', { action, data }, token);
    if (!r.ok) throw new Error(`admin ${action}: ${JSON.stringify(r)}`);
    return r.data;
  };

  /** The dev app's method and the portal settings, as an admin sets them in the console. */
  async function configure(opts: { mode: 'openid-auto' | 'form'; accountRequired: boolean; guest: boolean; duplicateCheck?: 'exact' | 'fuzzy' }) {
    await admin('methods.update', { id: 'mth_demo_auto', mode: opts.mode, enabled: true, account: { duplicateCheck: opts.duplicateCheck ?? 'exact' } });
    await admin('settings.update', {
      selfRegistration: { enabled: true },
      guest: { enabled: opts.guest },
      workOrder: { accountRequired: opts.accountRequired, contactRequired: opts.accountRequired },
    });
  }

  /** A store document, read beside the running runtime (WAL allows a reader). */
  const stored = (coll: string, id: string) => {
    const db = new Database(join(rt.dataDir, 'hulian.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const doc = db.prepare(`SELECT doc FROM "${coll}" WHERE id = ?`).pluck().get(id) as string | undefined;
      return doc ? (JSON.parse(doc) as Record<string, unknown>) : null;
    } finally {
      db.close();
    }
  };

  async function open(openid: string): Promise<Page> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${rt.url}/?openid=${openid}`);
    await page.waitForSelector('#session-state');
    return page;
  }

  async function newWorkOrder(page: Page, title: string) {
    await page.locator('#entry-work-orders').click();
    await page.waitForSelector('#wo-new');
    await page.locator('#wo-new').click();
    await page.waitForSelector('#wo-submit');
    await fill(page, 'wo-title', title);
    await fill(page, 'wo-description', '端到端测试提交的工单。');
    await page.locator('#wo-submit').click();
  }

  /** The registration form, filled as a person does; the mobile verified with WeChat's phone button (or an SMS code). */
  async function register(page: Page, opts: { company: string; person: string; phone: string; via?: 'wechat' | 'sms' }) {
    await page.waitForSelector('#reg-submit');
    await fill(page, 'reg-account-name', opts.company);
    await fill(page, 'reg-contact-name', opts.person);
    await fill(page, 'reg-contact-mobile1', opts.phone);
    await page.locator('#reg-consent-box').click();
    if (opts.via === 'sms') {
      await page.locator('#reg-send-code').click();
      const code = await eventually(
        async () => {
          const outbox = await (await fetch(`${rt.url}/api/dev/sms`)).json();
          const msg = (outbox.data.messages as Array<{ phone: string; text: string; purpose: string }>).find((m) => m.phone === opts.phone && m.purpose === 'register');
          return msg ? /(\d{6})/.exec(msg.text)![1] : '';
        },
        (c) => c !== '',
      );
      await fill(page, 'reg-sms-code', code);
    } else {
      await page.locator('#reg-wechat-phone').click();
      await page.waitForSelector('#reg-mobile-verified');
    }
    await page.locator('#reg-submit').click();
  }

  test('scenario 1 — openid-auto, account optional: the first open creates a silent account; each person sees only their own data', async () => {
    await configure({ mode: 'openid-auto', accountRequired: false, guest: false });
    const a = await open('oScenario1PersonA');
    expect(await stateOf(a, 'member')).toBe('member');
    const title = `E2E 场景一 ${Date.now() % 100000}`;
    await newWorkOrder(a, title);
    expect(await eventually(() => textOf(a, '#wo-detail-title'), (v) => v === title)).toBe(title);

    const b = await open('oScenario1PersonB');
    expect(await stateOf(b, 'member')).toBe('member');
    expect(await textOf(b, '#user-id')).not.toBe(await textOf(a, '#user-id'));
    await b.locator('#entry-work-orders').click();
    await b.waitForSelector('#wo-empty, .wo-item');
    expect(await texts(b, '.wo-title')).not.toContain(title);
    await a.context().close();
    await b.context().close();
  });

  test('scenario 2 — openid-auto, account mandatory: browse at once; a work order first requires registration, which links Account + Contact, then goes through', async () => {
    await configure({ mode: 'openid-auto', accountRequired: true, guest: false });
    const page = await open('oScenario2PersonC');
    expect(await stateOf(page, 'member')).toBe('member');
    await page.waitForSelector('.article-item');
    const userId = await textOf(page, '#user-id');

    const title = `E2E 场景二 ${Date.now() % 100000}`;
    await newWorkOrder(page, title);
    await page.waitForSelector('#login-prompt');
    await page.locator('#login-prompt-go').click();

    await register(page, { company: '温州凯旋鞋业有限公司', person: '郑凯', phone: mobile() });
    expect(await eventually(() => textOf(page, '#reg-result-state'), (v) => v !== '')).toBe('member');
    const user = stored('ic_users', userId)!;
    expect(user).toMatchObject({ status: 'active', account_name: '温州凯旋鞋业有限公司' });
    expect(stored('contacts', String(user['contact_id']))).toMatchObject({ account_id: user['account_id'], name: '郑凯' });

    await page.locator('#reg-result-home').click();
    expect(await stateOf(page, 'member')).toBe('member');
    expect(await textOf(page, '#user-id')).toBe(userId);
    await newWorkOrder(page, title);
    expect(await eventually(() => textOf(page, '#wo-detail-title'), (v) => v === title)).toBe(title);
    const workOrders = await rt.call('records', { action: 'list', data: { object: 'workOrder' } }, await tokenFor('oScenario2PersonC'));
    const created = workOrders.data.items.find((o: { title: string }) => o.title === title);
    expect(stored('work_orders', created.id)).toMatchObject({ account_id: user['account_id'], contact_id: user['contact_id'], created_by: userId });
    await page.context().close();
  });

  test('scenario 3 — form, guests off: nothing to browse before registering; a Contact’s mobile matches its Account at once, a similar name is confirmed and waits for approval', async () => {
    await configure({ mode: 'form', accountRequired: false, guest: false, duplicateCheck: 'fuzzy' });
    const d = await open('oScenario3PersonD');
    expect(await stateOf(d, 'anonymous')).toBe('anonymous');
    await d.waitForSelector('#portal-intro');
    expect(await d.locator('.article-item').count()).toBe(0);
    expect(await d.locator('#login-prompt-cancel').count()).toBe(1); // "not now" is always offered
    await d.locator('#login-prompt-go').click();
    // 刘洋 is a Contact of 苏州恒泰 with this mobile: proven membership, the same Contact, no approval
    await register(d, { company: '恒泰精密机械（苏州）有限公司', person: '刘洋', phone: '13800000004' });
    expect(await eventually(() => textOf(d, '#reg-result-state'), (v) => v !== '')).toBe('member');
    await d.locator('#reg-result-home').click();
    expect(await stateOf(d, 'member')).toBe('member');
    expect(await textOf(d, '#enterprise-name')).toBe('苏州恒泰精密机械股份有限公司');
    const userD = stored('ic_users', await textOf(d, '#user-id'))!;
    expect(userD).toMatchObject({ account_id: 'acc_demo_hengtai', contact_id: 'con_demo_liu' });

    const f = await open('oScenario3PersonF');
    await f.locator('#login-prompt-go').click();
    await register(f, { company: '杭州星辰信息科技', person: '冯飞', phone: mobile() });
    await f.waitForSelector('#reg-candidate');
    expect(await textOf(f, '#reg-candidate-name')).toBe('杭州星辰科技有限公司');
    await f.locator('#reg-candidate-yes').click();
    expect(await eventually(() => textOf(f, '#reg-result-state'), (v) => v !== '')).toBe('pending');
    await f.locator('#reg-result-home').click();
    expect(await stateOf(f, 'pending')).toBe('pending');
    const pendingId = await textOf(f, '#user-id');

    // the console's approval queue
    const queue = await admin('users.list', { status: 'pending' });
    expect(queue.items.map((u: { id: string }) => u.id)).toContain(pendingId);
    await admin('users.approve', { userId: pendingId });
    await f.reload();
    expect(await stateOf(f, 'member')).toBe('member');
    expect(stored('ic_users', pendingId)).toMatchObject({ account_id: 'acc_demo_xingchen', status: 'active' });
    await d.context().close();
    await f.context().close();
  });

  test('scenario 4 — form, guests on: browse public data as a guest; "Login" leads to registration (SMS code), which makes a member', async () => {
    await configure({ mode: 'form', accountRequired: false, guest: true });
    const g = await open('oScenario4PersonG');
    expect(await stateOf(g, 'guest')).toBe('guest');
    await g.waitForSelector('.article-item');
    expect(await texts(g, '.article-item .article-title')).toEqual(expect.arrayContaining(['欢迎使用服务门户']));
    await g.locator('#login-button').click();
    await register(g, { company: '宁波甬江模具有限公司', person: '顾明', phone: mobile(), via: 'sms' });
    expect(await eventually(() => textOf(g, '#reg-result-state'), (v) => v !== '')).toBe('member');
    await g.locator('#reg-result-home').click();
    expect(await stateOf(g, 'member')).toBe('member');
    expect(await textOf(g, '#enterprise-name')).toBe('宁波甬江模具有限公司');
    await g.context().close();
  });

  /** A session token for an OpenID of the dev app (what the h5 page holds), for API checks. */
  async function tokenFor(openid: string): Promise<string> {
    const r = await fetch(`${rt.url}/api/dev/wechat/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) });
    return (await r.json()).data.token;
  }
});
