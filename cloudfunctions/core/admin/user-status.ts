import type { AdminUserDetail, AdminUserRow } from '../contracts/admin';
import type { Deps, StoreTx } from '../ports';
import type { AdminDoc, BindingDoc, UserDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { isoNow } from '../kernel/time';
import { auditInTx } from '../audit/audit';
import { retryOnConflict } from '../identity/retry';
import { blockIdentitiesInTx, forgetBindingInTx, identitiesOf } from '../identity/ledger';
import { releaseSeatInTx, takeSeatsInTx } from '../licences/seats';
import { adminActor, requireAdmin } from './permissions';
import { getUserDetail } from './user-detail';
import { adminUserRow } from './views';

/** A terminal user the console may change: exists, and is not the shared Guest (managed by settings). */
async function memberInTx(tx: StoreTx, userId: string): Promise<UserDoc> {
  const user = await tx.get<UserDoc>('ic_users', userId);
  if (!user) throw new AppError('users/not-found', { userId });
  if (user.kind === 'guest') throw new AppError('input/invalid', { field: 'userId', reason: 'guest' });
  return user;
}

/**
 * Disables a user and frees their seat, in one transaction. Their next call fails with `auth/disabled`
 * (principal.ts reads the user on every call; nothing is cached). Disabling twice changes nothing.
 */
export async function disableUser(deps: Deps, admin: AdminDoc, userId: string): Promise<AdminUserRow> {
  requireAdmin(admin, 'users.update');
  const identities = await identitiesOf(deps, userId);
  const user = await retryOnConflict(() =>
    deps.store.transaction(async (tx) => {
      const u = await memberInTx(tx, userId);
      await blockIdentitiesInTx(tx, userId, identities, true);
      if (u.status === 'disabled') return u;
      if (u.holds_seat) await releaseSeatInTx(tx);
      const now = isoNow(deps.clock);
      // What enabling should restore: the status, and whether a seat was held.
      const set = { status: 'disabled', holds_seat: false, status_before_disable: u.status, seat_before_disable: u.holds_seat, updated_at: now };
      await tx.update('ic_users', userId, { set });
      await auditInTx(deps, tx, { actor: adminActor(admin), action: 'user.disabled', target: userId, details: { seatFreed: u.holds_seat } });
      return { ...u, ...set } as UserDoc;
    }),
  );
  return adminUserRow(user);
}

/** Enables a disabled user again: takes a seat back (`licence/exhausted` when none is free). */
export async function enableUser(deps: Deps, admin: AdminDoc, userId: string): Promise<AdminUserRow> {
  requireAdmin(admin, 'users.update');
  const identities = await identitiesOf(deps, userId);
  const user = await retryOnConflict(() =>
    deps.store.transaction(async (tx) => {
      const u = await memberInTx(tx, userId);
      if (u.status !== 'disabled') return u;
      await blockIdentitiesInTx(tx, userId, identities, false);
      const status = u['status_before_disable'] === 'pending' ? 'pending' : 'active';
      const takesSeat = u['seat_before_disable'] !== false;
      if (takesSeat) await takeSeatsInTx(tx, 1);
      const now = isoNow(deps.clock);
      await tx.update('ic_users', userId, { set: { status, holds_seat: takesSeat, updated_at: now }, unset: ['status_before_disable', 'seat_before_disable'] });
      await auditInTx(deps, tx, { actor: adminActor(admin), action: 'user.enabled', target: userId, details: { seatTaken: takesSeat } });
      return { ...u, status, holds_seat: takesSeat, updated_at: now } as UserDoc;
    }),
    10,
  );
  return adminUserRow(user);
}

/**
 * Removes a user's WeChat binding (`bindingId`), or all of them. The user remains; that WeChat identity
 * is a stranger again until it logs in by SMS.
 */
export async function unbindUserWechat(deps: Deps, admin: AdminDoc, userId: string, bindingId?: string): Promise<AdminUserDetail> {
  requireAdmin(admin, 'users.update', 'users.read');
  const bindings = await deps.store.find<BindingDoc>('ic_bindings', { where: { user_id: userId, type: 'wechat' }, orderBy: [['_id', 'asc']], limit: 100 });
  const targets = bindingId ? bindings.filter((b) => b._id === bindingId) : bindings;
  if (bindingId && !targets.length) throw new AppError('input/invalid', { field: 'bindingId', reason: 'not-bound' });
  await retryOnConflict(() =>
    deps.store.transaction(async (tx) => {
      await memberInTx(tx, userId);
      for (const b of targets) {
        // Re-checked by id inside the transaction: a binding moved meanwhile is not ours to remove.
        const current = await tx.get<BindingDoc>('ic_bindings', b._id);
        if (current?.user_id !== userId) continue;
        await forgetBindingInTx(deps, tx, current);
        await auditInTx(deps, tx, { actor: adminActor(admin), action: 'user.wechat-unbound', target: userId, details: { bindingId: b._id } });
      }
    }),
  );
  return getUserDetail(deps, admin, userId);
}
