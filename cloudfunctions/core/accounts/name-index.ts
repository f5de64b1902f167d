import type { StoreTx } from '../ports';
import type { AccountDoc } from '../kernel/docs';
import { hasCjk, legalFormOfName, normaliseCompanyName, type CompanyName } from './company-name';
import { indexedGrams } from './name-similarity';
import { canonicalText } from './confusables';

/**
 * The indexes that make duplicate checks cheap and race-free, kept as documents so both stores carry them:
 * - `account_keys`: one document per normalised name key and per USCC, with a deterministic id. Creating
 *   an Account inserts its keys in the same transaction, so two simultaneous registrations of variants of
 *   one name collide on the key and the loser, re-run, joins the winner's Account.
 * - `account_grams`: an inverted index of the distinctive bigrams of each Account's core name, for fuzzy
 *   candidates (one indexed equality query per bigram, never a scan or a regular expression).
 */
export interface AccountKeyDoc {
  _id: string;
  account_id: string;
  kind: 'name' | 'uscc';
  value: string;
  [key: string]: unknown;
}

export interface AccountGramDoc {
  _id: string;
  gram: string;
  account_id: string;
  [key: string]: unknown;
}

const hex = (s: string) => Array.from(s, (ch) => ch.codePointAt(0)!.toString(16).padStart(4, '0')).join('');

/** 64-bit FNV-1a in two 32-bit halves: a stable digest for keys too long to spell out in an id. */
function fnv64(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193 + 2) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/** ASCII document ids for any key: the key spelled in hex, or its prefix and a digest when long. */
function keyId(kind: 'name' | 'uscc', value: string): string {
  const body = hex(value);
  return body.length <= 200 ? `${kind}_${body}` : `${kind}_${body.slice(0, 160)}_${fnv64(value)}`;
}

export const nameKeyId = (key: string) => keyId('name', key);
export const usccKeyId = (code: string) => keyId('uscc', code);
export const gramDocId = (gram: string, accountId: string) => `${hex(gram)}_${accountId}`;

/** The name fields every Account carries, so that exact and region-less lookups are index equalities. */
export function accountNameFields(name: string): { name_key: string; name_core: string; name_region: string; name_branch: string; name_canon: string } {
  const n = normaliseCompanyName(name);
  // the core spelled by sound and shape: a homophone or look-alike typo of the whole core is one indexed equality away
  return { name_key: n.key, name_core: n.core, name_region: n.region, name_branch: n.branch, name_canon: canonicalText(n.core) };
}

/**
 * The Account's name as the matcher reads it: the stored name fields of a Chinese name with its legal
 * form read off the text; anything else (English words, no stored fields) normalised afresh.
 */
export function nameOfAccount(a: AccountDoc): CompanyName {
  const key = a['name_key'];
  if (typeof key === 'string' && typeof a['name_core'] === 'string' && hasCjk(a.name)) {
    return { key, core: a['name_core'], region: String(a['name_region'] ?? ''), branch: String(a['name_branch'] ?? ''), form: legalFormOfName(a.name) };
  }
  return normaliseCompanyName(a.name);
}

/**
 * Writes the index documents of a new Account inside the caller's transaction. Fails with a
 * StoreConflictError when the name key or USCC already belongs to another Account — the caller re-runs
 * and finds that Account. Whoever creates or renames Accounts (registration, the console) should call it.
 */
export async function indexAccountInTx(tx: StoreTx, account: { _id: string; name: string; credit_code?: string }): Promise<void> {
  const n = normaliseCompanyName(account.name);
  await tx.insert('account_keys', { _id: nameKeyId(n.key), account_id: account._id, kind: 'name', value: n.key } satisfies AccountKeyDoc);
  if (account.credit_code) await tx.insert('account_keys', { _id: usccKeyId(account.credit_code), account_id: account._id, kind: 'uscc', value: account.credit_code } satisfies AccountKeyDoc);
  for (const gram of indexedGrams(n.core)) await tx.insert('account_grams', { _id: gramDocId(gram, account._id), gram, account_id: account._id } satisfies AccountGramDoc);
}
