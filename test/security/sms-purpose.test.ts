import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { freshMobile } from '../support/admin';
import { callAs, codeOnPhone, party, phoneIn, sendCode, termsConsent, type Party } from './sms-support';

/**
 * Issue 12, item 7 (second half) — a code proves only what it was asked for, and only for whoever asked.
 * `login` codes are spent by `auth.loginBySms`, `register` codes by `registration.submit`; `bind` codes
 * are spent by no action today, so they prove nothing anywhere. Every refusal changes nothing.
 */
const FORM_APP = 'wxdemo0000000002'; // the demo's self-registration (form) method

describe('red team: SMS code purposes', () => {
  let t: TestRuntime;
  let consent: { agreed: true; termsVersion: string };
  beforeAll(async () => {
    t = await startTestRuntime();
    consent = await termsConsent(t);
  });
  afterAll(() => t.stop());

  const login = (who: Party, phone: string, code: string | undefined) => callAs(t, who, 'auth', 'loginBySms', { phone, code, consent });
  const submit = (who: Party, phone: string, company: string, smsCode: string | undefined) =>
    callAs(t, who, 'registration', 'submit', { account: { name: company }, contact: { name: '测试人', mobile1: phone }, smsCode, consent });

  test.each(['bind', 'register'] as const)('given a %s code on an activated phone, when it is used to log in, then sms/code-invalid and nothing changes; a login code then works', async (purpose) => {
    const { phone, userId } = await phoneIn(t, 'activated', `purpose_${purpose}`);
    const holder = await party(t, '127.0.4.1');
    await sendCode(t, holder, phone, purpose);
    const code = await codeOnPhone(t, phone, purpose);
    expect(code).toMatch(/^\d{6}$/);
    const before = t.digest();
    const r = await login(holder, phone, code);
    expect([r.status, r.body.error?.code]).toEqual([409, 'sms/code-invalid']);
    expect(t.digest()).toBe(before);

    await sendCode(t, holder, phone, 'login');
    const ok = await login(holder, phone, await codeOnPhone(t, phone, 'login'));
    expect(ok.body.data).toMatchObject({ state: 'member', user: { id: userId } });
  });

  test.each(['bind', 'login'] as const)('given a %s code, when it is used to register, then sms/code-invalid and nothing changes; a register code then works', async (purpose) => {
    // login codes reach only Contacts' phones: register with a Contact's number that was never activated
    const phone = purpose === 'login' ? (await phoneIn(t, 'not-activated', 'purpose_reg_login')).phone : freshMobile();
    const registrant = await party(t, '127.0.4.2', FORM_APP);
    await sendCode(t, registrant, phone, purpose);
    const code = await codeOnPhone(t, phone, purpose);
    expect(code).toMatch(/^\d{6}$/);
    const company = purpose === 'login' ? '宁夏青松牧业有限公司' : '贵州云岭茶业有限公司';
    const before = t.digest();
    const r = await submit(registrant, phone, company, code);
    expect([r.status, r.body.error?.code]).toEqual([409, 'sms/code-invalid']);
    expect(t.digest()).toBe(before);
    expect(await t.rt.deps.store.get('mobile_proofs', `wx:${registrant.appid}:${registrant.openid}`)).toBeNull();

    await sendCode(t, registrant, phone, 'register');
    const ok = await submit(registrant, phone, company, await codeOnPhone(t, phone, 'register'));
    expect(ok.body.error?.code ?? 'none').not.toMatch(/^sms\//);
    expect(ok.body.ok).toBe(true);
  });

  test('given a register code asked for by one identity, when another identity submits it, then sms/code-invalid and nothing changes; the asker can still use it', async () => {
    const phone = freshMobile();
    const asker = await party(t, '127.0.4.3', FORM_APP);
    const other = await party(t, '127.0.4.4', FORM_APP);
    await sendCode(t, asker, phone, 'register');
    const code = await codeOnPhone(t, phone, 'register');
    const before = t.digest();
    const r = await submit(other, phone, '甘肃祁连矿业有限公司', code);
    expect([r.status, r.body.error?.code]).toEqual([409, 'sms/code-invalid']);
    expect(t.digest()).toBe(before);
    const ok = await submit(asker, phone, '甘肃祁连矿业有限公司', code);
    expect(ok.body.ok).toBe(true);
  });
});
