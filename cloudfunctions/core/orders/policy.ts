import type { SettingsDoc } from '../kernel/docs';

/** How long a placed order can be paid (WeChat Pay's `time_expire`). */
export const ORDER_WINDOW_MS = 15 * 60_000;
/** After the window, how long to wait before the sweep queries and closes: a late notification may be in flight. */
export const SWEEP_GRACE_MS = 60_000;
/** A customer mid-payment (`USERPAYING`) is given this much longer before the order is closed. */
export const USERPAYING_GRACE_MS = 10 * 60_000;
export const MAX_SEATS_PER_ORDER = 10_000;
/** WeChat Pay's `amount.total` is a 32-bit integer of fen. */
export const MAX_AMOUNT_FEN = 2_147_483_647;
const DEFAULT_SEAT_PRICE_FEN = 100;

/**
 * The price of one seat in fen. `seat_price_fen` is set in the console's settings; read defensively (an
 * older settings document lacks it, a hand-edited one may hold anything), falling back to 1 yuan.
 */
export function seatPriceFen(settings: SettingsDoc): number {
  const v: unknown = (settings as Record<string, unknown>)['seat_price_fen'];
  return typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : DEFAULT_SEAT_PRICE_FEN;
}

/** WeChat Pay's out_trade_no alphabet; anything else cannot be one of our orders. */
export const OUT_TRADE_NO = /^[A-Za-z0-9_\-|*]{6,32}$/;
