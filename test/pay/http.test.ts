import { licenceSummary } from '../../cloudfunctions/core/licences/seats';
import { startTestRuntime, type TestRuntime } from '../support/runtime';

/**
 * The local runtime end to end over HTTP: the console's `admin.orders.*`, the sandbox's "simulate
 * payment" (`POST /api/dev/pay/<outTradeNo>/succeed`, which posts a signed, encrypted notification to
 * the runtime's own `/api/pay/notify`), and that notify route itself.
 */
describe('buying seats over HTTP on the local runtime', () => {
  let t: TestRuntime;
  let token: string;
  beforeAll(async () => {
    t = await startTestRuntime();
    token = await t.adminToken();
  });
  afterAll(() => t.stop());

  const admin = (action: string, data: unknown, tok: string = token) => t.call('admin', { action, data }, tok ? { token: tok } : {});
  // the licence summed over its seat blocks (core/licences/seats.ts)
  const licence = () => licenceSummary(t.rt.deps);
  const succeed = (no: string) => t.raw(`/api/dev/pay/${no}/succeed`, { method: 'POST' });

  test('given an admin buys 3 seats, when the sandbox pays, then the order is paid, the licence has 3 more seats, and the history shows it', async () => {
    const before = await licence();
    const created = await admin('orders.create', { seats: 3 });
    expect(created.status).toBe(200);
    expect(created.body.data).toEqual({ outTradeNo: expect.stringMatching(/^ord_[a-z0-9]{24}$/), codeUrl: expect.stringMatching(/^weixin:\/\//), amount: 300, expiresAt: expect.any(String), sandbox: true });
    const no: string = created.body.data.outTradeNo;
    expect((await admin('orders.get', { outTradeNo: no })).body.data).toMatchObject({ state: 'created', seats: 3, amount: 300, unitPrice: 100, codeUrl: created.body.data.codeUrl, sandbox: true });

    const paid = await succeed(no);
    expect(paid.status).toBe(200);
    expect(paid.body.data).toEqual({ outTradeNo: no, notifyStatus: 204, accepted: true });
    expect((await admin('orders.get', { outTradeNo: no })).body.data).toMatchObject({ state: 'paid', paidAt: expect.any(String), transactionId: expect.any(String) });
    expect((await admin('orders.get', { outTradeNo: no })).body.data.codeUrl).toBeUndefined();
    expect((await licence()).total).toBe(before.total + 3);
    const list = await admin('orders.list', {});
    expect(list.body.data.seatPriceFen).toBe(100);
    expect(list.body.data.items[0]).toMatchObject({ outTradeNo: no, state: 'paid' });
  });

  test('given the sandbox delivers the same payment twice and then twice at once, then every delivery is acknowledged and the seats are credited once', async () => {
    const no: string = (await admin('orders.create', { seats: 2 })).body.data.outTradeNo;
    const before = await licence();
    expect((await succeed(no)).body.data.accepted).toBe(true);
    expect((await succeed(no)).body.data.accepted).toBe(true);
    const both = await Promise.all([succeed(no), succeed(no)]);
    expect(both.map((r) => r.body.data.notifyStatus)).toEqual([204, 204]);
    expect((await licence()).total).toBe(before.total + 2);
    const audit = await t.rt.deps.store.count('audit_log', { action: 'licences.purchased', target: no });
    expect(audit).toBe(1);
  });

  test('given a tampered notification posted to /api/pay/notify, then it answers 401 {code: FAIL} and writes nothing', async () => {
    const no: string = (await admin('orders.create', { seats: 1 })).body.data.outTradeNo;
    const n = t.rt.dev.pay.sandbox()!.pay(no);
    const digest = t.digest();
    const res = await t.raw('/api/pay/notify', { method: 'POST', headers: { ...n.headers, 'content-type': 'application/json' }, body: n.body.replace('支付成功', '支付失败') });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'FAIL', message: expect.any(String) });
    expect(t.digest()).toBe(digest);
    // the untouched one is then accepted
    const ok = await t.raw('/api/pay/notify', { method: 'POST', headers: { ...n.headers, 'content-type': 'application/json' }, body: n.body });
    expect(ok.status).toBe(204);
  });

  test('given a notification with no Wechatpay headers or a GET, then it is refused', async () => {
    expect((await t.raw('/api/pay/notify', { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await t.raw('/api/pay/notify')).status).toBe(405);
  });

  test('given bad input, then orders.* answer input/invalid; without an admin token, auth/unauthenticated; an unknown order, orders/not-found', async () => {
    for (const data of [{ seats: 0 }, { seats: '3' }, { seats: { $gt: 0 } }, { seats: 1.5 }, { seats: 10_001 }, { seats: 1, price: 1 }, {}]) {
      const r = await admin('orders.create', data);
      expect([r.status, r.body.error.code]).toEqual([400, 'input/invalid']);
    }
    expect((await admin('orders.get', { outTradeNo: { $ne: null } })).body.error.code).toBe('input/invalid');
    expect((await admin('orders.list', { state: 'refunded' })).body.error.code).toBe('input/invalid');
    expect((await admin('orders.create', { seats: 1 }, '')).status).toBe(401);
    const missing = await admin('orders.get', { outTradeNo: 'ord_000000000000000000000000' });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'orders/not-found']);
    expect((await succeed('ord_000000000000000000000000')).status).toBe(404);
  });

  test('given the seat price is set in settings, then new orders use it', async () => {
    await t.rt.deps.store.update('settings', 'global', { set: { seat_price_fen: 2500 } });
    t.rt.deps.cache.invalidate();
    try {
      expect((await admin('orders.create', { seats: 4 })).body.data.amount).toBe(10_000);
    } finally {
      await t.rt.deps.store.update('settings', 'global', { set: { seat_price_fen: 100 } });
      t.rt.deps.cache.invalidate();
    }
  });
});

describe('with the dev simulators off', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime({ HULIAN_DEV: '0' });
  });
  afterAll(() => t.stop());

  test('given HULIAN_DEV=0 and no WXPAY_* variables, then there is no WeChat Pay: orders are pay/unavailable (nothing written), "simulate payment" does not exist, and the notify route answers 5xx FAIL', async () => {
    const token = await t.adminToken();
    const digest = t.digest();
    const created = await t.call('admin', { action: 'orders.create', data: { seats: 1 } }, { token });
    expect([created.status, created.body.error.code]).toEqual([503, 'pay/unavailable']);
    expect(t.digest()).toBe(digest);
    expect((await t.raw('/api/dev/pay/ord_000000000000000000000000/succeed', { method: 'POST' })).status).toBe(404);
    const notify = await t.raw('/api/pay/notify', { method: 'POST', body: '{"id":"x"}' });
    expect([notify.status, notify.body.code]).toEqual([503, 'FAIL']);
  });
});
