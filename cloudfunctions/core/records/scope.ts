import type { Scope } from '../contracts/domain';
import type { Where } from '../ports';
import type { Principal } from '../identity/principal';

/**
 * A scope as store conditions. Scopes are nested — `public` ⊂ `own` ⊂ `account` ⊂ `all` — which is what
 * makes "the widest scope wins" (permissions.ts) exactly the union of a user's roles, and means signing
 * in never hides a public record. The store port only ANDs conditions, so a scope is a short list of
 * conjunctive *branches*, each an indexed query; what is visible is their union. An empty list means
 * nothing is visible.
 *
 * - `public`: records marked public (only objects that carry the flag);
 * - `own`: + what the caller created — never for a guest: everything guests create is shared by one
 *   record, so "own" would be every guest's data;
 * - `account`: + what belongs to the caller's Account. A user without one (`openid-auto`) has only their
 *   own records: their data stays isolated to them;
 * - `all`: everything.
 */
export function scopeBranches(scope: Scope, principal: Principal, publicFlag: boolean): Where[] {
  if (scope === 'none') return [];
  if (scope === 'all') return [{}];
  const branches: Where[] = publicFlag ? [{ public: true }] : [];
  const user = principal.user;
  if (scope === 'public' || !user || principal.kind === 'guest' || principal.kind === 'anonymous') return branches;
  branches.push({ created_by: user._id });
  if (scope === 'account' && user.account_id && principal.kind === 'member') branches.push({ account_id: user.account_id });
  return branches;
}
