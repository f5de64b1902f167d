/**
 * TC3-HMAC-SHA256 as Tencent Cloud API 3.0 verifies it (product docs "签名方法 v3"), re-derived from the
 * request as received:
 *   canonical request = METHOD \n URI \n query \n "name:value\n" per signed header \n signed names \n hex(sha256(body))
 *   (header names and values lower-cased and trimmed)
 *   string to sign    = "TC3-HMAC-SHA256" \n X-TC-Timestamp \n "<date>/<service>/tc3_request" \n hex(sha256(canonical request))
 *   key               = HMAC chain: "TC3"+SecretKey → date → service → "tc3_request"
 * Answers with the API 3.0 error code a real endpoint would give, or null when the request is good.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

const AUTH = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([a-z]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;
const MAX_SKEW_S = 300;

const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s).digest();

export interface Tc3Credential {
  secretId: string;
  secretKey: string;
  /** set for temporary credentials: the request must carry it in X-TC-Token */
  token?: string;
}

export interface Tc3Failure {
  code: string;
  message: string;
}

const fail = (code: string, message: string): Tc3Failure => ({ code, message });

export function checkTc3(
  req: { method: string; url: string; headers: IncomingHttpHeaders },
  body: Buffer,
  service: string,
  credentials: readonly Tc3Credential[],
  nowS = Math.floor(Date.now() / 1000),
): Tc3Failure | null {
  const m = AUTH.exec(String(req.headers.authorization ?? ''));
  if (!m) return fail('AuthFailure.SignatureFailure', 'Authorization is not TC3-HMAC-SHA256');
  const [, secretId, date, signedService, signedHeaders, signature] = m;
  const cred = credentials.find((c) => c.secretId === secretId);
  if (!cred) return fail('AuthFailure.SecretIdNotFound', 'the SecretId is not found');
  if (signedService !== service) return fail('AuthFailure.SignatureFailure', `credential scope names service ${signedService}, not ${service}`);
  const timestamp = Number(req.headers['x-tc-timestamp']);
  if (!Number.isInteger(timestamp) || Math.abs(nowS - timestamp) > MAX_SKEW_S) return fail('AuthFailure.SignatureExpire', 'signature expired');
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) return fail('AuthFailure.SignatureFailure', 'credential date does not match X-TC-Timestamp');
  if ((cred.token ?? '') !== String(req.headers['x-tc-token'] ?? '')) return fail('AuthFailure.TokenFailure', 'token missing or wrong');

  const names = signedHeaders.split(';');
  if (!names.includes('host') || !names.includes('content-type')) return fail('AuthFailure.SignatureFailure', 'host and content-type must be signed');
  const lines: string[] = [];
  for (const name of names) {
    const value = req.headers[name];
    if (typeof value !== 'string') return fail('AuthFailure.SignatureFailure', `signed header ${name} missing`);
    lines.push(`${name}:${value.trim().toLowerCase()}\n`);
  }
  const [path, query = ''] = req.url.split('?');
  const canonical = [req.method.toUpperCase(), path, query, lines.join(''), signedHeaders, sha256(body)].join('\n');
  const toSign = ['TC3-HMAC-SHA256', String(timestamp), `${date}/${service}/tc3_request`, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(`TC3${cred.secretKey}`, date), service), 'tc3_request');
  const given = Buffer.from(signature, 'hex');
  if (!timingSafeEqual(hmac(key, toSign), given)) return fail('AuthFailure.SignatureFailure', 'signature mismatch');
  return null;
}
