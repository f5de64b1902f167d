import type { AdminUserRow, RoleView, SettingsView } from '../../contracts';

export type CheckName = 'account' | 'user' | 'status' | 'contact' | 'enterprise' | 'role';

export interface HealthCheck {
  name: CheckName;
  ok: boolean;
}

/**
 * The Guest record's health, judged from what the console can read: `settings.get` (the Account, and its
 * name only when it still exists) and the Guest user (found by the immutable role it alone holds).
 * `settings.get` carries no health of its own; these are the same conditions core/identity/guest.ts
 * repairs (`repairGuestInTx`).
 */
export function guestHealth(settings: SettingsView, guestRole: RoleView | undefined, guest: AdminUserRow | undefined): HealthCheck[] {
  const accountId = settings.guest.accountId;
  return [
    { name: 'account', ok: !!accountId && !!settings.guest.accountName },
    { name: 'user', ok: !!guest },
    { name: 'status', ok: guest?.status === 'active' },
    { name: 'contact', ok: !!guest?.contactId && guest.accountId === accountId },
    { name: 'enterprise', ok: !!guest?.enterpriseId },
    { name: 'role', ok: !!guest && !!guestRole && guest.roleIds.length === 1 && guest.roleIds[0] === guestRole.id },
  ];
}
