import type { PayGateway, PayTransaction } from '../../cloudfunctions/core/ports';
import { createOrder, getOrder, listOrders } from '../../cloudfunctions/core/orders/orders';
import { settleOverdueOrder, sweepOverdueOrders } from '../../cloudfunctions/core/orders/sweep';
import { ORDER_WINDOW_MS, SWEEP_GRACE_MS } from '../../cloudfunctions/core/orders/policy';
import { payNotify } from '../../cloudfunctions/functions/payNotify/handler';
import { createPayDeps, type PayTestDeps } from './support/deps';

/**
 * Orders unpaid after their window are queried at WeChat Pay and closed there; a payment whose
 * notification never came is found by the query and credited through the same once-only path.
 */
describe('the order window sweep', () => {
  let deps: PayTestDeps;
  beforeEach(async () => {
    deps = await createPayDeps({ seats: 0 });
  });
  afterEach(() => deps.store.close());

  const pastTheWindow = () => deps.clock.advance(ORDER_WINDOW_MS + SWEEP_GRACE_MS + 1000);

  test('given an order inside its window, then the sweep leaves it alone and asks WeChat Pay nothing', async () => {
    const { outTradeNo } = await createOrder(deps, 'adm_admin', 1);
    const before = deps.sandbox.requests.length;
    deps.clock.advance(ORDER_WINDOW_MS);
    expect((await sweepOverdueOrders(deps)).checked).toBe(0);
    expect(deps.sandbox.requests.length).toBe(before);
    expect((await deps.order(outTradeNo))!.state).toBe('created');
  });

  test('given an unpaid order past its window, then the sweep queries it, closes it at WeChat Pay and marks it expired; it can no longer be paid', async () => {
    const { outTradeNo } = await createOrder(deps, 'adm_admin', 3);
    pastTheWindow();
    const report = await sweepOverdueOrders(deps);
    expect(report).toMatchObject({ checked: 1, failed: 0, settled: { expired: 1 } });
    expect(deps.sandbox.requests.slice(-2).map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      `GET /v3/pay/transactions/out-trade-no/${outTradeNo}`,
      `POST /v3/pay/transactions/out-trade-no/${outTradeNo}/close`,
    ]);
    expect(deps.sandbox.order(outTradeNo)!.trade_state).toBe('CLOSED');
    expect(await deps.order(outTradeNo)).toMatchObject({ state: 'expired', close_reason: 'unpaid' });
    expect(() => deps.sandbox.pay(outTradeNo)).toThrow('orders/closed');
    expect((await deps.licence())!.total).toBe(0);
    // a second sweep finds nothing left to do
    expect((await sweepOverdueOrders(deps)).checked).toBe(0);
  });

  test('given a paid order whose notification was lost, then the sweep finds the payment by query and credits it; the late notification then credits nothing more', async () => {
    const { outTradeNo } = await createOrder(deps, 'adm_admin', 4);
    const lost = deps.sandbox.pay(outTradeNo);
    pastTheWindow();
    expect((await sweepOverdueOrders(deps)).settled.paid).toBe(1);
    expect(await deps.order(outTradeNo)).toMatchObject({ state: 'paid', paid_via: 'query' });
    expect((await deps.licence())!.total).toBe(4);
    // WeChat Pay's retry arrives much later with a fresh timestamp
    const { headers, body } = deps.sandbox.pay(outTradeNo);
    expect(lost.body).toContain('"event_type":"TRANSACTION.SUCCESS"');
    expect((await payNotify(deps, { headers, body, requestId: 't' })).status).toBe(204);
    expect((await deps.licence())!.total).toBe(4);
  });

  test('given the customer pays between our query and our close, then WeChat Pay refuses the close and the order is credited, not expired', async () => {
    const { outTradeNo } = await createOrder(deps, 'adm_admin', 2);
    const real = deps.pay;
    let queries = 0;
    // the first query still sees NOTPAY; the payment lands right after it
    const racing: PayGateway = {
      ...real,
      mode: real.mode,
      async queryOrder(no): Promise<PayTransaction | null> {
        const t = await real.queryOrder(no);
        if (queries++ === 0) {
          deps.sandbox.pay(no);
          return t;
        }
        return t;
      },
    };
    deps.pay = racing;
    const order = (await deps.order(outTradeNo))!;
    deps.clock.advance(ORDER_WINDOW_MS - 60_000); // still payable at WeChat Pay, but we settle it now
    expect(await settleOverdueOrder(deps, order)).toBe('paid');
    expect(await deps.order(outTradeNo)).toMatchObject({ state: 'paid' });
    expect((await deps.licence())!.total).toBe(2);
  });

  test('given WeChat Pay is unreachable, then the sweep reports the failure, leaves the order created, and a later sweep settles it', async () => {
    const { outTradeNo } = await createOrder(deps, 'adm_admin', 1);
    pastTheWindow();
    const real = deps.pay;
    deps.pay = { ...real, mode: real.mode, queryOrder: () => Promise.reject(new Error('ECONNRESET')) };
    expect(await sweepOverdueOrders(deps)).toMatchObject({ checked: 1, failed: 1 });
    expect((await deps.order(outTradeNo))!.state).toBe('created');
    deps.pay = real;
    expect((await sweepOverdueOrders(deps)).settled.expired).toBe(1);
  });

  test('given the console reads an overdue order, then it is settled on access before the answer', async () => {
    const { outTradeNo } = await createOrder(deps, 'adm_admin', 1);
    expect((await getOrder(deps, outTradeNo)).state).toBe('created');
    pastTheWindow();
    const view = await getOrder(deps, outTradeNo);
    expect(view.state).toBe('expired');
    expect(view.codeUrl).toBeUndefined();
  });

  test('given the console lists orders, then overdue ones are swept first and the list shows current states, newest first, with the seat price', async () => {
    const first = await createOrder(deps, 'adm_admin', 1);
    pastTheWindow();
    const second = await createOrder(deps, 'adm_admin', 2);
    const page = await listOrders(deps, {});
    expect(page.items.map((o) => [o.outTradeNo, o.state])).toEqual([
      [second.outTradeNo, 'created'],
      [first.outTradeNo, 'expired'],
    ]);
    expect(page.items[0]!.codeUrl).toMatch(/^weixin:\/\//);
    expect(page.seatPriceFen).toBe(100);
    const paged = await listOrders(deps, { limit: 1 });
    expect(paged.items).toHaveLength(1);
    expect((await listOrders(deps, { cursor: paged.nextCursor!, limit: 1 })).items[0]!.outTradeNo).toBe(first.outTradeNo);
    expect((await listOrders(deps, { state: 'expired' })).items.map((o) => o.outTradeNo)).toEqual([first.outTradeNo]);
  });
});
