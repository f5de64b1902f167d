import { randomUUID } from 'node:crypto';
import type { Envelope } from '../../core/contracts';
import { dispatch, errorEnvelope, type FunctionDef } from '../../functions/shared/dispatch';
import { pickLocale } from '../../functions/shared/messages';
import { callerFromContext, clientIpFromContext } from './identity';
import { cloudbaseApp, cloudbaseDeps } from './runtime';
import { corsHeaders, preflightHeaders } from './cors';
import type { OptionalPorts } from './optional-ports';

/** `main` for a function the mini program calls with `callFunction({name, data: {action, data}})`. */
export function wechatMain(fn: FunctionDef, ports: OptionalPorts = {}) {
  return async (event: unknown, context: unknown): Promise<Envelope> => {
    // The event is the client's `data` (plus WeChat's `userInfo`, which dispatch drops unread).
    const out = await dispatch(fn, cloudbaseDeps(ports), { body: event, caller: callerFromContext(cloudbaseApp(), context), ip: clientIpFromContext(context), requestId: randomUUID() });
    return out.envelope;
  };
}

interface HttpEvent {
  httpMethod?: string;
  headers?: Record<string, string | undefined>;
  body?: string;
  isBase64Encoded?: boolean;
}

interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

const jsonResult = (statusCode: number, envelope: Envelope): HttpResult => ({ statusCode, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(envelope) });

/** `main` for a function reached through CloudBase's HTTP access path (the console's `admin`). */
export function httpMain(fn: FunctionDef, ports: OptionalPorts = {}) {
  return async (event: HttpEvent, context?: unknown): Promise<HttpResult> => {
    const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v ?? '']));
    const locale = pickLocale(undefined, headers['accept-language']);
    // the console runs on another origin (static hosting): answer its preflight, label every answer
    if (event.httpMethod === 'OPTIONS') return { statusCode: 204, headers: preflightHeaders(headers['origin']), body: '' };
    const cors = corsHeaders(headers['origin']);
    const json = (statusCode: number, envelope: Envelope): HttpResult => {
      const r = jsonResult(statusCode, envelope);
      return { ...r, headers: { ...r.headers, ...cors } };
    };
    if (event.httpMethod && event.httpMethod !== 'POST') return json(405, errorEnvelope('input/invalid', locale, { field: 'method' }));
    let body: unknown;
    try {
      const raw = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return json(400, errorEnvelope('input/malformed', locale));
    }
    const auth = headers['authorization'] ?? '';
    const bearer = auth.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
    // No WeChat identity over HTTP: the console authenticates with its bearer token only.
    // the client IP only from the invocation context (admin login budgets are kept per address); never from a header
    const out = await dispatch(fn, cloudbaseDeps(ports), { body, caller: null, bearer, acceptLanguage: headers['accept-language'], ip: clientIpFromContext(context), requestId: randomUUID() });
    return json(out.status, out.envelope);
  };
}
