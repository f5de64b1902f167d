import { randomBytes, sign, type KeyObject } from 'node:crypto';

/**
 * A minimal self-signed X.509 v3 certificate (sha256WithRSAEncryption), DER-encoded by hand so the
 * local sandbox can make its merchant and platform certificates on any machine, offline, without the
 * openssl CLI. Only what wechatpay-node-v3 (@fidm/x509) and node:crypto need: serial, names, validity,
 * public key. Never used for anything but the sandbox and tests.
 */

const length = (n: number): number[] => {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return [0x80 | bytes.length, ...bytes];
};
const tlv = (tag: number, content: Buffer) => Buffer.concat([Buffer.from([tag, ...length(content.length)]), content]);
const seq = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));
const NULL = Buffer.from([0x05, 0x00]);

function integer(bytes: Buffer): Buffer {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  const trimmed = bytes.subarray(i);
  // DER integers are signed: a leading 1 bit needs a zero byte in front to stay positive
  return tlv(0x02, trimmed[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [40 * a! + b!];
  for (const n of rest) {
    const chunk: number[] = [];
    for (let v = n; ; v = Math.floor(v / 128)) {
      chunk.unshift((v % 128) | (chunk.length ? 0x80 : 0));
      if (v < 128) break;
    }
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z'; // YYYYMMDDHHMMSSZ
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2))) : tlv(0x18, Buffer.from(iso));
}

const SHA256_RSA = seq(oid('1.2.840.113549.1.1.11'), NULL);

function name(parts: { cn: string; o?: string }): Buffer {
  const rdn = (type: string, value: string) => set(seq(oid(type), tlv(0x0c, Buffer.from(value, 'utf8'))));
  return seq(...(parts.o ? [rdn('2.5.4.10', parts.o)] : []), rdn('2.5.4.3', parts.cn));
}

export interface SelfSignedOptions {
  publicKey: KeyObject;
  privateKey: KeyObject;
  commonName: string;
  organization?: string;
  notBefore: Date;
  notAfter: Date;
  /** big-endian bytes; random 16 bytes by default */
  serial?: Buffer;
}

/** A PEM certificate and its serial number as upper-case hex (what `Wechatpay-Serial` carries). */
export function selfSignedCertificate(opts: SelfSignedOptions): { pem: string; serial: string } {
  const serial = opts.serial ?? randomBytes(16);
  serial[0] = serial[0]! & 0x7f || 0x01; // positive and without a leading zero byte
  const subject = name({ cn: opts.commonName, ...(opts.organization ? { o: opts.organization } : {}) });
  const tbs = seq(
    tlv(0xa0, integer(Buffer.from([2]))), // v3
    integer(serial),
    SHA256_RSA,
    subject,
    seq(time(opts.notBefore), time(opts.notAfter)),
    subject,
    opts.publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = sign('sha256', tbs, opts.privateKey);
  const der = seq(tbs, SHA256_RSA, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return { pem: `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`, serial: serial.toString('hex').toUpperCase() };
}
