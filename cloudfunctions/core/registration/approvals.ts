import type { ApprovalResult } from '../contracts/registration';
import type { Deps } from '../ports';
import type { AccountDoc, AdminDoc, BindingDoc, ContactDoc, EnterpriseDoc, UserDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { isoNow } from '../kernel/time';
import { auditInTx } from '../audit/audit';
import { releaseSeatInTx } from '../licences/seats';
import { retryOnConflict } from '../identity/retry';
import { dropAutoEnterprise, ensureEnterprise, enterpriseIdForAccount, type JoinRequest } from './register-tx';

const joinRequestOf = (user: UserDoc | null): JoinRequest | null => (user?.status === 'pending' ? ((user['join_request'] as JoinRequest | undefined) ?? null) : null);

async function pendingUser(deps: Deps, userId: string): Promise<{ user: UserDoc; join: JoinRequest }> {
  const user = await deps.store.get<UserDoc>('ic_users', userId);
  if (!user) throw new AppError('users/not-found');
  const join = joinRequestOf(user);
  if (!join) throw new AppError('registration/not-pending');
  return { user, join };
}

/**
 * `admin.users.approve`: the pending registrant becomes a member of the Account they asked to join. Their
 * Contact is created now (or an existing Contact of that Account with the same mobile is taken), and they
 * move into the Account's enterprise — all in one transaction.
 */
export async function approveJoin(deps: Deps, admin: AdminDoc, userId: string): Promise<ApprovalResult> {
  return retryOnConflict(async () => {
    const { join } = await pendingUser(deps, userId);
    const mobile = join.contact['mobile1'];
    const [sameMobile, enterprises] = await Promise.all([
      deps.store.find<ContactDoc>('contacts', { where: { account_id: join.account_id, mobile1: mobile }, orderBy: [['_id', 'asc']], limit: 1 }),
      deps.store.find<EnterpriseDoc>('ic_enterprises', { where: { account_id: join.account_id }, orderBy: [['_id', 'asc']], limit: 1 }),
    ]);
    return deps.store.transaction(async (tx) => {
      const user = await tx.get<UserDoc>('ic_users', userId);
      const current = joinRequestOf(user);
      if (!user || !current || current.requested_at !== join.requested_at) throw new AppError('registration/not-pending');
      const account = await tx.get<AccountDoc>('accounts', join.account_id);
      if (!account) throw new AppError('registration/account-not-found');
      const now = isoNow(deps.clock);
      let contact = sameMobile[0] ? await tx.get<ContactDoc>('contacts', sameMobile[0]._id) : null;
      if (!contact) {
        const { name, mobile1, ...extra } = join.contact;
        contact = { ...extra, _id: deps.crypto.randomId('con'), account_id: account._id, name, mobile1, record_type: join.contact_record_type, source: 'self-registration', created_at: now, updated_at: now };
        if (typeof account['owner'] === 'string') contact['owner'] = account['owner'];
        await tx.insert('contacts', contact);
      }
      const enterprise = await ensureEnterprise(tx, account, enterprises[0]?._id ?? enterpriseIdForAccount(account._id), now);
      if (user.enterprise_id !== enterprise._id) await dropAutoEnterprise(tx, user.enterprise_id);
      await tx.update('ic_users', userId, {
        set: {
          status: 'active',
          enterprise_id: enterprise._id,
          enterprise_name: enterprise.name,
          account_id: account._id,
          account_name: account.name,
          contact_id: contact._id,
          contact_name: contact.name,
          approved_by: admin._id,
          approved_at: now,
          updated_at: now,
        },
        unset: ['join_request'],
      });
      await auditInTx(deps, tx, { actor: `admin:${admin._id}`, action: 'user.join-approved', target: userId, details: { accountId: account._id, contactId: contact._id } });
      return { userId, status: 'active', accountId: account._id, contactId: contact._id };
    });
  });
}

/**
 * `admin.users.reject`: the join is refused. A user created by that registration is removed with its
 * bindings and seat (the person may register again, e.g. as a new company); an existing user who asked
 * to join goes back to what it was.
 */
export async function rejectJoin(deps: Deps, admin: AdminDoc, userId: string, reason: string | undefined): Promise<ApprovalResult> {
  return retryOnConflict(async () => {
    const { join } = await pendingUser(deps, userId);
    const bindings = join.fresh ? await deps.store.find<BindingDoc>('ic_bindings', { where: { user_id: userId }, limit: 100 }) : [];
    return deps.store.transaction(async (tx) => {
      const user = await tx.get<UserDoc>('ic_users', userId);
      const current = joinRequestOf(user);
      if (!user || !current || current.requested_at !== join.requested_at) throw new AppError('registration/not-pending');
      const now = isoNow(deps.clock);
      const details = { accountId: join.account_id, removed: join.fresh, ...(reason ? { reason } : {}) };
      if (join.fresh) {
        for (const b of bindings) await tx.remove('ic_bindings', b._id);
        await tx.remove('ic_users', userId);
        if (user.holds_seat) await releaseSeatInTx(tx);
        await auditInTx(deps, tx, { actor: `admin:${admin._id}`, action: 'user.join-rejected', target: userId, details });
        return { userId, status: 'disabled', removed: true };
      }
      await tx.update('ic_users', userId, { set: { status: 'active', updated_at: now }, unset: ['join_request'] });
      await auditInTx(deps, tx, { actor: `admin:${admin._id}`, action: 'user.join-rejected', target: userId, details });
      return { userId, status: 'active' };
    });
  });
}
