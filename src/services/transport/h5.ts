import { portalTransport, portalWanted } from './oa-portal';
import type { Transport } from './types';

/**
 * h5 talks to the local runtime over HTTP. Inside WeChat (an Official Account) identity comes from the
 * portal's OAuth login (oa-portal.ts); elsewhere from the runtime's dev WeChat simulator, standing in for
 * what WeChat does for us on weapp — and only while the runtime has its dev simulators on (HULIAN_DEV).
 * This file is only bundled for h5 (see index.ts).
 */
export const TOKEN_KEY = 'hulian.token';
export const OPENID_KEY = 'hulian.openid';
export const APPID_KEY = 'hulian.appid';

function paramFromUrl(href: string, name: string): string | undefined {
  const m = new RegExp(`[?&]${name}=([^&#]+)`).exec(href);
  return m ? decodeURIComponent(m[1]) : undefined;
}

/** `?openid=x` anywhere in the URL, including after the hash (hash router), selects an identity. */
export function openidFromUrl(href: string): string | undefined {
  return paramFromUrl(href, 'openid');
}

/** `?appid=wx…` plays the same person opening another mini program (another registration method). */
export function appidFromUrl(href: string): string | undefined {
  return paramFromUrl(href, 'appid');
}

async function postJson(url: string, body: unknown, token?: string): Promise<{ status: number; json: unknown }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await res.text();
  try {
    return { status: res.status, json: JSON.parse(text) };
  } catch {
    throw new Error(`HTTP ${res.status}: response is not JSON`);
  }
}

interface DevIdentity {
  token: string;
  openid: string;
  appid: string;
}

function asIdentity(json: unknown): DevIdentity {
  // Accept the bare `{token, openid}` and the same wrapped in an `{ok, data}` envelope.
  const o = json as { ok?: boolean; data?: unknown; token?: unknown; openid?: unknown } | null;
  const v = (o && o.ok === true ? o.data : o) as { token?: unknown; openid?: unknown; appid?: unknown } | null;
  if (!v || typeof v.token !== 'string') throw new Error('dev WeChat simulator returned no token');
  return { token: v.token, openid: typeof v.openid === 'string' ? v.openid : '', appid: typeof v.appid === 'string' ? v.appid : '' };
}

/** The runtime has no dev simulator (HULIAN_DEV=0, or production): only the portal's OAuth login is left. */
class DevSimulatorOff extends Error {}

let pending: Promise<string> | null = null;

/** One identity request at a time: the launch login and the first page call would otherwise race. */
function requestIdentity(openid: string | undefined, appid: string | undefined): Promise<string> {
  pending ??= postJson('/api/dev/wechat/session', { ...(openid ? { openid } : {}), ...(appid ? { appid } : {}) })
    .then(({ status, json }) => {
      if (status === 404) throw new DevSimulatorOff('no dev WeChat simulator');
      const id = asIdentity(json);
      localStorage.setItem(TOKEN_KEY, id.token);
      localStorage.setItem(OPENID_KEY, id.openid);
      localStorage.setItem(APPID_KEY, id.appid);
      return id.token;
    })
    .finally(() => {
      pending = null;
    });
  return pending;
}

function currentToken(): Promise<string> {
  const wanted = openidFromUrl(window.location.href);
  const wantedApp = appidFromUrl(window.location.href);
  const stored = localStorage.getItem(TOKEN_KEY);
  const sameOpenid = !wanted || localStorage.getItem(OPENID_KEY) === wanted;
  const sameApp = !wantedApp || localStorage.getItem(APPID_KEY) === wantedApp;
  if (stored && sameOpenid && sameApp) return Promise.resolve(stored);
  // Same person in another app keeps their OpenID only if the URL names it (OpenIDs are per app).
  return requestIdentity(wanted, wantedApp);
}

export const h5Transport: Transport = async (name, body) => {
  if (portalWanted()) return portalTransport(name, body);
  const url = `/api/functions/${encodeURIComponent(name)}`;
  let token: string;
  try {
    token = await currentToken();
  } catch (e) {
    if (e instanceof DevSimulatorOff) return portalTransport(name, body);
    throw e;
  }
  const first = await postJson(url, body, token);
  if (first.status !== 401) return first.json;
  // The token expired or the runtime was reset: get a new one for the same OpenID and retry once.
  const openid = openidFromUrl(window.location.href) ?? localStorage.getItem(OPENID_KEY) ?? undefined;
  const appid = appidFromUrl(window.location.href) ?? localStorage.getItem(APPID_KEY) ?? undefined;
  localStorage.removeItem(TOKEN_KEY);
  const retry = await postJson(url, body, await requestIdentity(openid || undefined, appid || undefined));
  return retry.json;
};

