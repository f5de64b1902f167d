import { X509Certificate, createPublicKey, type KeyObject } from 'node:crypto';
import type { WxpayConfig } from './config';

/**
 * The keys WeChat Pay may sign with, by the value its `Wechatpay-Serial` header carries: the serial
 * number of each platform certificate (hex) and the id of the WeChat Pay public key (`PUB_KEY_ID_…`).
 * Fixed at start: an unknown serial is rejected, never looked up — so a forged header cannot make this
 * process download certificates (wechatpay-node-v3's `verifySign` would, without bound).
 */
export type VerifierKeys = ReadonlyMap<string, KeyObject>;

/** Serials compare case-insensitively: WeChat Pay sends upper-case hex, some tools print lower-case. */
export const serialKey = (serial: string) => serial.trim().toUpperCase();

export function verifierKeys(config: Pick<WxpayConfig, 'platformCerts' | 'publicKey'>): VerifierKeys {
  const keys = new Map<string, KeyObject>();
  for (const pem of config.platformCerts) {
    const cert = new X509Certificate(pem);
    keys.set(serialKey(cert.serialNumber), cert.publicKey);
  }
  if (config.publicKey) keys.set(serialKey(config.publicKey.id), createPublicKey(config.publicKey.pem));
  return keys;
}
