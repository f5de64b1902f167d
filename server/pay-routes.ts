import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { errorEnvelope } from '../cloudfunctions/functions/shared/dispatch';
import { pickLocale } from '../cloudfunctions/functions/shared/messages';
import { payNotify, paySweep } from '../cloudfunctions/functions/payNotify/handler';
import { httpStatusOf } from '../cloudfunctions/core/contracts';
import { isAppError } from '../cloudfunctions/core/kernel/app-error';
import { OUT_TRADE_NO } from '../cloudfunctions/core/orders/policy';
import type { Deps } from '../cloudfunctions/core/ports';
import type { Runtime } from './runtime';
import { readRaw, send, sendJson } from './io';

/** Notifications are about 1 KB; anything far larger is not one. */
const MAX_NOTIFY_BODY = 64 * 1024;
export const PAY_SWEEP_INTERVAL_MS = 60_000;

/** A repeated header is ambiguous for a signature check: it becomes absent (and the check fails). */
function singleHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) out[k] = Array.isArray(v) ? (v.length === 1 ? v[0] : undefined) : v;
  return out;
}

/** `POST /api/pay/notify`: WeChat Pay's notifications (or the sandbox's), raw body and headers to `payNotify`. */
export async function handlePayNotify(rt: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { code: 'FAIL', message: 'method' });
  const body = await readRaw(req, MAX_NOTIFY_BODY);
  if (body === null) return sendJson(res, 413, { code: 'FAIL', message: 'too large' });
  const out = await payNotify(rt.deps, { headers: singleHeaders(req), body, requestId: randomUUID() });
  send(res, out.status, out.headers, out.body);
}

/**
 * `POST /api/dev/pay/<outTradeNo>/succeed` (dev only): the customer pays in the sandbox, which then
 * delivers its signed, encrypted notification over HTTP to this runtime's own `/api/pay/notify` — the
 * same route and verification as a real one. Answers what the notify route answered.
 */
export async function handleDevPaySucceed(rt: Runtime, req: IncomingMessage, res: ServerResponse, outTradeNo: string): Promise<void> {
  const locale = pickLocale(undefined, req.headers['accept-language']);
  await readRaw(req, 4096); // the body is not used
  const sandbox = rt.dev.pay.sandbox();
  if (!sandbox) return sendJson(res, 404, errorEnvelope('function/not-found', locale, { name: 'pay sandbox' }));
  if (!OUT_TRADE_NO.test(outTradeNo)) return sendJson(res, 404, errorEnvelope('orders/not-found', locale));
  let notification: { headers: Record<string, string>; body: string };
  try {
    notification = sandbox.pay(outTradeNo);
  } catch (e) {
    if (isAppError(e)) return sendJson(res, httpStatusOf(e.code), errorEnvelope(e.code, locale, e.params));
    throw e;
  }
  const local = req.socket.localAddress ?? '127.0.0.1';
  const host = local.startsWith('::ffff:') ? local.slice(7) : local.includes(':') ? `[${local}]` : local;
  const answer = await fetch(`http://${host}:${req.socket.localPort}/api/pay/notify`, {
    method: 'POST',
    headers: { ...notification.headers, 'content-type': 'application/json' },
    body: notification.body,
  });
  await answer.arrayBuffer();
  sendJson(res, 200, { ok: true, data: { outTradeNo, notifyStatus: answer.status, accepted: answer.status >= 200 && answer.status < 300 } });
}

/** The local runtime's sweep timer (unref'd: it never keeps the process alive; never two at once). */
export function startPaySweep(deps: Deps, intervalMs = PAY_SWEEP_INTERVAL_MS): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    paySweep(deps)
      .catch((e: unknown) => deps.log('warn', 'pay sweep failed', { error: e instanceof Error ? e.message : String(e) }))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
