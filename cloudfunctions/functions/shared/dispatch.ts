import type { Envelope, ErrorCode, Locale } from '../../core/contracts';
import { httpStatusOf } from '../../core/contracts';
import type { Deps, WechatCaller } from '../../core/ports';
import type { AdminDoc, AdminSessionDoc } from '../../core/kernel/docs';
import { AppError, isAppError } from '../../core/kernel/app-error';
import type { Schema } from '../../core/kernel/schema';
import { accessRow, type AccessRow, type ActionName, type FunctionName } from '../../core/access/table';
import { authenticateSession } from '../../core/admin/admin-sessions';
import { requireAdmin } from '../../core/admin/permissions';
import type { ObjectName } from '../../core/contracts/domain';
import { requireScope } from '../../core/records/access';
import { OBJECT_NAMES } from '../../core/records/registry';
import { refuseCallerKind, resolvePrincipal, type Principal } from '../../core/identity/principal';
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
  /** the signed-in admin, once the router has checked the token and the row's permissions */
  admin?: AdminDoc;
  adminSession?: AdminSessionDoc;
  /** the mini program caller as resolved by the router for rows that restrict callers (records, user-only actions) */
  principal?: Principal;
}

export interface ActionDef<I = unknown> {
  input: Schema<I>;
  run(ctx: CallContext, input: I): Promise<unknown>;
}

export type ActionTable = Record<string, ActionDef<any>>;

export interface FunctionDef {
  name: FunctionName;
  /** who calls it: the mini program (a WeChat identity from the runtime) or the console (an admin token) */
  audience: 'wechat' | 'admin';
  actions: ActionTable;
}

/**
 * A function whose every action has a row in the access table (core/access/table.ts): an action
 * without one is a compile error here — `Type 'ActionDef' is not assignable to type 'never'` names it.
 */
export function defineFunction<F extends FunctionName, A extends ActionTable>(
  name: F,
  audience: FunctionDef['audience'],
  actions: A & { [K in Exclude<keyof A, ActionName<F>>]: never } & LiteralKeys<A>,
): FunctionDef {
  return { name, audience, actions };
}

/** An area's table typed `: ActionTable` loses its keys and would slip past the check: it must use `satisfies`. */
type LiteralKeys<A> = string extends keyof A ? { 'declare each action table with `satisfies ActionTable`, not `: ActionTable`': never } : unknown;

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
// `userInfo` and `tcbContext` are added by CloudBase itself to a callFunction event: never a reason to refuse it
const IGNORED_IDENTITY_KEYS = new Set(['openid', 'openId', 'appid', 'appId', 'unionid', 'unionId', 'userInfo', 'tcbContext']);

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
    const ctx: CallContext = { deps, caller: req.caller, bearer: req.bearer, locale, ip: req.ip, requestId: req.requestId };
    const row = accessRow(fn.name, name);
    // The row is enforced before the input is even read: a caller it refuses learns nothing else.
    if (!row) throw new AppError('access/denied', { action: name });
    await enforceRow(ctx, row);
    const raw = req.body['data'] === undefined ? {} : req.body['data'];
    // a record row: the scope its gate gives on the named object (role capped by caller kind) must not be
    // none — decided before the rest of the input is read, so a refused caller learns nothing about it
    if (row.kind === 'record') requireScope(principalOf(ctx), recordObjectOf(raw), row.gate);
    const input = def.input.parse(raw, '');
    const data = await def.run(ctx, input);
    return { status: 200, envelope: { ok: true, data } };
  } catch (e) {
    return errorResponse(e, locale, req.requestId, deps);
  }
}

/** The access table's verdict on this caller, before anything runs. */
async function enforceRow(ctx: CallContext, row: AccessRow): Promise<void> {
  if (row.kind === 'admin') {
    if (!row.token) return;
    const { admin, session } = await authenticateSession(ctx.deps, ctx.bearer);
    requireAdmin(admin, ...row.permissions);
    ctx.admin = admin;
    ctx.adminSession = session;
    return;
  }
  if (row.kind === 'public' || (row.kind === 'wechat' && row.callers === 'anyone')) return;
  // Record rows and caller lists need to know who this is; the use case reuses the same principal.
  const principal = await resolvePrincipal(ctx.deps, requireCaller(ctx));
  if (row.kind === 'wechat') refuseCallerKind(principal, row.callers);
  ctx.principal = principal;
}

function recordObjectOf(raw: unknown): ObjectName {
  const object = isPlainObject(raw) ? raw['object'] : undefined;
  if (typeof object !== 'string' || !(OBJECT_NAMES as readonly string[]).includes(object)) {
    throw new AppError('input/invalid', { field: 'object', reason: object === undefined ? 'required' : 'not-allowed' });
  }
  return object as ObjectName;
}

/** The principal the router resolved (rows that restrict callers always resolve one). */
export function principalOf(ctx: CallContext): Principal {
  if (!ctx.principal) throw new AppError('auth/unauthenticated');
  return ctx.principal;
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
