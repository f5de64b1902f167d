import type { LicenceSummary } from '../contracts/admin';
import type { Deps, StoreTx } from '../ports';
import type { LicenceDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';

export const LICENCE_ID = 'terminal-user';

/**
 * Takes one Terminal User seat inside a transaction. The transaction makes the read-check-write atomic
 * (SQLite: serialised; CloudBase: a write conflict aborts and retries).
 */
export async function takeSeatInTx(tx: StoreTx): Promise<void> {
  await takeSeatsInTx(tx, 1);
}

/**
 * Takes `n` seats at once or none (a request activating three users with two free seats fails whole).
 * Answers the licence as it is after the change.
 */
export async function takeSeatsInTx(tx: StoreTx, n: number): Promise<LicenceSummary> {
  const lic = await tx.get<LicenceDoc>('licences', LICENCE_ID);
  const total = lic?.total ?? 0;
  const used = lic?.used ?? 0;
  if (n <= 0) return summary(total, used);
  if (used + n > total) throw new AppError('licence/exhausted', { total, used, needed: n, free: Math.max(0, total - used) });
  await tx.update('licences', LICENCE_ID, { set: { used: used + n } });
  return summary(total, used + n);
}

export const summary = (total: number, used: number): LicenceSummary => ({ total, used, free: Math.max(0, total - used) });

/** Seats as they are now (outside a transaction: for display only). */
export async function licenceSummary(deps: Deps): Promise<LicenceSummary> {
  const lic = await deps.store.get<LicenceDoc>('licences', LICENCE_ID);
  return summary(lic?.total ?? 0, lic?.used ?? 0);
}

export async function releaseSeatInTx(tx: StoreTx): Promise<void> {
  const lic = await tx.get<LicenceDoc>('licences', LICENCE_ID);
  if (!lic || lic.used <= 0) return;
  await tx.update('licences', LICENCE_ID, { set: { used: lic.used - 1 } });
}
