/**
 * The mixed load the crash test drives: first logins, registrations (with name matching), activations,
 * work orders and seat purchases through the pay sandbox. Each operation is the sequence of HTTP calls a
 * real client makes; a call cut off by a kill simply fails.
 */
export interface Target {
  url: string;
  adminToken: string;
  memberToken: string;
}

type Json = any;

async function post(t: Target, path: string, body: unknown, token?: string): Promise<Json> {
  const r = await fetch(t.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return r.json();
}

const call = (t: Target, fn: string, action: string, data: unknown, token?: string) => post(t, `/api/functions/${fn}`, { action, data }, token);

let n = 0;
const uniq = () => `${process.pid.toString(36)}${Date.now().toString(36)}${(n++).toString(36)}`;
const phone = () => `13${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;

/** A handful of company names in several spellings: registrations race to match or create them. */
const COMPANIES = ['杭州星辰科技有限公司', '杭州星辰科技', '（杭州）星辰科技有限公司', '苏州明远自动化设备有限公司', '苏州明远自动化设备', '深圳市华信通达电子有限公司', '华信通达电子（深圳）有限公司'];

async function session(t: Target, appid?: string): Promise<string> {
  const r = await post(t, '/api/dev/wechat/session', { openid: `oCrash${uniq()}`.slice(0, 60), ...(appid ? { appid } : {}) });
  return r.data.token;
}

export const OPERATIONS = {
  async firstLogin(t: Target) {
    const token = await session(t);
    return (await call(t, 'auth', 'login', {}, token)).ok;
  },

  async register(t: Target) {
    const token = await session(t, 'wxdemo0000000002');
    const mobile = phone();
    await call(t, 'auth', 'sendSmsCode', { phone: mobile, purpose: 'register' }, token);
    const outbox = await (await fetch(`${t.url}/api/dev/sms`)).json();
    const msg = outbox.data.messages.find((m: { phone: string }) => m.phone === mobile);
    const code = msg && /(\d{6})/.exec(msg.text)?.[1];
    if (!code) return false;
    const form = await call(t, 'registration', 'getForm', {}, token);
    if (!form.ok) return false;
    const account: Record<string, string> = {};
    for (const f of form.data.fields.account) if (f.required || f.name === 'name') account[f.name] = f.name === 'name' ? COMPANIES[Math.floor(Math.random() * COMPANIES.length)] : fill(f);
    const contact: Record<string, string> = { mobile1: mobile };
    for (const f of form.data.fields.contact) if (f.required && f.name !== 'mobile1') contact[f.name] = fill(f);
    const terms = (await call(t, 'auth', 'portal', {}, token)).data?.terms?.version ?? '2026-11-01';
    const submit = await call(t, 'registration', 'submit', { account, contact, smsCode: code, consent: { agreed: true, termsVersion: terms } }, token);
    if (!submit.ok && submit.error.code === 'registration/confirm-required') return false;
    return submit.ok;
  },

  async activate(t: Target) {
    const acc = await call(t, 'admin', 'accounts.create', { name: `崩溃测试客户${uniq()}有限公司` }, t.adminToken);
    if (!acc.ok) return false;
    const contacts = [];
    for (let i = 0; i < 2; i++) {
      const c = await call(t, 'admin', 'contacts.create', { accountId: acc.data.id, name: `联系人${i}`, mobile1: phone() }, t.adminToken);
      if (c.ok) contacts.push(c.data.id);
    }
    const r = await call(t, 'admin', 'users.activate', { accounts: [{ accountId: acc.data.id, contactIds: contacts }], roleIds: ['terminal-user'] }, t.adminToken);
    return r.ok;
  },

  async workOrder(t: Target) {
    const r = await call(t, 'records', 'create', { object: 'workOrder', data: { title: `崩溃测试工单 ${uniq()}`, description: '设备异响' } }, t.memberToken);
    return r.ok;
  },

  async purchase(t: Target) {
    const order = await call(t, 'admin', 'orders.create', { seats: 1 + Math.floor(Math.random() * 3) }, t.adminToken);
    if (!order.ok) return false;
    const paid = await fetch(`${t.url}/api/dev/pay/${order.data.outTradeNo}/succeed`, { method: 'POST' });
    // sometimes deliver the same notification twice, as WeChat Pay does
    if (Math.random() < 0.3) await fetch(`${t.url}/api/dev/pay/${order.data.outTradeNo}/succeed`, { method: 'POST' });
    return paid.ok;
  },
};

function fill(f: { type: string; options?: Array<{ value: string }>; name: string }): string {
  if (f.options?.length) return f.options[0].value;
  if (f.type === 'phone') return phone();
  if (f.type === 'date') return '2026-01-01';
  if (f.type === 'email') return `x${uniq()}@example.com`;
  if (f.type === 'number') return '1';
  return `填写 ${f.name}`;
}

export type OperationName = keyof typeof OPERATIONS;
