import type { AdminActions, CallBody, Envelope, ErrorBody, ErrorCode, Locale } from '../contracts';

/**
 * The console's one client for the `admin` cloud function.
 *
 * POST {endpoint} with `{action, data, locale}` and `Authorization: Bearer <token>` (all actions but
 * `login`). The answer is always the envelope of API.md; callers branch on `AdminCallError.code` only and
 * show `message`, which the server has already localised.
 */

export type AdminAction = keyof AdminActions & string;
export type AdminIn<A extends AdminAction> = AdminActions[A]['in'];
export type AdminOut<A extends AdminAction> = AdminActions[A]['out'];

/** Failures that never reached (or never came back from) the server; their text comes from the console's dictionaries. */
export type ClientErrorCode = 'client/network' | 'client/bad-response';

export class AdminCallError extends Error {
  readonly code: ErrorCode | ClientErrorCode;
  readonly params?: ErrorBody['params'];
  readonly requestId?: string;
  readonly status?: number;

  constructor(code: ErrorCode | ClientErrorCode, message: string, extra: { params?: ErrorBody['params']; requestId?: string; status?: number } = {}) {
    super(message);
    this.name = 'AdminCallError';
    this.code = code;
    this.params = extra.params;
    this.requestId = extra.requestId;
    this.status = extra.status;
  }

  get isClientError(): boolean {
    return this.code === 'client/network' || this.code === 'client/bad-response';
  }
}

/** Production points this at the CloudBase HTTP access path of `admin` (VITE_ADMIN_ENDPOINT at build time). */
const ENDPOINT: string = import.meta.env.VITE_ADMIN_ENDPOINT || '/api/functions/admin';
const TIMEOUT_MS = 30_000;

// ---- token (sessionStorage: gone when the tab closes; never localStorage) ----

export const TOKEN_KEY = 'hulian.admin.token';
let memoryToken: string | null = null;

export function getToken(): string | null {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return memoryToken;
  }
}

export function setToken(token: string | null): void {
  memoryToken = token;
  try {
    if (token) window.sessionStorage.setItem(TOKEN_KEY, token);
    else window.sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    /* storage unavailable (privacy mode): the in-memory copy is used */
  }
}

// ---- locale sent with every call ----

let requestLocale: Locale = 'zh-CN';
export function setRequestLocale(locale: Locale): void {
  requestLocale = locale;
}

// ---- expired / revoked token ----

type UnauthenticatedListener = (error: AdminCallError) => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/** Called when any authenticated call answers `auth/unauthenticated`; the token is already cleared. */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: unknown };
  if (v.ok === true) return 'data' in v;
  if (v.ok === false) {
    const e = v.error as { code?: unknown; message?: unknown } | undefined;
    return typeof e === 'object' && e !== null && typeof e.code === 'string' && typeof e.message === 'string';
  }
  return false;
}

export async function adminCall<A extends AdminAction>(action: A, data: AdminIn<A>, init: { signal?: AbortSignal } = {}): Promise<AdminOut<A>> {
  const body: CallBody = { action, data, locale: requestLocale };
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'Accept-Language': requestLocale,
  };
  const authenticated = action !== 'login';
  if (authenticated) {
    const token = getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
  }

  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), TIMEOUT_MS);
  const forwardAbort = () => controller.abort();
  init.signal?.addEventListener('abort', forwardAbort);

  let response: Response;
  let text: string;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      credentials: 'same-origin',
      signal: controller.signal,
    });
    text = await response.text();
  } catch (cause) {
    if (init.signal?.aborted) throw cause; // the caller cancelled: let it see its own AbortError
    throw new AdminCallError('client/network', cause instanceof Error ? cause.message : String(cause));
  } finally {
    window.clearTimeout(timer);
    init.signal?.removeEventListener('abort', forwardAbort);
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AdminCallError('client/bad-response', `HTTP ${response.status}`, { status: response.status });
  }
  if (!isEnvelope(parsed)) {
    throw new AdminCallError('client/bad-response', `HTTP ${response.status}`, { status: response.status });
  }
  if (parsed.ok) return parsed.data as AdminOut<A>;

  const { code, message, params, requestId } = parsed.error;
  const error = new AdminCallError(code, message, { params, requestId, status: response.status });
  if (authenticated && code === 'auth/unauthenticated') {
    setToken(null);
    unauthenticatedListeners.forEach((listener) => listener(error));
  }
  throw error;
}

// ---- the session: logout and keep-alive ----

/** Ends the session on the server (its token stops working at once), then forgets the token here. */
export async function logoutSession(): Promise<void> {
  try {
    await adminCall('logout', {});
  } catch {
    /* already over or unreachable: the token is forgotten all the same */
  } finally {
    setToken(null);
  }
}

/** Slides the session forward and keeps its fresh token. */
export async function renewSession(): Promise<void> {
  const renewed = await adminCall('renew', {});
  setToken(renewed.token);
}
