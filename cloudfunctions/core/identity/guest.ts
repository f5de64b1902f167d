import type { Deps, StoreTx } from '../ports';
import type { AccountDoc, ContactDoc, EnterpriseDoc, UserDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { isoNow } from '../kernel/time';
import { auditInTx } from '../audit/audit';
import { GUEST_ROLE_ID } from '../access/builtin-roles';
import { getSettings } from '../settings/settings';
import { GUEST_CONTACT_ID, GUEST_ENTERPRISE_ID, GUEST_USER_ID } from './bindings';
import { retryOnConflict } from './retry';

/**
 * Creates — or repairs — the one Guest enterprise, user and contact under the Account the admin chose.
 * Fixed ids make it idempotent and safe under concurrent calls.
 */
export async function ensureGuestRecords(deps: Deps): Promise<UserDoc> {
  const settings = await getSettings(deps);
  if (!settings.guest.enabled) throw new AppError('guest/disabled');
  const accountId = settings.guest.account_id;
  if (!accountId) throw new AppError('guest/disabled', { reason: 'no-account' });
  return retryOnConflict(() => deps.store.transaction((tx) => repairGuestInTx(deps, tx, accountId)));
}

/**
 * The repair itself, inside the caller's transaction (the settings update enabling guests runs it in
 * the same transaction as the settings change). Unknown Account → `registration/account-not-found`.
 */
export async function repairGuestInTx(deps: Deps, tx: StoreTx, accountId: string): Promise<UserDoc> {
  const account = await tx.get<AccountDoc>('accounts', accountId);
  if (!account) throw new AppError('registration/account-not-found', { accountId });
  const now = isoNow(deps.clock);
  const repaired: string[] = [];

  const contact = await tx.get<ContactDoc>('contacts', GUEST_CONTACT_ID);
  if (!contact || contact.account_id !== accountId) {
    await tx.set('contacts', { _id: GUEST_CONTACT_ID, account_id: accountId, name: '访客', record_type: 'guest', created_at: contact?.['created_at'] ?? now });
    repaired.push('contact');
  }
  const enterprise = await tx.get<EnterpriseDoc>('ic_enterprises', GUEST_ENTERPRISE_ID);
  if (!enterprise || enterprise.account_id !== accountId) {
    await tx.set('ic_enterprises', { _id: GUEST_ENTERPRISE_ID, name: account.name, kind: 'guest', account_id: accountId, created_at: enterprise?.created_at ?? now });
    repaired.push('enterprise');
  }
  let user = await tx.get<UserDoc>('ic_users', GUEST_USER_ID);
  if (!user || user.account_id !== accountId || user.status !== 'active' || user.role_ids.join() !== GUEST_ROLE_ID) {
    user = {
      _id: GUEST_USER_ID,
      kind: 'guest',
      status: 'active',
      name: '访客',
      enterprise_id: GUEST_ENTERPRISE_ID,
      enterprise_name: account.name,
      account_id: accountId,
      account_name: account.name,
      contact_id: GUEST_CONTACT_ID,
      contact_name: '访客',
      role_ids: [GUEST_ROLE_ID],
      holds_seat: false,
      created_at: user?.created_at ?? now,
      updated_at: now,
    };
    await tx.set('ic_users', user);
    repaired.push('user');
  }
  if (repaired.length) await auditInTx(deps, tx, { actor: 'system', action: 'guest.repaired', target: GUEST_USER_ID, details: { repaired } });
  return user;
}
