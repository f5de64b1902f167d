import type { PayTransaction, TradeState } from '../../core/ports';
import { PayVerifyError } from './signature';

const TRADE_STATES: readonly TradeState[] = ['SUCCESS', 'REFUND', 'NOTPAY', 'CLOSED', 'REVOKED', 'USERPAYING', 'PAYERROR'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max = 64): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

/**
 * A transaction object from WeChat Pay (a decrypted notification resource or a query answer), checked
 * for shape only. Whether it matches an order is core's business.
 */
export function parseTransaction(value: unknown): PayTransaction {
  if (!isObject(value)) throw new PayVerifyError('transaction');
  const { mchid, appid, out_trade_no, transaction_id, trade_state, amount, success_time } = value;
  if (!str(mchid) || !str(appid) || !str(out_trade_no)) throw new PayVerifyError('transaction');
  if (typeof trade_state !== 'string' || !(TRADE_STATES as readonly string[]).includes(trade_state)) throw new PayVerifyError('transaction');
  if (!isObject(amount) || !Number.isSafeInteger(amount['total'])) throw new PayVerifyError('transaction');
  const currency = amount['currency'];
  return {
    mchid,
    appid,
    outTradeNo: out_trade_no,
    ...(str(transaction_id) ? { transactionId: transaction_id } : {}),
    tradeState: trade_state as TradeState,
    amountTotal: amount['total'] as number,
    currency: typeof currency === 'string' ? currency : 'CNY',
    ...(str(success_time) ? { successTime: success_time } : {}),
  };
}
