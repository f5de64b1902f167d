import type { Envelope, ErrorCode, Locale } from '../../core/contracts';
import { httpStatusOf } from '../../core/contracts';
import type { Deps, WechatCaller } from '../../core/ports';
import { AppError, isAppError } from '../../core/kernel/app-error';
import type { Schema } from '../../core/kernel/schema';
import { localise, pickLocale } from './messages';

/** What a runtime (local server or CloudBase) hands a function: the raw body and trusted facts only. */
export interface FunctionRequest {
  /** the parsed JSON body `{action, data, locale?}` — untrusted */
  body: unknown;
  /** from the runtime's trusted context; never from the body */
  caller: WechatCaller | null;
  bearer?: string;
  acceptLanguage?: string;
  ip?: string;
  requestId: string;
}

export interface CallContext {
  deps: Deps;
  caller: WechatCaller | null;
  bearer?: string;
  locale: Locale;
  ip?: string;
  requestId: string;
}

export interface ActionDef<I = unknown> {
  input: Schema<I>;
  run(ctx: CallContext, input: I): Promise<unknown>;
}

export type ActionTable = Record<string, ActionDef<any>>;

export interface FunctionDef {
  name: string;
  /** who calls it: the mini program (a WeChat identity from the runtime) or the console (an admin token) */
  audience: 'wechat' | 'admin';
  actions: ActionTable;
}

export const action = <I>(input: Schema<I>, run: (ctx: CallContext, input: I) => Promise<unknown>): ActionDef<I> => ({ input, run });

export interface FunctionResponse {
  status: number;
  envelope: Envelope;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

const BODY_KEYS = new Set(['action', 'data', 'locale']);
/**
 * Identity-looking keys a client (or WeChat's own `userInfo` injection) may put beside the action. They
 * are dropped unread: identity comes from the runtime's trusted context only.
 */
const IGNORED_IDENTITY_KEYS = new Set(['openid', 'openId', 'appid', 'appId', 'unionid', 'unionId', 'userInfo']);

/**
 * The thin router every function shares: body shape → action → schema → use case → envelope.
 * Unexpected failures become `internal` with the request id; nothing else about them leaves.
 */
export async function dispatch(fn: FunctionDef, deps: Deps, req: FunctionRequest): Promise<FunctionResponse> {
  const rawLocale = isPlainObject(req.body) ? req.body['locale'] : undefined;
  const locale = pickLocale(rawLocale, req.acceptLanguage);
  try {
    if (!isPlainObject(req.body)) throw new AppError('input/invalid', { field: '(body)', reason: 'expected-object' });
    for (const key of Object.keys(req.body)) {
      if (!BODY_KEYS.has(key) && !IGNORED_IDENTITY_KEYS.has(key)) throw new AppError('input/invalid', { field: key, reason: 'unknown-key' });
    }
    const name = req.body['action'];
    if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(fn.actions, name)) {
      throw new AppError('input/invalid', { field: 'action', reason: 'unknown-action' });
    }
    const def = fn.actions[name];
    const input = def.input.parse(req.body['data'] === undefined ? {} : req.body['data'], '');
    const ctx: CallContext = { deps, caller: req.caller, bearer: req.bearer, locale, ip: req.ip, requestId: req.requestId };
    const data = await def.run(ctx, input);
    return { status: 200, envelope: { ok: true, data } };
  } catch (e) {
    return errorResponse(e, locale, req.requestId, deps);
  }
}

export function errorResponse(e: unknown, locale: Locale, requestId: string, deps?: Deps): FunctionResponse {
  if (isAppError(e)) return { status: httpStatusOf(e.code), envelope: errorEnvelope(e.code, locale, e.params) };
  deps?.log('error', 'unexpected failure', { requestId, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  return { status: 500, envelope: errorEnvelope('internal', locale, { requestId }, requestId) };
}

export function errorEnvelope(code: ErrorCode, locale: Locale, params?: Record<string, string | number | boolean>, requestId?: string): Envelope {
  const error: Extract<Envelope, { ok: false }>['error'] = { code, message: localise(code, locale, params) };
  if (params && Object.keys(params).length) error.params = params;
  if (requestId) error.requestId = requestId;
  return { ok: false, error };
}

/** Actions of mini-program-facing functions need a trusted WeChat identity. */
export function requireCaller(ctx: CallContext): WechatCaller {
  if (!ctx.caller) throw new AppError('auth/unauthenticated');
  return ctx.caller;
}
