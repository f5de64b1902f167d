import type { PayNotification } from '../../core/ports';
import type { VerifierKeys } from './keys';
import { decryptResource } from './resource';
import { PayVerifyError, verifySignedMessage, type Headers } from './signature';
import { parseTransaction } from './transaction';

export interface NotificationKeys {
  keys: VerifierKeys;
  apiV3Key: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Opens a WeChat Pay notification, in this order: signature and timestamp over the raw body, then the
 * JSON, then the AES-256-GCM resource with its tag, then the transaction's shape. Production and the
 * local sandbox both come through here. Throws `PayVerifyError` with the first failed check.
 */
export function openNotification(headers: Headers, body: string, keys: NotificationKeys, nowMs: number): PayNotification {
  verifySignedMessage(headers, body, keys.keys, nowMs);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new PayVerifyError('body');
  }
  if (!isObject(parsed) || typeof parsed['id'] !== 'string' || typeof parsed['event_type'] !== 'string') throw new PayVerifyError('body');
  const eventType = parsed['event_type'];
  const resource = parsed['resource'];
  if (!eventType.startsWith('TRANSACTION.')) return { id: parsed['id'], eventType, transaction: null };
  if (!isObject(resource)) throw new PayVerifyError('body');
  const { algorithm, ciphertext, associated_data, nonce } = resource;
  if (typeof algorithm !== 'string' || typeof ciphertext !== 'string' || typeof nonce !== 'string') throw new PayVerifyError('body');
  if (associated_data !== undefined && typeof associated_data !== 'string') throw new PayVerifyError('body');
  const plain = decryptResource({ algorithm, ciphertext, nonce, ...(associated_data !== undefined ? { associated_data } : {}) }, keys.apiV3Key);
  let transaction: unknown;
  try {
    transaction = JSON.parse(plain);
  } catch {
    throw new PayVerifyError('resource');
  }
  return { id: parsed['id'], eventType, transaction: parseTransaction(transaction) };
}
