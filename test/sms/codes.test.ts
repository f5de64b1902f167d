import { consumeSmsCode, sendSmsCode, MAX_WRONG_TRIES, type SmsPurpose, type SmsRequester } from '../../cloudfunctions/core/sms/codes';
import { AppError } from '../../cloudfunctions/core/kernel/app-error';
import { createTestDeps, type TestDeps } from '../support/deps';

const PHONE = '13900000001';
const ME: SmsRequester = { appid: 'wxapp0000000001', openid: 'oRequesterMe' };
const send = (d: TestDeps, opts: { phone?: string; purpose?: SmsPurpose; requester?: SmsRequester; ip?: string; deliver?: boolean } = {}) =>
  sendSmsCode(d, { phone: opts.phone ?? PHONE, purpose: opts.purpose ?? 'login', requester: opts.requester ?? ME, ip: opts.ip, deliver: opts.deliver ?? true });
const codeIn = (d: TestDeps, phone = PHONE) => {
  const msg = d.outbox.messages().find((m) => m.phone === phone);
  const m = msg && /(\d{6})/.exec(msg.text);
  if (!m) throw new Error('no code in the outbox');
  return m[1];
};
const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

describe('SMS verification codes', () => {
  let d: TestDeps;
  beforeEach(() => {
    d = createTestDeps();
  });
  afterEach(() => d.store.close());

  test('given a sent code, then it is 6 digits, stored only hashed, and works exactly once', async () => {
    await send(d);
    const code = codeIn(d);
    expect(code).toMatch(/^\d{6}$/);
    const stored = JSON.stringify(await d.store.find('sms_codes', { limit: 10 }));
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(PHONE);
    await expect(consumeSmsCode(d, ME, PHONE, 'login', code)).resolves.toBeUndefined();
    expect(await codeOf(consumeSmsCode(d, ME, PHONE, 'login', code))).toBe('sms/code-invalid');
  });

  test('given a code for login, then it is not valid for another purpose or another phone', async () => {
    await send(d);
    const code = codeIn(d);
    expect(await codeOf(consumeSmsCode(d, ME, PHONE, 'register', code))).toBe('sms/code-invalid');
    expect(await codeOf(consumeSmsCode(d, ME, '13900000002', 'login', code))).toBe('sms/code-invalid');
    expect(await codeOf(consumeSmsCode(d, ME, PHONE, 'login', code))).toBe('ok');
  });

  test('given a code asked for by one WeChat identity, then another identity (or the same openid in another app) cannot spend it, and its tries cost the owner nothing', async () => {
    await send(d);
    const code = codeIn(d);
    for (const other of [{ appid: ME.appid, openid: 'oSomeoneElse' }, { appid: 'wxapp0000000002', openid: ME.openid }]) {
      for (let i = 0; i < MAX_WRONG_TRIES; i++) expect(await codeOf(consumeSmsCode(d, other, PHONE, 'login', code))).toBe('sms/code-invalid');
    }
    expect(await codeOf(consumeSmsCode(d, ME, PHONE, 'login', code))).toBe('ok');
  });

  test('given another identity asks for a code for the same phone, then the first code stays valid and each identity keeps its own 60 s interval', async () => {
    const other: SmsRequester = { appid: ME.appid, openid: 'oOtherAsker' };
    await send(d);
    const mine = codeIn(d);
    expect(await codeOf(send(d, { requester: other }))).toBe('ok');
    expect(await codeOf(send(d))).toBe('sms/rate-limited');
    expect(await codeOf(consumeSmsCode(d, ME, PHONE, 'login', mine))).toBe('ok');
  });

  test('given 5 minutes have passed, then the code is expired', async () => {
    await send(d);
    const code = codeIn(d);
    d.clock.advance(5 * 60_000 + 1);
    expect(await codeOf(consumeSmsCode(d, ME, PHONE, 'login', code))).toBe('sms/code-expired');
  });

  test('given wrong codes, then the fifth wrong try kills the code, even for the right one afterwards', async () => {
    await send(d);
    const code = codeIn(d);
    const wrong = code === '000000' ? '111111' : '000000';
    const answers: string[] = [];
    for (let i = 0; i < MAX_WRONG_TRIES; i++) answers.push(await codeOf(consumeSmsCode(d, ME, PHONE, 'login', wrong)));
    expect(answers).toEqual(['sms/code-invalid', 'sms/code-invalid', 'sms/code-invalid', 'sms/code-invalid', 'sms/too-many-attempts']);
    expect(await codeOf(consumeSmsCode(d, ME, PHONE, 'login', code))).toBe('sms/too-many-attempts');
  });

  test('given a send, then another within 60 s is rate-limited, and after 60 s allowed', async () => {
    await send(d);
    d.clock.advance(30_000);
    expect(await codeOf(send(d))).toBe('sms/rate-limited');
    d.clock.advance(30_001);
    expect(await codeOf(send(d))).toBe('ok');
  });

  test('given two concurrent sends, then one code is issued', async () => {
    const r = await Promise.all([1, 2, 3].map(() => codeOf(send(d))));
    expect(r.filter((x) => x === 'ok')).toHaveLength(1);
    expect(d.outbox.messages()).toHaveLength(1);
  });

  test('given 10 sends in a day from one identity to one phone, then its 11th is refused until the next day, while another identity still gets codes', async () => {
    for (let i = 0; i < 10; i++) {
      expect(await codeOf(send(d))).toBe('ok');
      d.clock.advance(61_000);
    }
    expect(await codeOf(send(d))).toBe('sms/rate-limited');
    expect(await codeOf(send(d, { requester: { appid: ME.appid, openid: 'oPhoneOwner' } }))).toBe('ok');
    d.clock.advance(24 * 3600_000);
    expect(await codeOf(send(d))).toBe('ok');
  });

  test('given 20 sends to one phone by several identities, then the per-phone ceiling refuses the 21st for anyone, for that purpose only', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 21; i++) answers.push(await codeOf(send(d, { requester: { appid: ME.appid, openid: `oAsker${i}` } })));
    expect(answers.slice(0, 20).every((a) => a === 'ok')).toBe(true);
    expect(answers[20]).toBe('sms/rate-limited');
    expect(await codeOf(send(d, { purpose: 'register', requester: { appid: ME.appid, openid: 'oAsker0' } }))).toBe('ok');
  });

  test('given identities rotated from one IP on one phone, then that IP stops at 10 for the phone while a requester at another IP is served', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 11; i++) answers.push(await codeOf(send(d, { requester: { appid: ME.appid, openid: `oRotated${i}` }, ip: '10.0.0.7' })));
    expect(answers.slice(0, 10).every((a) => a === 'ok')).toBe(true);
    expect(answers[10]).toBe('sms/rate-limited');
    expect(await codeOf(send(d, { requester: { appid: ME.appid, openid: 'oRotated0' }, ip: '10.0.0.7', phone: '13900000002' }))).toBe('ok');
    expect(await codeOf(send(d, { requester: { appid: ME.appid, openid: 'oOwner' }, ip: '10.0.0.8' }))).toBe('ok');
  });

  test('given a send refused by one budget, then no other budget is spent by it', async () => {
    // identity A spends its 10 for PHONE from IP 1; its 11th, refused, must not cost IP 1 anything
    for (let i = 0; i < 10; i++) {
      expect(await codeOf(send(d, { ip: '10.0.0.1' }))).toBe('ok');
      d.clock.advance(61_000);
    }
    const before = JSON.stringify(await d.store.find('rate_limits', { orderBy: [['_id', 'asc']], limit: 100 }));
    expect(await codeOf(send(d, { ip: '10.0.0.1' }))).toBe('sms/rate-limited');
    expect(JSON.stringify(await d.store.find('rate_limits', { orderBy: [['_id', 'asc']], limit: 100 }))).toBe(before);
  });

  test('given many phones from one IP, then the per-IP cap stops them', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 52; i++) answers.push(await codeOf(send(d, { phone: `139${String(i).padStart(8, '0')}`, purpose: 'register', ip: '10.0.0.9' })));
    expect(answers.filter((a) => a === 'ok')).toHaveLength(50);
    expect(answers.slice(50)).toEqual(['sms/rate-limited', 'sms/rate-limited']);
  });

  test('given delivery is not wanted, then limits and stored state are the same but nothing is sent', async () => {
    await send(d, { deliver: false });
    expect(d.outbox.messages()).toHaveLength(0);
    expect(await d.store.count('sms_codes')).toBe(1);
    expect(await codeOf(send(d, { deliver: false }))).toBe('sms/rate-limited');
  });
});
