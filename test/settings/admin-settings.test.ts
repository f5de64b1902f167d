import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { addAccount } from '../support/fixtures';

describe('admin settings', () => {
  let t: TestRuntime;
  let admin: string;
  const adminCall = (action: string, data: unknown) => t.call('admin', { action, data }, { token: admin });

  beforeAll(async () => {
    t = await startTestRuntime({ HULIAN_SEED: '0' });
    admin = await t.adminToken();
  });
  afterAll(() => t.stop());

  test('given a fresh install, then settings.get answers camelCase with the defaults, the seat price 100 fen', async () => {
    const r = await adminCall('settings.get', {});
    expect(r.body.data).toMatchObject({
      manualActivation: true,
      guest: { enabled: false },
      selfRegistration: { enabled: false },
      workOrder: { accountRequired: false, contactRequired: false },
      serviceRequest: { accountRequired: false, contactRequired: false },
      portal: { name: expect.any(String), audience: expect.any(String) },
      terms: { version: expect.any(String), url: '', privacyUrl: '' },
      seatPriceFen: 100,
    });
  });

  test('given a settings document from before the seat price existed, then the default applies', async () => {
    const stored = (await t.rt.deps.store.get('settings', 'global')) as Record<string, unknown>;
    delete stored['seat_price_fen'];
    await t.rt.deps.store.set('settings', stored as { _id: string });
    expect((await adminCall('settings.get', {})).body.data.seatPriceFen).toBe(100);
  });

  test('given a partial update, then only the named parts change, stored snake_case, audited', async () => {
    const r = await adminCall('settings.update', { workOrder: { accountRequired: true }, terms: { version: '2027-01', privacyUrl: 'https://example.com/privacy' }, seatPriceFen: 1990 });
    expect(r.body.data).toMatchObject({ workOrder: { accountRequired: true, contactRequired: false }, terms: { version: '2027-01', url: '', privacyUrl: 'https://example.com/privacy' }, seatPriceFen: 1990, manualActivation: true });
    expect(await t.rt.deps.store.get('settings', 'global')).toMatchObject({ work_order: { account_required: true, contact_required: false }, terms: { version: '2027-01', privacy_url: 'https://example.com/privacy' }, seat_price_fen: 1990 });
    expect(await t.rt.deps.store.count('audit_log', { action: 'settings.updated' })).toBeGreaterThan(0);
  });

  test.each([
    [{ seatPriceFen: 0 }, 'seatPriceFen'],
    [{ seatPriceFen: 9.5 }, 'seatPriceFen'],
    [{ seatPriceFen: '100' }, 'seatPriceFen'],
    [{ terms: { url: 'javascript:alert(1)' } }, 'terms.url'],
    [{ guest: { enabled: 'yes' } }, 'guest.enabled'],
    [{ guest: { account_id: 'acc_x' } }, 'guest.account_id'],
    [{ work_order: { account_required: true } }, 'work_order'],
  ])('given %j, then input/invalid on %s and nothing changes', async (data, field) => {
    const digest = t.digest();
    const r = await adminCall('settings.update', data);
    expect(r.body.error).toMatchObject({ code: 'input/invalid', params: { field } });
    expect(t.digest()).toBe(digest);
  });

  test('given guests are switched on without choosing an Account, then guest data goes to the dedicated Guest Account, which has no Contacts but the Guest record\'s', async () => {
    const r = await adminCall('settings.update', { guest: { enabled: true } });
    expect(r.body.data.guest).toMatchObject({ enabled: true, accountId: 'acc_guest', dedicatedAccountId: 'acc_guest' });
    expect(await t.rt.deps.store.get('accounts', 'acc_guest')).toMatchObject({ kind: 'guest' });
    const contacts = await t.rt.deps.store.find('contacts', { where: { account_id: 'acc_guest' }, limit: 10 });
    expect(contacts.map((c) => c._id)).toEqual(['con_guest']);
    expect(await t.rt.deps.store.count('ic_users', { account_id: 'acc_guest', kind: 'member' })).toBe(0);
    await adminCall('settings.update', { guest: { enabled: false } });
  });

  test('given an unknown Account for guests, then registration/account-not-found and nothing changes', async () => {
    const digest = t.digest();
    const r = await adminCall('settings.update', { guest: { enabled: true, accountId: 'acc_does_not_exist' } });
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({ code: 'registration/account-not-found', params: { accountId: 'acc_does_not_exist' } });
    expect(t.digest()).toBe(digest);
  });

  test('given guests are enabled with an Account, then the Guest records exist in the same call and guests can browse at once', async () => {
    const acc = await addAccount(t, '访客客户一');
    const { token } = await t.wechat({ appid: 'wxsettings0000009' });
    const before = await t.call('auth', { action: 'me', data: {} }, { token });
    expect(before.body.data.state).toBe('anonymous');
    const r = await adminCall('settings.update', { guest: { enabled: true, accountId: acc, confirmCustomerAccount: true } });
    expect(r.body.data.guest).toEqual({ enabled: true, accountId: acc, accountName: '访客客户一', dedicatedAccountId: 'acc_guest' });
    expect(await t.rt.deps.store.get('ic_users', 'usr_guest')).toMatchObject({ account_id: acc, kind: 'guest' });
    expect(await t.rt.deps.store.get('contacts', 'con_guest')).toMatchObject({ account_id: acc });
    expect(await t.rt.deps.store.get('ic_enterprises', 'ent_guest')).toMatchObject({ account_id: acc });
    // the settings cache was invalidated: the very next call sees guests on
    const after = await t.call('auth', { action: 'me', data: {} }, { token });
    expect(after.body.data.state).toBe('guest');
  });

  test('given guests on, when the admin moves them to another Account, then the Guest records follow; switching off leaves them', async () => {
    const acc2 = await addAccount(t, '访客客户二');
    await adminCall('settings.update', { guest: { accountId: acc2, confirmCustomerAccount: true } });
    expect(await t.rt.deps.store.get('ic_users', 'usr_guest')).toMatchObject({ account_id: acc2 });
    const off = await adminCall('settings.update', { guest: { enabled: false } });
    expect(off.body.data.guest).toMatchObject({ enabled: false, accountId: acc2 });
    const { token } = await t.wechat({ appid: 'wxsettings0000009' });
    expect((await t.call('auth', { action: 'me', data: {} }, { token })).body.data.state).toBe('anonymous');
  });
});
