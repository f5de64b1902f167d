import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { demoAdmin, limitedAdmin, type AdminClient } from '../support/admin';
import { adminFunction } from '../../cloudfunctions/functions/admin/actions';
import { ADMIN_PERMISSIONS } from '../../cloudfunctions/core/contracts/admin';
import { adminPermissionsInUse } from '../../cloudfunctions/core/access/table';
import { disableAdmin, updateAdmin } from '../../cloudfunctions/core/admin/admins';
import type { AdminDoc } from '../../cloudfunctions/core/kernel/docs';

/**
 * Admins by permission, generated from the permission vocabulary. The oracle below — which area guards
 * each action, with an input that would otherwise be accepted — is written from the product's rules,
 * not read from the code: orders buy seats, so they belong to the licences area; self-registration
 * methods are portal settings; approvals change users.
 */
const ORACLE: Record<string, { area: string; data: unknown; alsoArea?: string }> = {
  dashboard: { area: 'dashboard', data: {} },
  'users.list': { area: 'users', data: {} },
  'users.get': { area: 'users', data: { userId: 'usr_demo_zhang' } },
  'users.disable': { area: 'users', data: { userId: 'usr_demo_li' } },
  'users.enable': { area: 'users', data: { userId: 'usr_demo_li' } },
  'users.unbindWechat': { area: 'users', data: { userId: 'usr_demo_li' } },
  'users.setRoles': { area: 'users', data: { userId: 'usr_demo_li', roleIds: ['terminal-user'] } },
  'users.approve': { area: 'users', data: { userId: 'usr_demo_li' } },
  'users.reject': { area: 'users', data: { userId: 'usr_demo_li', reason: 'no' } },
  'users.previewActivation': { area: 'users', data: { accounts: [{ accountId: 'acc_demo_yuntu' }] } },
  'users.activate': { area: 'users', alsoArea: 'enterprises', data: { accounts: [{ accountId: 'acc_demo_yuntu' }], roleIds: ['terminal-user'] } },
  'accounts.list': { area: 'accounts', data: {} },
  'accounts.create': { area: 'accounts', data: { name: '越权测试有限公司' } },
  'accounts.update': { area: 'accounts', data: { id: 'acc_demo_yuntu', owner: 'x' } },
  'accounts.findDuplicates': { area: 'accounts', data: { name: '星辰科技' } },
  'accounts.reviewQueue': { area: 'accounts', data: {} },
  'accounts.dismissReview': { area: 'accounts', data: { id: 'acc_demo_yuntu' } },
  'accounts.mergePreview': { area: 'accounts', data: { keepId: 'acc_demo_yuntu', mergeId: 'acc_demo_xingchen' } },
  'accounts.merge': { area: 'accounts', data: { keepId: 'acc_demo_yuntu', mergeId: 'acc_demo_xingchen' } },
  'contacts.list': { area: 'contacts', data: {} },
  'contacts.create': { area: 'contacts', data: { accountId: 'acc_demo_yuntu', name: '某人' } },
  'contacts.update': { area: 'contacts', data: { id: 'con_demo_zhao', name: '某人' } },
  'licences.get': { area: 'licences', data: {} },
  'licences.grant': { area: 'licences', data: { seats: 5, reason: 'why not' } },
  'orders.create': { area: 'licences', data: { seats: 5 } },
  'orders.list': { area: 'licences', data: {} },
  'orders.get': { area: 'licences', data: { outTradeNo: 'HL20261204000000001' } },
  'audit.list': { area: 'audit', data: {} },
  'roles.list': { area: 'roles', data: {} },
  'roles.create': { area: 'roles', data: { name: '越权角色', permissions: [] } },
  'roles.update': { area: 'roles', data: { id: 'terminal-user', name: '改名' } },
  'roles.delete': { area: 'roles', data: { id: 'terminal-user' } },
  'settings.get': { area: 'settings', data: {} },
  'settings.update': { area: 'settings', data: { manualActivation: false } },
  'methods.list': { area: 'settings', data: {} },
  'methods.create': { area: 'settings', data: { name: 'm', appId: 'wxdemo0000000009', mode: 'openid-auto' } },
  'methods.update': { area: 'settings', data: { id: 'mth_x', enabled: false } },
  'methods.delete': { area: 'settings', data: { id: 'mth_x' } },
  'admins.list': { area: 'admins', data: {} },
  'admins.create': { area: 'admins', data: { username: 'sneaky', displayName: 'sneaky', password: 'a-long-enough-password', permissions: ['*'] } },
  'admins.update': { area: 'admins', data: { id: 'adm_admin', permissions: [] } },
  'admins.disable': { area: 'admins', data: { id: 'adm_admin' } },
  'admins.enable': { area: 'admins', data: { id: 'adm_admin' } },
};
/** any signed-in admin: their own session */
const OWN_SESSION = new Set(['login', 'me', 'logout', 'renew', 'password.change']);

const AREAS = [...new Set(ADMIN_PERMISSIONS.map((p) => p.split('.')[0]!))];

describe('admins by permission', () => {
  let t: TestRuntime;
  let root: AdminClient;
  beforeAll(async () => {
    t = await startTestRuntime();
    root = await demoAdmin(t);
  });
  afterAll(() => t.stop());

  test('every admin action is in the oracle (a new action needs its area written down here)', () => {
    const unlisted = Object.keys(adminFunction.actions).filter((a) => !OWN_SESSION.has(a) && !ORACLE[a]);
    expect(unlisted).toEqual([]);
  });

  test.each(AREAS)('given an admin holding every permission but the %s area, then each action of that area is access/denied (403) and nothing is written', async (area) => {
    const others = ADMIN_PERMISSIONS.filter((p) => !p.startsWith(`${area}.`));
    const admin = await limitedAdmin(t, `without-${area}`, others);
    // the oracle may name actions still being built elsewhere: only those the function has are played
    const actions = Object.entries(ORACLE).filter(([a, o]) => (o.area === area || o.alsoArea === area) && Object.prototype.hasOwnProperty.call(adminFunction.actions, a));
    expect(actions.length).toBeGreaterThan(0);
    for (const [action, { data }] of actions) {
      const before = t.digest();
      const r = await admin.call(action, data);
      expect([action, r.status, r.body.error?.code]).toEqual([action, 403, 'access/denied']);
      expect(t.digest()).toBe(before);
    }
  });

  test('given an admin holding only licences.read, then orders can be listed but not bought, and seats not granted', async () => {
    const reader = await limitedAdmin(t, 'licence-reader', ['licences.read']);
    expect((await reader.call('orders.list', {})).status).toBe(200);
    expect((await reader.call('orders.create', { seats: 1 })).body.error.code).toBe('access/denied');
    expect((await reader.call('licences.grant', { seats: 1, reason: 'x' })).body.error.code).toBe('access/denied');
  });

  test('given a super admin, when they create an admin with some permissions, then that admin signs in and is held to exactly those', async () => {
    const created = await root.ok('admins.create', { username: 'Auditor.One', displayName: '审计员', password: 'auditor-password-1', permissions: ['audit.read', 'users.*'] });
    expect(created).toMatchObject({ id: 'adm_auditor.one', username: 'auditor.one', permissions: ['audit.read', 'users.*'], disabled: false });
    const r = await t.call('admin', { action: 'login', data: { username: 'auditor.one', password: 'auditor-password-1' } });
    const auditor = { call: (action: string, data: unknown = {}) => t.call('admin', { action, data }, { token: r.body.data.token }) };
    expect((await auditor.call('audit.list')).status).toBe(200);
    expect((await auditor.call('users.list')).status).toBe(200);
    expect((await auditor.call('accounts.list')).body.error.code).toBe('access/denied');
    expect((await auditor.call('admins.list')).body.error.code).toBe('access/denied');

    const listed = await root.ok('admins.list', {});
    expect(listed.items.map((a: { username: string }) => a.username)).toEqual(expect.arrayContaining(['admin', 'auditor.one']));
    // the vocabulary the console offers: every permission some action needs, and nothing else
    expect(listed.permissions).toEqual(adminPermissionsInUse());
    expect(listed.permissions).toEqual(expect.arrayContaining(['admins.manage', 'licences.grant', 'users.read']));
    expect((await root.call('admins.create', { username: 'AUDITOR.ONE', displayName: 'x', password: 'another-password-1', permissions: [] })).body.error.code).toBe('admins/username-taken');
  });

  test('given an admin who manages admins but is not `*`, then they cannot grant what they lack, nor touch an admin above them', async () => {
    const manager = await limitedAdmin(t, 'manager', ['admins.manage', 'users.read']);
    const before = t.digest();
    for (const permissions of [['*'], ['licences.grant'], ['users.*']]) {
      const r = await manager.call('admins.create', { username: 'escalate', displayName: 'x', password: 'escalate-password-1', permissions });
      expect([permissions[0], r.body.error?.code]).toEqual([permissions[0], 'access/denied']);
    }
    expect((await manager.call('admins.update', { id: 'adm_manager', permissions: ['*'] })).body.error.code).toBe('access/denied');
    expect((await manager.call('admins.update', { id: 'adm_admin', password: 'taken-over-password' })).body.error.code).toBe('access/denied');
    expect((await manager.call('admins.disable', { id: 'adm_admin' })).body.error.code).toBe('access/denied');
    expect(t.digest()).toBe(before);
    expect((await manager.call('admins.create', { username: 'helper', displayName: 'x', password: 'helper-password-1', permissions: ['users.read'] })).status).toBe(200);
  });

  test('given permission names outside the vocabulary, then input/invalid and nothing written', async () => {
    const before = t.digest();
    for (const p of ['users.destroy', 'nope.*', 'users', '**', '$where']) {
      const r = await root.call('admins.create', { username: 'odd', displayName: 'x', password: 'odd-password-123', permissions: [p] });
      expect([p, r.status, r.body.error?.code]).toEqual([p, 400, 'input/invalid']);
    }
    expect(t.digest()).toBe(before);
  });

  test('given an admin without admins.manage, then every admins action is refused before its input is looked at', async () => {
    const plain = await limitedAdmin(t, 'plain', ['users.read']);
    for (const action of ['admins.list', 'admins.create', 'admins.update', 'admins.disable', 'admins.enable']) {
      const r = await plain.call(action, { garbage: { $ne: null } });
      expect([action, r.status]).toEqual([action, 403]);
    }
  });
});

describe('the last super admin', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  });
  afterAll(() => t.stop());

  test('given the only admin able to manage admins, then they cannot disable themselves nor lose that power; with a second one, they can', async () => {
    const root = await demoAdmin(t);
    const before = t.digest();
    expect((await root.call('admins.disable', { id: 'adm_admin' })).body.error.code).toBe('admins/self');
    expect((await root.call('admins.update', { id: 'adm_admin', permissions: ['users.read'] })).body.error.code).toBe('admins/last-super-admin');
    expect((await root.call('admins.update', { id: 'adm_nobody-here' })).body.error.code).toBe('admins/not-found');
    expect(t.digest()).toBe(before);

    await root.ok('admins.create', { username: 'second', displayName: '第二位', password: 'second-super-password', permissions: ['*'] });
    expect((await root.ok('admins.update', { id: 'adm_admin', permissions: ['users.read'] })).permissions).toEqual(['users.read']);
    // the narrowed admin is held to it on their very next call
    expect((await root.call('admins.list', {})).body.error.code).toBe('access/denied');
  });

  test('given the two last super admins, when each takes the other away at the same moment, then at least one can still manage admins', async () => {
    const managers = async () =>
      ((await t.rt.deps.store.find('admins', { limit: 1000 })) as AdminDoc[]).filter((x) => !x.disabled && x.permissions.some((p) => p === '*' || p === 'admins.manage' || p === 'admins.*'));
    for (let round = 0; round < 4; round++) {
      // the managers of earlier steps step aside (written directly: the arrangement, not what is tested)
      for (const m of await managers()) await t.rt.deps.store.update('admins', m._id, { set: { disabled: true } });
      const [a, b] = [await limitedAdmin(t, `race-a-${round}`, ['*']), await limitedAdmin(t, `race-b-${round}`, ['*'])];
      void a;
      void b;
      const [docA, docB] = [(await t.rt.deps.store.get<AdminDoc>('admins', `adm_race-a-${round}`))!, (await t.rt.deps.store.get<AdminDoc>('admins', `adm_race-b-${round}`))!];
      // the use cases side by side (no HTTP in between), so their reads and writes interleave
      const outcomes = await Promise.allSettled(
        round % 2 === 0 ? [disableAdmin(t.rt.deps, docA, docB._id), disableAdmin(t.rt.deps, docB, docA._id)] : [disableAdmin(t.rt.deps, docA, docB._id), updateAdmin(t.rt.deps, docB, { id: docA._id, permissions: ['users.read'] })],
      );
      expect([round, (await managers()).length >= 1]).toEqual([round, true]);
      for (const o of outcomes) if (o.status === 'rejected') expect((o.reason as { code?: string }).code).toBe('admins/last-super-admin');
    }
  });
});
