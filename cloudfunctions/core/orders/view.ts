import type { OrderView } from '../contracts/domain';
import type { OrderDoc } from '../kernel/docs';

/** An order for the console. The code is shown only while it can still be paid. */
export function orderView(o: OrderDoc, nowMs: number): OrderView {
  const payable = o.state === 'created' && Date.parse(o.expires_at) > nowMs;
  return {
    outTradeNo: o._id,
    seats: o.seats,
    amount: o.amount_fen,
    unitPrice: o.unit_price_fen,
    state: o.state,
    ...(payable && o.code_url ? { codeUrl: o.code_url } : {}),
    createdAt: o.created_at,
    expiresAt: o.expires_at,
    ...(o.paid_at ? { paidAt: o.paid_at } : {}),
    ...(o.closed_at ? { closedAt: o.closed_at } : {}),
    ...(o.transaction_id ? { transactionId: o.transaction_id } : {}),
    sandbox: o.mode === 'sandbox',
  };
}
