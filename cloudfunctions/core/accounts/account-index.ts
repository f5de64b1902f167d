import type { Deps, StoreTx } from '../ports';
import type { AccountDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { normaliseCompanyName } from './company-name';
import { accountByCreditCode, accountByNameKey } from './name-match';
import { gramDocId, indexAccountInTx, nameKeyId, usccKeyId, type AccountKeyDoc } from './name-index';
import { indexedGrams } from './name-similarity';

/**
 * The console keeps the duplicate-check index (core/registration/name-index.ts) in step with the
 * Accounts it creates and renames, in the same transaction as the Account itself.
 */

/** Refuses a name or credit code that another Account has (a quick look before the transaction). */
export async function refuseDuplicate(deps: Deps, wanted: { name?: string; creditCode?: string }, selfId?: string): Promise<void> {
  const [byName, byCode] = await Promise.all([
    wanted.name ? accountByNameKey(deps, normaliseCompanyName(wanted.name)) : null,
    wanted.creditCode ? accountByCreditCode(deps, wanted.creditCode) : null,
  ]);
  const other = [byName, byCode].find((a) => a && a._id !== selfId);
  if (other) throw new AppError('accounts/duplicate', { accountId: other._id, accountName: other.name });
}

/** Same check inside the transaction, on the key documents: two racing creations cannot both pass. */
async function refuseDuplicateInTx(tx: StoreTx, keyIds: string[], selfId: string): Promise<void> {
  for (const id of keyIds) {
    const key = await tx.get<AccountKeyDoc>('account_keys', id);
    if (key && key.account_id !== selfId) {
      const other = await tx.get<AccountDoc>('accounts', key.account_id);
      throw new AppError('accounts/duplicate', { accountId: key.account_id, accountName: other?.name ?? '' });
    }
  }
}

function indexIds(a: { _id: string; name: string; credit_code?: string }): { keys: string[]; grams: string[] } {
  const n = normaliseCompanyName(a.name);
  return {
    keys: [nameKeyId(n.key), ...(a.credit_code ? [usccKeyId(a.credit_code)] : [])],
    grams: indexedGrams(n.core).map((g) => gramDocId(g, a._id)),
  };
}

export async function indexNewAccountInTx(tx: StoreTx, account: { _id: string; name: string; credit_code?: string }): Promise<void> {
  await refuseDuplicateInTx(tx, indexIds(account).keys, account._id);
  await indexAccountInTx(tx, account);
}

/** A renamed (or re-coded) Account: its old index documents go, the new ones come. */
export async function reindexAccountInTx(tx: StoreTx, before: AccountDoc, after: { _id: string; name: string; credit_code?: string }): Promise<void> {
  const next = indexIds(after);
  await refuseDuplicateInTx(tx, next.keys, after._id);
  const old = indexIds({ _id: before._id, name: before.name, credit_code: typeof before['credit_code'] === 'string' ? before['credit_code'] : undefined });
  for (const id of old.keys) {
    const key = await tx.get<AccountKeyDoc>('account_keys', id);
    if (key?.account_id === before._id) await tx.remove('account_keys', id);
  }
  for (const id of old.grams) await tx.remove('account_grams', id);
  await indexAccountInTx(tx, after);
}
