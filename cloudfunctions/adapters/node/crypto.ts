import { createHash, createHmac, randomBytes, randomInt, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import type { Crypto } from '../../core/ports';

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 64 };

function scrypt(password: string, salt: Buffer, N: number, r: number, p: number, keylen: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, keylen, { N, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

let lastMs = 0;
let seq = 0;

/** Time-ordered ids: newer documents sort after older ones, which paging by id relies on. */
function timeOrderedId(prefix: string): string {
  const now = Date.now();
  seq = now === lastMs ? seq + 1 : 0;
  lastMs = now;
  const time = now.toString(36).padStart(9, '0');
  const counter = seq.toString(36).padStart(3, '0');
  return `${prefix}_${time}${counter}${randomBytes(6).toString('hex')}`;
}

/** node:crypto behind the Crypto port. `secret` signs tokens and keys HMACs; it never leaves the server. */
export function nodeCrypto(secret: string): Crypto {
  if (secret.length < 32) throw new Error('the signing secret must be at least 32 characters');
  const sign = (data: string) => createHmac('sha256', secret).update(data).digest('base64url');
  return {
    randomId: timeOrderedId,
    randomDigits(n) {
      let out = '';
      for (let i = 0; i < n; i++) out += String(randomInt(0, 10));
      return out;
    },
    hmac: (value) => createHmac('sha256', secret).update(value).digest('hex'),
    sha1Hex: (value) => createHash('sha1').update(value, 'utf8').digest('hex'),
    async hashPassword(password) {
      const salt = randomBytes(16);
      const key = await scrypt(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keylen);
      return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
    },
    async verifyPassword(password, stored) {
      const parts = stored.split('$');
      if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
      const [, N, r, p, saltB64, keyB64] = parts;
      const expected = Buffer.from(keyB64, 'base64');
      if (expected.length === 0) return false;
      const actual = await scrypt(password, Buffer.from(saltB64, 'base64'), Number(N), Number(r), Number(p), expected.length);
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
    signToken(payload, ttlSeconds) {
      const body = Buffer.from(JSON.stringify({ ...payload, exp: Math.floor(Date.now() / 1000) + ttlSeconds }), 'utf8').toString('base64url');
      return `${body}.${sign(body)}`;
    },
    verifyToken(token) {
      const dot = token.indexOf('.');
      if (dot <= 0 || token.length > 4096) return null;
      const body = token.slice(0, dot);
      const given = Buffer.from(token.slice(dot + 1));
      const want = Buffer.from(sign(body));
      if (given.length !== want.length || !timingSafeEqual(given, want)) return null;
      try {
        const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
        if (typeof payload['exp'] !== 'number' || payload['exp'] < Date.now() / 1000) return null;
        return payload;
      } catch {
        return null;
      }
    },
  };
}
