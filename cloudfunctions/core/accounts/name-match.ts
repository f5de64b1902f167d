import type { Deps } from '../ports';
import type { AccountDoc } from '../kernel/docs';
import { normaliseCompanyName, type CompanyName } from './company-name';
import { nameKeyId, nameOfAccount, usccKeyId, type AccountGramDoc, type AccountKeyDoc } from './name-index';
import { indexedGrams } from './name-similarity';
import { canonicalText } from './confusables';
import { compareNames, offered, OFFER_SCORE, type NameComparison } from './name-compare';

export type DuplicateCheck = 'exact' | 'fuzzy';

export interface ScoredAccount {
  account: AccountDoc;
  score: number;
  comparison: NameComparison;
}

export type NameMatch =
  | { kind: 'exact'; account: AccountDoc; comparison: NameComparison }
  | { kind: 'fuzzy'; account: AccountDoc; score: number; comparison: NameComparison }
  | { kind: 'none' };

/** Postings read per bigram. A bigram with more Accounts than this is common: it counts for little. */
export const POSTINGS_PER_GRAM = 100;
/** the first grams of a core are its brand's: they decide; industry grams are not indexed */
const MAX_GRAMS = 8;
const CANDIDATES_SCORED = 12;

async function accountByKeyDoc(deps: Deps, keyId: string): Promise<AccountDoc | null> {
  const key = await deps.store.get<AccountKeyDoc>('account_keys', keyId);
  return key ? following(deps, await deps.store.get<AccountDoc>('accounts', key.account_id)) : null;
}

/** A merged Account leads to the one it was merged into (its keys normally point there already). */
async function following(deps: Deps, account: AccountDoc | null): Promise<AccountDoc | null> {
  for (let hops = 0; account && typeof account['merged_into'] === 'string' && hops < 8; hops++) account = await deps.store.get<AccountDoc>('accounts', account['merged_into']);
  return account;
}

/** The Account with exactly this normalised name: its key document, else an Account carrying the key. */
export async function accountByNameKey(deps: Deps, name: CompanyName): Promise<AccountDoc | null> {
  const viaKey = await accountByKeyDoc(deps, nameKeyId(name.key));
  if (viaKey) return viaKey;
  // Accounts written by other tools carry `name_key` without a key document: one indexed equality.
  const found = await deps.store.find<AccountDoc>('accounts', { where: { name_key: name.key }, limit: 1 });
  return following(deps, found[0] ?? null);
}

export async function accountByCreditCode(deps: Deps, code: string): Promise<AccountDoc | null> {
  const viaKey = await accountByKeyDoc(deps, usccKeyId(code));
  if (viaKey) return viaKey;
  const found = await deps.store.find<AccountDoc>('accounts', { where: { credit_code: code }, limit: 1 });
  return following(deps, found[0] ?? null);
}

/**
 * Accounts whose names resemble `name`, best first, scored by `scoreNames`. Candidates come from the
 * bigram postings (rare bigrams weigh most) and from Accounts with the same core under another or no
 * region; only a dozen are read in full and scored.
 */
export async function fuzzyCandidates(deps: Deps, name: CompanyName, opts: { minScore?: number; limit?: number } = {}): Promise<ScoredAccount[]> {
  const grams = indexedGrams(name.core).slice(0, MAX_GRAMS);
  const [postings, sameCore] = await Promise.all([
    Promise.all(grams.map((gram) => deps.store.find<AccountGramDoc>('account_grams', { where: { gram }, limit: POSTINGS_PER_GRAM }))),
    deps.store.find<AccountDoc>('accounts', { where: { name_canon: canonicalText(name.core) }, limit: CANDIDATES_SCORED }),
  ]);
  const votes = new Map<string, number>();
  for (const list of postings) {
    const weight = list.length >= POSTINGS_PER_GRAM ? 0.25 : 1;
    for (const p of list) votes.set(p.account_id, (votes.get(p.account_id) ?? 0) + weight);
  }
  const known = new Map(sameCore.map((a) => [a._id, a]));
  const wanted = [...votes.entries()]
    .filter(([id]) => !known.has(id))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, CANDIDATES_SCORED)
    .map(([id]) => id);
  const fetched = wanted.length ? await deps.store.getMany<AccountDoc>('accounts', wanted) : [];
  const min = opts.minScore ?? OFFER_SCORE;
  // only a list below the offer line needs different names graded
  const rank = min < OFFER_SCORE;
  // merged Accounts are no candidates: what they had now belongs to the Account kept
  const scored = [...sameCore, ...fetched].filter((a) => !a['merged_into']).map((account) => {
    const comparison = compareNames(name, nameOfAccount(account), { rank });
    return { account, score: comparison.score, comparison };
  });
  return scored
    .filter((s) => s.score >= min)
    .sort((a, b) => b.score - a.score || (a.account._id < b.account._id ? -1 : 1))
    .slice(0, opts.limit ?? 5);
}

/**
 * The method's duplicate check. `exact`: the normalised key only. `fuzzy`: the key, else the best
 * candidate the one threshold policy offers (`name-compare.ts`) — to be confirmed by the registrant, never joined silently.
 */
export async function matchAccountName(deps: Deps, rawName: string, mode: DuplicateCheck): Promise<NameMatch> {
  const name = normaliseCompanyName(rawName);
  const exact = await accountByNameKey(deps, name);
  if (exact) return { kind: 'exact', account: exact, comparison: compareNames(name, nameOfAccount(exact)) };
  if (mode === 'exact') return { kind: 'none' };
  const [best] = await fuzzyCandidates(deps, name, { limit: 1 });
  return best && offered(best.comparison) ? { kind: 'fuzzy', account: best.account, score: best.score, comparison: best.comparison } : { kind: 'none' };
}
