import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { addAccount, addMember, addRecord, RECORD_BODY, type Member } from '../support/fixtures';

describe('records: ownership, fields and state', () => {
  let t: TestRuntime;
  let A: string;
  let B: string;
  let alice: Member; // account-admin of A
  let amy: Member; // terminal user of A
  let bob: Member; // terminal user of B
  let deviceA: string;
  let deviceB: string;

  const call = (m: Member, action: string, data: unknown) => t.call('records', { action, data }, { token: m.token });
  const create = (m: Member, data: Record<string, unknown>, object = 'workOrder') => call(m, 'create', { object, data });
  const update = (m: Member, id: string, data: unknown, object = 'workOrder') => call(m, 'update', { object, id, data });
  const newOrder = async (m: Member, extra: Record<string, unknown> = {}) => {
    const r = await create(m, { title: '空压机异响', description: '启动十分钟后有异响', ...extra });
    expect(r.body.ok).toBe(true);
    return r.body.data;
  };

  beforeAll(async () => {
    t = await startTestRuntime();
    A = await addAccount(t, '甲公司');
    B = await addAccount(t, '乙公司');
    alice = await addMember(t, { accountId: A, roleIds: ['account-admin'], name: '艾丽' });
    amy = await addMember(t, { accountId: A, roleIds: ['terminal-user'], name: '艾米' });
    bob = await addMember(t, { accountId: B, roleIds: ['terminal-user'], name: '鲍勃' });
    deviceA = await addRecord(t, 'devices', { ...RECORD_BODY['devices'], name: '甲的空压机', account_id: A, created_by: 'crm', public: false });
    deviceB = await addRecord(t, 'devices', { ...RECORD_BODY['devices'], name: '乙的机床', account_id: B, created_by: 'crm', public: false });
  });
  afterAll(() => t.stop());

  describe('ownership comes from the caller, never from input', () => {
    test.each([
      ['account_id', 'acc_other'],
      ['accountId', 'acc_other'],
      ['contact_id', 'con_other'],
      ['contactId', 'con_other'],
      ['created_by', 'usr_other'],
      ['createdBy', 'usr_other'],
      ['owner', 'usr_other'],
      ['enterprise_id', 'ent_other'],
      ['role_ids', ['account-admin']],
      ['roleIds', ['account-admin']],
      ['rev', 99],
      ['public', true],
    ])('given a work order, when records.update carries %s, then input/invalid and nothing changes', async (key, value) => {
      const order = await newOrder(amy);
      const digest = t.digest();
      const r = await update(amy, order.id, { [key]: value });
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: 'input/invalid', params: { field: `data.${key}`, reason: 'unknown-key' } });
      expect(t.digest()).toBe(digest);
    });

    test('given a device, when records.update tries to publish it, then input/invalid: publishing is the business decision', async () => {
      const r = await update(alice, deviceA, { public: true }, 'device');
      expect(r.body.error).toMatchObject({ code: 'input/invalid', params: { field: 'data.public' } });
    });

    test('given create data naming another Account, then input/invalid, and a plain create is owned by the caller', async () => {
      const refused = await create(amy, { title: '越权工单', description: 'x', accountId: B });
      expect(refused.body.error).toMatchObject({ code: 'input/invalid', params: { field: 'data.accountId' } });
      const order = await newOrder(amy);
      expect(await t.rt.deps.store.get('work_orders', order.id)).toMatchObject({ created_by: amy.userId, created_by_name: '艾米', account_id: A, contact_id: amy.contactId, enterprise_id: amy.enterpriseId, status: 'open', priority: 'normal', rev: 1 });
      expect(order).toMatchObject({ mine: true, canUpdate: true, status: 'open', nextStatuses: ['cancelled'] });
      expect(JSON.stringify(order)).not.toContain(A); // no ownership on the wire
    });

    test('given an operator object, a __proto__ key or an array where a string belongs, then input/invalid', async () => {
      for (const data of [{ title: { $ne: null }, description: 'x' }, JSON.parse('{"__proto__": {"x": 1}, "title": "abc", "description": "x"}'), { title: ['a', 'b'], description: 'x' }]) {
        const r = await create(amy, data);
        expect(r.body.error.code).toBe('input/invalid');
      }
    });

    test('given a filter on an ownership field, then input/invalid; a declared filter narrows within the scope', async () => {
      const bad = await call(alice, 'list', { object: 'workOrder', filter: { account_id: B } });
      expect(bad.body.error).toMatchObject({ code: 'input/invalid', params: { field: 'filter.account_id' } });
      const urgent = await newOrder(amy, { priority: 'urgent' });
      await create(bob, { title: '乙的紧急工单', description: 'x', priority: 'urgent' });
      const r = await call(alice, 'list', { object: 'workOrder', filter: { priority: 'urgent' } });
      expect(r.body.data.items.map((i: { id: string }) => i.id)).toEqual([urgent.id]);
      const wrongValue = await call(alice, 'list', { object: 'workOrder', filter: { priority: 'whenever' } });
      expect(wrongValue.body.error).toMatchObject({ code: 'input/invalid', params: { field: 'filter.priority' } });
    });
  });

  describe('work order fields', () => {
    test('given a device of the caller’s Account, then the order references it by id and name', async () => {
      const order = await newOrder(amy, { deviceId: deviceA });
      expect(order).toMatchObject({ deviceId: deviceA, deviceName: '甲的空压机' });
      const byDevice = await call(amy, 'list', { object: 'workOrder', filter: { deviceId: deviceA } });
      expect(byDevice.body.data.items.map((i: { id: string }) => i.id)).toContain(order.id);
    });

    test('given a device of another Account or one that does not exist, then the same input/invalid, and nothing is written', async () => {
      const digest = t.digest();
      const other = await create(amy, { title: '借用乙的设备', description: 'x', deviceId: deviceB });
      const missing = await create(amy, { title: '不存在的设备', description: 'x', deviceId: 'dev_0zzzzzzzz000nothing000' });
      expect(other.body.error).toEqual(missing.body.error);
      expect(other.body.error).toMatchObject({ code: 'input/invalid', params: { field: 'data.deviceId', reason: 'unknown-device' } });
      expect(t.digest()).toBe(digest);
    });

    test.each([
      [{ title: 'x' }, 'data.title'],
      [{ title: '标题', description: '' }, 'data.description'],
      [{ title: '标题', description: 'x', priority: 'asap' }, 'data.priority'],
      [{ title: '标题', description: 'x'.repeat(2001) }, 'data.description'],
      [{ description: 'x' }, 'data.title'],
    ])('given invalid data %j, then input/invalid on %s', async (data, field) => {
      const r = await create(amy, data);
      expect(r.body.error).toMatchObject({ code: 'input/invalid', params: { field } });
    });
  });

  describe('work order status: the requester may withdraw, accept or reopen — nothing else', () => {
    const setStatus = async (id: string, status: string) => {
      await t.rt.deps.store.update('work_orders', id, { set: { status } });
    };

    test('given an open order, when the requester cancels it, then it is cancelled, audited, and can no longer be edited', async () => {
      const order = await newOrder(amy);
      const r = await update(amy, order.id, { status: 'cancelled' });
      expect(r.body.data).toMatchObject({ status: 'cancelled', nextStatuses: [] });
      const audit = await t.rt.deps.store.find('audit_log', { where: { target: order.id }, limit: 10 });
      expect(audit.map((a) => a['action']).sort()).toEqual(['workOrder.created', 'workOrder.updated']);
      expect(audit.find((a) => a['action'] === 'workOrder.updated')).toMatchObject({ actor: `user:${amy.userId}`, details: { from: 'open', to: 'cancelled' } });
      const edit = await update(amy, order.id, { title: '撤销后改标题' });
      expect(edit.body.error).toMatchObject({ code: 'records/invalid-state', params: { status: 'cancelled' } });
    });

    test.each([
      ['open', 'resolved'],
      ['open', 'in_progress'],
      ['open', 'closed'],
      ['in_progress', 'cancelled'],
      ['in_progress', 'resolved'],
      ['closed', 'open'],
      ['cancelled', 'open'],
    ])('given an order %s, when the requester sets %s, then records/invalid-state and nothing changes', async (from, to) => {
      const order = await newOrder(amy);
      await setStatus(order.id, from);
      const digest = t.digest();
      const r = await update(amy, order.id, { status: to });
      expect(r.status).toBe(409);
      expect(r.body.error).toMatchObject({ code: 'records/invalid-state', params: { status: from, to } });
      expect(t.digest()).toBe(digest);
    });

    test('given a resolved order, then the requester may accept (closed) or reopen it', async () => {
      const a = await newOrder(amy);
      const b = await newOrder(amy);
      await setStatus(a.id, 'resolved');
      await setStatus(b.id, 'resolved');
      expect((await call(amy, 'get', { object: 'workOrder', id: a.id })).body.data.nextStatuses).toEqual(['closed', 'open']);
      expect((await update(amy, a.id, { status: 'closed' })).body.data.status).toBe('closed');
      expect((await update(amy, b.id, { status: 'open' })).body.data.status).toBe('open');
    });

    test('given an order being worked on, then its content is locked', async () => {
      const order = await newOrder(amy);
      await setStatus(order.id, 'in_progress');
      const r = await update(amy, order.id, { description: '补充说明' });
      expect(r.body.error).toMatchObject({ code: 'records/invalid-state', params: { status: 'in_progress' } });
    });

    test('given 10 concurrent cancels of one order, then all answer cancelled and it was written exactly once', async () => {
      const order = await newOrder(amy);
      const results = await Promise.all(Array.from({ length: 10 }, () => update(amy, order.id, { status: 'cancelled' })));
      expect(results.map((r) => r.body.data?.status)).toEqual(Array(10).fill('cancelled'));
      expect(await t.rt.deps.store.get('work_orders', order.id)).toMatchObject({ status: 'cancelled', rev: 2 });
      expect(await t.rt.deps.store.count('audit_log', { target: order.id, action: 'workOrder.updated' })).toBe(1);
    });

    test('given an account admin, then they see and may act on a colleague’s order, which is not theirs', async () => {
      const order = await newOrder(amy);
      const seen = await call(alice, 'get', { object: 'workOrder', id: order.id });
      expect(seen.body.data).toMatchObject({ mine: false, canUpdate: true, createdByName: '艾米' });
      const other = await call(bob, 'get', { object: 'workOrder', id: order.id });
      expect(other.body.error.code).toBe('records/not-found');
    });
  });

  describe('paging', () => {
    test('given more orders than a page, when following nextCursor, then every order comes once, newest first', async () => {
      const carol = await addMember(t, { accountId: await addAccount(t), roleIds: ['terminal-user'] });
      const made: string[] = [];
      for (let i = 0; i < 7; i++) made.push((await newOrder(carol, { title: `工单 ${i}` })).id);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const r = await call(carol, 'list', { object: 'workOrder', limit: 3, ...(cursor ? { cursor } : {}) });
        expect(r.body.data.items.length).toBeLessThanOrEqual(3);
        seen.push(...r.body.data.items.map((i: { id: string }) => i.id));
        cursor = r.body.data.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...made].reverse());
    });
  });

  describe('service requests', () => {
    test('given a member, then contact details default to their own, and they may withdraw it while submitted', async () => {
      const r = await create(amy, { category: 'installation', subject: '新设备安装', description: '下周到货' }, 'serviceRequest');
      expect(r.body.data).toMatchObject({ contactName: '艾米', status: 'submitted', mine: true, nextStatuses: ['cancelled'] });
      const cancelled = await update(amy, r.body.data.id, { status: 'cancelled' }, 'serviceRequest');
      expect(cancelled.body.data.status).toBe('cancelled');
    });
  });
});
