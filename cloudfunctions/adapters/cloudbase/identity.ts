import * as tcb from '@cloudbase/node-sdk';
import type { WechatCaller } from '../../core/ports';

type App = ReturnType<typeof tcb.init>;

/**
 * The variables of this one invocation, from the context CloudBase passes to `main`: `environ`
 * ("K=V;K=V") or, on the newer runtime, `environment` (JSON). SCF's Node bootstrap copies them into
 * process.env on every invocation but never deletes any, so on a warm instance process.env may still hold
 * the previous caller's WX_OPENID; the context is the only per-call truth. `undefined` when there is no
 * such context (not running on CloudBase), and then the SDK's process-wide view is used.
 */
function invocationVars(context: unknown): Record<string, unknown> | undefined {
  if (!context || typeof context !== 'object') return undefined;
  const c = context as { environ?: unknown; environment?: unknown };
  if (typeof c.environ !== 'string' && typeof c.environment !== 'string') return undefined;
  try {
    const parsed = tcb.parseContext(context as Parameters<typeof tcb.parseContext>[0]);
    return { ...(parsed.environ ?? {}), ...(parsed.environment ?? {}) } as Record<string, unknown>;
  } catch {
    return {}; // an unreadable context gives no identity; it never falls back to process.env
  }
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/**
 * The caller's WeChat identity from the function's invocation context (set by CloudBase for calls from
 * the mini program). An HTTP-triggered call has none: the answer is null, never a value from the body.
 */
export function callerFromContext(app: App, context?: unknown): WechatCaller | null {
  const vars = invocationVars(context);
  let openid: string;
  let appid: string;
  let unionid: string;
  if (vars) {
    [openid, appid, unionid] = [text(vars['WX_OPENID']), text(vars['WX_APPID']), text(vars['WX_UNIONID'])];
  } else {
    const info = app.auth().getUserInfo();
    [openid, appid, unionid] = [text(info?.openId), text(info?.appId), text(tcb.getCloudbaseContext()?.WX_UNIONID)];
  }
  if (!openid || !appid) return null;
  return unionid ? { openid, appid, unionid } : { openid, appid };
}

/**
 * The mini program client's IP (for per-IP limits), from this invocation's context only — like the
 * identity, never from process.env, which may still hold a previous caller's values.
 */
export function clientIpFromContext(context?: unknown): string | undefined {
  const vars = invocationVars(context);
  return text(vars?.['WX_CLIENTIP']) || text(vars?.['WX_CLIENTIPV6']) || undefined;
}
