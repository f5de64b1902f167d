import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { addAccount, addMember, addRecord, RECORD_BODY, type Member } from '../support/fixtures';

/**
 * Issue 12 item 11 — attacks played over HTTP against the local runtime, action by action of the access
 * table, the way an attacker would: each must be refused with a clear code and change nothing.
 * (Seats, disables, admin login, SMS and the access matrix have suites of their own beside this one.)
 */
describe('red team: the mini program functions', () => {
  let t: TestRuntime;
  let A: string;
  let B: string;
  let alice: Member; // member of A
  let bob: Member; // account-admin of B
  let bobsDevice: string;
  let alicesOrder: string;
  const call = (fn: string, action: string, data: unknown, token?: string, extra: Record<string, unknown> = {}) => t.call(fn, { action, data, ...extra }, token ? { token } : {});

  beforeAll(async () => {
    t = await startTestRuntime();
    [A, B] = [await addAccount(t, '甲方科技有限公司'), await addAccount(t, '乙方科技有限公司')];
    alice = await addMember(t, { accountId: A, roleIds: ['terminal-user'] });
    bob = await addMember(t, { accountId: B, roleIds: ['account-admin'] });
    bobsDevice = await addRecord(t, 'devices', { ...RECORD_BODY['devices'], account_id: B });
    alicesOrder = await addRecord(t, 'work_orders', { ...RECORD_BODY['work_orders'], account_id: A, created_by: alice.userId });
  }, 60_000);
  afterAll(() => t.stop());

  /** the attack is refused with `code` and the store is byte-identical afterwards */
  async function refused(attack: () => Promise<{ status: number; body: any }>, code: string | RegExp) {
    const before = t.digest();
    const r = await attack();
    expect(r.body.ok).toBe(false);
    if (typeof code === 'string') expect(r.body.error.code).toBe(code);
    else expect(r.body.error.code).toMatch(code);
    expect(r.status).toBeLessThan(500);
    expect(t.digest()).toBe(before);
    return r;
  }

  test('given an identity claimed in the body (openid, userInfo, unionid), then it is ignored: the caller stays who their session says', async () => {
    const r = await call('auth', 'me', {}, alice.token, { openid: bob.openid, userInfo: { openId: bob.openid, appId: 'wxdemo0000000001' }, unionid: 'uStolen' });
    expect(r.body.data.user.id).toBe(alice.userId);
  });

  test('given a forged or tampered session token, then auth/unauthenticated from every function', async () => {
    const forged = alice.token.slice(0, -4) + (alice.token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (const [fn, action, data] of [
      ['auth', 'unbindWechat', {}],
      ['records', 'list', { object: 'workOrder' }],
      ['registration', 'getForm', {}],
    ] as const) {
      await refused(() => call(fn, action, data, forged), 'auth/unauthenticated');
    }
  });

  test('given a mini program session, when it calls the console function, then auth/unauthenticated: a WeChat identity is no admin', async () => {
    await refused(() => call('admin', 'users.list', {}, alice.token), 'auth/unauthenticated');
    await refused(() => call('admin', 'settings.update', { guest: { enabled: false } }, alice.token), 'auth/unauthenticated');
  });

  test('given ownership fields smuggled into a create or update, then input/invalid: owners come from the session only', async () => {
    await refused(() => call('records', 'create', { object: 'workOrder', data: { title: '工单', description: 'x', account_id: B } }, alice.token), 'input/invalid');
    await refused(() => call('records', 'create', { object: 'workOrder', data: { title: '工单', description: 'x', createdBy: bob.userId } }, alice.token), 'input/invalid');
    await refused(() => call('records', 'update', { object: 'workOrder', id: alicesOrder, data: { accountId: B } }, alice.token), 'input/invalid');
  });

  test('given operator objects and prototype keys in filters, ids and cursors, then input/invalid', async () => {
    await refused(() => call('records', 'list', { object: 'device', filter: { account_id: { $ne: null } } }, alice.token), 'input/invalid');
    // a literal `__proto__` key, as an attacker's raw JSON carries it
    await refused(() => t.call('records', '{"action":"list","data":{"object":"device","filter":{"__proto__":{"account_id":"x"}}}}', { token: alice.token }), 'input/invalid');
    await refused(() => call('records', 'get', { object: 'device', id: { $gt: '' } }, alice.token), 'input/invalid');
    await refused(() => call('records', 'list', { object: 'device', cursor: { $gt: '' } }, alice.token), 'input/invalid');
    await refused(() => call('records', 'list', { object: 'constructor' }, alice.token), 'input/invalid');
  });

  test('given another Account’s device id, when a member names it in a work order, then it is answered like an id that does not exist', async () => {
    const theirs = await refused(() => call('records', 'create', { object: 'workOrder', data: { title: '借用设备', description: 'x', deviceId: bobsDevice } }, alice.token), 'input/invalid');
    const none = await refused(() => call('records', 'create', { object: 'workOrder', data: { title: '借用设备', description: 'x', deviceId: 'dev_0does0not0exist' } }, alice.token), 'input/invalid');
    expect(theirs.body.error.params).toEqual(none.body.error.params);
  });

  test('given an account-admin of B, when they walk A’s ids, then every get and update is records/not-found, exactly as a guessed id', async () => {
    const get = await refused(() => call('records', 'get', { object: 'workOrder', id: alicesOrder }, bob.token), 'records/not-found');
    const guessed = await refused(() => call('records', 'get', { object: 'workOrder', id: 'wo_00guessed00000000' }, bob.token), 'records/not-found');
    expect(get.status).toBe(guessed.status);
    expect(get.body.error.message).toBe(guessed.body.error.message);
    await refused(() => call('records', 'update', { object: 'workOrder', id: alicesOrder, data: { status: 'cancelled' } }, bob.token), 'records/not-found');
  });

  test('given a pending registrant who claimed Account A by name, then they see none of A’s records and write nothing into A', async () => {
    const claimant = await addMember(t, { accountId: A, status: 'pending', roleIds: ['account-admin'] });
    const list = await call('records', 'list', { object: 'workOrder' }, claimant.token);
    expect(list.body.data.items.map((i: { id: string }) => i.id)).not.toContain(alicesOrder);
    await refused(() => call('records', 'get', { object: 'workOrder', id: alicesOrder }, claimant.token), 'records/not-found');
    await refused(() => call('records', 'update', { object: 'workOrder', id: alicesOrder, data: { title: '改过的标题' } }, claimant.token), 'records/not-found');
    const created = await call('records', 'create', { object: 'workOrder', data: { title: '我的', description: 'x' } }, claimant.token);
    expect(await t.rt.deps.store.get('work_orders', created.body.data.id)).not.toHaveProperty('account_id');
  });

  test('given a disabled member, then every action answers auth/disabled — including unbinding to start over', async () => {
    const eve = await addMember(t, { accountId: A, roleIds: ['terminal-user'] });
    const admin = await t.adminToken();
    expect((await t.call('admin', { action: 'users.disable', data: { userId: eve.userId } }, { token: admin })).body.ok).toBe(true);
    await refused(() => call('auth', 'unbindWechat', {}, eve.token), 'auth/disabled');
    await refused(() => call('auth', 'login', {}, eve.token), 'auth/disabled');
    await refused(() => call('records', 'create', { object: 'workOrder', data: { title: '工单', description: 'x' } }, eve.token), 'auth/disabled');
    await refused(() => call('registration', 'submit', { account: { name: '新公司' }, contact: { name: '伊夫', mobile1: '13911112222' } }, eve.token), /^(auth\/disabled|input\/invalid)$/);
  });

  test('given a member, when they ask for a members-only article by id from an openid-auto identity, then records/not-found', async () => {
    const { token } = await t.wechat();
    await call('auth', 'login', {}, token);
    await refused(() => call('records', 'get', { object: 'article', id: 'art_0004_price' }, token), 'records/not-found');
  });
});
