import type { Deps, StoreTx } from '../ports';
import type { UserDoc } from '../kernel/docs';
import { isoNow } from '../kernel/time';
import { auditInTx } from '../audit/audit';
import { releaseSeatInTx } from '../licences/seats';

/** A user `openid-auto` made from an OpenID alone: no Account, no Contact — nobody else's record. */
export function isThrowawayAutoUser(u: UserDoc): boolean {
  return u.kind === 'member' && !u.account_id && !u.contact_id && u.status !== 'disabled';
}

/**
 * The person proved an activated user's phone on a WeChat identity that held an auto user: that auto
 * user is folded into the activated one. Its seat is freed (one person, one seat) and it remembers where
 * it went; its records stay where they are (the ids they carry keep resolving to it).
 */
export async function mergeAutoUserInTx(deps: Deps, tx: StoreTx, auto: UserDoc, into: UserDoc): Promise<void> {
  if (auto.holds_seat) await releaseSeatInTx(tx);
  await tx.update('ic_users', auto._id, { set: { holds_seat: false, merged_into: into._id, updated_at: isoNow(deps.clock) } });
  await auditInTx(deps, tx, { actor: `user:${into._id}`, action: 'user.merged', target: auto._id, details: { into: into._id, seatFreed: auto.holds_seat } });
}
