import type { Deps, StoreTx, WechatCaller } from '../ports';
import { q } from '../ports';
import type { BindingDoc, UserDoc } from '../kernel/docs';
import { isoNow } from '../kernel/time';
import { unionBindingId, wechatBindingId } from './bindings';

/**
 * What the server remembers of identities beyond their live bindings (`ic_identity_history`), each
 * document naming an `identity` and a `user_id`:
 * - `{bindingId}|{userId}`: every user an identity (`wx:{appid}:{openid}`, `union:{unionid}`) was ever
 *   bound to and unbound from — one document per pair, never overwritten — so a disable still
 *   recognises a person who unbinds and comes back, however often they went back and forth;
 * - `auto:…`: the one `openid-auto` user an identity (or UnionID) ever created, so that login → unbind →
 *   login finds that user again instead of minting a new one with a new seat.
 */
export const IDENTITY_HISTORY = 'ic_identity_history';

export interface IdentityHistoryDoc {
  _id: string;
  identity: string;
  user_id: string;
  at: string;
  [key: string]: unknown;
}

/** The WeChat identities a caller presents: their OpenID in this app, and their UnionID when known. */
export function identityKeys(caller: WechatCaller): string[] {
  return caller.unionid ? [wechatBindingId(caller), unionBindingId(caller.unionid)] : [wechatBindingId(caller)];
}

/** The key of the one auto user an identity may own: per UnionID where known (one person across apps). */
export const autoUserKey = (caller: WechatCaller): string => (caller.unionid ? `auto:${unionBindingId(caller.unionid)}` : `auto:${wechatBindingId(caller)}`);

/** Removes a binding and remembers whose it was, in the caller's transaction. */
export async function forgetBindingInTx(deps: Deps, tx: StoreTx, binding: BindingDoc): Promise<void> {
  await tx.remove('ic_bindings', binding._id);
  await tx.set(IDENTITY_HISTORY, { _id: `${binding._id}|${binding.user_id}`, identity: binding._id, user_id: binding.user_id, at: isoNow(deps.clock) } satisfies IdentityHistoryDoc);
}

/**
 * Was any user this identity is or was bound to disabled? A disable sticks to the person: unbinding,
 * another app of the same open platform or a fresh auto user must not bring them back. Two reads (the
 * remembered bindings, then their users); only callers without a live binding pay them.
 */
export async function identityDisabled(deps: Deps, caller: WechatCaller): Promise<boolean> {
  const keys = identityKeys(caller);
  const [live, past] = await Promise.all([
    deps.store.getMany<BindingDoc>('ic_bindings', keys),
    deps.store.find<IdentityHistoryDoc>(IDENTITY_HISTORY, { where: { identity: q.in([...keys, autoUserKey(caller)]) }, orderBy: [['_id', 'asc']], limit: 200 }),
  ]);
  if (live.some((b) => b['blocked_by'])) return true;
  const userIds = [...new Set([...live, ...past].map((d) => d.user_id))];
  if (!userIds.length) return false;
  const users = await deps.store.getMany<UserDoc>('ic_users', userIds);
  return users.some((u) => u.status === 'disabled');
}

/**
 * The same check inside a transaction (login by SMS, auto-user creation). Transactions read by id only,
 * so the users this identity was ever bound to are found beforehand (`pastUsersOf`) and re-read here
 * with the live bindings.
 */
export async function identityDisabledInTx(tx: StoreTx, caller: WechatCaller, pastUserIds: readonly string[]): Promise<boolean> {
  const userIds = new Set<string>(pastUserIds);
  for (const key of identityKeys(caller)) {
    const live = await tx.get<BindingDoc>('ic_bindings', key);
    if (live?.['blocked_by']) return true;
    if (live) userIds.add(live.user_id);
  }
  const auto = await tx.get<IdentityHistoryDoc>(IDENTITY_HISTORY, autoUserKey(caller));
  if (auto) userIds.add(auto.user_id);
  for (const id of userIds) if ((await tx.get<UserDoc>('ic_users', id))?.status === 'disabled') return true;
  return false;
}

/** The users this identity was bound to and unbound from (read outside a transaction). */
export async function pastUsersOf(deps: Deps, caller: WechatCaller): Promise<string[]> {
  const past = await deps.store.find<IdentityHistoryDoc>(IDENTITY_HISTORY, { where: { identity: q.in(identityKeys(caller)) }, orderBy: [['_id', 'asc']], limit: 200 });
  return [...new Set(past.map((d) => d.user_id))];
}

/**
 * Every identity a user holds or ever held: their live bindings and the identities remembered as theirs
 * when unbound. Read outside a transaction (queries by `user_id`); callers re-read each by id inside.
 */
export async function identitiesOf(deps: Deps, userId: string): Promise<string[]> {
  const [live, past] = await Promise.all([
    deps.store.find<BindingDoc>('ic_bindings', { where: { user_id: userId }, orderBy: [['_id', 'asc']], limit: 200 }),
    deps.store.find<IdentityHistoryDoc>(IDENTITY_HISTORY, { where: { user_id: userId }, orderBy: [['_id', 'asc']], limit: 200 }),
  ]);
  return [...new Set([...live.map((b) => b._id), ...past.filter((d) => !d._id.startsWith('auto:')).map((d) => d.identity)])];
}

/**
 * A disable sticks to the person: an identity of theirs that is bound to someone else now (they unbound
 * and came back as a fresh auto user, say) is marked `blocked_by` them, in the disabling transaction —
 * the binding is read on every call anyway, so the warm path pays nothing for it. Enabling lifts it.
 */
export async function blockIdentitiesInTx(tx: StoreTx, userId: string, keys: string[], blocked: boolean): Promise<void> {
  for (const key of keys) {
    const live = await tx.get<BindingDoc>('ic_bindings', key);
    if (!live || live.user_id === userId) continue;
    if (blocked && live['blocked_by'] !== userId) await tx.update('ic_bindings', key, { set: { blocked_by: userId } });
    if (!blocked && live['blocked_by'] === userId) await tx.update('ic_bindings', key, { unset: ['blocked_by'] });
  }
}
