import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { addAccount, addMember } from '../support/fixtures';

/** Seed scenario 2: browse at once, but a work order needs an Account and Contact first. */
describe('registration/required on create', () => {
  let t: TestRuntime;
  let admin: string;
  const adminCall = (action: string, data: unknown) => t.call('admin', { action, data }, { token: admin });
  const order = { object: 'workOrder', data: { title: '设备故障', description: '无法开机' } };
  const request = { object: 'serviceRequest', data: { category: 'repair', subject: '上门维修', description: '无法开机' } };
  const create = (token: string, data: unknown) => t.call('records', { action: 'create', data }, { token });

  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await t.adminToken();
  });
  afterAll(() => t.stop());

  const autoUser = async () => {
    // the demo's openid-auto method creates an Account-less user on first login
    const { token } = await t.wechat();
    const s = await t.call('auth', { action: 'login', data: {} }, { token });
    expect(s.body.data.account).toBeUndefined();
    return token;
  };

  test('given work orders need an Account, when an openid-auto user submits one, then registration/required and nothing is written', async () => {
    await adminCall('settings.update', { workOrder: { accountRequired: true, contactRequired: false } });
    const token = await autoUser();
    const digest = t.digest();
    const r = await create(token, order);
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'registration/required', params: { object: 'workOrder' } });
    expect(t.digest()).toBe(digest);
    // browsing still works
    expect((await t.call('records', { action: 'list', data: { object: 'workOrder' } }, { token })).body.ok).toBe(true);
  });

  test('given the same setting, then a member with an Account submits fine', async () => {
    const m = await addMember(t, { accountId: await addAccount(t) });
    expect((await create(m.token, order)).body.ok).toBe(true);
  });

  test('given work orders optional (scenario 1), then the openid-auto user submits and the order is theirs alone', async () => {
    await adminCall('settings.update', { workOrder: { accountRequired: false, contactRequired: false } });
    const token = await autoUser();
    const r = await create(token, order);
    expect(r.body.ok).toBe(true);
    const stored = await t.rt.deps.store.get('work_orders', r.body.data.id);
    expect(stored?.['account_id']).toBeUndefined();
    const other = await autoUser();
    expect((await t.call('records', { action: 'get', data: { object: 'workOrder', id: r.body.data.id } }, { token: other })).body.error.code).toBe('records/not-found');
  });

  test('given a Contact is required, when a member of an Account has no Contact, then registration/required', async () => {
    await adminCall('settings.update', { workOrder: { contactRequired: true } });
    const m = await addMember(t, { accountId: await addAccount(t), contact: false });
    expect((await create(m.token, order)).body.error.code).toBe('registration/required');
    await adminCall('settings.update', { workOrder: { contactRequired: false } });
  });

  test('given service requests need an Account, then the same rule applies to them, and not to work orders', async () => {
    await adminCall('settings.update', { serviceRequest: { accountRequired: true } });
    const token = await autoUser();
    expect((await create(token, request)).body.error.code).toBe('registration/required');
    expect((await create(token, order)).body.ok).toBe(true);
    await adminCall('settings.update', { serviceRequest: { accountRequired: false } });
  });

  test('given an Account is required, when a user waiting for approval submits, then registration/pending-approval', async () => {
    await adminCall('settings.update', { workOrder: { accountRequired: true } });
    const p = await addMember(t, { accountId: await addAccount(t), status: 'pending' });
    const r = await create(p.token, order);
    expect(r.body.error.code).toBe('registration/pending-approval');
    await adminCall('settings.update', { workOrder: { accountRequired: false } });
  });
});
