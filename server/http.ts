import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { FUNCTIONS } from '../cloudfunctions/functions/registry';
import { dispatch, errorEnvelope } from '../cloudfunctions/functions/shared/dispatch';
import { pickLocale } from '../cloudfunctions/functions/shared/messages';
import type { Runtime } from './runtime';
import { callerFromToken, issueOaCode, issueWechatSession, oaAuthorize } from './dev/wechat';
import { callerFromPortalToken } from '../cloudfunctions/core/official-account/session';
import { serveStatic } from './static';
import { handleDevPaySucceed, handlePayNotify } from './pay-routes';
import { handleDevRegistry } from './dev/registry';
import { readRaw, send, sendJson } from './io';
import { applySecurityHeaders } from './security-headers';

const MAX_BODY = 256 * 1024;
export const VERSION = '0.1.0';

function bearerOf(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  return h && h.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

async function parseJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; tooLarge?: true }> {
  try {
    const text = await readRaw(req, MAX_BODY);
    if (text === null) return { ok: false, tooLarge: true };
    return { ok: true, value: text.length ? JSON.parse(text) : undefined };
  } catch {
    return { ok: false };
  }
}

/** 413 for a body over the limit, 400 for one that is not JSON. */
function refuseBody(res: ServerResponse, parsed: { tooLarge?: true }, locale: ReturnType<typeof pickLocale>): void {
  if (parsed.tooLarge) return sendJson(res, 413, errorEnvelope('input/too-large', locale, { limitKb: MAX_BODY / 1024 }));
  sendJson(res, 400, errorEnvelope('input/malformed', locale));
}

/** The local runtime over HTTP: functions, dev simulators, the h5 build and the console. */
export function createHttpServer(rt: Runtime): Server {
  const h5Root = join(rt.config.rootDir, 'dist', 'h5');
  const consoleRoot = join(rt.config.rootDir, 'console', 'dist');

  async function handleFunction(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    const requestId = randomUUID();
    const locale = pickLocale(undefined, req.headers['accept-language']);
    const fn = Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
    if (!fn) return sendJson(res, 404, errorEnvelope('function/not-found', locale, { name: name.slice(0, 40) }));
    const parsed = await parseJson(req);
    if (!parsed.ok) return refuseBody(res, parsed, locale);
    const bearer = bearerOf(req);
    // a mini program dev session, or an Official Account portal session (core/official-account/session.ts)
    const caller = fn.audience === 'wechat' ? (callerFromToken(rt.deps.crypto, bearer) ?? (await callerFromPortalToken(rt.deps, bearer))) : null;
    const out = await dispatch(fn, rt.deps, {
      body: parsed.value,
      caller,
      // the console's admin token, or the portal token `auth.renewSession`/`auth.logout` act on
      bearer,
      acceptLanguage: req.headers['accept-language'],
      ip: req.socket.remoteAddress,
      requestId,
    });
    sendJson(res, out.status, out.envelope);
  }

  async function handleDev(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const locale = pickLocale(undefined, req.headers['accept-language']);
    if (req.method === 'POST' && path === '/api/dev/wechat/session') {
      const parsed = await parseJson(req);
      if (!parsed.ok) return refuseBody(res, parsed, locale);
      const body = parsed.ok && parsed.value && typeof parsed.value === 'object' && !Array.isArray(parsed.value) ? (parsed.value as Record<string, unknown>) : parsed.ok && parsed.value === undefined ? {} : null;
      if (!body) return sendJson(res, 400, errorEnvelope('input/malformed', locale));
      const out = issueWechatSession(rt.deps.crypto, body, rt.config.devAppId);
      if ('error' in out) return sendJson(res, 400, errorEnvelope('input/invalid', locale, { field: out.error ?? 'body' }));
      return sendJson(res, 200, { ok: true, data: out });
    }
    if (req.method === 'POST' && path === '/api/dev/wechat/phone-code') {
      const parsed = await parseJson(req);
      if (!parsed.ok) return refuseBody(res, parsed, locale);
      const body = parsed.ok ? (parsed.value as { phone?: unknown; appid?: unknown } | undefined) : undefined;
      const phone = body && typeof body === 'object' ? body.phone : undefined;
      const appid = body && typeof body === 'object' ? body.appid : undefined;
      if (typeof phone !== 'string' || !/^1\d{10}$/.test(phone)) return sendJson(res, 400, errorEnvelope('input/invalid', locale, { field: 'phone' }));
      if (appid !== undefined && typeof appid !== 'string') return sendJson(res, 400, errorEnvelope('input/invalid', locale, { field: 'appid' }));
      return sendJson(res, 200, { ok: true, data: { code: rt.dev.wechat.issuePhoneCode(phone, appid) } });
    }
    const oa = rt.dev.oa;
    if (oa && req.method === 'POST' && path === '/api/dev/wechat/oa-code') {
      const parsed = await parseJson(req);
      if (!parsed.ok) return refuseBody(res, parsed, locale);
      const body = parsed.value === undefined ? {} : parsed.value;
      if (!body || typeof body !== 'object' || Array.isArray(body)) return sendJson(res, 400, errorEnvelope('input/malformed', locale));
      const out = issueOaCode(oa, rt.deps.crypto, body as Record<string, unknown>, rt.config.devOaAppId);
      if ('error' in out) return sendJson(res, 400, errorEnvelope('input/invalid', locale, { field: out.error }));
      return sendJson(res, 200, { ok: true, data: out });
    }
    if (oa && req.method === 'GET' && path === '/api/dev/wechat/oa-authorize') {
      const out = oaAuthorize(oa, rt.deps.crypto, new URL(req.url ?? '/', 'http://localhost'), req.headers.host, req.headers.cookie);
      const cookie: Record<string, string> = 'setCookie' in out && out.setCookie ? { 'set-cookie': out.setCookie } : {};
      if (out.status === 302) return send(res, 302, { location: out.location, ...cookie }, '');
      if (out.status === 200) return send(res, 200, { 'content-type': 'text/html; charset=utf-8', ...cookie }, out.html);
      return send(res, 400, { 'content-type': 'text/plain; charset=utf-8' }, out.text);
    }
    if (req.method === 'GET' && path === '/api/dev/sms') return sendJson(res, 200, { ok: true, data: { messages: rt.dev.sms.messages() } });
    // the subscribe messages the WeChat adapter sent (API.md): latest first
    if (req.method === 'GET' && path === '/api/dev/wechat/messages') return sendJson(res, 200, { ok: true, data: { messages: rt.dev.wechat.messages() } });
    return sendJson(res, 404, errorEnvelope('function/not-found', locale, { name: path.slice(0, 60) }));
  }

  return createServer((req, res) => {
    applySecurityHeaders(res);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const route = async () => {
      if (path === '/api/health') return sendJson(res, 200, { ok: true, data: { version: VERSION } });
      const fnMatch = /^\/api\/functions\/([^/]+)$/.exec(path);
      if (fnMatch) {
        if (req.method !== 'POST') return sendJson(res, 405, errorEnvelope('input/invalid', 'zh-CN', { field: 'method' }));
        return handleFunction(req, res, fnMatch[1]);
      }
      // WeChat Pay's notifications: raw body and Wechatpay-* headers, its own answers (not the envelope)
      if (path === '/api/pay/notify') return handlePayNotify(rt, req, res);
      const devPay = /^\/api\/dev\/pay\/([^/]+)\/succeed$/.exec(path);
      if (devPay && rt.config.dev && req.method === 'POST') return handleDevPaySucceed(rt, req, res, devPay[1]!);
      if (path.startsWith('/api/dev/registry/') && rt.config.dev && req.method === 'GET') return handleDevRegistry(res, url);
      if (path.startsWith('/api/dev/') && rt.config.dev) return handleDev(req, res, path);
      if (path.startsWith('/api/')) return sendJson(res, 404, errorEnvelope('function/not-found', 'zh-CN', { name: path.slice(0, 60) }));
      if (path === '/console') {
        res.writeHead(302, { location: '/console/' });
        return res.end();
      }
      if (path.startsWith('/console/')) return serveStatic(res, consoleRoot, path.slice('/console'.length), 'The console is not built yet: npm run build:console');
      return serveStatic(res, h5Root, path, 'The h5 mini program is not built yet: npm run build:h5');
    };
    route().catch((e: unknown) => {
      rt.deps.log('error', 'unhandled request failure', { error: e instanceof Error ? e.stack : String(e) });
      if (!res.headersSent) sendJson(res, 500, errorEnvelope('internal', 'zh-CN', { requestId: 'http' }));
      else res.end();
    });
  });
}
