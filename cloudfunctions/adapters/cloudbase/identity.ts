import * as tcb from '@cloudbase/node-sdk';
import type { WechatCaller } from '../../core/ports';

type App = ReturnType<typeof tcb.init>;

/**
 * The caller's WeChat identity from the function's invocation context (set by CloudBase for calls from
 * the mini program). An HTTP-triggered call has none: the answer is null, never a value from the body.
 */
export function callerFromContext(app: App, context?: unknown): WechatCaller | null {
  const info = app.auth().getUserInfo();
  const openid = info?.openId;
  const appid = info?.appId;
  if (!openid || !appid) return null;
  const ctx = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]);
  const unionid = ctx?.WX_UNIONID;
  return unionid ? { openid, appid, unionid } : { openid, appid };
}

/** The mini program client's IP from the invocation context (for per-IP limits). */
export function clientIpFromContext(context?: unknown): string | undefined {
  const ctx = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]);
  return ctx?.WX_CLIENTIP || ctx?.WX_CLIENTIPV6 || undefined;
}
