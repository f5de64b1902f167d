import type { Deps, StoreTx, WechatCaller } from '../ports';
import type { BindingDoc, EnterpriseDoc, MethodDoc, UserDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { isoNow } from '../kernel/time';
import { takeSeatInTx } from '../licences/seats';
import { auditInTx } from '../audit/audit';
import { unionBindingId, wechatBindingId } from './bindings';
import { autoUserKey, IDENTITY_HISTORY, identityDisabledInTx, pastUsersOf, type IdentityHistoryDoc } from './ledger';
import { retryOnConflict } from './retry';

/**
 * `openid-auto`: the first open creates an Interconnection Enterprise + User from the OpenID alone.
 * Enterprise, user, binding, seat and audit entry land in one transaction. One WeChat identity owns at
 * most one auto user, whatever it plays: the identity's `auto:` key (ledger.ts) is inserted with the user,
 * so concurrent first logins converge on one user, and login → unbind → login finds the same user (and
 * its one seat) again. Where the UnionID is known, the key is the UnionID's: the mini program and the
 * Official Account of one open platform share the user, one binding per app.
 */
export async function ensureAutoUser(deps: Deps, caller: WechatCaller, method: MethodDoc): Promise<UserDoc> {
  const past = await pastUsersOf(deps, caller);
  return retryOnConflict(() => deps.store.transaction((tx) => autoUserInTx(deps, tx, caller, method, past)));
}

async function autoUserInTx(deps: Deps, tx: StoreTx, caller: WechatCaller, method: MethodDoc, past: string[]): Promise<UserDoc> {
  const bindingId = wechatBindingId(caller);
  const existing = await tx.get<BindingDoc>('ic_bindings', bindingId);
  if (existing) {
    const user = await tx.get<UserDoc>('ic_users', existing.user_id);
    if (user) return user;
  }
  if (await identityDisabledInTx(tx, caller, past)) throw new AppError('auth/disabled');
  const now = isoNow(deps.clock);
  // The same person through another app of the open platform: their user, with a binding for this app.
  const union = caller.unionid ? await tx.get<BindingDoc>('ic_bindings', unionBindingId(caller.unionid)) : null;
  const unionUser = union ? await tx.get<UserDoc>('ic_users', union.user_id) : null;
  if (unionUser) return rebind(deps, tx, caller, unionUser, existing, 'unionid');
  const owned = await tx.get<IdentityHistoryDoc>(IDENTITY_HISTORY, autoUserKey(caller));
  const prior = owned ? await tx.get<UserDoc>('ic_users', owned.user_id) : null;
  if (prior) {
    // Back after an unbind (or after an SMS login merged it away): the same user, at most one seat.
    if (!prior.holds_seat) {
      await takeSeatInTx(tx);
      await tx.update('ic_users', prior._id, { set: { holds_seat: true, updated_at: now }, unset: ['merged_into'] });
    }
    return rebind(deps, tx, caller, { ...prior, holds_seat: true }, existing, 'returned');
  }

  const tail = caller.openid.slice(-6);
  const enterprise: EnterpriseDoc = { _id: deps.crypto.randomId('ent'), name: `微信用户 ${tail}`, kind: 'auto', created_at: now };
  const user: UserDoc = {
    _id: deps.crypto.randomId('usr'),
    kind: 'member',
    status: 'active',
    name: `微信用户 ${tail}`,
    enterprise_id: enterprise._id,
    enterprise_name: enterprise.name,
    role_ids: [...method.role_ids],
    method_id: method._id,
    holds_seat: true,
    created_at: now,
    updated_at: now,
  };
  await takeSeatInTx(tx);
  // first: a concurrent first login of the same identity fails here and, re-run, finds this user
  await tx.insert(IDENTITY_HISTORY, { _id: autoUserKey(caller), identity: autoUserKey(caller), user_id: user._id, at: now } satisfies IdentityHistoryDoc);
  await tx.insert('ic_enterprises', enterprise);
  await tx.insert('ic_users', user);
  if (existing) await tx.remove('ic_bindings', bindingId); // left by a user that no longer exists
  await tx.insert('ic_bindings', { _id: bindingId, user_id: user._id, type: 'wechat', appid: caller.appid, created_at: now } satisfies BindingDoc);
  if (caller.unionid) await tx.insert('ic_bindings', { _id: unionBindingId(caller.unionid), user_id: user._id, type: 'unionid', created_at: now } satisfies BindingDoc);
  await auditInTx(deps, tx, { actor: `wechat:${caller.appid}`, action: 'user.auto-created', target: user._id, details: { methodId: method._id } });
  return user;
}

async function rebind(deps: Deps, tx: StoreTx, caller: WechatCaller, user: UserDoc, stale: BindingDoc | null, via: 'unionid' | 'returned'): Promise<UserDoc> {
  if (user.status === 'disabled') throw new AppError('auth/disabled');
  const bindingId = wechatBindingId(caller);
  if (stale) await tx.remove('ic_bindings', bindingId);
  await tx.insert('ic_bindings', { _id: bindingId, user_id: user._id, type: 'wechat', appid: caller.appid, via, created_at: isoNow(deps.clock) } satisfies BindingDoc);
  await auditInTx(deps, tx, { actor: `wechat:${caller.appid}`, action: 'user.wechat-bound', target: user._id, details: { appid: caller.appid, via } });
  return user;
}

/**
 * A user found through the caller's UnionID gets a binding for this app too (one binding per app), so the
 * console lists it and an unbind of one app leaves the other. Idempotent; a binding already there is kept.
 */
export async function bindAppByUnionId(deps: Deps, caller: WechatCaller, user: UserDoc): Promise<void> {
  const bindingId = wechatBindingId(caller);
  await retryOnConflict(() =>
    deps.store.transaction(async (tx) => {
      const existing = await tx.get<BindingDoc>('ic_bindings', bindingId);
      if (existing && (await tx.get<UserDoc>('ic_users', existing.user_id))) return;
      await rebind(deps, tx, caller, user, existing, 'unionid');
    }),
  );
}
