import { readFileSync } from 'node:fs';

/**
 * The merchant's WeChat Pay configuration. Secrets come only from environment variables (or files they
 * name); nothing here is ever committed or logged.
 *
 * | variable | what |
 * |---|---|
 * | `WXPAY_MCHID`, `WXPAY_APPID` | merchant id and the app id orders are placed for |
 * | `WXPAY_PRIVATE_KEY` / `_FILE` | merchant API private key (`apiclient_key.pem`): signs requests |
 * | `WXPAY_CERT` / `_FILE` | merchant API certificate (`apiclient_cert.pem`): its serial goes in each request |
 * | `WXPAY_APIV3_KEY` | APIv3 key (32 bytes): decrypts notification resources |
 * | `WXPAY_PLATFORM_CERT` / `_FILE` | one or more WeChat Pay platform certificates (PEM, concatenated) |
 * | `WXPAY_PUBLIC_KEY` / `_FILE` + `WXPAY_PUBLIC_KEY_ID` | the WeChat Pay public key and its id (`PUB_KEY_ID_…`) |
 * | `WXPAY_NOTIFY_URL` | the public HTTPS address of the `payNotify` function |
 *
 * Platform certificates and the public key may be configured together (WeChat Pay's key migration): a
 * signature is checked with whichever the `Wechatpay-Serial` header names.
 */
export interface WxpayConfig {
  mchid: string;
  appid: string;
  merchantPrivateKey: string;
  merchantCert: string;
  apiV3Key: string;
  platformCerts: string[];
  publicKey?: { id: string; pem: string };
  notifyUrl: string;
}

type Env = Record<string, string | undefined>;

/** PEM text from `NAME` (literal `\n` allowed, as one-line variables need) or from the file `NAME_FILE`. */
export function pemFromEnv(env: Env, name: string): string | undefined {
  const inline = env[name];
  if (inline && inline.trim()) return inline.replace(/\\n/g, '\n').trim() + '\n';
  const file = env[`${name}_FILE`];
  if (file && file.trim()) return readFileSync(file.trim(), 'utf8');
  return undefined;
}

/** Splits concatenated PEM certificates. */
export function splitCertificates(pem: string): string[] {
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)?.map((c) => c + '\n') ?? [];
}

/** The configuration, or the names of the variables that are missing or malformed. */
export function wxpayConfigFromEnv(env: Env): { config: WxpayConfig } | { missing: string[] } {
  const missing: string[] = [];
  const need = (name: string, value: string | undefined) => {
    if (!value || !value.trim()) missing.push(name);
    return value?.trim() ?? '';
  };
  const mchid = need('WXPAY_MCHID', env['WXPAY_MCHID']);
  const appid = need('WXPAY_APPID', env['WXPAY_APPID']);
  const merchantPrivateKey = need('WXPAY_PRIVATE_KEY', pemFromEnv(env, 'WXPAY_PRIVATE_KEY'));
  const merchantCert = need('WXPAY_CERT', pemFromEnv(env, 'WXPAY_CERT'));
  const apiV3Key = need('WXPAY_APIV3_KEY', env['WXPAY_APIV3_KEY']);
  if (apiV3Key && Buffer.byteLength(apiV3Key) !== 32) missing.push('WXPAY_APIV3_KEY (32 bytes)');
  const notifyUrl = need('WXPAY_NOTIFY_URL', env['WXPAY_NOTIFY_URL']);
  const platformCerts = splitCertificates(pemFromEnv(env, 'WXPAY_PLATFORM_CERT') ?? '');
  const publicKeyPem = pemFromEnv(env, 'WXPAY_PUBLIC_KEY');
  const publicKeyId = env['WXPAY_PUBLIC_KEY_ID']?.trim();
  if (publicKeyPem && !publicKeyId) missing.push('WXPAY_PUBLIC_KEY_ID');
  if (!platformCerts.length && !publicKeyPem) missing.push('WXPAY_PLATFORM_CERT or WXPAY_PUBLIC_KEY');
  if (missing.length) return { missing };
  return {
    config: {
      mchid,
      appid,
      merchantPrivateKey,
      merchantCert,
      apiV3Key,
      platformCerts,
      ...(publicKeyPem && publicKeyId ? { publicKey: { id: publicKeyId, pem: publicKeyPem } } : {}),
      notifyUrl,
    },
  };
}
