import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { addAccount, addMember } from '../support/fixtures';
import { seedEssentials } from '../../server/seed';
import { BUILTIN_ROLES } from '../../cloudfunctions/core/access/builtin-roles';

/** Seed scenario 4's guests: one shared Guest record owns everything guests create; no guest reads it back. */
describe('guest data consolidation', () => {
  let t: TestRuntime;
  let admin: string;
  const GUEST_APP = 'wxguestapp000009'; // no registration method: unbound callers are guests

  const adminCall = (action: string, data: unknown) => t.call('admin', { action, data }, { token: admin });
  const guest = async () => (await t.wechat({ appid: GUEST_APP })).token;
  const request = (token: string, extra: Record<string, unknown> = {}) =>
    t.call('records', { action: 'create', data: { object: 'serviceRequest', data: { category: 'consultation', subject: '想了解产品', description: '请联系我', contactName: '路人甲', contactPhone: '13912345678', ...extra } } }, { token });

  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await t.adminToken();
  });
  afterAll(() => t.stop());

  test('given two different guests, when each submits a service request, then both belong to the one Guest record, kept under the Guest Account and apart from every Account', async () => {
    const [g1, g2] = [await guest(), await guest()];
    const r1 = await request(g1);
    const r2 = await request(g2, { contactName: '路人乙' });
    expect(r1.body.ok && r2.body.ok).toBe(true);
    const settings = (await adminCall('settings.get', {})).body.data;
    for (const r of [r1, r2]) {
      const stored = await t.rt.deps.store.get('service_requests', r.body.data.id);
      expect(settings.guest.accountId).toBe(settings.guest.dedicatedAccountId);
      expect(stored).toMatchObject({ created_by: 'usr_guest', guest_origin: true, guest_account_id: settings.guest.accountId, enterprise_id: 'ent_guest', status: 'submitted' });
      // no account_id and no contact_id: no Account's scope can ever reach it
      expect(stored).not.toHaveProperty('account_id');
      expect(stored).not.toHaveProperty('contact_id');
      // the answer to the guest names no owner and does not count as theirs
      expect(r.body.data.mine).toBe(false);
      expect(r.body.data.canUpdate).toBe(false);
    }
  });

  test('given guests created requests, then no guest can list, get or update any of them', async () => {
    const g = await guest();
    const mine = (await request(g)).body.data.id;
    const list = await t.call('records', { action: 'list', data: { object: 'serviceRequest' } }, { token: g });
    expect(list.body.error.code).toBe('access/denied');
    const get = await t.call('records', { action: 'get', data: { object: 'serviceRequest', id: mine } }, { token: g });
    expect(get.body.error.code).toBe('access/denied');
    const upd = await t.call('records', { action: 'update', data: { object: 'serviceRequest', id: mine, data: { status: 'cancelled' } } }, { token: g });
    expect(upd.body.error.code).toBe('access/denied');
    const articles = await t.call('records', { action: 'list', data: { object: 'article' } }, { token: g });
    expect(articles.body.data.items.every((a: { public: boolean }) => a.public)).toBe(true);
  });

  test('given a guest without a name or phone, then input/invalid: the business could not reach them', async () => {
    const g = await guest();
    const digest = t.digest();
    const r = await request(g, { contactPhone: undefined });
    expect(r.body.error).toMatchObject({ code: 'input/invalid', params: { field: 'data.contactPhone', reason: 'required' } });
    expect(t.digest()).toBe(digest);
  });

  test('given the Guest record was deleted, when a guest submits, then it is repaired and still owns the request', async () => {
    await t.rt.deps.store.remove('ic_users', 'usr_guest');
    const r = await request(await guest());
    expect(r.body.ok).toBe(true);
    expect(await t.rt.deps.store.get('ic_users', 'usr_guest')).toMatchObject({ kind: 'guest', role_ids: ['guest'] });
  });

  test('given the admin picks a real customer Account for guest data without confirming, then guest/confirm-account and nothing changes', async () => {
    const other = await addAccount(t, '真实客户');
    const digest = t.digest();
    const r = await adminCall('settings.update', { guest: { enabled: true, accountId: other } });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('guest/confirm-account');
    expect(t.digest()).toBe(digest);
  });

  test('given the admin confirms a real customer Account for guest data, then guest requests go under it, yet no member of that Account — not even an account-admin — sees them', async () => {
    const other = await addAccount(t, '新的访客客户');
    expect((await adminCall('settings.update', { guest: { enabled: true, accountId: other, confirmCustomerAccount: true } })).body.ok).toBe(true);
    const m = await addMember(t, { accountId: other, roleIds: ['account-admin'] });
    const r = await request(await guest());
    const id = r.body.data.id;
    expect(await t.rt.deps.store.get('service_requests', id)).toMatchObject({ created_by: 'usr_guest', guest_origin: true, guest_account_id: other });
    const seen = await t.call('records', { action: 'get', data: { object: 'serviceRequest', id } }, { token: m.token });
    expect(seen.body.error.code).toBe('records/not-found');
    const listed = await t.call('records', { action: 'list', data: { object: 'serviceRequest' } }, { token: m.token });
    expect(listed.body.data.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const upd = await t.call('records', { action: 'update', data: { object: 'serviceRequest', id, data: { status: 'cancelled' } } }, { token: m.token });
    expect(upd.body.error.code).toBe('records/not-found');
  });

  test('given one guest identity, when it submits fast, then records/rate-limited after the per-minute budget, and a refused create writes nothing', async () => {
    const g = await guest();
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await request(g));
    expect(answers.slice(0, 3).every((a) => a.body.ok)).toBe(true);
    expect(answers[3].status).toBe(429);
    expect(answers[3].body.error.code).toBe('records/rate-limited');
    const digest = t.digest();
    expect((await request(g)).body.error.code).toBe('records/rate-limited');
    expect(t.digest()).toBe(digest);
  });
});

describe('the Guest role is immutable', () => {
  let t: TestRuntime;
  let admin: string;
  const adminCall = (action: string, data: unknown) => t.call('admin', { action, data }, { token: admin });

  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await t.adminToken();
    // the Guest record exists once someone browsed as a guest
    await t.call('auth', { action: 'loginAsGuest', data: {} }, { token: (await t.wechat({ appid: 'wxguestapp000009' })).token });
  });
  afterAll(() => t.stop());

  test.each([
    ['roles.update', { id: 'guest', permissions: [{ object: 'workOrder', action: 'read', scope: 'all' }] }],
    ['roles.update', { id: 'guest', name: '高级访客' }],
    ['roles.delete', { id: 'guest' }],
    ['users.setRoles', { userId: 'usr_guest', roleIds: ['account-admin'] }],
    ['users.setRoles', { userId: 'usr_guest', roleIds: [] }],
  ])('given %s on the guest, then roles/immutable and nothing changes', async (action, data) => {
    const digest = t.digest();
    const r = await adminCall(action, data);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('roles/immutable');
    expect(t.digest()).toBe(digest);
  });

  test('given a member, when the admin gives them the Guest role, then roles/immutable: it belongs to the Guest record alone', async () => {
    const m = await addMember(t, { accountId: await addAccount(t) });
    const r = await adminCall('users.setRoles', { userId: m.userId, roleIds: ['terminal-user', 'guest'] });
    expect(r.body.error.code).toBe('roles/immutable');
  });

  test('given the Guest role was tampered with in the store, when the runtime seeds at start, then it is restored', async () => {
    await t.rt.deps.store.update('roles', 'guest', { set: { permissions: [{ object: 'workOrder', action: 'read', scope: 'all' }] } });
    await seedEssentials(t.rt.deps, t.rt.config);
    expect(await t.rt.deps.store.get('roles', 'guest')).toMatchObject({ immutable: true, permissions: BUILTIN_ROLES.find((r) => r._id === 'guest')!.permissions });
  });
});

describe('the dedicated Guest Account', () => {
  let t: TestRuntime;
  let admin: string;
  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await t.adminToken();
  });
  afterAll(() => t.stop());

  test('given the Guest Account, when an admin adds a Contact to it or activates it, then it is refused and nothing is written: it has no members', async () => {
    const digest = t.digest();
    const contact = await t.call('admin', { action: 'contacts.create', data: { accountId: 'acc_guest', name: '混入者', mobile1: '13912340000' } }, { token: admin });
    expect(contact.body.error).toMatchObject({ code: 'input/invalid', params: { field: 'accountId', reason: 'guest-account' } });
    const preview = await t.call('admin', { action: 'users.previewActivation', data: { accounts: [{ accountId: 'acc_guest' }] } }, { token: admin });
    expect(preview.body.data.accounts[0]).toMatchObject({ id: 'acc_guest', activatable: false });
    const activate = await t.call('admin', { action: 'users.activate', data: { accounts: [{ accountId: 'acc_guest' }], roleIds: ['terminal-user'] } }, { token: admin });
    expect(activate.body.ok).toBe(false);
    expect(t.digest()).toBe(digest);
  });
});
