import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import type { SandboxKeys, SandboxSigner } from '../../../cloudfunctions/adapters/wxpay/sandbox';

const DIR = join(__dirname, '..', '..', 'fixtures', 'wxpay');
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');
const serialOf = (pem: string) => new X509Certificate(pem).serialNumber.toUpperCase();

export const FIXTURE_APIV3_KEY = 'HulianTestApiV3Key0123456789abcd';
export const FIXTURE_PUB_KEY_ID = 'PUB_KEY_ID_0119000000012026112800000000000000';
export const FIXTURE_MCHID = '1900000001';
export const FIXTURE_APPID = 'wxdemo0000000001';

/** The committed openssl-made keys (test/fixtures/wxpay) in the sandbox's shape. */
export function fixtureKeys(): SandboxKeys {
  const merchantCert = read('merchant_cert.pem');
  const platformCert = read('platform_cert.pem');
  return {
    apiV3Key: FIXTURE_APIV3_KEY,
    merchant: { privateKey: read('merchant_key.pem'), cert: merchantCert, serial: serialOf(merchantCert) },
    platform: { privateKey: read('platform_key.pem'), cert: platformCert, serial: serialOf(platformCert) },
    publicKey: { privateKey: read('pubkey_private.pem'), publicKey: read('pubkey.pem'), serial: FIXTURE_PUB_KEY_ID },
  };
}

/** A key WeChat Pay never had, presented under a trusted serial or its own. */
export function strangerSigner(serial?: string): SandboxSigner {
  const cert = read('stranger_cert.pem');
  return { privateKey: read('stranger_key.pem'), serial: serial ?? serialOf(cert) };
}

export const fixturePem = read;
