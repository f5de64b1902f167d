/**
 * Verifies the `Authorization: TC3-HMAC-SHA256 …` header node-sdk puts on every request (algorithm of
 * @cloudbase/signature-nodejs `Signer.tc3sign`, re-derived here from the request as received):
 *   canonical request = METHOD \n //host/path \n query \n signed headers "k:v" lines \n names \n H(params)
 *   where header values are trimmed and lower-cased, and H(params) hashes "&key=value\r\n" over the body's
 *   lower-cased keys in locale order (non-string values JSON-encoded, empty ones skipped);
 *   string to sign = TC3-HMAC-SHA256 \n timestamp \n date/tcb/tc3_request \n sha256(canonical request);
 *   key = HMAC chain "TC3"+secretKey → date → "tcb" → "tc3_request".
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

const AUTH = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/tcb\/tc3_request,(?: SignedParams=([^,]*),)? SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/;
const MAX_SKEW_S = 300;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s).digest();

const camSafe = (s: string) => encodeURIComponent(s).replace(/!/g, '%21').replace(/'/g, '%27').replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\*/g, '%2A');

function paramsHash(body: Record<string, unknown>): string {
  const kv: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    if (v === undefined) continue;
    kv[camSafe(k.toLowerCase().trim())] = (typeof v === 'string' ? v : JSON.stringify(v)).trim();
  }
  const h = createHash('sha256');
  for (const key of Object.keys(kv).sort((a, b) => a.localeCompare(b))) {
    if (!kv[key]) continue;
    h.update(`&${key}=`);
    h.update(kv[key]);
    h.update('\r\n');
  }
  return h.digest('hex');
}

/** Returns null when the request is signed by `secretId`/`secretKey`, else why not. */
export function checkSignature(
  req: { method: string; url: string; headers: IncomingHttpHeaders },
  body: Record<string, unknown>,
  creds: { secretId: string; secretKey: string },
  nowS = Math.floor(Date.now() / 1000),
): string | null {
  const auth = req.headers.authorization;
  if (!auth) return 'missing Authorization header';
  const m = AUTH.exec(auth);
  if (!m) return 'Authorization is not TC3-HMAC-SHA256';
  const [, secretId, date, , signedHeaders, signature] = m;
  if (secretId !== creds.secretId) return 'unknown SecretId';
  const timestamp = Number(req.headers['x-timestamp']);
  if (!Number.isInteger(timestamp) || Math.abs(nowS - timestamp) > MAX_SKEW_S) return 'signature timestamp missing or expired';
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) return 'credential date does not match the timestamp';

  const names = signedHeaders.split(';');
  if (!names.includes('host') || !names.includes('content-type')) return 'host and content-type must be signed';
  const lines: string[] = [];
  for (const name of names) {
    const value = req.headers[name];
    if (typeof value !== 'string') return `signed header ${name} missing`;
    lines.push(`${name}:${value.trim().toLowerCase()}`);
  }
  const [path, query = ''] = req.url.split('?');
  const key = hmac(hmac(hmac(`TC3${creds.secretKey}`, date), 'tcb'), 'tc3_request');
  const given = Buffer.from(signature, 'hex');
  const hash = paramsHash(body);
  // the signer uses the method as the client spelled it (node-sdk: 'post'), so accept either case
  for (const method of new Set([req.method.toLowerCase(), req.method.toUpperCase()])) {
    const canonical = [method, `//${req.headers.host}${path}`, query, `${lines.join('\n')}\n`, names.join(';'), hash].join('\n');
    const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/tcb/tc3_request\n${sha256(canonical)}`;
    if (timingSafeEqual(createHmac('sha256', key).update(stringToSign).digest(), given)) return null;
  }
  return 'signature mismatch';
}
