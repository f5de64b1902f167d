import type { Deps, PayTransaction } from '../ports';
import type { OrderDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { isoNow } from '../kernel/time';
import { auditInTx } from '../audit/audit';
import { retryOnConflict } from '../identity/retry';
import { addSeatsInTx } from '../licences/seats';
import { OUT_TRADE_NO } from './policy';

export type CreditOutcome = 'credited' | 'already-credited';

const invalid = (reason: string) => new AppError('pay/invalid-notification', { reason });

/** Which of WeChat Pay's facts disagrees with the order we placed, if any. */
function mismatch(order: OrderDoc, t: PayTransaction): string | null {
  if (t.mchid !== order.mchid) return 'mchid';
  if (t.appid !== order.appid) return 'appid';
  if (t.amountTotal !== order.amount_fen || t.currency !== order.currency) return 'amount';
  return null;
}

/**
 * Credits the seats of a paid order, exactly once. `t` is a transaction WeChat Pay provably sent (a
 * verified notification or a verified query answer) with trade_state SUCCESS.
 *
 * One transaction of single-document operations by id: read the order, check it against `t`, move it to
 * `paid`, add its seats to the licence, write the audit entry — all or nothing. The order's state is
 * the once-only guard: a second delivery (or the sweep's query) reads `paid` and changes nothing. Two
 * concurrent deliveries serialise on the order document (SQLite: one writer; CloudBase: the loser's
 * transaction conflicts, is re-run by `retryOnConflict`, and then reads `paid`).
 */
export async function creditPaidOrder(deps: Deps, t: PayTransaction, via: 'notification' | 'query'): Promise<CreditOutcome> {
  if (t.tradeState !== 'SUCCESS') throw invalid('trade-state');
  if (!OUT_TRADE_NO.test(t.outTradeNo)) throw invalid('unknown-order');
  return retryOnConflict(() =>
    deps.store.transaction(async (tx): Promise<CreditOutcome> => {
      const order = await tx.get<OrderDoc>('orders', t.outTradeNo);
      if (!order) throw invalid('unknown-order');
      const bad = mismatch(order, t);
      if (bad) throw invalid(bad);
      if (order.state === 'paid') return 'already-credited';
      const now = isoNow(deps.clock);
      await tx.update('orders', order._id, {
        set: { state: 'paid', paid_at: now, paid_via: via, ...(t.transactionId ? { transaction_id: t.transactionId } : {}) },
      });
      await addSeatsInTx(tx, order.seats);
      await auditInTx(deps, tx, {
        actor: 'system',
        action: 'licences.purchased',
        target: order._id,
        details: { seats: order.seats, amountFen: order.amount_fen, via, ...(t.transactionId ? { transactionId: t.transactionId } : {}), ...(order.state !== 'created' ? { previousState: order.state } : {}) },
      });
      return 'credited';
    }),
  );
}
