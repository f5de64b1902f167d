import type { Deps } from '../ports';
import { isAppError } from '../kernel/app-error';
import { creditPaidOrder } from './credit';

export interface NotifyOutcome {
  /** true when the seats were added by this delivery (false: a repeat, or an event without a payment) */
  credited: boolean;
  outTradeNo?: string;
}

/**
 * A WeChat Pay notification, raw: verified and decrypted by the pay port, checked against the stored
 * order and credited exactly once. Throws `pay/invalid-notification` (never credited, nothing written)
 * or `pay/unavailable`; anything else is unexpected.
 */
export async function acceptPayNotification(deps: Deps, req: { headers: Record<string, string | undefined>; body: string }): Promise<NotifyOutcome> {
  let outTradeNo: string | undefined;
  try {
    const n = await deps.pay.openNotification(req);
    const t = n.transaction;
    if (!t || n.eventType !== 'TRANSACTION.SUCCESS' || t.tradeState !== 'SUCCESS') {
      // authentic, but nothing to credit (e.g. another event type): acknowledged so it is not re-sent
      deps.log('info', 'pay notification without a payment', { id: n.id, eventType: n.eventType });
      return { credited: false };
    }
    outTradeNo = t.outTradeNo;
    const outcome = await creditPaidOrder(deps, t, 'notification');
    return { credited: outcome === 'credited', outTradeNo };
  } catch (e) {
    // rejected notifications are logged, not audited: a rejected call writes nothing
    if (isAppError(e) && e.code === 'pay/invalid-notification') deps.log('warn', 'pay notification rejected', { reason: e.params?.['reason'], outTradeNo });
    throw e;
  }
}
