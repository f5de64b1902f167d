import { randomUUID } from 'node:crypto';
import { cloudbaseDeps } from '../../adapters/cloudbase/runtime';
import { payFromCloud } from '../../adapters/cloudbase/pay-port';
import type { OptionalPorts } from '../../adapters/cloudbase/optional-ports';
import { payNotify, paySweep } from './handler';

const ports: OptionalPorts = { pay: ({ secrets }) => payFromCloud(secrets) };

/** What CloudBase hands a function behind its HTTP access path, or a timer trigger. */
interface HttpEvent {
  httpMethod?: string;
  headers?: Record<string, string | undefined>;
  body?: string;
  isBase64Encoded?: boolean;
}

interface TimerEvent {
  Type: 'Timer';
  TriggerName?: string;
}

const isTimer = (event: unknown): event is TimerEvent => typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';

/**
 * CloudBase deploy unit. WeChat Pay posts notifications to this function's HTTP access path
 * (`WXPAY_NOTIFY_URL`); a timer trigger on it (e.g. every 5 minutes) runs the sweep that queries and
 * closes orders left unpaid after their window.
 */
export const main = async (event: HttpEvent | TimerEvent) => {
  if (isTimer(event)) return paySweep(cloudbaseDeps(ports));
  if (event.httpMethod && event.httpMethod !== 'POST') return { statusCode: 405, headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"code":"FAIL","message":"method"}' };
  const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  // the signature covers the exact bytes WeChat Pay sent: decode, never re-serialise
  const body = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
  const out = await payNotify(cloudbaseDeps(ports), { headers, body, requestId: randomUUID() });
  return { statusCode: out.status, headers: out.headers, body: out.body, isBase64Encoded: false };
};
