import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { demoAdmin, type AdminClient } from '../support/admin';

/** DESIGN §3 "People are told": in-app entries always, subscribe messages only where consent was given. */
const FORM_APP = 'wxdemo0000000002';
const TERMS = { agreed: true, termsVersion: '2026-11-01' };
const APPROVAL_TEMPLATE = 'tmplDemoRegistrationResult01';
let phoneSeq = 0;
const mobile = () => `137${String(40_000_000 + phoneSeq++).slice(-8)}`;

describe('people are told what happened', () => {
  let t: TestRuntime;
  let admin: AdminClient;
  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await demoAdmin(t);
    TERMS.termsVersion = (await admin.ok('settings.get')).terms.version;
  });
  afterAll(() => t.stop());

  const as = (token: string, locale?: string) => ({
    auth: (action: string, data: unknown = {}) => t.call('auth', { action, data, ...(locale ? { locale } : {}) }, { token }),
    registration: (action: string, data: unknown = {}) => t.call('registration', { action, data }, { token }),
  });
  const sent = () => t.rt.dev.wechat.messages();

  /** A person who asks to join the demo Account by name: pending until an admin decides. */
  async function pendingJoin(name: string) {
    const id = await t.wechat({ appid: FORM_APP });
    const me = as(id.token);
    const phone = mobile();
    const code = (await t.raw('/api/dev/wechat/phone-code', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone, appid: FORM_APP }) })).body.data.code;
    await me.auth('bindPhone', { phoneCode: code, consent: TERMS });
    const joined = await me.registration('submit', { account: { name: '杭州星辰信息科技' }, contact: { name, mobile1: phone }, consent: TERMS, confirmCandidateId: 'acc_demo_xingchen' });
    expect(joined.body.data.state).toBe('pending');
    return { id, me, userId: joined.body.data.user.id as string, phone };
  }

  test('given the demo templates in the settings, when the app logs in, then login and me name them', async () => {
    const id = await t.wechat({ appid: FORM_APP });
    const login = (await as(id.token).auth('login')).body.data;
    expect(login.messageTemplates).toEqual(expect.arrayContaining([{ kind: 'registration.approved', templateId: APPROVAL_TEMPLATE }]));
    expect((await as(id.token).auth('me')).body.data.messageTemplates).toEqual(login.messageTemplates);
  });

  test('given consent to the approval template, when the admin approves, then one subscribe message goes to that person and the entry is unread', async () => {
    const p = await pendingJoin('周四');
    expect((await p.me.auth('acceptSubscriptions', { templateIds: [APPROVAL_TEMPLATE] })).body.data).toEqual({ accepted: [APPROVAL_TEMPLATE] });
    await admin.ok('users.approve', { userId: p.userId });

    const mine = sent().filter((m) => m.openid === p.id.openid);
    expect(mine).toHaveLength(1);
    // the same record over the dev route API.md names
    const listed = (await t.raw('/api/dev/wechat/messages')).body.data.messages.filter((m: { openid: string }) => m.openid === p.id.openid);
    expect(listed).toEqual(mine);
    expect(mine[0]).toMatchObject({ appid: FORM_APP, templateId: APPROVAL_TEMPLATE, page: 'packages/me/notifications/index', data: { phrase2: { value: '已通过' } } });
    const inbox = (await p.me.auth('notifications')).body.data;
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ kind: 'registration.approved', title: '注册已通过', read: false });
    expect(inbox.items[0].body).toContain('杭州星辰科技有限公司');

    // marking read: the badge clears
    expect((await p.me.auth('readNotifications')).body.data.marked).toBe(1);
    expect((await p.me.auth('notifications')).body.data.unread).toBe(0);
  });

  test('given no consent, when the admin rejects with a reason, then no message is sent, and the person (no user any more) reads the reason in English and gets what they typed back', async () => {
    const p = await pendingJoin('吴五');
    const before = sent().length;
    const out = await admin.ok('users.reject', { userId: p.userId, reason: '联系人不在本公司名单中' });
    expect(out).toMatchObject({ removed: true });
    expect(sent().length).toBe(before);

    const inbox = (await as(p.id.token, 'en').auth('notifications')).body.data;
    expect(inbox.items[0]).toMatchObject({ kind: 'registration.rejected', title: 'Registration not approved', resubmit: { contactName: '吴五', mobile: p.phone, accountName: '杭州星辰科技有限公司' } });
    expect(inbox.items[0].body).toContain('联系人不在本公司名单中');
    // the person can register again: the login answer asks for a registration
    expect((await p.me.auth('login')).body.data.next).toBe('register');
  });

  test('given one consent, when two decisions reach the person, then only the first sends a message (each consent is used once)', async () => {
    const p = await pendingJoin('郑六');
    await p.me.auth('acceptSubscriptions', { templateIds: [APPROVAL_TEMPLATE] });
    await admin.ok('users.approve', { userId: p.userId });
    const count = sent().filter((m) => m.openid === p.id.openid).length;
    // a service request status change later: no consent left for the service template either
    const sr = await t.call('records', { action: 'create', data: { object: 'serviceRequest', data: { category: 'consultation', subject: '咨询保养', description: '想了解保养', contactName: '郑六', contactPhone: p.phone } } }, { token: p.id.token });
    expect(sr.status).toBe(200);
    await t.call('records', { action: 'update', data: { object: 'serviceRequest', id: sr.body.data.id, data: { status: 'cancelled' } } }, { token: p.id.token });
    expect(sent().filter((m) => m.openid === p.id.openid).length).toBe(count);
    const kinds = (await p.me.auth('notifications')).body.data.items.map((i: { kind: string }) => i.kind);
    expect(kinds).toEqual(['serviceRequest.updated', 'registration.approved']);
  });

  test('given WeChat failing, when the admin approves, then the approval stands, the entry exists, and the message goes out on a later retry', async () => {
    const p = await pendingJoin('王七');
    await p.me.auth('acceptSubscriptions', { templateIds: [APPROVAL_TEMPLATE] });
    t.rt.dev.wechat.failNextSends(1);
    expect(await admin.ok('users.approve', { userId: p.userId })).toMatchObject({ status: 'active' });
    expect(sent().filter((m) => m.openid === p.id.openid)).toHaveLength(0);
    expect((await p.me.auth('notifications')).body.data.items[0].kind).toBe('registration.approved');
    expect((await p.me.auth('me')).body.data.state).toBe('member');

    const { retryDueMessages } = await import('../../cloudfunctions/core/notifications/outbox');
    const later = { ...t.rt.deps, clock: { now: () => Date.now() + 10 * 60_000 } };
    expect(await retryDueMessages(later)).toBeGreaterThanOrEqual(1);
    expect(sent().filter((m) => m.openid === p.id.openid)).toHaveLength(1);
  });

  test.each([
    ['an unknown template', { templateIds: ['tmplSomethingElse0001'] }],
    ['no templates', { templateIds: [] }],
    ['an operator object', { templateIds: [{ $ne: null }] }],
  ])('given %s, when consent is recorded, then input/invalid and nothing is written', async (_label, data) => {
    const id = await t.wechat({ appid: FORM_APP });
    await as(id.token).auth('login');
    const digest = t.digest();
    const r = await as(id.token).auth('acceptSubscriptions', data);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('input/invalid');
    expect(t.digest()).toBe(digest);
  });

  test('given a reject without a reason, then input/invalid and the person stays pending', async () => {
    const p = await pendingJoin('冯八');
    const r = await admin.call('users.reject', { userId: p.userId });
    expect(r.body.error.code).toBe('input/invalid');
    expect((await p.me.auth('me')).body.data.state).toBe('pending');
  });

  test('given manual activation of a Contact, then the Contact gets an SMS invitation naming the portal and how to open it', async () => {
    const phone = mobile();
    const account = await admin.ok('accounts.create', { name: `通知测试客户 ${phone}` });
    const contact = await admin.ok('contacts.create', { accountId: account.id, name: '褚九', mobile1: phone });
    const out = await admin.ok('users.activate', { accounts: [{ accountId: account.id, contactIds: [contact.id] }], roleIds: ['terminal-user'] });
    expect(out.activated).toHaveLength(1);
    const invitation = t.rt.dev.sms.messages().find((m) => m.phone === phone);
    expect(invitation).toMatchObject({ purpose: 'invitation' });
    expect(invitation!.text).toContain('Hulian 服务门户');
    expect(invitation!.text).toContain('短信验证码登录');
  });
});
