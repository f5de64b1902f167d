import type { Deps } from '../ports';
import { StoreConflictError } from '../ports';
import { q } from '../ports';

const day = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10); // calendar day in China time

/**
 * Counts one use of a daily budget atomically (a conditional increment, never read-then-write).
 * Returns false when the budget is spent. Keys are hashed: phone numbers and IPs are not stored in clear.
 */
export async function takeDailyBudget(deps: Deps, kind: string, subject: string, cap: number): Promise<boolean> {
  const today = day(deps.clock.now());
  const id = `${kind}_${deps.crypto.hmac(`${kind}:${subject}:${today}`).slice(0, 32)}`;
  try {
    await deps.store.insert('rate_limits', { _id: id, kind, day: today, count: 0 });
  } catch (e) {
    if (!(e instanceof StoreConflictError)) throw e;
  }
  return (await deps.store.update('rate_limits', id, { inc: { count: 1 } }, { count: q.lt(cap) })) === 1;
}

/** Gives a budget unit back (when the action it paid for did not happen). */
export async function refundDailyBudget(deps: Deps, kind: string, subject: string): Promise<void> {
  const today = day(deps.clock.now());
  const id = `${kind}_${deps.crypto.hmac(`${kind}:${subject}:${today}`).slice(0, 32)}`;
  await deps.store.update('rate_limits', id, { inc: { count: -1 } }, { count: q.gt(0) });
}
