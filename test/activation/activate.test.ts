import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { demoAdmin, limitedAdmin, seats, seedAccount, setFreeSeats, setSettings, type AdminClient } from '../support/admin';

/** `admin.users.activate`: seats taken atomically, idempotent, all or nothing. */
describe('manual activation', () => {
  let t: TestRuntime;
  let admin: AdminClient;
  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await demoAdmin(t);
  });
  afterAll(() => t.stop());

  const contactsOf = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}_${String(i).padStart(2, '0')}`, name: `联系人${i}` }));
  const usersOf = (accountId: string) => t.rt.deps.store.count('ic_users', { account_id: accountId });

  test('given 3 free seats, when 20 activations run at once, then exactly 3 succeed and 17 are licence/exhausted with nothing half-created', async () => {
    const contacts = contactsOf('con_race', 20);
    await seedAccount(t, 'acc_race', '并发测试有限公司', contacts);
    await setFreeSeats(t, 3);
    const before = await seats(t);
    const results = await Promise.all(contacts.map((c) => admin.call('users.activate', { accounts: [{ accountId: 'acc_race', contactIds: [c.id] }], roleIds: ['terminal-user'] })));
    const ok = results.filter((r) => r.body.ok);
    const refused = results.filter((r) => !r.body.ok);
    expect(ok).toHaveLength(3);
    expect(refused).toHaveLength(17);
    for (const r of refused) {
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('licence/exhausted');
      expect(r.body.error.message).toMatch(/许可/);
    }
    expect((await seats(t)).used).toBe(before.used + 3);
    expect(await usersOf('acc_race')).toBe(3);
    expect(await t.rt.deps.store.count('ic_enterprises', { account_id: 'acc_race' })).toBe(1);
    expect(await t.rt.deps.store.count('audit_log', { action: 'user.activated', 'details.accountId': 'acc_race' })).toBe(3);
    const winners = ok.map((r) => r.body.data.activated[0].userId).sort();
    const stored = (await t.rt.deps.store.find('ic_users', { where: { account_id: 'acc_race' }, limit: 10 })).map((u) => u._id).sort();
    expect(stored).toEqual(winners);
  });

  test('given 2 free seats, when one request activates 3 Contacts, then licence/exhausted and nothing is written', async () => {
    await seedAccount(t, 'acc_three', '三人科技有限公司', contactsOf('con_three', 3));
    await setFreeSeats(t, 2);
    const digest = t.digest();
    const r = await admin.call('users.activate', { accounts: [{ accountId: 'acc_three' }], roleIds: ['terminal-user'] });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'licence/exhausted', params: { needed: 3, free: 2 } });
    expect(t.digest()).toBe(digest);
  });

  test('given an Account activated once, when it is activated again, then nothing changes', async () => {
    await seedAccount(t, 'acc_twice', '两次开通有限公司', contactsOf('con_twice', 2));
    await setFreeSeats(t, 10);
    const input = { accounts: [{ accountId: 'acc_twice' }], roleIds: ['terminal-user'] };
    const first = await admin.ok('users.activate', input);
    expect(first.activated.map((u: { userId: string }) => u.userId).sort()).toEqual(['usr_con_con_twice_00', 'usr_con_con_twice_01']);
    expect(first.enterprisesCreated).toEqual(['ent_acc_acc_twice']);
    expect(first.seatsTaken).toBe(2);
    const digest = t.digest();
    const second = await admin.ok('users.activate', input);
    expect(second.activated).toEqual([]);
    expect(second.unchanged).toHaveLength(2);
    expect(second.seatsTaken).toBe(0);
    expect(t.digest()).toBe(digest);
    const user = await t.rt.deps.store.get('ic_users', 'usr_con_con_twice_00');
    expect(user).toMatchObject({ kind: 'member', status: 'active', account_id: 'acc_twice', contact_id: 'con_twice_00', enterprise_id: 'ent_acc_acc_twice', role_ids: ['terminal-user'], holds_seat: true, method_id: 'manual' });
  });

  test('given the same Account activated by two admins at once, then one enterprise and one user per Contact', async () => {
    await seedAccount(t, 'acc_dup', '重复提交有限公司', contactsOf('con_dup', 2));
    await setFreeSeats(t, 10);
    const before = await seats(t);
    const input = { accounts: [{ accountId: 'acc_dup' }], roleIds: ['terminal-user'] };
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => admin.call('users.activate', input)));
    expect(results.every((r) => r.body.ok)).toBe(true);
    expect(await usersOf('acc_dup')).toBe(2);
    expect(await t.rt.deps.store.count('ic_enterprises', { account_id: 'acc_dup' })).toBe(1);
    expect((await seats(t)).used).toBe(before.used + 2);
  });

  test('given an Account without Contacts, then activation/no-contact and nothing written; the preview shows it as not activatable', async () => {
    await seedAccount(t, 'acc_empty', '空壳有限公司', []);
    await seedAccount(t, 'acc_fine', '正常有限公司', contactsOf('con_fine', 1));
    const digest = t.digest();
    const r = await admin.call('users.activate', { accounts: [{ accountId: 'acc_fine' }, { accountId: 'acc_empty' }], roleIds: ['terminal-user'] });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'activation/no-contact', params: { accountId: 'acc_empty' } });
    expect(r.body.error.message).toContain('联系人');
    expect(t.digest()).toBe(digest);
    const preview = await admin.ok('users.previewActivation', { accounts: [{ accountId: 'acc_fine' }, { accountId: 'acc_empty' }] });
    expect(preview.accounts.map((a: { id: string; activatable: boolean }) => [a.id, a.activatable])).toEqual([
      ['acc_fine', true],
      ['acc_empty', false],
    ]);
    expect(preview.seatsNeeded).toBe(1);
    expect(t.digest()).toBe(digest);
  });

  test('given a preview, then it tells which Contacts are active already, how many seats it takes, and whether there are enough', async () => {
    await seedAccount(t, 'acc_preview', '预览有限公司', contactsOf('con_preview', 3));
    await setFreeSeats(t, 5);
    await admin.ok('users.activate', { accounts: [{ accountId: 'acc_preview', contactIds: ['con_preview_00'] }], roleIds: ['terminal-user'] });
    await setFreeSeats(t, 1);
    const p = await admin.ok('users.previewActivation', { accounts: [{ accountId: 'acc_preview' }] });
    expect(p.accounts[0].contacts).toEqual([
      expect.objectContaining({ id: 'con_preview_00', selected: true, userId: 'usr_con_con_preview_00', userStatus: 'active', willActivate: false }),
      expect.objectContaining({ id: 'con_preview_01', selected: true, willActivate: true }),
      expect.objectContaining({ id: 'con_preview_02', selected: true, willActivate: true }),
    ]);
    expect(p).toMatchObject({ seatsNeeded: 2, enoughSeats: false, manualActivation: true, canActivate: true, seats: { free: 1 } });
    expect(p.accounts[0].enterpriseId).toBe('ent_acc_acc_preview');
  });

  test('given a Contact of another Account, an unknown Account or the Guest role, then the request is refused and nothing written', async () => {
    await seedAccount(t, 'acc_other', '其他有限公司', contactsOf('con_other', 1));
    const digest = t.digest();
    const wrongContact = await admin.call('users.activate', { accounts: [{ accountId: 'acc_other', contactIds: ['con_fine_00'] }], roleIds: ['terminal-user'] });
    expect(wrongContact.body.error).toMatchObject({ code: 'input/invalid', params: { reason: 'not-in-account' } });
    const unknown = await admin.call('users.activate', { accounts: [{ accountId: 'acc_nobody' }], roleIds: ['terminal-user'] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('accounts/not-found');
    const guestRole = await admin.call('users.activate', { accounts: [{ accountId: 'acc_other' }], roleIds: ['guest'] });
    expect(guestRole.body.error.code).toBe('input/invalid');
    const noRole = await admin.call('users.activate', { accounts: [{ accountId: 'acc_other' }], roleIds: ['no-such-role'] });
    expect(noRole.body.error.code).toBe('roles/not-found');
    const operator = await admin.call('users.activate', { accounts: [{ accountId: { $ne: null } }], roleIds: ['terminal-user'] });
    expect(operator.body.error.code).toBe('input/invalid');
    expect(t.digest()).toBe(digest);
  });

  test('given the Guest record under an Account, then its Guest contact is never offered nor activated', async () => {
    await setSettings(t, { guest: { enabled: true, account_id: 'acc_demo_lanhai' } });
    await t.call('auth', { action: 'loginAsGuest', data: {} }, { token: (await t.wechat({ appid: 'wxdemo0000000009' })).token });
    expect(await t.rt.deps.store.get('contacts', 'con_guest')).toMatchObject({ account_id: 'acc_demo_lanhai' });
    const p = await admin.ok('users.previewActivation', { accounts: [{ accountId: 'acc_demo_lanhai' }] });
    expect(p.accounts[0]).toMatchObject({ activatable: false, contacts: [] });
    const r = await admin.call('users.activate', { accounts: [{ accountId: 'acc_demo_lanhai', contactIds: ['con_guest'] }], roleIds: ['terminal-user'] });
    expect(r.body.error).toMatchObject({ code: 'input/invalid', params: { reason: 'not-in-account' } });
    expect((await admin.call('users.activate', { accounts: [{ accountId: 'acc_demo_lanhai' }], roleIds: ['terminal-user'] })).body.error.code).toBe('activation/no-contact');
  });

  test('given the Manual Activation switch off, then activation/disabled', async () => {
    await setSettings(t, { manual_activation: false });
    try {
      const digest = t.digest();
      const r = await admin.call('users.activate', { accounts: [{ accountId: 'acc_other' }], roleIds: ['terminal-user'] });
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('activation/disabled');
      expect(t.digest()).toBe(digest);
      expect((await admin.ok('users.previewActivation', { accounts: [{ accountId: 'acc_other' }] })).canActivate).toBe(false);
    } finally {
      await setSettings(t, { manual_activation: true });
    }
  });

  test('given an admin without create permission on enterprises or users, then access/denied and nothing written', async () => {
    const onlyUsers = await limitedAdmin(t, 'only-users', ['users.read', 'users.create']);
    const onlyEnterprises = await limitedAdmin(t, 'only-ents', ['users.read', 'enterprises.create']);
    const both = await limitedAdmin(t, 'both', ['users.*', 'enterprises.create']);
    await setFreeSeats(t, 5);
    const digest = t.digest();
    const input = { accounts: [{ accountId: 'acc_other' }], roleIds: ['terminal-user'] };
    for (const a of [onlyUsers, onlyEnterprises]) {
      const r = await a.call('users.activate', input);
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('access/denied');
    }
    expect(t.digest()).toBe(digest);
    expect((await onlyUsers.ok('users.previewActivation', { accounts: [{ accountId: 'acc_other' }] })).canActivate).toBe(false);
    expect((await both.ok('users.activate', input)).activated).toHaveLength(1);
  });
});
