import { randomBytes } from 'node:crypto';
import type { WechatCaller } from '../../../cloudfunctions/core/ports';
import type { LicenceDoc, UserDoc } from '../../../cloudfunctions/core/kernel/docs';
import { FUNCTIONS } from '../../../cloudfunctions/functions/registry';
import { dispatch } from '../../../cloudfunctions/functions/shared/dispatch';
import { LICENCE_ID } from '../../../cloudfunctions/core/licences/seats';
import { seedEssentials } from '../../../server/seed';
import type { ServerConfig } from '../../../server/config';
import { createTestDeps, type TestDeps } from '../../support/deps';

/**
 * A small world at the router (the same dispatch the runtimes use, on SQLite, with a clock the test
 * moves): `openid-auto` on APP, manual activation on, one activated person P whose Contact's mobile is
 * PHONE, and an admin. Sequences of what a person or an attacker does are played against it.
 */
export const APP = 'wxseqapp00000001';
export const OTHER_APP = 'wxseqapp00000002';
export const PHONE = '13800138123';
export const SEATS = 50;

export interface Answer {
  ok: boolean;
  code?: string;
  data?: any;
}

export interface SeqWorld {
  deps: TestDeps;
  adminToken: string;
  /** the activated person (Contact with PHONE) */
  personId: string;
  termsVersion: string;
  call(fn: string, action: string, data: unknown, caller: WechatCaller | null, bearer?: string): Promise<Answer>;
  admin(action: string, data: unknown): Promise<Answer>;
  /** sends a login code to PHONE for this caller (a minute after the last) and logs in with it */
  smsLogin(caller: WechatCaller, phone?: string): Promise<Answer>;
  seatsUsed(): Promise<number>;
  seatHolders(): Promise<number>;
  users(): Promise<UserDoc[]>;
}

export const newCaller = (appid = APP, unionid?: string): WechatCaller => ({ appid, openid: `oSeq${randomBytes(8).toString('hex')}`, ...(unionid ? { unionid } : {}) });

export async function buildSeqWorld(opts: { guest?: boolean } = {}): Promise<SeqWorld> {
  const deps = createTestDeps();
  const password = 'seq-admin-password-1';
  await seedEssentials(deps, { adminUser: 'admin', adminPassword: password } as ServerConfig);
  const now = new Date(deps.clock.now()).toISOString();
  await deps.store.update('settings', 'global', { set: { self_registration: { enabled: true }, manual_activation: true, guest: { enabled: opts.guest === true, account_id: 'acc_guest' } } });
  await deps.store.update('licences', LICENCE_ID, { set: { total: SEATS } });
  await deps.store.insert('methods', { _id: 'mth_seq_auto', name: '一键开通', app_id: APP, enabled: true, mode: 'openid-auto', role_ids: ['terminal-user'], created_at: now });
  await deps.store.insert('accounts', { _id: 'acc_seq', name: '序列测试科技有限公司', created_at: now });
  await deps.store.insert('contacts', { _id: 'con_seq', account_id: 'acc_seq', name: '测试联系人', mobile1: PHONE, created_at: now });
  deps.cache.invalidate();

  const call = async (fn: string, action: string, data: unknown, caller: WechatCaller | null, bearer?: string): Promise<Answer> => {
    const r = await dispatch(FUNCTIONS[fn], deps, { body: { action, data }, caller, bearer, requestId: 'seq' });
    return r.envelope.ok ? { ok: true, data: r.envelope.data } : { ok: false, code: r.envelope.error.code };
  };
  const login = await call('admin', 'login', { username: 'admin', password }, null);
  if (!login.ok) throw new Error(`admin login: ${login.code}`);
  const adminToken = login.data.token as string;
  const admin = (action: string, data: unknown) => call('admin', action, data, null, adminToken);
  const activated = await admin('users.activate', { accounts: [{ accountId: 'acc_seq' }], roleIds: ['terminal-user'] });
  if (!activated.ok) throw new Error(`activate: ${activated.code}`);
  const personId = activated.data.activated[0].userId as string;
  const portal = await call('auth', 'portal', {}, newCaller());
  const termsVersion = portal.data.terms.version as string;

  return {
    deps,
    adminToken,
    personId,
    termsVersion,
    call,
    admin,
    async smsLogin(caller, phone = PHONE) {
      deps.clock.advance(61_000);
      const sent = await call('auth', 'sendSmsCode', { phone, purpose: 'login' }, caller);
      if (!sent.ok) return sent;
      const msg = deps.outbox.messages().find((m) => m.phone === phone);
      const code = msg ? /(\d{6})/.exec(msg.text)?.[1] : undefined;
      if (!code) return { ok: false, code: 'test/no-code-delivered' };
      return call('auth', 'loginBySms', { phone, code, consent: { agreed: true, termsVersion } }, caller);
    },
    async seatsUsed() {
      return (await deps.store.get<LicenceDoc>('licences', LICENCE_ID))!.used;
    },
    async seatHolders() {
      return deps.store.count('ic_users', { holds_seat: true });
    },
    async users() {
      return deps.store.find<UserDoc>('ic_users', { limit: 1000 });
    },
  };
}
