import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { freshMobile } from '../support/admin';
import { callAs, codeOnPhone, codesDelivered, party, phoneIn, sendCode, steerClock, termsConsent, wrongCode, type Party } from './sms-support';

/**
 * Issue 12, item 8 — budgets nobody else can spend. The attacker (one WeChat identity, one IP) floods the
 * victim's phone with code requests; the victim (own identity, own IP) must still get a login code and log
 * in. Each refusal changes nothing.
 */
describe('red team: SMS send budgets', () => {
  let t: TestRuntime;
  let consent: { agreed: true; termsVersion: string };
  let clock: ReturnType<typeof steerClock> | undefined;
  /** the steered clock of the running test (installed on first use) */
  const steered = () => (clock ??= steerClock(t));
  beforeAll(async () => {
    t = await startTestRuntime();
    consent = await termsConsent(t);
  });
  afterEach(() => {
    clock?.restore();
    clock = undefined;
  });
  afterAll(() => t.stop());

  /** `n` sends 61 s apart (the resend interval is per phone, purpose and requester); the answers' codes. */
  async function flood(who: Party, phone: string, purpose: 'login' | 'bind' | 'register', n: number): Promise<string[]> {
    const answers: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = await sendCode(t, who, phone, purpose);
      answers.push(r.body.ok ? 'ok' : r.body.error!.code);
      steered().advance(61_000);
    }
    return answers;
  }

  test('given an attacker identity and IP that spent their whole budget on the victim phone, when the victim asks from another identity and IP, then the code arrives and the victim logs in', async () => {
    const victimPhone = (await phoneIn(t, 'activated', 'budgetvictim')).phone;
    const attacker = await party(t, '127.0.0.2');
    const victim = await party(t, '127.0.0.3');
    steered();

    expect(await flood(attacker, victimPhone, 'login', 10)).toEqual(Array(10).fill('ok'));
    const before = t.digest();
    const refused = await sendCode(t, attacker, victimPhone, 'login');
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'sms/rate-limited', params: { retryAfterSeconds: 3600 } });
    expect(t.digest()).toBe(before);

    const asked = await sendCode(t, victim, victimPhone, 'login');
    expect([asked.status, asked.body]).toEqual([200, { ok: true, data: { retryAfterSeconds: 60 } }]);
    const code = await codeOnPhone(t, victimPhone, 'login');
    const login = await callAs(t, victim, 'auth', 'loginBySms', { phone: victimPhone, code, consent });
    expect(login.status).toBe(200);
    expect(login.body.data).toMatchObject({ state: 'member' });
  });

  test('given an attacker rotating WeChat identities from one IP, then that IP stops at 10 sends to the phone, and the victim elsewhere still gets a code and logs in', async () => {
    const victimPhone = (await phoneIn(t, 'activated', 'rotated')).phone;
    const victim = await party(t, '127.0.0.11');
    steered();
    const answers: string[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await sendCode(t, await party(t, '127.0.0.10'), victimPhone, 'login');
      answers.push(r.body.ok ? 'ok' : r.body.error!.code);
    }
    expect(answers).toEqual([...Array(10).fill('ok'), 'sms/rate-limited']);
    expect((await sendCode(t, victim, victimPhone, 'login')).status).toBe(200);
    const code = await codeOnPhone(t, victimPhone, 'login');
    expect((await callAs(t, victim, 'auth', 'loginBySms', { phone: victimPhone, code, consent })).body.data).toMatchObject({ state: 'member' });
  });

  test('given the attacker floods the register and bind purposes too, then the phone owner still gets a login code', async () => {
    const victimPhone = (await phoneIn(t, 'activated', 'purposevictim')).phone;
    const attacker = await party(t, '127.0.0.4');
    const victim = await party(t, '127.0.0.5');
    steered();
    for (const purpose of ['register', 'bind', 'login'] as const) {
      const answers = await flood(attacker, victimPhone, purpose, 11);
      expect(answers.slice(0, 10)).toEqual(Array(10).fill('ok'));
      expect(answers[10]).toBe('sms/rate-limited');
    }
    expect((await sendCode(t, victim, victimPhone, 'login')).status).toBe(200);
    const code = await codeOnPhone(t, victimPhone, 'login');
    expect((await callAs(t, victim, 'auth', 'loginBySms', { phone: victimPhone, code, consent })).body.data).toMatchObject({ state: 'member' });
  });

  test('given a code the victim asked for, when the attacker obtains it (phishing) and tries it, then it is refused, and the victim still logs in with it', async () => {
    const victimPhone = (await phoneIn(t, 'activated', 'phished')).phone;
    const attacker = await party(t, '127.0.0.6');
    const victim = await party(t, '127.0.0.7');
    await sendCode(t, attacker, victimPhone, 'login'); // the attacker has a live code of their own for the phone
    await sendCode(t, victim, victimPhone, 'login');
    const victimsCode = await codeOnPhone(t, victimPhone, 'login');
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) answers.push((await callAs(t, attacker, 'auth', 'loginBySms', { phone: victimPhone, code: victimsCode, consent })).body.error!.code);
    // the attacker's tries burn only the attacker's own code
    expect(answers).toEqual(['sms/code-invalid', 'sms/code-invalid', 'sms/code-invalid', 'sms/code-invalid', 'sms/too-many-attempts']);
    expect(await t.rt.deps.store.get('ic_bindings', `wx:${attacker.appid}:${attacker.openid}`)).toBeNull();
    expect((await callAs(t, victim, 'auth', 'loginBySms', { phone: victimPhone, code: victimsCode, consent })).body.data).toMatchObject({ state: 'member' });
  });

  test('given an attacker identity asks again within 60 s, then only that identity waits: the owner asking at the same moment is served', async () => {
    const victimPhone = (await phoneIn(t, 'activated', 'interval')).phone;
    const attacker = await party(t, '127.0.0.8');
    const victim = await party(t, '127.0.0.9');
    expect((await sendCode(t, attacker, victimPhone, 'login')).status).toBe(200);
    const again = await sendCode(t, attacker, victimPhone, 'login');
    expect(again.body.error?.code).toBe('sms/rate-limited');
    expect((await sendCode(t, victim, victimPhone, 'login')).status).toBe(200);
    const code = await codeOnPhone(t, victimPhone, 'login');
    expect((await callAs(t, victim, 'auth', 'loginBySms', { phone: victimPhone, code: wrongCode(code), consent })).body.error?.code).toBe('sms/code-invalid');
    expect((await callAs(t, victim, 'auth', 'loginBySms', { phone: victimPhone, code, consent })).body.data).toMatchObject({ state: 'member' });
  });

  test('given many identities on one phone, then the per-phone ceiling (20 a day per purpose) bounds what the phone receives, and the refusal reads the same for a phone nobody has', async () => {
    const floodedPhone = (await phoneIn(t, 'activated', 'ceiling')).phone;
    const strangerPhone = freshMobile();
    steered();
    const answers: { known: string[]; unknown: string[] } = { known: [], unknown: [] };
    for (let i = 0; i < 3; i++) {
      const who = await party(t, `127.0.1.${i + 1}`);
      for (const [phone, into] of [
        [floodedPhone, answers.known],
        [strangerPhone, answers.unknown],
      ] as const) {
        for (let k = 0; k < 8; k++) {
          const r = await sendCode(t, who, phone, 'login');
          into.push(r.body.ok ? 'ok' : `${r.status} ${r.body.error!.code} ${JSON.stringify(r.body.error!.params)}`);
          steered().advance(61_000);
        }
      }
    }
    expect(answers.known.filter((a) => a === 'ok')).toHaveLength(20);
    expect(answers.known.slice(20)).toEqual(Array(4).fill('429 sms/rate-limited {"retryAfterSeconds":3600}'));
    expect(answers.unknown).toEqual(answers.known);
    expect(await codesDelivered(t, floodedPhone, 'login')).toBe(20);
    expect(await codesDelivered(t, strangerPhone, 'login')).toBe(0);
  });

  test('given one IP rotating phones, then the per-IP cap (50 a day) stops it while a caller at another IP is served', async () => {
    const attacker = await party(t, '127.0.2.1');
    steered();
    const answers: string[] = [];
    for (let i = 0; i < 51; i++) {
      const r = await sendCode(t, attacker, freshMobile(), 'register');
      answers.push(r.body.ok ? 'ok' : r.body.error!.code);
    }
    expect(answers.slice(0, 50)).toEqual(Array(50).fill('ok'));
    expect(answers[50]).toBe('sms/rate-limited');
    // another identity at the same IP is refused too; the same kind of caller elsewhere is not
    expect((await sendCode(t, await party(t, '127.0.2.1'), freshMobile(), 'register')).body.error?.code).toBe('sms/rate-limited');
    expect((await sendCode(t, await party(t, '127.0.2.2'), freshMobile(), 'register')).status).toBe(200);
  });
});
