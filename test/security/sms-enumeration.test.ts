import { performance } from 'node:perf_hooks';
import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { callAs, codeOnPhone, party, phoneIn, sendCode, termsConsent, wrongCode, type Answer, type Party, type PhoneState } from './sms-support';

/**
 * Issue 12, item 7 — no enumeration by answers or time. Someone who does not hold the phone learns nothing
 * from `auth.loginBySms` about whether it is unknown, a Contact not activated, a disabled user or an
 * activated one: a wrong code answers alike (code, status, message) and takes comparable time. Only the
 * right code, which only the phone's holder reads, tells the state.
 */
const STATES: PhoneState[] = ['unknown', 'not-activated', 'disabled', 'activated'];

describe('red team: SMS login enumeration', () => {
  let t: TestRuntime;
  let consent: { agreed: true; termsVersion: string };
  let phones: Record<PhoneState, { phone: string; userId?: string }>;
  beforeAll(async () => {
    t = await startTestRuntime();
    consent = await termsConsent(t);
    phones = {} as Record<PhoneState, { phone: string; userId?: string }>;
    for (const state of STATES) phones[state] = await phoneIn(t, state, `enum_${state.replace('-', '')}`);
  });
  afterAll(() => t.stop());

  const login = (who: Party, phone: string, code: string | undefined, locale?: string) => callAs(t, who, 'auth', 'loginBySms', { phone, code, consent }, locale);
  /** what an observer compares: everything but the request id */
  const seen = (a: Answer) => ({ status: a.status, ok: a.body.ok, code: a.body.error?.code, message: a.body.error?.message, params: a.body.error?.params ?? null });

  test('given no code was asked for, when a wrong code is tried on each of the four phone states, then the answers are identical, in both languages, and nothing changes', async () => {
    const attacker = await party(t, '127.0.3.1');
    for (const locale of ['zh', 'en']) {
      const answers = [];
      for (const state of STATES) {
        const before = t.digest();
        answers.push(seen(await login(attacker, phones[state].phone, '123456', locale)));
        expect(t.digest()).toBe(before);
      }
      expect(answers[0]).toMatchObject({ status: 409, ok: false, code: 'sms/code-invalid' });
      for (const a of answers) expect(a).toEqual(answers[0]);
    }
  });

  test('given the attacker asked for a code for each phone first, then sending and five wrong tries read the same for all four states', async () => {
    const attacker = await party(t, '127.0.3.2');
    const transcripts: Record<string, unknown[]> = {};
    for (const state of STATES) {
      const { phone } = phones[state];
      const sent = await sendCode(t, attacker, phone, 'login');
      const delivered = await codeOnPhone(t, phone, 'login'); // known to the test only, to be sure the guess is wrong
      const tries = [];
      for (let i = 0; i < 5; i++) tries.push(seen(await login(attacker, phone, wrongCode(delivered))));
      transcripts[state] = [seen(sent), ...tries];
    }
    expect(transcripts['activated'].map((a) => (a as { code?: string }).code)).toEqual([undefined, 'sms/code-invalid', 'sms/code-invalid', 'sms/code-invalid', 'sms/code-invalid', 'sms/too-many-attempts']);
    for (const state of STATES) expect(transcripts[state]).toEqual(transcripts['activated']);
    // and the code is dead for every state alike: nobody got bound
    expect(await t.rt.deps.store.get('ic_bindings', `wx:${attacker.appid}:${attacker.openid}`)).toBeNull();
  });

  test('given 40 wrong tries per state, interleaved, then the median answer times are within 3x of each other', async () => {
    const attacker = await party(t, '127.0.3.3');
    const samples: Record<PhoneState, number[]> = { unknown: [], 'not-activated': [], disabled: [], activated: [] };
    // warm every path first (the first calls of each pay for compilation, not for the store)
    for (let round = 0; round < 8; round++) for (const state of STATES) await login(attacker, phones[state].phone, '123456');
    for (let round = 0; round < 40; round++) {
      // rotate the order so no state always runs first
      for (let k = 0; k < STATES.length; k++) {
        const state = STATES[(round + k) % STATES.length];
        const start = performance.now();
        const r = await login(attacker, phones[state].phone, '123456');
        samples[state].push(performance.now() - start);
        expect(r.body.error?.code).toBe('sms/code-invalid');
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const medians = STATES.map((s) => median(samples[s]));
    expect(Math.max(...medians) / Math.min(...medians)).toBeLessThan(3);
  });

  test('given the holder of each phone asks for a code and types it, then only then is the state told: not activated, disabled, or a member', async () => {
    const expected: Record<Exclude<PhoneState, 'unknown'>, { status: number; code?: string; state?: string }> = {
      'not-activated': { status: 403, code: 'auth/not-activated' },
      disabled: { status: 403, code: 'auth/disabled' },
      activated: { status: 200, state: 'member' },
    };
    for (const state of ['not-activated', 'disabled', 'activated'] as const) {
      const holder = await party(t, '127.0.3.4');
      const { phone } = phones[state];
      expect((await sendCode(t, holder, phone, 'login')).status).toBe(200);
      const code = await codeOnPhone(t, phone, 'login');
      expect(code).toMatch(/^\d{6}$/);
      const r = await login(holder, phone, code);
      expect({ status: r.status, code: r.body.error?.code, state: r.body.data?.['state'] }).toEqual({ status: expected[state].status, code: expected[state].code, state: expected[state].state });
      const bound = await t.rt.deps.store.get('ic_bindings', `wx:${holder.appid}:${holder.openid}`);
      expect(bound?.['user_id']).toBe(state === 'activated' ? phones.activated.userId : undefined);
    }
    // a phone no Contact has never receives a login code, so its state is never told
    const stranger = await party(t, '127.0.3.5');
    expect((await sendCode(t, stranger, phones.unknown.phone, 'login')).status).toBe(200);
    expect(await codeOnPhone(t, phones.unknown.phone, 'login')).toBeUndefined();
  });
});
