import { getLocale, messagesFor } from '../../i18n/locale';
import type { CallBody } from '../contracts';
import { PORTAL_MODE_KEY } from '../portal';
import type { Transport } from './types';

/**
 * The Official Account portal's login: OAuth2 with WeChat (snsapi_base silently, snsapi_userinfo only
 * when the server says the person must be known), a `state` bound to this browser session, and a
 * short-lived portal token in sessionStorage that is renewed before it runs out (README, "Session on
 * the web"). Nothing identity-like is read from the URL except the OAuth `code` (with its `state`).
 */
const STATE_KEY = 'hulian.oa.state';
const TOKEN_KEY = 'hulian.oa.token';
const EXPIRES_KEY = 'hulian.oa.expires';
const ENDED_KEY = 'hulian.oa.ended';
const RENEW_BEFORE_MS = 30 * 60_000;

const configuredAppId = process.env.TARO_APP_OA_APPID || '';
/** the Official Account's AppID: configured for a production build, the local runtime's dev OA otherwise */
export const OA_APPID = configuredAppId || 'wxdemooa00000001';
/** WeChat's authorize page, or the local runtime's stand-in of it */
export const AUTHORIZE_URL = configuredAppId ? 'https://open.weixin.qq.com/connect/oauth2/authorize' : '/api/dev/wechat/oa-authorize';
const API_BASE = (process.env.TARO_APP_PORTAL_API || '/api/functions').replace(/\/$/, '');

export type OaScope = 'snsapi_base' | 'snsapi_userinfo';

/**
 * What WeChat appends to the redirect URL (before any `#` route): `code` and `state`, or only `state`
 * when the person refused the consent page.
 */
export function oauthReturnOf(search: string): { code: string; state: string } | { declined: true; state: string } | null {
  const q = new URLSearchParams(search);
  const code = q.get('code');
  const state = q.get('state');
  if (state === null) return null;
  return code ? { code, state } : { declined: true, state };
}

/** Inside WeChat's own browser (an Official Account menu or message), not the mini program's web-view. */
export function inWechatBrowser(userAgent: string): boolean {
  return /MicroMessenger/i.test(userAgent) && !/miniProgram/i.test(userAgent);
}

export function authorizeUrl(scope: OaScope, state: string, redirectUri: string): string {
  const q = new URLSearchParams({ appid: OA_APPID, redirect_uri: redirectUri, response_type: 'code', scope, state });
  return `${AUTHORIZE_URL}?${q}#wechat_redirect`;
}

/** The returned `state` must be the one this browser session sent: otherwise the code is someone else's doing. */
export function stateMatches(expected: string | null, returned: string): boolean {
  return !!expected && expected.length >= 16 && expected === returned;
}

function randomState(): string {
  const bytes = new Uint8Array(16);
  window.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Whether this page load is the portal's (and stays so for the browser session). */
export function portalWanted(): boolean {
  const s = window.sessionStorage;
  return s.getItem(PORTAL_MODE_KEY) === '1' || oauthReturnOf(window.location.search) !== null || inWechatBrowser(window.navigator.userAgent);
}

/** Leaves for WeChat's authorize page; the promise never settles (the page is going away). */
function beginAuthorize(scope: OaScope): Promise<never> {
  const state = randomState();
  window.sessionStorage.setItem(STATE_KEY, state);
  // WeChat appends ?code&state to the path, before the hash: come back to the portal's root
  const redirect = `${window.location.origin}${window.location.pathname}`;
  window.location.replace(authorizeUrl(scope, state, redirect));
  return new Promise<never>(() => undefined);
}

type ErrorEnvelope = { ok: false; error: { code: string; message: string } };
type LocalCode = 'oa/state-mismatch' | 'oa/logged-out' | 'oa/declined';
const localError = (code: LocalCode): ErrorEnvelope => {
  const t = messagesFor(getLocale()).errors;
  const message = code === 'oa/state-mismatch' ? t.oaState : code === 'oa/declined' ? t.oaDeclined : t.oaLoggedOut;
  return { ok: false, error: { code, message } };
};

async function post(fn: string, body: unknown, token?: string): Promise<{ status: number; json: unknown }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${API_BASE}/${encodeURIComponent(fn)}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as unknown };
}

function keepToken(data: { token?: unknown; expiresAt?: unknown }): void {
  if (typeof data.token !== 'string' || typeof data.expiresAt !== 'string') return;
  window.sessionStorage.setItem(TOKEN_KEY, data.token);
  window.sessionStorage.setItem(EXPIRES_KEY, data.expiresAt);
}

function forgetToken(): void {
  window.sessionStorage.removeItem(TOKEN_KEY);
  window.sessionStorage.removeItem(EXPIRES_KEY);
}

type Ready = { token: string; login?: Record<string, unknown> } | { error: unknown };
let ready: Promise<Ready> | null = null;
let failed = false;

/** The OAuth return: check the state, drop code and state from the address bar, exchange the code. */
async function completeLogin(back: { code: string; state: string } | { declined: true; state: string }): Promise<Ready> {
  const expected = window.sessionStorage.getItem(STATE_KEY);
  window.sessionStorage.removeItem(STATE_KEY);
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
  if (!stateMatches(expected, back.state)) return { error: localError('oa/state-mismatch') };
  // refusing WeChat's consent page is an answer, not a reason to ask again at once
  if ('declined' in back) return { error: localError('oa/declined') };
  const r = await post('auth', { action: 'loginByOfficialAccount', data: { appid: OA_APPID, code: back.code }, locale: getLocale() });
  const env = r.json as { ok?: boolean; data?: Record<string, unknown> };
  if (env.ok !== true || !env.data) return { error: r.json };
  if (env.data['next'] === 'oa-userinfo') return beginAuthorize('snsapi_userinfo');
  keepToken(env.data);
  const { token, expiresAt, ...login } = env.data;
  return typeof token === 'string' ? { token, login } : { error: r.json };
}

async function establish(): Promise<Ready> {
  const back = oauthReturnOf(window.location.search);
  if (back) return completeLogin(back);
  const token = window.sessionStorage.getItem(TOKEN_KEY);
  if (token) return { token };
  if (window.sessionStorage.getItem(ENDED_KEY)) {
    window.sessionStorage.removeItem(ENDED_KEY); // "retry" after logout logs in again
    return { error: localError('oa/logged-out') };
  }
  return beginAuthorize('snsapi_base');
}

let renewing: Promise<string> | null = null;

/** A token with life left in it: renewed once (for every concurrent call) when it is about to run out. */
async function liveToken(token: string): Promise<string> {
  const expires = Date.parse(window.sessionStorage.getItem(EXPIRES_KEY) ?? '');
  if (!(expires - Date.now() < RENEW_BEFORE_MS)) return token;
  renewing ??= post('auth', { action: 'renewSession', data: {} }, token)
    .then((r) => {
      const env = r.json as { ok?: boolean; data?: { token?: unknown; expiresAt?: unknown } };
      if (env.ok && env.data) keepToken(env.data);
      return window.sessionStorage.getItem(TOKEN_KEY) ?? token;
    })
    .finally(() => {
      renewing = null;
    });
  return renewing;
}

export const portalTransport: Transport = async (name: string, body: CallBody) => {
  window.sessionStorage.setItem(PORTAL_MODE_KEY, '1');
  // after a failure only the session's own (re)load starts over; other calls keep reporting it
  if (ready && failed && name === 'auth' && (body.action === 'login' || body.action === 'me')) ready = null;
  ready ??= establish();
  const r = await ready;
  failed = 'error' in r;
  if ('error' in r) return r.error;
  if (r.login && name === 'auth' && body.action === 'login') {
    const login = r.login;
    r.login = undefined;
    return { ok: true, data: login };
  }
  const res = await post(name, body, await liveToken(r.token));
  if (res.status === 401) {
    // the session ended or ran out: WeChat's silent authorize gives a new one
    forgetToken();
    ready = null;
    return beginAuthorize('snsapi_base');
  }
  if (name === 'auth' && body.action === 'logout') {
    forgetToken();
    window.sessionStorage.setItem(ENDED_KEY, '1');
    ready = null;
  }
  return res.json;
};
