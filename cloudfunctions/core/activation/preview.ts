import type { ActivationPreview, ActivationSelection } from '../contracts/admin';
import type { Deps } from '../ports';
import type { AdminDoc } from '../kernel/docs';
import { adminMay, requireAdmin } from '../admin/permissions';
import { licenceSummary } from '../licences/seats';
import { getSettings } from '../settings/settings';
import { planActivation } from './selection';

/**
 * What `users.activate` would do with the same Accounts and Contacts — which Contacts become users,
 * which already are, how many seats it takes — without changing anything. Accounts without Contacts are
 * shown as not activatable rather than refused, so the wizard can explain why.
 */
export async function previewActivation(deps: Deps, admin: AdminDoc, selections: ActivationSelection[]): Promise<ActivationPreview> {
  requireAdmin(admin, 'users.read');
  const [plan, seats, settings] = await Promise.all([planActivation(deps, selections), licenceSummary(deps), getSettings(deps)]);
  let seatsNeeded = 0;
  const accounts = plan.accounts.map((p) => {
    const selectedIds = new Set(p.selected.map((c) => c._id));
    const shown = [...p.allContacts, ...p.selected.filter((c) => !p.allContacts.some((a) => a._id === c._id))];
    const contacts = shown.map((c) => {
      const user = plan.usersByContact.get(c._id);
      const selected = selectedIds.has(c._id);
      const willActivate = selected && !user;
      if (willActivate) seatsNeeded++;
      return {
        id: c._id,
        name: c.name,
        ...(c.mobile1 ? { mobile1: c.mobile1 } : {}),
        selected,
        ...(user ? { userId: user._id, userStatus: user.status } : {}),
        willActivate,
      };
    });
    return {
      id: p.account._id,
      name: p.account.name,
      activatable: p.allContacts.length > 0,
      ...(p.enterprise ? { enterpriseId: p.enterprise._id } : {}),
      contacts,
    };
  });
  const canActivate = settings.manual_activation && adminMay(admin, 'enterprises.create') && adminMay(admin, 'users.create');
  return { accounts, seatsNeeded, seats, enoughSeats: seatsNeeded <= seats.free, manualActivation: settings.manual_activation, canActivate };
}
