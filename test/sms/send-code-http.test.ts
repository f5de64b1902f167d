import { startTestRuntime, type TestRuntime } from '../support/runtime';

/** The answer to "send a code" must not tell whether a phone belongs to anyone. */
describe('auth.sendSmsCode over HTTP', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
    // an activated user for the demo contact 张伟 (mobile1 13800000001)
    await t.rt.deps.store.insert('ic_users', { _id: 'usr_sms_known', kind: 'member', status: 'active', name: '张伟', enterprise_id: 'ent_x', enterprise_name: 'x', account_id: 'acc_demo_xingchen', contact_id: 'con_demo_zhang', role_ids: ['terminal-user'], holds_seat: true, created_at: '', updated_at: '' });
  });
  afterAll(() => t.stop());

  test('given a known and an unknown phone, then status and body are identical; only the known one gets a message', async () => {
    const { token } = await t.wechat();
    const known = await t.call('auth', { action: 'sendSmsCode', data: { phone: '13800000001', purpose: 'login' } }, { token });
    const unknown = await t.call('auth', { action: 'sendSmsCode', data: { phone: '13712345678', purpose: 'login' } }, { token });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    expect(Object.keys(known.body.data)).toEqual(['retryAfterSeconds']);
    const outbox = await t.raw('/api/dev/sms');
    const phones = outbox.body.data.messages.map((m: { phone: string }) => m.phone);
    expect(phones).toContain('13800000001');
    expect(phones).not.toContain('13712345678');
  });

  test('given a second send within 60 s, then sms/rate-limited with 429 and the wait', async () => {
    const { token } = await t.wechat();
    await t.call('auth', { action: 'sendSmsCode', data: { phone: '13700000009', purpose: 'register' } }, { token });
    const again = await t.call('auth', { action: 'sendSmsCode', data: { phone: '13700000009', purpose: 'register' } }, { token });
    expect(again.status).toBe(429);
    expect(again.body.error.code).toBe('sms/rate-limited');
    expect(again.body.error.params.retryAfterSeconds).toBeGreaterThan(0);
  });

  test('given a malformed phone or purpose, then input/invalid and nothing written', async () => {
    const { token } = await t.wechat();
    const before = t.digest();
    for (const data of [{ phone: '12345', purpose: 'login' }, { phone: '13800000001', purpose: 'admin' }, { phone: { $ne: null }, purpose: 'login' }]) {
      const r = await t.call('auth', { action: 'sendSmsCode', data }, { token });
      expect(r.body.error.code).toBe('input/invalid');
    }
    expect(t.digest()).toBe(before);
  });
});
