import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { demoAdmin, seats, seedAccount, type AdminClient } from '../support/admin';

/** Licences, the audit log and the dashboard. */
describe('admin licences, audit log and dashboard', () => {
  let t: TestRuntime;
  let admin: AdminClient;
  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await demoAdmin(t);
  });
  afterAll(() => t.stop());

  test('given a grant, then the total grows, the reason is in the audit log, and holders are paged', async () => {
    const before = await admin.ok('licences.get', {});
    expect(before).toMatchObject({ total: expect.any(Number), used: expect.any(Number) });
    expect(before.free).toBe(before.total - before.used);
    const after = await admin.ok('licences.grant', { seats: 7, reason: '年度合同 2027' });
    expect(after).toEqual({ total: before.total + 7, used: before.used, free: before.free + 7 });
    const entry = (await admin.ok('audit.list', { action: 'licences.granted' })).items[0];
    expect(entry).toMatchObject({ actor: 'admin:adm_admin', target: 'terminal-user', details: { seats: 7, reason: '年度合同 2027' } });
    for (const bad of [0, -3, 1.5, '7']) expect((await admin.call('licences.grant', { seats: bad, reason: 'x' })).body.error.code).toBe('input/invalid');
    expect((await admin.call('licences.grant', { seats: 1 })).body.error.code).toBe('input/invalid');

    const holders: string[] = [];
    let cursor: string | undefined;
    do {
      const page: { holders: { items: Array<{ id: string; holdsSeat: boolean }>; nextCursor?: string } } = await admin.ok('licences.get', { limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.holders.items.every((u) => u.holdsSeat)).toBe(true);
      holders.push(...page.holders.items.map((u) => u.id));
      cursor = page.holders.nextCursor;
    } while (cursor);
    expect(new Set(holders).size).toBe(holders.length);
    expect(holders.length).toBe((await seats(t)).used);
  });

  test('given many entries, then the audit log pages newest first without gaps or repeats, also within one millisecond', async () => {
    const at = '2026-01-02T03:04:05.678Z';
    for (let i = 0; i < 5; i++) await t.rt.deps.store.insert('audit_log', { _id: `aud_same_ms_${i}`, at, actor: 'system', action: 'test.same-ms', target: 'x' });
    await t.rt.deps.store.insert('audit_log', { _id: 'aud_before', at: '2026-01-02T03:04:05.000Z', actor: 'system', action: 'test.same-ms', target: 'y' });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page: { items: Array<{ id: string }>; nextCursor?: string } = await admin.ok('audit.list', { action: 'test.same-ms', limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['aud_same_ms_4', 'aud_same_ms_3', 'aud_same_ms_2', 'aud_same_ms_1', 'aud_same_ms_0', 'aud_before']);
    expect((await admin.ok('audit.list', { action: 'test.same-ms', target: 'y' })).items.map((e: { id: string }) => e.id)).toEqual(['aud_before']);
    // a time range: [from, to)
    const ranged = await admin.ok('audit.list', { action: 'test.same-ms', from: '2026-01-02T03:04:05.100Z', to: '2026-01-02T03:04:06Z' });
    expect(ranged.items).toHaveLength(5);
    expect((await admin.ok('audit.list', { action: 'test.same-ms', to: '2026-01-02T03:04:05.678Z' })).items.map((e: { id: string }) => e.id)).toEqual(['aud_before']);
    expect((await admin.ok('audit.list', { actor: 'admin:adm_admin', limit: 100 })).items.every((e: { actor: string }) => e.actor === 'admin:adm_admin')).toBe(true);
    expect((await admin.call('audit.list', { from: 'yesterday' })).body.error.code).toBe('input/invalid');
    expect((await admin.call('audit.list', { cursor: 'bm90LWEtY3Vyc29y' })).body.error.code).toBe('input/invalid');
  });

  test('given activations today, then the dashboard counts them for today, with seats, pending approvals and recent activity', async () => {
    const before = await admin.ok('dashboard', {});
    expect(before.registrationsPerDay).toHaveLength(30);
    const today = before.registrationsPerDay[29];
    expect(today.day).toBe(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
    await seedAccount(t, 'acc_dash', '看板有限公司', [
      { id: 'con_dash_1', name: '甲' },
      { id: 'con_dash_2', name: '乙' },
    ]);
    await admin.ok('users.activate', { accounts: [{ accountId: 'acc_dash' }], roleIds: ['terminal-user'] });
    // a user created a week ago counts on its day
    const weekAgo = new Date(Date.now() - 7 * 24 * 3600_000).toISOString();
    await t.rt.deps.store.insert('ic_users', { _id: 'usr_dash_old', kind: 'member', status: 'pending', name: '旧', enterprise_id: 'e', enterprise_name: 'e', role_ids: [], holds_seat: false, created_at: weekAgo, updated_at: weekAgo });
    const after = await admin.ok('dashboard', {});
    expect(after.registrationsPerDay[29].count).toBe(today.count + 2);
    expect(after.registrationsPerDay[22].count).toBe(before.registrationsPerDay[22].count + 1);
    expect(after.seats.used).toBe(before.seats.used + 2);
    expect(after.users.active).toBe(before.users.active + 2);
    expect(after.pendingApprovals).toBe(before.pendingApprovals + 1);
    expect(after.recentActivity[0].action).toBe('user.activated');
    expect(after.recentActivity.length).toBeLessThanOrEqual(10);
  });
});
