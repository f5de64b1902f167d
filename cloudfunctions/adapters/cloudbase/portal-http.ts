import { randomUUID } from 'node:crypto';
import type { Envelope } from '../../core/contracts';
import { callerFromPortalToken } from '../../core/official-account/session';
import { dispatch, errorEnvelope, type FunctionDef } from '../../functions/shared/dispatch';
import { pickLocale } from '../../functions/shared/messages';
import { wechatMain } from './handlers';
import { cloudbaseDeps } from './runtime';
import type { OptionalPorts } from './optional-ports';

interface PortalHttpEvent {
  httpMethod: string;
  headers?: Record<string, string | undefined>;
  body?: string;
  isBase64Encoded?: boolean;
}

interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

function isHttpEvent(event: unknown): event is PortalHttpEvent {
  return !!event && typeof event === 'object' && typeof (event as { httpMethod?: unknown }).httpMethod === 'string';
}

const result = (statusCode: number, envelope: Envelope): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify(envelope),
});

/**
 * The Official Account portal reaching a mini program function over its HTTP route (`/portal/<name>`,
 * OA_DEPLOY in adapters/wechat/oa-config.ts). CloudBase puts no WeChat identity on an HTTP call, so the
 * caller is the portal session the bearer token names — nothing else, never the invocation context or
 * the body. The portal and the routes share one custom domain: no CORS is answered.
 */
export async function portalHttp(fn: FunctionDef, ports: OptionalPorts, event: PortalHttpEvent): Promise<HttpResult> {
  const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v ?? '']));
  const locale = pickLocale(undefined, headers['accept-language']);
  if (event.httpMethod !== 'POST') return result(405, errorEnvelope('input/invalid', locale, { field: 'method' }));
  let body: unknown;
  try {
    const raw = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
    body = raw ? JSON.parse(raw) : undefined;
  } catch {
    return result(400, errorEnvelope('input/malformed', locale));
  }
  const auth = headers['authorization'] ?? '';
  const bearer = auth.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
  const deps = cloudbaseDeps(ports);
  const caller = await callerFromPortalToken(deps, bearer);
  const out = await dispatch(fn, deps, { body, caller, bearer, acceptLanguage: headers['accept-language'], requestId: randomUUID() });
  return result(out.status, out.envelope);
}

/** `main` for a function both the mini program (callFunction) and the portal (HTTP route) call. */
export function wechatOrPortalMain(fn: FunctionDef, ports: OptionalPorts = {}) {
  const fromMiniProgram = wechatMain(fn, ports);
  return async (event: unknown, context: unknown): Promise<Envelope | HttpResult> =>
    isHttpEvent(event) ? portalHttp(fn, ports, event) : fromMiniProgram(event, context);
}
