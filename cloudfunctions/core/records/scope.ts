import type { ObjectName, PermissionAction, Scope } from '../contracts/domain';
import type { Where } from '../ports';
import { q } from '../ports';
import { scopeFor } from '../access/permissions';
import { capScope, READ_CAP, WRITE_CAP } from '../access/table';
import type { Principal } from '../identity/principal';

/**
 * Scopes as store conditions. Scopes are nested — `public` ⊂ `own` ⊂ `account` ⊂ `all` — which is what
 * makes "the widest scope wins" (permissions.ts) exactly the union of a user's roles, and means signing
 * in never hides a public record. The store port only ANDs conditions, so a scope is a short list of
 * conjunctive *branches*, each an indexed query; what is visible is their union. An empty list means
 * nothing. Reading and writing are separate rules (the access table, core/access/table.ts):
 *
 * Reading — the role's scope capped by the caller's kind (READ_CAP):
 * - `public`: records marked public (only objects that carry the flag);
 * - `own`: + what the caller created — never for a guest: everything guests create is shared by one
 *   record, so "own" would be every guest's data;
 * - `account`: + what belongs to the caller's Account (members only; a user without one has only their own);
 * - `all`: everything but what guests created — guest data is nobody's customer data.
 *
 * Writing — the role's scope capped by WRITE_CAP, and never through the `public` flag: reading public
 * records grants no right to change them. `own` is what the caller created, `account` what belongs to
 * their Account; nobody in the mini program writes beyond their own Account.
 */
export function readScope(principal: Principal, object: ObjectName): Scope {
  return capScope(scopeFor(principal.permissions, object, 'read'), READ_CAP[principal.callerKind]);
}

export function writeScope(principal: Principal, object: ObjectName, action: Exclude<PermissionAction, 'read'>): Scope {
  const scope = scopeFor(principal.permissions, object, action);
  return scope === 'public' ? 'none' : capScope(scope, WRITE_CAP[principal.callerKind]);
}

/** What the caller may read of an object, as branches. */
export function readBranches(principal: Principal, object: ObjectName, publicFlag: boolean): Where[] {
  const scope = readScope(principal, object);
  if (scope === 'none') return [];
  if (scope === 'all') return [{ guest_origin: q.exists(false) }];
  const branches: Where[] = publicFlag ? [{ public: true }] : [];
  return scope === 'public' ? branches : [...branches, ...ownershipBranches(scope, principal)];
}

/** What the caller may change of an object, as branches (never the public flag). */
export function writeBranches(principal: Principal, object: ObjectName): Where[] {
  const scope = writeScope(principal, object, 'update');
  return scope === 'none' ? [] : ownershipBranches(scope, principal);
}

function ownershipBranches(scope: Scope, principal: Principal): Where[] {
  const user = principal.user;
  if (!user || principal.kind === 'guest' || principal.kind === 'anonymous') return [];
  const branches: Where[] = [{ created_by: user._id }];
  const ofAccount = principal.callerKind === 'member' || principal.callerKind === 'account-admin';
  if ((scope === 'account' || scope === 'all') && ofAccount && user.account_id) branches.push({ account_id: user.account_id });
  return branches;
}
