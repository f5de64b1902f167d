import type { Transport } from './types';

/**
 * h5 talks to the local runtime over HTTP. Identity comes from the runtime's dev WeChat simulator,
 * standing in for what WeChat does for us on weapp. This file is only bundled for h5 (see index.ts).
 */
export const TOKEN_KEY = 'hulian.token';
export const OPENID_KEY = 'hulian.openid';

/** `?openid=x` anywhere in the URL, including after the hash (hash router), selects an identity. */
export function openidFromUrl(href: string): string | undefined {
  const m = /[?&]openid=([^&#]+)/.exec(href);
  return m ? decodeURIComponent(m[1]) : undefined;
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
}

function asIdentity(json: unknown): DevIdentity {
  // Accept the bare `{token, openid}` and the same wrapped in an `{ok, data}` envelope.
  const o = json as { ok?: boolean; data?: unknown; token?: unknown; openid?: unknown } | null;
  const v = (o && o.ok === true ? o.data : o) as { token?: unknown; openid?: unknown } | null;
  if (!v || typeof v.token !== 'string') throw new Error('dev WeChat simulator returned no token');
  return { token: v.token, openid: typeof v.openid === 'string' ? v.openid : '' };
}

let pending: Promise<string> | null = null;

/** One identity request at a time: the launch login and the first page call would otherwise race. */
function requestIdentity(openid: string | undefined): Promise<string> {
  pending ??= postJson('/api/dev/wechat/session', openid ? { openid } : {})
    .then(({ json }) => {
      const id = asIdentity(json);
      localStorage.setItem(TOKEN_KEY, id.token);
      localStorage.setItem(OPENID_KEY, id.openid);
      return id.token;
    })
    .finally(() => {
      pending = null;
    });
  return pending;
}

function currentToken(): Promise<string> {
  const wanted = openidFromUrl(window.location.href);
  const stored = localStorage.getItem(TOKEN_KEY);
  if (stored && (!wanted || localStorage.getItem(OPENID_KEY) === wanted)) return Promise.resolve(stored);
  return requestIdentity(wanted);
}

export const h5Transport: Transport = async (name, body) => {
  const url = `/api/functions/${encodeURIComponent(name)}`;
  const first = await postJson(url, body, await currentToken());
  if (first.status !== 401) return first.json;
  // The token expired or the runtime was reset: get a new one for the same OpenID and retry once.
  const openid = openidFromUrl(window.location.href) ?? localStorage.getItem(OPENID_KEY) ?? undefined;
  localStorage.removeItem(TOKEN_KEY);
  const retry = await postJson(url, body, await requestIdentity(openid || undefined));
  return retry.json;
};

