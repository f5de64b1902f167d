import type { LicenceSummary } from '../contracts/admin';
import type { Deps } from '../ports';
import type { AdminDoc, LicenceDoc } from '../kernel/docs';
import { auditInTx } from '../audit/audit';
import { adminActor, requireAdmin } from '../admin/permissions';
import { retryOnConflict } from '../identity/retry';
import { LICENCE_ID, summary } from './seats';

/** An admin grants seats by hand (a contract, a trial); the grant and its reason go to the audit log together. */
export async function grantSeats(deps: Deps, admin: AdminDoc, input: { seats: number; reason: string }): Promise<LicenceSummary> {
  requireAdmin(admin, 'licences.grant');
  return retryOnConflict(() =>
    deps.store.transaction(async (tx) => {
      const lic = await tx.get<LicenceDoc>('licences', LICENCE_ID);
      if (lic) await tx.update('licences', LICENCE_ID, { inc: { total: input.seats } });
      else await tx.insert('licences', { _id: LICENCE_ID, total: input.seats, used: 0 } satisfies LicenceDoc);
      await auditInTx(deps, tx, { actor: adminActor(admin), action: 'licences.granted', target: LICENCE_ID, details: { seats: input.seats, reason: input.reason } });
      return summary((lic?.total ?? 0) + input.seats, lic?.used ?? 0);
    }),
  );
}
