import type { LicenceSummary } from '../contracts/admin';
import type { Deps } from '../ports';
import type { AdminDoc } from '../kernel/docs';
import { auditInTx } from '../audit/audit';
import { adminActor, requireAdmin } from '../admin/permissions';
import { retryOnConflict } from '../identity/retry';
import { addSeatsInTx, LICENCE_ID } from './seats';

/** An admin grants seats by hand (a contract, a trial); the grant and its reason go to the audit log together. */
export async function grantSeats(deps: Deps, admin: AdminDoc, input: { seats: number; reason: string }): Promise<LicenceSummary> {
  requireAdmin(admin, 'licences.grant');
  return retryOnConflict(() =>
    deps.store.transaction(async (tx) => {
      const after = await addSeatsInTx(tx, input.seats);
      await auditInTx(deps, tx, { actor: adminActor(admin), action: 'licences.granted', target: LICENCE_ID, details: { seats: input.seats, reason: input.reason } });
      return after;
    }),
  );
}
