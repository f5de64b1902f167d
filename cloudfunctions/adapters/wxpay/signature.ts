import { verify as rsaVerify } from 'node:crypto';
import { serialKey, type VerifierKeys } from './keys';

/** WeChat Pay sends probe signatures with this prefix to test that merchants verify; never valid. */
const SIGNTEST_PREFIX = 'WECHATPAY/SIGNTEST/';
/** How far a message's timestamp may be from our clock, either way (WeChat Pay's own rule). */
export const TIMESTAMP_WINDOW_SECONDS = 300;

export class PayVerifyError extends Error {
  constructor(readonly reason: string) {
    super(`wechat pay message rejected: ${reason}`);
    this.name = 'PayVerifyError';
  }
}

export type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() !== name) continue;
    // a repeated Wechatpay-* header is ambiguous: refuse rather than pick one
    if (Array.isArray(v)) return v.length === 1 ? v[0] : undefined;
    return v;
  }
  return undefined;
}

/**
 * Verifies a message WeChat Pay signed (a notification or an API response): RSA-SHA256 over
 * `timestamp\nnonce\nbody\n` with the key `Wechatpay-Serial` names, the timestamp within
 * ±300 s of `nowMs`, probe signatures refused. `body` must be the raw text exactly as received.
 */
export function verifySignedMessage(headers: Headers, body: string, keys: VerifierKeys, nowMs: number): void {
  const timestamp = header(headers, 'wechatpay-timestamp');
  const nonce = header(headers, 'wechatpay-nonce');
  const serial = header(headers, 'wechatpay-serial');
  const signature = header(headers, 'wechatpay-signature');
  if (!timestamp || !nonce || !serial || !signature) throw new PayVerifyError('headers');
  if (signature.startsWith(SIGNTEST_PREFIX)) throw new PayVerifyError('signtest');
  if (!/^\d{1,12}$/.test(timestamp)) throw new PayVerifyError('timestamp');
  if (Math.abs(Math.floor(nowMs / 1000) - Number(timestamp)) > TIMESTAMP_WINDOW_SECONDS) throw new PayVerifyError('timestamp');
  const key = keys.get(serialKey(serial));
  if (!key) throw new PayVerifyError('unknown-serial');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) throw new PayVerifyError('signature');
  let ok = false;
  try {
    ok = rsaVerify('RSA-SHA256', Buffer.from(`${timestamp}\n${nonce}\n${body}\n`, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    ok = false;
  }
  if (!ok) throw new PayVerifyError('signature');
}
