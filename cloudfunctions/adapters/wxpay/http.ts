import type { VerifierKeys } from './keys';
import { PayVerifyError, verifySignedMessage } from './signature';

/** One HTTP exchange with WeChat Pay's API, bytes as sent and received. */
export interface RawRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface RawResponse {
  status: number;
  /** lower-case names */
  headers: Record<string, string>;
  body: string;
}

export type Transport = (req: RawRequest) => Promise<RawResponse>;

/** What wechatpay-node-v3's `createHttp` expects (its `IPayRequest`, whose answers are `Output`s). */
export interface PayHttp {
  post(url: string, params: Record<string, any>, headers: Record<string, any>): Promise<HttpOutput>;
  get(url: string, headers: Record<string, any>): Promise<HttpOutput>;
  upload(url: string, params: Record<string, any>, headers: Record<string, any>): Promise<HttpOutput>;
}

export interface HttpOutput {
  status: number;
  data?: any;
  /** WeChat Pay's error body `{code, message}`, or our own reason when the exchange itself failed */
  error?: any;
}

const stringHeaders = (headers: Record<string, any>) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)]));

/**
 * The HTTP client handed to wechatpay-node-v3 (`pay.createHttp`). The library signs each request; this
 * sends it through `transport` and accepts a 2xx answer only when WeChat Pay's signature over it
 * verifies — a query that says SUCCESS credits seats, so it must provably come from WeChat Pay.
 * Failures come back as `{status: 0, error}` (the library's own client does the same with superagent).
 */
export function verifyingHttp(transport: Transport, keys: VerifierKeys, now: () => number): PayHttp {
  async function exchange(req: RawRequest): Promise<HttpOutput> {
    let res: RawResponse;
    try {
      res = await transport(req);
    } catch (e) {
      return { status: 0, error: { code: 'NETWORK', message: e instanceof Error ? e.message : String(e) } };
    }
    let parsed: unknown;
    try {
      parsed = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      return { status: 0, error: { code: 'BAD_RESPONSE', message: `HTTP ${res.status}` } };
    }
    if (res.status < 200 || res.status >= 300) return { status: res.status, error: parsed ?? { code: `HTTP_${res.status}` } };
    try {
      verifySignedMessage(res.headers, res.body, keys, now());
    } catch (e) {
      return { status: 0, error: { code: 'RESPONSE_SIGNATURE', message: e instanceof PayVerifyError ? e.reason : 'unverified' } };
    }
    return { status: res.status, data: parsed };
  }
  return {
    post: (url, params, headers) => exchange({ method: 'POST', url, headers: stringHeaders(headers), body: JSON.stringify(params) }),
    get: (url, headers) => exchange({ method: 'GET', url, headers: stringHeaders(headers) }),
    // Image upload is not used for payments; refuse rather than send unsigned multipart bodies.
    upload: async () => ({ status: 0, error: { code: 'UNSUPPORTED', message: 'upload is not used' } }),
  };
}

/** Production transport: Node's fetch to api.mch.weixin.qq.com, bounded in time. */
export function fetchTransport(timeoutMs = 10_000): Transport {
  return async (req) => {
    const res = await fetch(req.url, { method: req.method, headers: req.headers, ...(req.body !== undefined ? { body: req.body } : {}), signal: AbortSignal.timeout(timeoutMs) });
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
    return { status: res.status, headers, body: await res.text() };
  };
}
