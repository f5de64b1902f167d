import { boolean, int, object, optional, string } from '../../core/kernel/schema';
import { requireAdmin } from '../../core/admin/permissions';
import { getSettingsForAdmin, updateSettings } from '../../core/settings/admin-settings';
import type { ActionTable } from '../shared/dispatch';
import { asAdmin } from './as-admin';

const flag = () => optional(boolean());
/** a link shown to people before they agree: http(s) only, or empty for "none yet" */
const link = () => optional(string({ max: 300, pattern: /^(https?:\/\/\S+)?$/ }));
const requirements = () => optional(object({ accountRequired: flag(), contactRequired: flag() }));

const settingsPatch = object({
  manualActivation: flag(),
  guest: optional(object({ enabled: flag(), accountId: optional(string({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ })), confirmCustomerAccount: flag() })),
  selfRegistration: optional(object({ enabled: flag() })),
  workOrder: requirements(),
  serviceRequest: requirements(),
  portal: optional(object({ name: optional(string({ min: 1, max: 40 })), audience: optional(string({ min: 1, max: 300 })) })),
  terms: optional(object({ version: optional(string({ min: 1, max: 32 })), url: link(), privacyUrl: link() })),
  // up to 100,000 yuan a seat: anything above is a typo in fen vs yuan
  seatPriceFen: optional(int({ min: 1, max: 10_000_000 })),
});

/** Portal settings. */
export const settingsActions = {
  'settings.get': asAdmin(object({}), async (ctx, admin) => {
    requireAdmin(admin, 'settings.read');
    return getSettingsForAdmin(ctx.deps);
  }),
  'settings.update': asAdmin(settingsPatch, async (ctx, admin, input) => {
    requireAdmin(admin, 'settings.update');
    return updateSettings(ctx.deps, admin, input);
  }),
} satisfies ActionTable;
