import type { StoreTx } from '../ports';
import type { LicenceDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';

export const LICENCE_ID = 'terminal-user';

/**
 * Takes one Terminal User seat inside a transaction. The transaction makes the read-check-write atomic
 * (SQLite: serialised; CloudBase: a write conflict aborts and retries).
 */
export async function takeSeatInTx(tx: StoreTx): Promise<void> {
  const lic = await tx.get<LicenceDoc>('licences', LICENCE_ID);
  const total = lic?.total ?? 0;
  const used = lic?.used ?? 0;
  if (used >= total) throw new AppError('licence/exhausted', { total, used });
  await tx.update('licences', LICENCE_ID, { set: { used: used + 1 } });
}

export async function releaseSeatInTx(tx: StoreTx): Promise<void> {
  const lic = await tx.get<LicenceDoc>('licences', LICENCE_ID);
  if (!lic || lic.used <= 0) return;
  await tx.update('licences', LICENCE_ID, { set: { used: lic.used - 1 } });
}
