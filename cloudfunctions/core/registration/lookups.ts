import type { Locale } from '../contracts/envelope';
import type { AccountNameCheck, RegistrationForm, RegistrySummary } from '../contracts/registration';
import type { Deps, WechatCaller } from '../ports';
import type { AccountDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { getSettings } from '../settings/settings';
import { wechatBindingId } from '../identity/bindings';
import { normaliseCompanyName } from '../accounts/company-name';
import { fieldForCaller } from './fields';
import { spendLookupBudget } from './limits';
import { MOBILE_FIELD, visibleFields } from './method-config';
import { matchAccountName, POSTINGS_PER_GRAM } from '../accounts/name-match';
import { indexedGrams } from '../accounts/name-similarity';
import { scoreNames } from '../accounts/name-compare';
import { nameOfAccount, type AccountGramDoc } from '../accounts/name-index';
import { registrationMethod } from './submit';

/** `registration.getForm`: the applicable method's layout in the caller's language, and the terms to accept. */
export async function registrationForm(deps: Deps, caller: WechatCaller, locale: Locale): Promise<RegistrationForm> {
  const [method, settings] = await Promise.all([registrationMethod(deps, caller), getSettings(deps)]);
  const account = visibleFields(method.account.fields, method.account.showOnlyRequired);
  return {
    methodId: method.id,
    mode: method.mode,
    accountRule: method.account.newAccountRule,
    duplicateCheck: method.account.duplicateCheck,
    showOnlyRequired: method.account.showOnlyRequired,
    fields: { account: account.map((f) => fieldForCaller(f, locale)), contact: [...method.contact.fields, MOBILE_FIELD].map((f) => fieldForCaller(f, locale)) },
    terms: { version: settings.terms.version, url: settings.terms.url, privacyUrl: settings.terms.privacy_url },
  };
}

/** `registration.checkAccountName`: what `submit` would match the name to, before the registrant submits. */
export async function checkAccountName(deps: Deps, caller: WechatCaller, name: string, ip?: string): Promise<AccountNameCheck> {
  const method = await registrationMethod(deps, caller);
  await spendLookupBudget(deps, 'check-name', wechatBindingId(caller), ip, 'registration/rate-limited');
  const m = await matchAccountName(deps, name, method.account.duplicateCheck);
  // the registrant's own text comes back unchanged: a "did you mean" never replaces it
  if (m.kind === 'none') return { match: 'none', typed: name };
  return { match: m.kind, typed: name, candidate: { id: m.account._id, name: m.account.name, kind: m.comparison.verdict, reasons: m.comparison.reasons } };
}

export const MIN_SEARCH_CHARS = 4;
export const MAX_SEARCH_RESULTS = 5;

/**
 * `registration.searchAccounts` (`select-existing` only): Accounts whose core name contains the query's,
 * found through the bigram postings (an intersection of indexed equalities), at most five.
 */
export async function searchAccounts(deps: Deps, caller: WechatCaller, query: string, ip?: string): Promise<{ items: Array<{ id: string; name: string }> }> {
  const method = await registrationMethod(deps, caller);
  if (method.account.newAccountRule !== 'select-existing') throw new AppError('access/denied', { reason: 'account-rule' });
  if (Array.from(query.replace(/\s+/g, '')).length < MIN_SEARCH_CHARS) throw new AppError('input/invalid', { field: 'query', reason: 'too-short' });
  await spendLookupBudget(deps, 'search-accounts', wechatBindingId(caller), ip, 'registration/rate-limited');
  const wanted = normaliseCompanyName(query);
  const grams = indexedGrams(wanted.core).slice(0, 8);
  if (!grams.length) return { items: [] };
  const postings = await Promise.all(grams.map((gram) => deps.store.find<AccountGramDoc>('account_grams', { where: { gram }, limit: POSTINGS_PER_GRAM })));
  // Start from the rarest bigram; keep the Accounts that have every one.
  const [rarest, ...others] = [...postings].sort((a, b) => a.length - b.length);
  let ids = new Set(rarest.map((p) => p.account_id));
  for (const list of others) {
    if (list.length >= POSTINGS_PER_GRAM) continue; // a common bigram's list is truncated: it cannot exclude
    const has = new Set(list.map((p) => p.account_id));
    ids = new Set([...ids].filter((id) => has.has(id)));
  }
  const accounts = ids.size ? await deps.store.getMany<AccountDoc>('accounts', [...ids].slice(0, 50)) : [];
  const items = accounts
    .map((a) => ({ a, n: nameOfAccount(a) }))
    .filter(({ n }) => n.core.includes(wanted.core))
    .map(({ a, n }) => ({ a, score: scoreNames(wanted, n) }))
    .sort((x, y) => y.score - x.score || (x.a.name < y.a.name ? -1 : 1))
    .slice(0, MAX_SEARCH_RESULTS);
  return { items: items.map(({ a }) => ({ id: a._id, name: a.name })) };
}

/** `registration.searchRegistry` (`registry` only): official names with their codes, at most ten. */
export async function searchRegistry(deps: Deps, caller: WechatCaller, query: string, ip?: string): Promise<{ items: RegistrySummary[] }> {
  const method = await registrationMethod(deps, caller);
  if (method.account.newAccountRule !== 'registry') throw new AppError('access/denied', { reason: 'account-rule' });
  if (Array.from(query.replace(/\s+/g, '')).length < 2) throw new AppError('input/invalid', { field: 'query', reason: 'too-short' });
  await spendLookupBudget(deps, 'search-registry', wechatBindingId(caller), ip, 'registration/rate-limited');
  const found = await deps.registry.search(query, 10);
  return { items: found.slice(0, 10).map((c) => ({ name: c.name, creditCode: c.creditCode, status: c.status })) };
}
