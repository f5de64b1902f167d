import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { demoAdmin, limitedAdmin, type AdminClient } from '../support/admin';
import { httpRegistry } from '../../cloudfunctions/adapters/registry';

/** The `registration` function and its admin actions over HTTP on a real local runtime (demo data). */
const FORM_APP = 'wxdemo0000000002';
const TERMS = { agreed: true, termsVersion: '2026-11-01' };
let phoneSeq = 0;
const mobile = () => `136${String(20_000_000 + phoneSeq++).slice(-8)}`;

describe('registration over HTTP', () => {
  let t: TestRuntime;
  let admin: AdminClient;
  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await demoAdmin(t);
    const settings = await admin.ok('settings.get');
    TERMS.termsVersion = settings.terms.version;
  });
  afterAll(() => t.stop());

  const as = (token: string) => ({
    registration: (action: string, data: unknown = {}) => t.call('registration', { action, data }, { token }),
    auth: (action: string, data: unknown = {}) => t.call('auth', { action, data }, { token }),
  });
  const phoneCode = async (phone: string, appid = FORM_APP) => (await t.raw('/api/dev/wechat/phone-code', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone, appid }) })).body.data.code as string;

  test('given the demo form method, when a new WeChat user asks for the form, then the layout, rule, check and terms come back', async () => {
    const id = await t.wechat({ appid: FORM_APP });
    const r = await as(id.token).registration('getForm');
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ methodId: 'mth_demo_form', mode: 'form', accountRule: 'user-defined', duplicateCheck: 'fuzzy', terms: { version: TERMS.termsVersion } });
    expect(r.body.data.fields.account.map((f: { name: string }) => f.name)).toContain('name');
    expect(r.body.data.fields.contact.find((f: { name: string }) => f.name === 'mobile1')).toMatchObject({ type: 'phone', required: true });
  });

  test('given English, then the labels are English', async () => {
    const id = await t.wechat({ appid: FORM_APP });
    const r = await t.call('registration', { action: 'getForm', data: {}, locale: 'en' }, { token: id.token });
    expect(r.body.data.fields.account[0].label).toBe('Company name');
  });

  test.each([
    ['an operator object as a value', { account: { name: { $ne: null } }, contact: { name: 'x', mobile1: '13600000000' }, consent: TERMS }],
    ['an array where a string belongs', { account: { name: ['a'] }, contact: { name: 'x', mobile1: '13600000000' }, consent: TERMS }],
    ['an unknown top-level key', { account: { name: 'a' }, contact: { name: 'x', mobile1: '13600000000' }, consent: TERMS, userId: 'usr_x' }],
    ['consent not given', { account: { name: 'a' }, contact: { name: 'x', mobile1: '13600000000' }, consent: { agreed: false, termsVersion: '2026-11-01' } }],
    ['no consent at all', { account: { name: 'a' }, contact: { name: 'x', mobile1: '13600000000' } }],
  ])('given %s, then input/invalid (400) and nothing is written', async (_label, data) => {
    const id = await t.wechat({ appid: FORM_APP });
    const before = t.digest();
    const r = await as(id.token).registration('submit', data);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('input/invalid');
    expect(t.digest()).toBe(before);
  });

  test('given a __proto__ key in the fields, then input/invalid', async () => {
    const id = await t.wechat({ appid: FORM_APP });
    const body = `{"action":"submit","data":{"account":{"__proto__":{"x":1},"name":"a"},"contact":{"name":"x","mobile1":"13600000000"},"consent":{"agreed":true,"termsVersion":"${TERMS.termsVersion}"}}}`;
    const r = await t.call('registration', body, { token: id.token });
    expect(r.body.error.code).toBe('input/invalid');
  });

  test('given no WeChat identity, then auth/unauthenticated', async () => {
    const r = await t.call('registration', { action: 'getForm', data: {} });
    expect(r.status).toBe(401);
  });

  test('given a WeChat phone code, when bound and the form submitted, then the person is a member of a new Account and login says so', async () => {
    const id = await t.wechat({ appid: FORM_APP });
    const me = as(id.token);
    expect((await me.auth('login')).body.data).toMatchObject({ state: 'guest', next: 'register' });
    const phone = mobile();
    const bound = await me.auth('bindPhone', { phoneCode: await phoneCode(phone), consent: TERMS });
    expect(bound.body.data).toEqual({ mobile: phone, bound: false });
    const r = await me.registration('submit', { account: { name: '温州凯旋鞋业有限公司' }, contact: { name: '郑一', mobile1: phone }, consent: TERMS });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ state: 'member', account: { matched: 'new' }, pendingApproval: false });
    // round-robin over the demo's two sales reps
    expect(['sales-wang', 'sales-li']).toContain((await t.rt.deps.store.get('accounts', r.body.data.account.id))!['owner']);
    const session = (await me.auth('me')).body.data;
    expect(session).toMatchObject({ state: 'member', next: 'none', account: { id: r.body.data.account.id } });
  });

  test('given a register SMS code read from the dev outbox, then submit accepts it', async () => {
    const id = await t.wechat({ appid: FORM_APP });
    const me = as(id.token);
    const phone = mobile();
    expect((await me.auth('sendSmsCode', { phone, purpose: 'register' })).status).toBe(200);
    const outbox = (await t.raw('/api/dev/sms')).body.data.messages as Array<{ phone: string; text: string }>;
    const code = /(\d{6})/.exec(outbox.find((m) => m.phone === phone)!.text)![1];
    const r = await me.registration('submit', { account: { name: '嘉兴禾丰食品有限公司' }, contact: { name: '钱二', mobile1: phone }, smsCode: code, consent: TERMS });
    expect(r.body.data?.state).toBe('member');
  });

  test('given the demo Account name typed differently, then fuzzy asks first (409 with the candidate), and yes makes a pending join the admin approves', async () => {
    const id = await t.wechat({ appid: FORM_APP });
    const me = as(id.token);
    const phone = mobile();
    await me.auth('bindPhone', { phoneCode: await phoneCode(phone), consent: TERMS });
    const check = await me.registration('checkAccountName', { name: '杭州星辰信息科技' });
    // a variant, explained (brand matched, 信息 added), with the registrant's own text kept
    expect(check.body.data).toMatchObject({ match: 'fuzzy', typed: '杭州星辰信息科技', candidate: { id: 'acc_demo_xingchen', name: '杭州星辰科技有限公司', kind: 'variant' } });
    expect(check.body.data.candidate.reasons).toEqual(expect.arrayContaining([{ code: 'same-brand', words: '星辰' }, { code: 'words-extra', words: '信息' }]));
    const input = { account: { name: '杭州星辰信息科技' }, contact: { name: '孙三', mobile1: phone }, consent: TERMS };
    const ask = await me.registration('submit', input);
    expect(ask.status).toBe(409);
    expect(ask.body.error).toMatchObject({ code: 'registration/confirm-candidate', params: { candidateId: 'acc_demo_xingchen', candidateName: '杭州星辰科技有限公司' } });
    const joined = await me.registration('submit', { ...input, confirmCandidateId: 'acc_demo_xingchen' });
    expect(joined.body.data).toMatchObject({ state: 'pending', pendingApproval: true, account: { id: 'acc_demo_xingchen', matched: 'fuzzy' } });
    expect((await me.auth('me')).body.data.state).toBe('pending');

    const queue = await admin.ok('users.list', { status: 'pending' });
    const row = queue.items.find((u: { id: string }) => u.id === joined.body.data.user.id);
    expect(row.joinRequest).toMatchObject({ accountId: 'acc_demo_xingchen', contactName: '孙三' });
    const approved = await admin.ok('users.approve', { userId: row.id });
    expect(approved).toMatchObject({ status: 'active', accountId: 'acc_demo_xingchen' });
    expect((await me.auth('me')).body.data).toMatchObject({ state: 'member', account: { id: 'acc_demo_xingchen' } });
  });

  test('given an admin without users.update, then approve is access/denied; an unknown user is users/not-found', async () => {
    const viewer = await limitedAdmin(t, 'viewer-approvals', ['users.read']);
    expect((await viewer.call('users.approve', { userId: 'usr_x' })).body.error.code).toBe('access/denied');
    expect((await admin.call('users.reject', { userId: 'usr_nobody', reason: '查无此人' })).body.error.code).toBe('users/not-found');
  });

  test('given the console typing a name, then findDuplicates answers scored candidates', async () => {
    const r = await admin.ok('accounts.findDuplicates', { name: '星辰科技（杭州）有限公司' });
    expect(r.key).toBe('杭州|星辰科技|');
    expect(r.candidates[0]).toMatchObject({ id: 'acc_demo_xingchen', score: 1, reason: 'exact' });
    const fuzzy = await admin.ok('accounts.findDuplicates', { name: '蓝海医疗', creditCode: '91440300708461137T' });
    expect(fuzzy.creditCodeCheck).toBe('bad-check-digit');
    expect(fuzzy.candidates.map((c: { id: string }) => c.id)).toContain('acc_demo_lanhai');
  });

  test('given many name checks in a minute, then registration/rate-limited (429)', async () => {
    const id = await t.wechat({ appid: FORM_APP });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await as(id.token).registration('checkAccountName', { name: `测试公司${i}` })).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses[11]).toBe(429);
  });

  test('given WeChat phone codes, then a code for another app fails the watermark check and the exchange is rate-limited', async () => {
    const id = await t.wechat({ appid: FORM_APP });
    const me = as(id.token);
    const wrongApp = await me.auth('bindPhone', { phoneCode: await phoneCode(mobile(), 'wxdemo0000000001'), consent: TERMS });
    expect(wrongApp.body.error).toMatchObject({ code: 'input/invalid', params: { field: 'phoneCode', reason: 'watermark' } });
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) codes.push((await me.auth('bindPhone', { phoneCode: await phoneCode(mobile()), consent: TERMS })).body.error?.code ?? 'ok');
    expect(codes).toEqual(['ok', 'ok', 'auth/rate-limited']);
  });

  test('given a member with a phone, then another user binding that phone is auth/mobile-bound-elsewhere', async () => {
    const phone = mobile();
    const first = await t.wechat({ appid: FORM_APP });
    await as(first.token).auth('bindPhone', { phoneCode: await phoneCode(phone), consent: TERMS });
    await as(first.token).registration('submit', { account: { name: '绍兴越秀纺织有限公司' }, contact: { name: '周四', mobile1: phone }, consent: TERMS });
    const second = await t.wechat({ appid: 'wxdemo0000000001' });
    await as(second.token).auth('login');
    const r = await as(second.token).auth('bindPhone', { phoneCode: await phoneCode(phone, 'wxdemo0000000001'), consent: TERMS });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('auth/mobile-bound-elsewhere');
  });
});

describe('admin methods.*', () => {
  let t: TestRuntime;
  let admin: AdminClient;
  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await demoAdmin(t);
  });
  afterAll(() => t.stop());

  const layout = {
    fields: [
      { name: 'name', label: '公司名称', labelEn: 'Company', type: 'text', required: true },
      { name: 'size', label: '规模', type: 'select', required: false, options: [{ value: 's', label: '小' }, { value: 'l', label: '大' }] },
    ],
  };

  test('given the demo, then methods.list shows both methods with every setting filled in', async () => {
    const { items } = await admin.ok('methods.list');
    const form = items.find((m: { id: string }) => m.id === 'mth_demo_form');
    expect(form).toMatchObject({
      appId: 'wxdemo0000000002',
      mode: 'form',
      enabled: true,
      account: { ownerAssignment: 'round-robin', owners: ['sales-wang', 'sales-li'], duplicateCheck: 'fuzzy', newAccountRule: 'user-defined', showOnlyRequired: false, recordType: 'customer' },
      contact: { recordType: 'customer-contact' },
    });
  });

  test('given a new method for another app, then it is created, audited, and that app gets its form at once', async () => {
    const created = await admin.ok('methods.create', {
      name: '经销商注册',
      appId: 'wxdemo0000000003',
      mode: 'form',
      roleIds: ['terminal-user'],
      account: { ...layout, showOnlyRequired: true, newAccountRule: 'registry', duplicateCheck: 'exact', ownerAssignment: 'single', owners: ['sales-zhao'], recordType: 'dealer' },
      contact: { recordType: 'dealer-contact', fields: [{ name: 'name', label: '姓名', type: 'text', required: true }] },
    });
    expect(created).toMatchObject({ id: expect.stringMatching(/^mth_/), account: { newAccountRule: 'registry', recordType: 'dealer' } });
    expect(await t.rt.deps.store.count('audit_log', { action: 'methods.created', target: created.id })).toBe(1);
    const id = await t.wechat({ appid: 'wxdemo0000000003' });
    const form = (await t.call('registration', { action: 'getForm', data: {} }, { token: id.token })).body.data;
    expect(form).toMatchObject({ methodId: created.id, accountRule: 'registry', showOnlyRequired: true });
    expect(form.fields.account.map((f: { name: string }) => f.name)).toEqual(['name']);

    const updated = await admin.ok('methods.update', { id: created.id, account: { showOnlyRequired: false } });
    expect(updated.account).toMatchObject({ showOnlyRequired: false, newAccountRule: 'registry' });
    const again = (await t.call('registration', { action: 'getForm', data: {} }, { token: id.token })).body.data;
    expect(again.fields.account.map((f: { name: string }) => f.name)).toEqual(['name', 'size']);

    expect(await admin.ok('methods.delete', { id: created.id })).toEqual({ id: created.id });
    const gone = await t.call('registration', { action: 'getForm', data: {} }, { token: id.token });
    expect(gone.body.error.code).toBe('registration/disabled');
  });

  test.each([
    ['a second enabled method for one app', { name: 'x', appId: 'wxdemo0000000002', mode: 'form' }, 'input/invalid'],
    ['an unknown role', { name: 'x', appId: 'wxdemo0000000004', mode: 'form', roleIds: ['no-such-role'] }, 'roles/not-found'],
    ['the Guest role', { name: 'x', appId: 'wxdemo0000000004', mode: 'form', roleIds: ['guest'] }, 'input/invalid'],
    ['a layout without a required name', { name: 'x', appId: 'wxdemo0000000004', mode: 'form', account: { fields: [{ name: 'title', label: 't', type: 'text', required: true }] } }, 'input/invalid'],
    ['a reserved field name', { name: 'x', appId: 'wxdemo0000000004', mode: 'form', contact: { fields: [{ name: 'name', label: 'n', type: 'text', required: true }, { name: 'mobile1', label: 'm', type: 'phone', required: true }] } }, 'input/invalid'],
    ['a select without options', { name: 'x', appId: 'wxdemo0000000004', mode: 'form', account: { fields: [{ name: 'name', label: 'n', type: 'text', required: true }, { name: 'kind', label: 'k', type: 'select', required: false }] } }, 'input/invalid'],
    ['a pattern that is not a regular expression', { name: 'x', appId: 'wxdemo0000000004', mode: 'form', account: { fields: [{ name: 'name', label: 'n', type: 'text', required: true, pattern: '([' }] } }, 'input/invalid'],
    ['round-robin without owners', { name: 'x', appId: 'wxdemo0000000004', mode: 'form', account: { ownerAssignment: 'round-robin', owners: [] } }, 'input/invalid'],
    ['a bad app id', { name: 'x', appId: 'not-an-app', mode: 'form' }, 'input/invalid'],
  ])('given %s, then it is refused and nothing is written', async (_label, data, code) => {
    const before = t.digest();
    const r = await admin.call('methods.create', data);
    expect(r.body.error?.code).toBe(code);
    expect(t.digest()).toBe(before);
  });

  test('given an admin without settings.update, then methods.create is access/denied', async () => {
    const viewer = await limitedAdmin(t, 'viewer-methods', ['settings.read']);
    expect((await viewer.call('methods.list')).body.ok).toBe(true);
    expect((await viewer.call('methods.create', { name: 'x', appId: 'wxdemo0000000005', mode: 'form' })).body.error.code).toBe('access/denied');
  });
});

describe('the HTTP registry provider against the local runtime`s registry sample', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  });
  afterAll(() => t.stop());

  test('given /api/dev/registry, then search and lookup by code work through the provider; an unknown code is null', async () => {
    const registry = httpRegistry({ baseUrl: `${t.url}/api/dev/registry`, timeoutMs: 5000 });
    const hits = await registry.search('云帆智能', 5);
    expect(hits[0]).toMatchObject({ name: '杭州云帆智能装备有限公司', status: 'active' });
    expect(await registry.byCreditCode(hits[0].creditCode)).toMatchObject({ name: '杭州云帆智能装备有限公司' });
    expect(await registry.byCreditCode('91440300708461136T')).toBeNull();
  });

  test('given a provider that cannot be reached or answers nonsense, then registry/unavailable', async () => {
    const down = httpRegistry({ baseUrl: 'http://127.0.0.1:9/none', timeoutMs: 2000 });
    await expect(down.search('星辰', 5)).rejects.toMatchObject({ code: 'registry/unavailable' });
    const nonsense = httpRegistry({ baseUrl: `${t.url}/api/health`, timeoutMs: 2000 });
    await expect(nonsense.search('星辰', 5)).rejects.toMatchObject({ code: 'registry/unavailable' });
  });
});
