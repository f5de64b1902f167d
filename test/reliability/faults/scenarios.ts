import { randomBytes } from 'node:crypto';
import type { Deps, WechatCaller } from '../../../cloudfunctions/core/ports';
import { FUNCTIONS } from '../../../cloudfunctions/functions/registry';
import { dispatch, type FunctionResponse } from '../../../cloudfunctions/functions/shared/dispatch';
import { payNotify } from '../../../cloudfunctions/functions/payNotify/handler';
import type { World } from './world';

const APP1 = 'wxdemo0000000001';
const APP2 = 'wxdemo0000000002';
const newCaller = (appid = APP1): WechatCaller => ({ appid, openid: `oFault${randomBytes(6).toString('hex')}` });
const phone = () => `13${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;

export async function call(deps: Deps, fn: string, action: string, data: unknown, who: { caller?: WechatCaller; bearer?: string } = {}): Promise<FunctionResponse> {
  return dispatch(FUNCTIONS[fn], deps, { body: { action, data }, caller: who.caller ?? null, bearer: who.bearer, requestId: 'fault' });
}

async function ok(p: Promise<FunctionResponse>): Promise<any> {
  const r = await p;
  if (!r.envelope.ok) throw new Error(`setup call failed: ${JSON.stringify(r.envelope)}`);
  return r.envelope.data;
}

const adminToken = async (w: World) => (await ok(call(w.rt.deps, 'admin', 'login', { username: 'admin', password: 'fault-admin-password' }))).token as string;

/** A scenario prepares its world with the healthy ports, then returns the one action to run under faults. */
export interface Scenario {
  name: string;
  /**
   * Collections where a completed first stage may stay behind a failed later one, by design (e.g. a
   * verified mobile is kept 30 minutes so a registrant whose submit failed retries without a new code).
   */
  checkpoints?: string[];
  prepare(w: World): Promise<(deps: Deps) => Promise<{ ok: boolean; code?: string }>>;
}

const envelopeOf = (r: FunctionResponse) => (r.envelope.ok ? { ok: true } : { ok: false, code: r.envelope.error.code });

export const SCENARIOS: Scenario[] = [
  {
    name: 'auth.login (first login under openid-auto)',
    async prepare() {
      const caller = newCaller();
      return async (deps) => envelopeOf(await call(deps, 'auth', 'login', {}, { caller }));
    },
  },
  {
    name: 'auth.sendSmsCode (register)',
    async prepare() {
      const caller = newCaller(APP2);
      const p = phone();
      return async (deps) => envelopeOf(await call(deps, 'auth', 'sendSmsCode', { phone: p, purpose: 'register' }, { caller }));
    },
  },
  {
    name: 'registration.submit (form, new Account)',
    checkpoints: ['sms_codes', 'mobile_proofs'],
    async prepare(w) {
      const caller = newCaller(APP2);
      const mobile = phone();
      await ok(call(w.rt.deps, 'auth', 'sendSmsCode', { phone: mobile, purpose: 'register' }, { caller }));
      const code = /(\d{6})/.exec(w.rt.dev.sms.messages().find((m) => m.phone === mobile)!.text)![1];
      const terms = (await ok(call(w.rt.deps, 'auth', 'portal', {}, { caller }))).terms.version;
      const data = { account: { name: '故障注入测试有限公司' }, contact: { name: '测试人', mobile1: mobile }, smsCode: code, consent: { agreed: true, termsVersion: terms } };
      return async (deps) => envelopeOf(await call(deps, 'registration', 'submit', data, { caller }));
    },
  },
  {
    name: 'admin.users.activate (an Account with two Contacts)',
    // The in-app entries and the SMS invitation are written after the activation commits (it is batched
    // over several transactions): a store failure there loses the announcement, never the activation.
    checkpoints: ['notifications', 'message_outbox'],
    async prepare(w) {
      const bearer = await adminToken(w);
      const acc = await ok(call(w.rt.deps, 'admin', 'accounts.create', { name: '故障激活客户有限公司' }, { bearer }));
      const c1 = await ok(call(w.rt.deps, 'admin', 'contacts.create', { accountId: acc.id, name: '甲', mobile1: phone() }, { bearer }));
      const c2 = await ok(call(w.rt.deps, 'admin', 'contacts.create', { accountId: acc.id, name: '乙', mobile1: phone() }, { bearer }));
      const data = { accounts: [{ accountId: acc.id, contactIds: [c1.id, c2.id] }], roleIds: ['terminal-user'] };
      return async (deps) => envelopeOf(await call(deps, 'admin', 'users.activate', data, { bearer }));
    },
  },
  {
    name: 'auth.loginBySms (an activated Contact binds this OpenID)',
    async prepare(w) {
      const bearer = await adminToken(w);
      const mobile = phone();
      const acc = await ok(call(w.rt.deps, 'admin', 'accounts.create', { name: '故障短信客户有限公司' }, { bearer }));
      const c = await ok(call(w.rt.deps, 'admin', 'contacts.create', { accountId: acc.id, name: '丙', mobile1: mobile }, { bearer }));
      await ok(call(w.rt.deps, 'admin', 'users.activate', { accounts: [{ accountId: acc.id, contactIds: [c.id] }], roleIds: ['terminal-user'] }, { bearer }));
      const caller = newCaller();
      await ok(call(w.rt.deps, 'auth', 'sendSmsCode', { phone: mobile, purpose: 'login' }, { caller }));
      const code = /(\d{6})/.exec(w.rt.dev.sms.messages().find((m) => m.phone === mobile)!.text)![1];
      const terms = (await ok(call(w.rt.deps, 'auth', 'portal', {}, { caller }))).terms.version;
      return async (deps) => envelopeOf(await call(deps, 'auth', 'loginBySms', { phone: mobile, code, consent: { agreed: true, termsVersion: terms } }, { caller }));
    },
  },
  {
    name: 'auth.bindPhone (WeChat phone code)',
    async prepare(w) {
      const caller = newCaller(APP2);
      const code = w.rt.dev.wechat.issuePhoneCode(phone(), APP2);
      const terms = (await ok(call(w.rt.deps, 'auth', 'portal', {}, { caller }))).terms.version;
      return async (deps) => envelopeOf(await call(deps, 'auth', 'bindPhone', { phoneCode: code, consent: { agreed: true, termsVersion: terms } }, { caller }));
    },
  },
  {
    name: 'records.create (a work order)',
    async prepare() {
      const caller = { appid: APP1, openid: 'oDemoZhangWei001' };
      return async (deps) => envelopeOf(await call(deps, 'records', 'create', { object: 'workOrder', data: { title: '故障注入工单', description: '测试' } }, { caller }));
    },
  },
  {
    name: 'admin.orders.create (WeChat Pay Native order)',
    async prepare(w) {
      const bearer = await adminToken(w);
      return async (deps) => envelopeOf(await call(deps, 'admin', 'orders.create', { seats: 2 }, { bearer }));
    },
  },
  {
    name: 'payNotify (credit a paid order)',
    async prepare(w) {
      const bearer = await adminToken(w);
      const order = await ok(call(w.rt.deps, 'admin', 'orders.create', { seats: 3 }, { bearer }));
      const notification = w.rt.dev.pay.sandbox()!.pay(order.outTradeNo);
      return async (deps) => {
        const r = await payNotify(deps, { headers: notification.headers, body: notification.body, requestId: 'fault' });
        return r.status < 300 ? { ok: true } : { ok: false, code: `http-${r.status}` };
      };
    },
  },
];
