import type { AccountMatchKind, MatchReason, SubmitRegistrationIn } from '../contracts/registration';
import type { Deps } from '../ports';
import type { AccountDoc, ContactDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { normaliseCompanyName } from '../accounts/company-name';
import { validateFieldValues } from './fields';
import type { MethodConfig } from './method-config';
import { visibleFields } from './method-config';
import { accountByCreditCode, accountByNameKey, fuzzyCandidates } from '../accounts/name-match';
import { offered } from '../accounts/name-compare';
import { currentAccount } from '../accounts/merge';
import { nearNameSameDay } from '../accounts/review-queue';
import { canonicalUscc, checkUscc } from '../accounts/uscc';

/** A new Account as the registrant described it (or the registry named it). */
export interface AccountDraft {
  name: string;
  creditCode?: string;
  /** the layout's other fields (address, …) */
  extra: Record<string, string>;
  source: 'registration' | 'registry';
  /** why an admin should look at it: `uscc-check-digit`, `possible-duplicate` */
  reviewReasons: string[];
  possibleDuplicateOf?: string;
}

export type AccountPlan =
  | {
      kind: 'existing';
      account: AccountDoc;
      matched: Exclude<AccountMatchKind, 'new'>;
      membership: ContactDoc | null;
      /** what the registrant typed (not the registry's name for a USCC lookup); absent when they picked the Account */
      typed?: { name?: string; creditCode?: string };
      /** the matcher's evidence, for a confirmed fuzzy match */
      reasons?: MatchReason[];
    }
  | { kind: 'new'; draft: AccountDraft };

interface Claim {
  name?: string;
  creditCode?: string;
  chosen?: AccountDoc;
  extra: Record<string, string>;
  source: AccountDraft['source'];
  reviewReasons: string[];
}

function requireRule(method: MethodConfig, rule: MethodConfig['account']['newAccountRule'], field: string): void {
  if (method.account.newAccountRule !== rule) throw new AppError('input/invalid', { field, reason: 'not-allowed' });
}

/** A code the person typed: malformed is refused; a failed check digit only flags the Account for review. */
function creditCodeOf(raw: string, field: string, reviewReasons: string[]): string {
  const code = canonicalUscc(raw);
  const verdict = checkUscc(code);
  if (verdict === 'malformed') throw new AppError('input/invalid', { field, reason: 'pattern' });
  if (verdict === 'bad-check-digit') reviewReasons.push('uscc-check-digit');
  return code;
}

/** What the registrant says their company is, under the method's new-Account rule. */
async function claimOf(deps: Deps, method: MethodConfig, input: SubmitRegistrationIn['account']): Promise<Claim> {
  const reviewReasons: string[] = [];
  if ('id' in input && Object.keys(input).length === 1) {
    requireRule(method, 'select-existing', 'account.id');
    // an Account merged since the registrant picked it leads to the one kept
    const chosen = await currentAccount(deps, input.id);
    if (!chosen) throw new AppError('registration/account-not-found');
    return { chosen, extra: {}, source: 'registration', reviewReasons };
  }
  if ('creditCode' in input && Object.keys(input).length === 1) {
    requireRule(method, 'registry', 'account.creditCode');
    const code = creditCodeOf(input.creditCode, 'account.creditCode', reviewReasons);
    const company = await deps.registry.byCreditCode(code);
    if (!company) throw new AppError('input/invalid', { field: 'account.creditCode', reason: 'not-in-registry' });
    if (company.status !== 'active') throw new AppError('input/invalid', { field: 'account.creditCode', reason: 'company-not-active' });
    return { name: company.name, creditCode: code, extra: {}, source: 'registry', reviewReasons };
  }
  requireRule(method, 'user-defined', 'account');
  const values = validateFieldValues(visibleFields(method.account.fields, method.account.showOnlyRequired), input, 'account');
  const { name, credit_code: rawCode, ...extra } = values;
  if (!name) throw new AppError('input/invalid', { field: 'account.name', reason: 'required' });
  const creditCode = rawCode ? creditCodeOf(rawCode, 'account.credit_code', reviewReasons) : undefined;
  return { name, creditCode, extra, source: 'registration', reviewReasons };
}

/**
 * Finds the Account a registration belongs to, in the order of DESIGN §3: the USCC when known; a
 * Contact whose `mobile1` is the verified mobile (then its Account, and that Contact — membership
 * proven); the name by the method's duplicate check. Only reads: the transaction re-checks what it
 * relies on through deterministic keys. A fuzzy candidate must be confirmed or declined by the
 * registrant (`registration/confirm-candidate` otherwise).
 */
export async function resolveAccount(deps: Deps, method: MethodConfig, input: SubmitRegistrationIn, mobile: string): Promise<AccountPlan> {
  const claim = await claimOf(deps, method, input.account);
  const contacts = await deps.store.find<ContactDoc>('contacts', { where: { mobile1: mobile }, orderBy: [['_id', 'asc']], limit: 20 });
  const typed = claim.chosen ? undefined : { ...(claim.name && claim.source === 'registration' ? { name: claim.name } : {}), ...(claim.creditCode ? { creditCode: claim.creditCode } : {}) };
  const existing = (account: AccountDoc, matched: Exclude<AccountMatchKind, 'new'>, reasons?: MatchReason[]): AccountPlan => ({
    kind: 'existing',
    account,
    matched,
    membership: contacts.find((c) => c.account_id === account._id) ?? null,
    ...(typed ? { typed } : {}),
    ...(reasons ? { reasons } : {}),
  });

  if (claim.chosen) return existing(claim.chosen, 'exact');
  if (claim.creditCode) {
    const byCode = await accountByCreditCode(deps, claim.creditCode);
    if (byCode) return existing(byCode, 'credit-code');
  }
  const name = normaliseCompanyName(claim.name ?? '');
  if (contacts.length) {
    // Prefer the Contact under the very company named; otherwise the oldest Contact with this mobile.
    const accounts = await deps.store.getMany<AccountDoc>('accounts', [...new Set(contacts.map((c) => c.account_id))]);
    const named = accounts.find((a) => a['name_key'] === name.key) ?? accounts.find((a) => a._id === contacts[0].account_id) ?? accounts[0];
    if (named) return existing(named, 'mobile');
  }
  const byKey = await accountByNameKey(deps, name);
  if (byKey) return existing(byKey, 'exact');

  const draft: AccountDraft = { name: claim.name ?? '', creditCode: claim.creditCode, extra: claim.extra, source: claim.source, reviewReasons: claim.reviewReasons };
  if (method.account.duplicateCheck === 'fuzzy') {
    const candidates = (await fuzzyCandidates(deps, name)).filter((c) => offered(c.comparison));
    const confirmed = input.confirmCandidateId ? candidates.find((c) => c.account._id === input.confirmCandidateId) : undefined;
    if (confirmed) return existing(confirmed.account, 'fuzzy', confirmed.comparison.reasons);
    if (input.confirmCandidateId) throw new AppError('input/invalid', { field: 'confirmCandidateId', reason: 'not-a-candidate' });
    const best = candidates[0];
    if (best && input.declinedCandidateId !== best.account._id) {
      // `typed` is kept: declining registers the registrant's own text, a typo offer never rewrites it
      throw new AppError('registration/confirm-candidate', { candidateId: best.account._id, candidateName: best.account.name, candidateKind: best.comparison.verdict, typed: claim.name ?? '' });
    }
    if (best) {
      draft.possibleDuplicateOf = best.account._id;
      draft.reviewReasons.push('possible-duplicate');
    }
  }
  if (!draft.possibleDuplicateOf) {
    const near = await nearNameSameDay(deps, draft.name);
    if (near) {
      draft.possibleDuplicateOf = near._id;
      draft.reviewReasons.push('near-name-same-day');
    }
  }
  return { kind: 'new', draft };
}
