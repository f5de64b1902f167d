import type { Deps } from '../../core/ports';
import { httpStatusOf } from '../../core/contracts';
import { isAppError } from '../../core/kernel/app-error';
import { acceptPayNotification } from '../../core/orders/notify';
import { sweepOverdueOrders, type SweepReport } from '../../core/orders/sweep';
import { localise } from '../shared/messages';

/**
 * `payNotify` does not fit the `{action, data}` dispatch: WeChat Pay posts a raw body whose exact bytes
 * are signed, with `Wechatpay-*` headers, and expects its own answers. So it has this small shape of its
 * own, served by the local runtime at `POST /api/pay/notify` and on CloudBase by `index.ts`.
 */
export interface RawHttpRequest {
  /** lower-case names */
  headers: Record<string, string | undefined>;
  /** the body exactly as received: the signature covers these bytes */
  body: string;
  requestId: string;
}

export interface RawHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Failures of authenticity (as opposed to a well-signed message that does not match an order). */
const UNAUTHENTIC = new Set(['headers', 'signtest', 'timestamp', 'unknown-serial', 'signature']);

const fail = (status: number, message: string): RawHttpResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify({ code: 'FAIL', message }),
});

/**
 * WeChat Pay's contract: 2xx (here 204, no body) only when the notification was accepted — credited now
 * or before — and 4xx/5xx with `{code: 'FAIL', message}` otherwise. A 5xx makes WeChat Pay retry later
 * (our store or configuration was at fault); a 4xx says the message itself is not acceptable. Why a
 * notification was refused is logged, not told.
 */
export async function payNotify(deps: Deps, req: RawHttpRequest): Promise<RawHttpResponse> {
  try {
    await acceptPayNotification(deps, { headers: req.headers, body: req.body });
    return { status: 204, headers: {}, body: '' };
  } catch (e) {
    if (isAppError(e) && e.code === 'pay/invalid-notification') {
      return fail(UNAUTHENTIC.has(String(e.params?.['reason'])) ? 401 : 400, localise(e.code, 'zh-CN'));
    }
    if (isAppError(e)) return fail(Math.max(httpStatusOf(e.code), 400), localise(e.code, 'zh-CN'));
    deps.log('error', 'pay notification failed', { requestId: req.requestId, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    return fail(500, localise('internal', 'zh-CN', { requestId: req.requestId }));
  }
}

/** The timer entry: settles orders left unpaid after their window (CloudBase timer trigger, local interval). */
export function paySweep(deps: Deps): Promise<SweepReport> {
  return sweepOverdueOrders(deps, 50);
}
