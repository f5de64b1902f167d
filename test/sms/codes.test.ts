import { consumeSmsCode, sendSmsCode, MAX_WRONG_TRIES } from '../../cloudfunctions/core/sms/codes';
import { AppError } from '../../cloudfunctions/core/kernel/app-error';
import { createTestDeps, type TestDeps } from '../support/deps';

const PHONE = '13900000001';
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
    await sendSmsCode(d, { phone: PHONE, purpose: 'login', deliver: true });
    const code = codeIn(d);
    expect(code).toMatch(/^\d{6}$/);
    const stored = JSON.stringify(await d.store.find('sms_codes', { limit: 10 }));
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(PHONE);
    await expect(consumeSmsCode(d, PHONE, 'login', code)).resolves.toBeUndefined();
    expect(await codeOf(consumeSmsCode(d, PHONE, 'login', code))).toBe('sms/code-invalid');
  });

  test('given a code for login, then it is not valid for another purpose or another phone', async () => {
    await sendSmsCode(d, { phone: PHONE, purpose: 'login', deliver: true });
    const code = codeIn(d);
    expect(await codeOf(consumeSmsCode(d, PHONE, 'register', code))).toBe('sms/code-invalid');
    expect(await codeOf(consumeSmsCode(d, '13900000002', 'login', code))).toBe('sms/code-invalid');
    expect(await codeOf(consumeSmsCode(d, PHONE, 'login', code))).toBe('ok');
  });

  test('given 5 minutes have passed, then the code is expired', async () => {
    await sendSmsCode(d, { phone: PHONE, purpose: 'login', deliver: true });
    const code = codeIn(d);
    d.clock.advance(5 * 60_000 + 1);
    expect(await codeOf(consumeSmsCode(d, PHONE, 'login', code))).toBe('sms/code-expired');
  });

  test('given wrong codes, then the fifth wrong try kills the code, even for the right one afterwards', async () => {
    await sendSmsCode(d, { phone: PHONE, purpose: 'login', deliver: true });
    const code = codeIn(d);
    const wrong = code === '000000' ? '111111' : '000000';
    const answers: string[] = [];
    for (let i = 0; i < MAX_WRONG_TRIES; i++) answers.push(await codeOf(consumeSmsCode(d, PHONE, 'login', wrong)));
    expect(answers).toEqual(['sms/code-invalid', 'sms/code-invalid', 'sms/code-invalid', 'sms/code-invalid', 'sms/too-many-attempts']);
    expect(await codeOf(consumeSmsCode(d, PHONE, 'login', code))).toBe('sms/too-many-attempts');
  });

  test('given a send, then another within 60 s is rate-limited, and after 60 s allowed', async () => {
    await sendSmsCode(d, { phone: PHONE, purpose: 'login', deliver: true });
    d.clock.advance(30_000);
    expect(await codeOf(sendSmsCode(d, { phone: PHONE, purpose: 'login', deliver: true }))).toBe('sms/rate-limited');
    d.clock.advance(30_001);
    expect(await codeOf(sendSmsCode(d, { phone: PHONE, purpose: 'login', deliver: true }))).toBe('ok');
  });

  test('given two concurrent sends, then one code is issued', async () => {
    const r = await Promise.all([1, 2, 3].map(() => codeOf(sendSmsCode(d, { phone: PHONE, purpose: 'login', deliver: true }))));
    expect(r.filter((x) => x === 'ok')).toHaveLength(1);
    expect(d.outbox.messages()).toHaveLength(1);
  });

  test('given 10 sends in a day to one phone, then the 11th is refused until the next day', async () => {
    for (let i = 0; i < 10; i++) {
      expect(await codeOf(sendSmsCode(d, { phone: PHONE, purpose: 'login', deliver: true }))).toBe('ok');
      d.clock.advance(61_000);
    }
    expect(await codeOf(sendSmsCode(d, { phone: PHONE, purpose: 'login', deliver: true }))).toBe('sms/rate-limited');
    d.clock.advance(24 * 3600_000);
    expect(await codeOf(sendSmsCode(d, { phone: PHONE, purpose: 'login', deliver: true }))).toBe('ok');
  });

  test('given many phones from one IP, then the per-IP cap stops them', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 52; i++) answers.push(await codeOf(sendSmsCode(d, { phone: `139${String(i).padStart(8, '0')}`, purpose: 'register', ip: '10.0.0.9', deliver: true })));
    expect(answers.filter((a) => a === 'ok')).toHaveLength(50);
    expect(answers.slice(50)).toEqual(['sms/rate-limited', 'sms/rate-limited']);
  });

  test('given delivery is not wanted, then limits and stored state are the same but nothing is sent', async () => {
    await sendSmsCode(d, { phone: PHONE, purpose: 'login', deliver: false });
    expect(d.outbox.messages()).toHaveLength(0);
    expect(await d.store.count('sms_codes')).toBe(1);
    expect(await codeOf(sendSmsCode(d, { phone: PHONE, purpose: 'login', deliver: false }))).toBe('sms/rate-limited');
  });
});
