/**
 * CloudBase error codes the store understands, and how they map onto the port's errors.
 *
 * Sources: `@cloudbase/database/dist/commonjs/const/code.js` (DATABASE_TRANSACTION_CONFLICT, the one code
 * `runTransaction` retries on); CloudBase's error-code reference (docs.cloudbase.net/error-code/
 * DATABASE_DUPLICATE_WRITE: "index key duplicate, e.g. inserting data with the same _id", also raised by
 * unique indexes). The admin API answers HTTP 200 with `{code, message, requestId}`; node-sdk turns a body
 * with `code` into a thrown `TcbError` carrying the same three fields (utils.processReturn).
 * The database can also pass MongoDB's own failure through as DATABASE_REQUEST_FAILED with the server's
 * message (DESIGN §7), so each is recognised in both shapes: a duplicate key by DATABASE_DUPLICATE_WRITE
 * or an "E11000 duplicate key error" message, a write conflict by DATABASE_TRANSACTION_CONFLICT or
 * MongoDB's "WriteConflict" (code 112, label TransientTransactionError) in the message.
 */
import { StoreConflictError } from '../../core/ports/store';
import type { CollectionDecl } from '../../core/schema/collections';
import { indexName, uniqueKeyName } from '../shared/store-guard';

export const DUPLICATE_WRITE = 'DATABASE_DUPLICATE_WRITE';
export const TX_CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';
export const REQUEST_FAILED = 'DATABASE_REQUEST_FAILED';

export interface TcbErrorLike {
  code: string;
  message?: string;
  requestId?: string;
}

export function tcbCode(e: unknown): string | undefined {
  if (e && typeof e === 'object' && 'code' in e) {
    const code = (e as { code: unknown }).code;
    if (typeof code === 'string' && code) return code;
  }
  return undefined;
}

const messageOf = (e: unknown): string => {
  const m = e && typeof e === 'object' ? (e as { message?: unknown }).message : undefined;
  return typeof m === 'string' ? m : '';
};

export const isDuplicate = (e: unknown): boolean => tcbCode(e) === DUPLICATE_WRITE || /E11000 duplicate key error/.test(messageOf(e));

const WRITE_CONFLICT = /WriteConflict|Write conflict|TransientTransactionError/i;

export const isTxConflict = (e: unknown): boolean => tcbCode(e) === TX_CONFLICT || (tcbCode(e) === REQUEST_FAILED && WRITE_CONFLICT.test(messageOf(e)));

/**
 * Which unique key a duplicate-key message names: `undefined` for `_id`, the declared key for one of our
 * unique indexes (by index name — see `indexName` — or by the field names in MongoDB's `dup key: {…}`),
 * 'unknown' when the message says neither (CloudBase does not promise a message format).
 */
export function duplicateKey(e: unknown, decl: CollectionDecl | undefined): string | undefined {
  const msg = messageOf(e);
  const index = /index:\s*([\w.$-]+)/.exec(msg)?.[1];
  if (index === '_id_') return undefined;
  const unique = decl?.indexes.filter((i) => i.unique) ?? [];
  if (index) {
    const byName = unique.find((i) => indexName(decl!.name, i) === index || i.fields.map((f) => `${f}_1`).join('_') === index);
    if (byName) return uniqueKeyName(byName);
  }
  const dup = /dup key:\s*\{([^}]*)\}/.exec(msg)?.[1];
  if (dup) {
    const fields = [...dup.matchAll(/([\w.]+)\s*:/g)].map((m) => m[1]);
    if (fields.length === 1 && fields[0] === '_id') return undefined;
    const byFields = unique.find((i) => i.fields.length === fields.length && i.fields.every((f, k) => f === fields[k]));
    if (byFields) return uniqueKeyName(byFields);
  }
  return 'unknown';
}

export function toConflict(e: unknown, coll: string, id: string, decl: CollectionDecl | undefined): StoreConflictError {
  return new StoreConflictError(coll, id, duplicateKey(e, decl));
}

/** A response object with `code` (throwOnCode off) becomes an Error carrying the same fields. */
export class CloudbaseStoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly requestId?: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'CloudbaseStoreError';
  }
}
