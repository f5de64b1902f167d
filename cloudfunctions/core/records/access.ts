import type { ObjectName, PermissionAction, Scope } from '../contracts/domain';
import type { Deps } from '../ports';
import type { SettingsDoc, UserDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { readScope, writeScope } from './scope';
import { ensureGuestRecords } from '../identity/guest';
import type { Principal } from '../identity/principal';

/**
 * The scope the caller's roles give for this object and action. An anonymous caller is told what to do
 * about it (register, or be activated); a caller whose roles give nothing gets `access/denied` — an
 * answer that depends only on their roles, never on which record they asked about.
 */
export function requireScope(principal: Principal, object: ObjectName, action: PermissionAction): Scope {
  if (principal.kind === 'anonymous') {
    throw principal.settings.self_registration.enabled ? new AppError('registration/required') : new AppError('auth/not-activated');
  }
  const scope = action === 'read' ? readScope(principal, object) : writeScope(principal, object, action);
  if (scope === 'none') throw new AppError('access/denied', { object, action });
  return scope;
}

/** Who owns a new record: always the caller's binding, never anything in the input. */
export interface Ownership {
  created_by: string;
  created_by_name: string;
  enterprise_id: string;
  account_id?: string;
  contact_id?: string;
  /**
   * What a guest creates is the Guest record's, under the Guest Account — kept apart from every
   * Account's own records (no `account_id`), so it is never in any member's scope.
   */
  guest_origin?: true;
  guest_account_id?: string;
}

function requirementsOf(settings: SettingsDoc, object: ObjectName): { account: boolean; contact: boolean } {
  const rule = object === 'workOrder' ? settings.work_order : object === 'serviceRequest' ? settings.service_request : undefined;
  return { account: rule?.account_required === true, contact: rule?.contact_required === true };
}

/** The one shared Guest record, repaired first if it is missing or points at another Account. */
async function guestOwner(deps: Deps, principal: Principal): Promise<UserDoc> {
  const u = principal.user;
  const healthy = u?.kind === 'guest' && u.status === 'active' && u.account_id === principal.settings.guest.account_id;
  return healthy && u ? u : ensureGuestRecords(deps);
}

/**
 * Ownership of what the caller creates. Everything a guest creates belongs to the one Guest record and
 * its Account/Contact. A user still waiting for approval to join an Account is not yet of that Account:
 * their records carry no Account or Contact (so they cannot write into a company they merely claimed),
 * and where one is required they are told the approval is pending.
 */
export async function ownershipFor(deps: Deps, principal: Principal, object: ObjectName): Promise<Ownership> {
  const user = principal.kind === 'guest' ? await guestOwner(deps, principal) : principal.user;
  if (!user) throw new AppError('auth/unauthenticated');
  const confirmed = principal.kind !== 'pending';
  const accountId = confirmed ? user.account_id : undefined;
  const contactId = confirmed ? user.contact_id : undefined;
  const required = requirementsOf(principal.settings, object);
  if ((required.account && !accountId) || (required.contact && !contactId)) {
    throw new AppError(confirmed ? 'registration/required' : 'registration/pending-approval', { object });
  }
  const owner: Ownership = { created_by: user._id, created_by_name: user.name, enterprise_id: user.enterprise_id };
  if (principal.kind === 'guest') return { ...owner, guest_origin: true, ...(accountId ? { guest_account_id: accountId } : {}) };
  if (accountId) owner.account_id = accountId;
  if (contactId) owner.contact_id = contactId;
  return owner;
}
