import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { selfSignedCertificate } from './x509';

/** A signing identity: a private key and either a certificate (serial = its serial) or a public key id. */
export interface SandboxSigner {
  privateKey: string;
  /** `Wechatpay-Serial`: the certificate's serial (hex) or the public key id */
  serial: string;
}

/**
 * Everything the sandbox plays WeChat Pay with: the merchant's API key and certificate (what
 * `new Pay(...)` loads), the APIv3 key, a platform certificate and a WeChat Pay public key. Local only:
 * generated at first start into DATA_DIR, or loaded from test/fixtures in tests.
 */
export interface SandboxKeys {
  apiV3Key: string;
  merchant: { privateKey: string; cert: string; serial: string };
  platform: SandboxSigner & { cert: string };
  publicKey: SandboxSigner & { publicKey: string };
}

const FILE = 'wxpay-sandbox-keys.json';
const ALPHANUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 32 characters, as WeChat Pay's APIv3 keys are. */
export function randomApiV3Key(): string {
  return Array.from(randomBytes(32), (b) => ALPHANUM[b % ALPHANUM.length]).join('');
}

function rsa() {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

export function generateSandboxKeys(mchid: string, now = Date.now()): SandboxKeys {
  const notBefore = new Date(now - 24 * 3600_000);
  const notAfter = new Date(now + 10 * 365 * 24 * 3600_000);
  const merchantPair = rsa();
  const merchant = selfSignedCertificate({ ...merchantPair, commonName: mchid, organization: 'Hulian sandbox merchant', notBefore, notAfter });
  const platformPair = rsa();
  const platform = selfSignedCertificate({ ...platformPair, commonName: 'Tenpay.com Root CA (sandbox)', organization: 'Hulian sandbox WeChat Pay', notBefore, notAfter });
  const pubPair = rsa();
  const pem = (k: { export(o: { type: 'pkcs8' | 'spki'; format: 'pem' }): string | Buffer }, type: 'pkcs8' | 'spki') => String(k.export({ type, format: 'pem' }));
  return {
    apiV3Key: randomApiV3Key(),
    merchant: { privateKey: pem(merchantPair.privateKey, 'pkcs8'), cert: merchant.pem, serial: merchant.serial },
    platform: { privateKey: pem(platformPair.privateKey, 'pkcs8'), cert: platform.pem, serial: platform.serial },
    publicKey: {
      privateKey: pem(pubPair.privateKey, 'pkcs8'),
      publicKey: pem(pubPair.publicKey, 'spki'),
      serial: `PUB_KEY_ID_01${randomBytes(13).toString('hex').toUpperCase()}`,
    },
  };
}

function isKeys(v: unknown): v is SandboxKeys {
  const k = v as SandboxKeys;
  try {
    // parse every key once: a truncated or edited file is regenerated rather than half-used
    createPrivateKey(k.merchant.privateKey);
    createPrivateKey(k.platform.privateKey);
    createPrivateKey(k.publicKey.privateKey);
    createPublicKey(k.publicKey.publicKey);
    return typeof k.apiV3Key === 'string' && k.apiV3Key.length === 32 && !!k.merchant.cert && !!k.platform.cert;
  } catch {
    return false;
  }
}

/** The sandbox keys kept in `dir` (created once, mode 0600, written atomically), so restarts keep them. */
export function loadOrCreateSandboxKeys(dir: string, mchid: string): SandboxKeys {
  const file = join(dir, FILE);
  if (existsSync(file)) {
    try {
      const keys: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (isKeys(keys)) return keys;
    } catch {
      // unreadable: make new ones below
    }
  }
  mkdirSync(dir, { recursive: true });
  const keys = generateSandboxKeys(mchid);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(keys, null, 2), { mode: 0o600 });
  renameSync(tmp, file);
  return keys;
}
