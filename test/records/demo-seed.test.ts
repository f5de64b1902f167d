import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { seedDemo } from '../../server/seed';
import { DEMO_DEVICES, DEMO_MEMBERS, DEMO_WORK_ORDERS } from '../../server/demo-data';

describe('demo data: members people can try', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  });
  afterAll(() => t.stop());

  const as = async (openid: string) => (await t.wechat({ openid })).token;
  const list = async (token: string, object: string) => (await t.call('records', { action: 'list', data: { object, limit: 100 } }, { token })).body.data.items;

  test('given a seeded runtime, when the demo seed runs again, then nothing changes', async () => {
    const digest = t.digest();
    await seedDemo(t.rt.deps, t.rt.config);
    expect(t.digest()).toBe(digest);
  });

  test('given the demo members, then each holds a seat and is bound to their fixed OpenID under the dev app', async () => {
    expect(await t.rt.deps.store.get('licences', 'terminal-user')).toMatchObject({ used: DEMO_MEMBERS.length });
    for (const m of DEMO_MEMBERS) {
      const s = (await t.call('auth', { action: 'login', data: {} }, { token: await as(m.openid) })).body.data;
      expect(s).toMatchObject({ state: 'member', user: { id: m.user_id, roleIds: [...m.role_ids] }, account: { id: m.account_id }, contact: { id: m.contact_id } });
    }
  });

  test('given 张伟 (account admin of 星辰), then 星辰’s devices plus the public ones, and every 星辰 work order', async () => {
    const token = await as('oDemoZhangWei001');
    const devices = (await list(token, 'device')).map((d: { id: string }) => d.id).sort();
    const want = DEMO_DEVICES.filter((d) => d.account_id === 'acc_demo_xingchen' || d.public).map((d) => d._id).sort();
    expect(devices).toEqual(want);
    const orders = (await list(token, 'workOrder')).map((o: { id: string }) => o.id).sort();
    expect(orders).toEqual(DEMO_WORK_ORDERS.filter((o) => o.member !== 'usr_demo_chen').map((o) => o._id).sort());
  });

  test('given 陈静 (terminal user of 恒泰), then only her own work orders and none of 星辰’s devices', async () => {
    const token = await as('oDemoChenJing001');
    const orders = await list(token, 'workOrder');
    expect(orders.map((o: { id: string }) => o.id).sort()).toEqual(DEMO_WORK_ORDERS.filter((o) => o.member === 'usr_demo_chen').map((o) => o._id).sort());
    const devices = await list(token, 'device');
    expect(devices.some((d: { name: string }) => d.name === '一号车间空压机')).toBe(false);
    // work orders in several states
    expect(new Set(DEMO_WORK_ORDERS.map((o) => o.status)).size).toBeGreaterThanOrEqual(4);
  });
});
