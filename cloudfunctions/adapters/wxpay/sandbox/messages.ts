import { createCipheriv, randomBytes, sign } from 'node:crypto';
import type { SandboxSigner } from './keys';

/**
 * What WeChat Pay puts on the wire, made the way WeChat Pay makes it: signed messages (`Wechatpay-*`
 * headers over `timestamp\nnonce\nbody\n`) and AES-256-GCM resources. The sandbox sends these; tests
 * build them and then tamper with one piece at a time.
 */

const nonceString = (n = 32) => randomBytes(n).toString('base64url').slice(0, n);

export interface EncryptOptions {
  nonce?: string;
  associatedData?: string;
  originalType?: string;
}

export function encryptResource(plaintext: string, apiV3Key: string, opts: EncryptOptions = {}) {
  const nonce = opts.nonce ?? nonceString(12);
  const associated = opts.associatedData ?? 'transaction';
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associated, 'utf8'));
  const enc = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { original_type: opts.originalType ?? 'transaction', algorithm: 'AEAD_AES_256_GCM', ciphertext: enc.toString('base64'), associated_data: associated, nonce };
}

export type SignedHeaders = Record<'wechatpay-timestamp' | 'wechatpay-nonce' | 'wechatpay-serial' | 'wechatpay-signature' | 'wechatpay-signature-type', string>;

export function signMessage(body: string, signer: SandboxSigner, timestampSeconds: number, nonce = nonceString()): SignedHeaders {
  const signature = sign('RSA-SHA256', Buffer.from(`${timestampSeconds}\n${nonce}\n${body}\n`, 'utf8'), signer.privateKey).toString('base64');
  return {
    'wechatpay-timestamp': String(timestampSeconds),
    'wechatpay-nonce': nonce,
    'wechatpay-serial': signer.serial,
    'wechatpay-signature': signature,
    'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
  };
}

/** `create_time` as WeChat Pay writes it (Beijing time). */
export function beijingNow(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00';
}

/** A TRANSACTION.SUCCESS notification for `transaction`, encrypted with the APIv3 key and signed. */
export function successNotification(transaction: Record<string, unknown>, apiV3Key: string, signer: SandboxSigner, nowMs: number, opts: { id?: string } & EncryptOptions = {}) {
  const body = JSON.stringify({
    id: opts.id ?? `EV-${randomBytes(10).toString('hex')}`,
    create_time: beijingNow(nowMs),
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: encryptResource(JSON.stringify(transaction), apiV3Key, opts),
  });
  return { headers: signMessage(body, signer, Math.floor(nowMs / 1000)), body };
}
