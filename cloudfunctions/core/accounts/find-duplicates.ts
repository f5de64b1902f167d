import type { DuplicateCandidate } from '../contracts/registration';
import type { Deps } from '../ports';
import type { AccountDoc } from '../kernel/docs';
import { normaliseCompanyName } from './company-name';
import { compareNames, LIST_SCORE, offered, type NameComparison } from './name-compare';
import { accountByCreditCode, accountByNameKey, fuzzyCandidates } from './name-match';
import { nameOfAccount } from './name-index';
import { canonicalUscc, checkUscc, type UsccVerdict } from './uscc';

export interface DuplicateReport {
  key: string;
  creditCodeCheck?: UsccVerdict;
  candidates: DuplicateCandidate[];
}

/**
 * `admin.accounts.findDuplicates`: what an Account with this name (and code) would duplicate, judged by
 * the same matcher and policy as the registrant's check, each with why and whether a registrant would be
 * offered it. The console asks while an admin types (Account form, activation wizard).
 */
export async function findDuplicates(deps: Deps, name: string, creditCode?: string): Promise<DuplicateReport> {
  const n = normaliseCompanyName(name);
  const out = new Map<string, DuplicateCandidate>();
  const add = (a: AccountDoc, c: NameComparison, reason: DuplicateCandidate['reason']) => {
    if (out.has(a._id)) return;
    const candidate: DuplicateCandidate = { id: a._id, name: a.name, score: Math.round(c.score * 1000) / 1000, reason, kind: c.verdict, reasons: c.reasons, offered: offered(c) };
    if (typeof a['credit_code'] === 'string') candidate.creditCode = a['credit_code'];
    out.set(a._id, candidate);
  };
  let check: UsccVerdict | undefined;
  if (creditCode) {
    const code = canonicalUscc(creditCode);
    check = checkUscc(code);
    const byCode = check === 'malformed' ? null : await accountByCreditCode(deps, code);
    if (byCode) {
      const c = compareNames(n, nameOfAccount(byCode));
      add(byCode, { verdict: 'exact', score: 1, reasons: [{ code: 'credit-code', creditCode: code }, ...c.reasons] }, 'credit-code');
    }
  }
  const exact = n.core ? await accountByNameKey(deps, n) : null;
  if (exact) add(exact, compareNames(n, nameOfAccount(exact)), 'exact');
  if (n.core) for (const c of await fuzzyCandidates(deps, n, { minScore: LIST_SCORE, limit: 10 })) add(c.account, c.comparison, 'fuzzy');
  return { key: n.key, ...(check ? { creditCodeCheck: check } : {}), candidates: [...out.values()].slice(0, 10) };
}
