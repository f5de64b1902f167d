import { createDecipheriv } from 'node:crypto';
import { PayVerifyError } from './signature';

export interface EncryptedResource {
  algorithm: string;
  ciphertext: string;
  associated_data?: string;
  nonce: string;
}

const TAG_BYTES = 16;

/**
 * Decrypts a notification's `resource` (AEAD_AES_256_GCM with the APIv3 key) and checks its tag:
 * `final()` throws when the ciphertext, the tag or the associated data were changed. wechatpay-node-v3's
 * `decipher_gcm` never calls `final()`, which is why this exists.
 */
export function decryptResource(resource: EncryptedResource, apiV3Key: string): string {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') throw new PayVerifyError('algorithm');
  const key = Buffer.from(apiV3Key, 'utf8');
  const raw = Buffer.from(resource.ciphertext, 'base64');
  if (key.length !== 32 || raw.length <= TAG_BYTES || !resource.nonce) throw new PayVerifyError('resource');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(resource.nonce, 'utf8'), { authTagLength: TAG_BYTES });
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
    const plain = Buffer.concat([decipher.update(raw.subarray(0, raw.length - TAG_BYTES)), decipher.final()]);
    return plain.toString('utf8');
  } catch {
    throw new PayVerifyError('decrypt');
  }
}
