import type { Deps } from '../ports';
import { q } from '../ports';
import type { OrderDoc } from '../kernel/docs';
import { isAppError } from '../kernel/app-error';
import { isoNow } from '../kernel/time';
import { auditInTx } from '../audit/audit';
import { retryOnConflict } from '../identity/retry';
import { creditPaidOrder } from './credit';
import { SWEEP_GRACE_MS, USERPAYING_GRACE_MS } from './policy';

export type Settled = 'paid' | 'expired' | 'closed' | 'pending';

/** `created` → `expired`/`closed`, with its audit entry; nothing if the order moved on meanwhile (e.g. paid). */
async function finish(deps: Deps, id: string, state: 'expired' | 'closed', reason: string): Promise<void> {
  await retryOnConflict(() =>
    deps.store.transaction(async (tx) => {
      const current = await tx.get<OrderDoc>('orders', id);
      if (!current || current.state !== 'created') return;
      await tx.update('orders', id, { set: { state, closed_at: isoNow(deps.clock), close_reason: reason } });
      await auditInTx(deps, tx, { actor: 'system', action: `orders.${state}`, target: id, details: { reason } });
    }),
  );
}

export const isOverdue = (o: OrderDoc, nowMs: number) => o.state === 'created' && Date.parse(o.expires_at) + SWEEP_GRACE_MS <= nowMs;

/**
 * An order still `created` after its window: ask WeChat Pay what became of it. Paid (the notification
 * was lost) → credited through the same exactly-once path; closed at WeChat Pay → `closed`; unpaid →
 * closed at WeChat Pay first (so nobody can pay it any more), then `expired`. A close that WeChat Pay
 * refuses because the order was just paid is answered by crediting it.
 */
export async function settleOverdueOrder(deps: Deps, order: OrderDoc): Promise<Settled> {
  const credit = async (t: Parameters<typeof creditPaidOrder>[1]): Promise<Settled> => {
    try {
      await creditPaidOrder(deps, t, 'query');
      return 'paid';
    } catch (e) {
      // WeChat Pay says paid, but not what we ordered: never credit; park it for a person to look at
      if (!isAppError(e) || e.code !== 'pay/invalid-notification') throw e;
      deps.log('error', 'paid order does not match WeChat Pay', { outTradeNo: order._id, reason: e.params?.['reason'] });
      await finish(deps, order._id, 'closed', `mismatch:${String(e.params?.['reason'])}`);
      return 'closed';
    }
  };
  const t = await deps.pay.queryOrder(order._id);
  if (t?.tradeState === 'SUCCESS') return credit(t);
  if (t && (t.tradeState === 'CLOSED' || t.tradeState === 'REVOKED' || t.tradeState === 'PAYERROR' || t.tradeState === 'REFUND')) {
    await finish(deps, order._id, 'closed', t.tradeState.toLowerCase());
    return 'closed';
  }
  if (t?.tradeState === 'USERPAYING' && deps.clock.now() < Date.parse(order.expires_at) + USERPAYING_GRACE_MS) return 'pending';
  if (t) {
    const closed = await deps.pay.closeOrder(order._id);
    if (closed === 'already-paid') {
      const again = await deps.pay.queryOrder(order._id);
      return again?.tradeState === 'SUCCESS' ? credit(again) : 'pending';
    }
  }
  await finish(deps, order._id, 'expired', t ? 'unpaid' : 'unknown-to-wechat-pay');
  return 'expired';
}

export interface SweepReport {
  checked: number;
  settled: Record<Settled, number>;
  failed: number;
}

/**
 * Settles up to `limit` overdue orders, oldest first (index `state, expires_at`). Runs when the console
 * lists orders, on a timer in the local runtime, and on a timer trigger of `payNotify` on CloudBase.
 * Concurrent sweeps are harmless: query and close are idempotent at WeChat Pay and every state change
 * is conditional on the order still being `created`. One order's failure (WeChat Pay unreachable) does
 * not stop the others; it is simply retried by the next sweep.
 */
export async function sweepOverdueOrders(deps: Deps, limit = 10): Promise<SweepReport> {
  const now = deps.clock.now();
  const cutoff = new Date(now - SWEEP_GRACE_MS).toISOString();
  const due = await deps.store.find<OrderDoc>('orders', { where: { state: 'created', expires_at: q.lte(cutoff) }, orderBy: [['expires_at', 'asc']], limit });
  const report: SweepReport = { checked: due.length, settled: { paid: 0, expired: 0, closed: 0, pending: 0 }, failed: 0 };
  for (const order of due) {
    try {
      report.settled[await settleOverdueOrder(deps, order)]++;
    } catch (e) {
      report.failed++;
      deps.log('warn', 'order sweep failed for one order', { outTradeNo: order._id, error: isAppError(e) ? e.code : e instanceof Error ? e.message : String(e) });
    }
  }
  return report;
}
