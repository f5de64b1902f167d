import type { OrderState, OrderView, Page } from '../contracts/domain';
import type { Deps, FindQuery, Where } from '../ports';
import { q } from '../ports';
import type { OrderDoc } from '../kernel/docs';
import { AppError, isAppError } from '../kernel/app-error';
import { isoNow } from '../kernel/time';
import { auditInTx } from '../audit/audit';
import { getSettings } from '../settings/settings';
import { MAX_AMOUNT_FEN, ORDER_WINDOW_MS, OUT_TRADE_NO, seatPriceFen } from './policy';
import { isOverdue, settleOverdueOrder, sweepOverdueOrders } from './sweep';
import { orderView } from './view';

export interface CreatedOrder {
  outTradeNo: string;
  codeUrl: string;
  amount: number;
  expiresAt: string;
  sandbox: boolean;
}

/**
 * Places a Native order for `seats` at today's seat price. The order is stored (`created`, with its
 * audit entry) before WeChat Pay is asked, so a notification can never arrive for an order we do not
 * know. If WeChat Pay refuses or cannot be reached, nobody ever saw a code to pay, so the order is
 * closed at once and the call answers `pay/unavailable`.
 */
export async function createOrder(deps: Deps, adminId: string, seats: number): Promise<CreatedOrder> {
  const unit = seatPriceFen(await getSettings(deps));
  const amount = seats * unit;
  if (!Number.isSafeInteger(amount) || amount > MAX_AMOUNT_FEN) throw new AppError('input/invalid', { field: 'seats', reason: 'too-large' });
  const merchant = deps.pay.merchant();
  const now = deps.clock.now();
  const order: OrderDoc = {
    _id: deps.crypto.randomId('ord'), // time-ordered, 28 characters of [a-z0-9_]: a valid out_trade_no
    state: 'created',
    seats,
    unit_price_fen: unit,
    amount_fen: amount,
    currency: 'CNY',
    description: `Hulian 终端用户许可 × ${seats}`,
    mchid: merchant.mchid,
    appid: merchant.appid,
    mode: deps.pay.mode,
    created_by: adminId,
    created_at: new Date(now).toISOString(),
    expires_at: new Date(now + ORDER_WINDOW_MS).toISOString(),
  };
  await deps.store.transaction(async (tx) => {
    await tx.insert('orders', order);
    await auditInTx(deps, tx, { actor: `admin:${adminId}`, action: 'orders.created', target: order._id, details: { seats, amountFen: amount } });
  });
  let codeUrl: string;
  try {
    ({ codeUrl } = await deps.pay.createNativeOrder({ outTradeNo: order._id, description: order.description, amountFen: amount, expiresAt: order.expires_at }));
  } catch (e) {
    await deps.store.update('orders', order._id, { set: { state: 'closed', closed_at: isoNow(deps.clock), close_reason: 'not-placed' } }, { state: 'created' });
    throw isAppError(e) ? e : new AppError('pay/unavailable');
  }
  await deps.store.update('orders', order._id, { set: { code_url: codeUrl } }, { state: 'created' });
  return { outTradeNo: order._id, codeUrl, amount, expiresAt: order.expires_at, sandbox: order.mode === 'sandbox' };
}

/** One order; an overdue one is settled with WeChat Pay first (the console polls this while it waits). */
export async function getOrder(deps: Deps, outTradeNo: string): Promise<OrderView> {
  if (!OUT_TRADE_NO.test(outTradeNo)) throw new AppError('orders/not-found');
  let order = await deps.store.get<OrderDoc>('orders', outTradeNo);
  if (!order) throw new AppError('orders/not-found');
  if (isOverdue(order, deps.clock.now())) {
    try {
      await settleOverdueOrder(deps, order);
      order = (await deps.store.get<OrderDoc>('orders', outTradeNo)) ?? order;
    } catch (e) {
      // WeChat Pay unreachable: show what we know; the next read or sweep tries again
      deps.log('warn', 'could not settle an overdue order', { outTradeNo, error: isAppError(e) ? e.code : String(e) });
    }
  }
  return orderView(order, deps.clock.now());
}

export interface OrdersListQuery {
  state?: OrderState;
  cursor?: string;
  limit?: number;
}

/** Order history, newest first, paged by id; overdue orders are swept first so their states are current. */
export async function listOrders(deps: Deps, opts: OrdersListQuery): Promise<Page<OrderView> & { seatPriceFen: number }> {
  try {
    await sweepOverdueOrders(deps, 5);
  } catch (e) {
    deps.log('warn', 'order sweep failed', { error: isAppError(e) ? e.code : String(e) });
  }
  const limit = opts.limit ?? 20;
  const where: Where = {};
  if (opts.state) where['state'] = opts.state;
  if (opts.cursor) where['_id'] = q.lt(opts.cursor);
  const find: FindQuery = { where, orderBy: [['_id', 'desc']], limit: limit + 1 };
  const docs = await deps.store.find<OrderDoc>('orders', find);
  const now = deps.clock.now();
  const items = docs.slice(0, limit).map((o) => orderView(o, now));
  const seatPrice = seatPriceFen(await getSettings(deps));
  return docs.length > limit ? { items, nextCursor: docs[limit - 1]!._id, seatPriceFen: seatPrice } : { items, seatPriceFen: seatPrice };
}
