import type { Deps } from '../ports';
import { StoreConflictError } from '../ports';
import { q } from '../ports';

import type { StoreTx } from '../ports';

const day = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10); // calendar day in China time

const budgetId = (deps: Deps, kind: string, subject: string, today: string) => `${kind}_${deps.crypto.hmac(`${kind}:${subject}:${today}`).slice(0, 32)}`;

export interface DailyBudget {
  kind: string;
  subject: string;
  cap: number;
}

/**
 * Counts one use of each daily budget inside a transaction, so they are spent only if everything else the
 * transaction does lands too. All are checked before any is counted: when one is spent, returns false
 * and changes nothing (a refusal by one budget never costs another).
 */
export async function takeDailyBudgetsInTx(deps: Deps, tx: StoreTx, budgets: readonly DailyBudget[]): Promise<boolean> {
  const today = day(deps.clock.now());
  const current: Array<{ id: string; kind: string; count: number | null }> = [];
  for (const b of budgets) {
    const id = budgetId(deps, b.kind, b.subject, today);
    const doc = await tx.get<{ _id: string; count: number }>('rate_limits', id);
    if (doc && doc.count >= b.cap) return false;
    current.push({ id, kind: b.kind, count: doc ? doc.count : null });
  }
  for (const c of current) {
    if (c.count === null) await tx.insert('rate_limits', { _id: c.id, kind: c.kind, day: today, count: 1 });
    else await tx.update('rate_limits', c.id, { inc: { count: 1 } });
  }
  return true;
}

/** Gives a budget unit back inside a transaction. */
export async function refundDailyBudgetInTx(deps: Deps, tx: StoreTx, kind: string, subject: string): Promise<void> {
  const id = budgetId(deps, kind, subject, day(deps.clock.now()));
  const doc = await tx.get<{ _id: string; count: number }>('rate_limits', id);
  if (doc && doc.count > 0) await tx.update('rate_limits', id, { inc: { count: -1 } });
}

/**
 * Counts one use of a daily budget atomically (one insert or one conditional increment, never
 * read-then-write). Returns false when the budget is spent. Keys are hashed: phone numbers and IPs are not
 * stored in clear.
 */
export async function takeDailyBudget(deps: Deps, kind: string, subject: string, cap: number): Promise<boolean> {
  const today = day(deps.clock.now());
  const id = budgetId(deps, kind, subject, today);
  if ((await deps.store.update('rate_limits', id, { inc: { count: 1 } }, { count: q.lt(cap) })) === 1) return true;
  if (cap < 1) return false;
  try {
    await deps.store.insert('rate_limits', { _id: id, kind, day: today, count: 1 });
    return true;
  } catch (e) {
    if (!(e instanceof StoreConflictError)) throw e;
    // someone created it meanwhile: count against it
    return (await deps.store.update('rate_limits', id, { inc: { count: 1 } }, { count: q.lt(cap) })) === 1;
  }
}

/** Gives a budget unit back (when the action it paid for did not happen). */
export async function refundDailyBudget(deps: Deps, kind: string, subject: string): Promise<void> {
  const id = budgetId(deps, kind, subject, day(deps.clock.now()));
  await deps.store.update('rate_limits', id, { inc: { count: -1 } }, { count: q.gt(0) });
}
