import type { LicencesGetIn, LicencesView } from '../contracts/admin';
import type { Deps } from '../ports';
import type { AdminDoc } from '../kernel/docs';
import { licenceSummary } from '../licences/seats';
import { requireAdmin } from './permissions';
import { pageUsers } from './users';

/** Seats and who holds them (the `holds_seat` index, newest first). */
export async function getLicences(deps: Deps, admin: AdminDoc, opts: LicencesGetIn): Promise<LicencesView> {
  requireAdmin(admin, 'licences.read');
  const [seats, holders] = await Promise.all([licenceSummary(deps), pageUsers(deps, { holds_seat: true }, opts)]);
  return { ...seats, holders };
}
