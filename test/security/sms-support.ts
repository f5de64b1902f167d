import { request } from 'node:http';
import type { TestRuntime } from '../support/runtime';
import { demoAdmin, freshMobile, seedAccount } from '../support/admin';
import type { Clock } from '../../cloudfunctions/core/ports';

/** What the SMS red-team suites play: WeChat identities calling from IPs of their own, over real HTTP. */

export interface Answer {
  status: number;
  body: { ok: boolean; data?: Record<string, unknown>; error?: { code: string; message: string; params?: Record<string, unknown> } };
}

/** A WeChat identity and the address it calls from (any 127.0.0.0/8 address reaches the loopback server). */
export interface Party {
  token: string;
  appid: string;
  openid: string;
  ip: string;
}

export async function party(t: TestRuntime, ip: string, appid?: string): Promise<Party> {
  const id = await t.wechat(appid ? { appid } : {});
  return { ...id, ip };
}

/** POST /api/functions/<fn> from `who.ip` (the server takes the client IP from the socket, as CloudBase takes it from the context). */
export function callAs(t: TestRuntime, who: Party, fn: string, action: string, data: unknown, locale?: string): Promise<Answer> {
  const url = new URL(`/api/functions/${fn}`, t.url);
  const payload = JSON.stringify({ action, data, ...(locale ? { locale } : {}) });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: who.ip,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${who.token}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['body'] });
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export const sendCode = (t: TestRuntime, who: Party, phone: string, purpose: 'login' | 'bind' | 'register') => callAs(t, who, 'auth', 'sendSmsCode', { phone, purpose });

/** The newest code the dev outbox holds for `phone` and `purpose`, read as the phone's owner would. */
export async function codeOnPhone(t: TestRuntime, phone: string, purpose: string): Promise<string | undefined> {
  const box = await t.raw('/api/dev/sms');
  const messages = box.body.data.messages as Array<{ phone: string; purpose: string; text: string }>;
  const msg = messages.find((m) => m.phone === phone && m.purpose === purpose);
  return msg ? /(\d{6})/.exec(msg.text)?.[1] : undefined;
}

/** How many codes for `purpose` reached `phone` (other messages, such as an activation invitation, aside). */
export async function codesDelivered(t: TestRuntime, phone: string, purpose: string): Promise<number> {
  const box = await t.raw('/api/dev/sms');
  return (box.body.data.messages as Array<{ phone: string; purpose: string }>).filter((m) => m.phone === phone && m.purpose === purpose).length;
}

/** A code that is surely not `right` (or any code, when nothing was delivered). */
export const wrongCode = (right?: string) => (right === '000000' ? '111111' : '000000');

export async function termsConsent(t: TestRuntime): Promise<{ agreed: true; termsVersion: string }> {
  const r = await t.call('auth', { action: 'portal', data: {} }, { token: (await t.wechat()).token });
  return { agreed: true, termsVersion: r.body.data.terms.version as string };
}

export type PhoneState = 'unknown' | 'not-activated' | 'disabled' | 'activated';

/** A fresh phone in the given state: no Contact; a Contact never activated; activated then disabled; activated. */
export async function phoneIn(t: TestRuntime, state: PhoneState, tag: string): Promise<{ phone: string; userId?: string }> {
  const phone = freshMobile();
  if (state === 'unknown') return { phone };
  const contactId = `con_${tag}`;
  await seedAccount(t, `acc_${tag}`, `${tag}科技有限公司`, [{ id: contactId, name: `${tag}联系人`, mobile1: phone }]);
  if (state === 'not-activated') return { phone };
  const admin = await demoAdmin(t);
  await admin.ok('users.activate', { accounts: [{ accountId: `acc_${tag}` }], roleIds: ['terminal-user'] });
  const [user] = await t.rt.deps.store.find('ic_users', { where: { contact_id: contactId }, limit: 1 });
  if (state === 'disabled') await admin.ok('users.disable', { userId: user._id });
  return { phone, userId: user._id };
}

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3600_000;

/**
 * Moves the runtime's clock forward (the 60 s resend interval is real time otherwise); `restore` puts it
 * back. Daily budgets follow the calendar day in China: a run within two hours of its midnight starts just
 * after it, so no budget resets half way through a sequence.
 */
export function steerClock(t: TestRuntime): { advance(ms: number): void; restore(): void } {
  const real: Clock = t.rt.deps.clock;
  const untilMidnight = DAY_MS - ((real.now() + CHINA_OFFSET_MS) % DAY_MS);
  let offset = untilMidnight < 2 * 3600_000 ? untilMidnight + 60_000 : 0;
  t.rt.deps.clock = { now: () => real.now() + offset };
  return {
    advance: (ms) => {
      offset += ms;
    },
    restore: () => {
      t.rt.deps.clock = real;
    },
  };
}
