import type { SettingsPatch, SettingsView } from '../contracts/domain';
import type { Deps } from '../ports';
import type { AccountDoc, AdminDoc, SettingsDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { isoNow } from '../kernel/time';
import { auditInTx } from '../audit/audit';
import { adminActor } from '../admin/permissions';
import { repairGuestInTx } from '../identity/guest';
import { GUEST_ACCOUNT_ID } from '../identity/bindings';
import { retryOnConflict } from '../identity/retry';
import { SETTINGS_ID, defaultSettings, invalidateSettings } from './settings';

export function settingsView(s: SettingsDoc, guestAccountName?: string): SettingsView {
  const guest: SettingsView['guest'] = { enabled: s.guest.enabled, dedicatedAccountId: GUEST_ACCOUNT_ID };
  if (s.guest.account_id) guest.accountId = s.guest.account_id;
  if (guestAccountName) guest.accountName = guestAccountName;
  return {
    manualActivation: s.manual_activation,
    guest,
    selfRegistration: { enabled: s.self_registration.enabled },
    workOrder: { accountRequired: s.work_order.account_required, contactRequired: s.work_order.contact_required },
    serviceRequest: { accountRequired: s.service_request.account_required, contactRequired: s.service_request.contact_required },
    portal: { name: s.portal.name, audience: s.portal.audience },
    terms: { version: s.terms.version, url: s.terms.url, privacyUrl: s.terms.privacy_url },
    seatPriceFen: s.seat_price_fen,
    updatedAt: s.updated_at,
  };
}

/** The stored document with defaults for anything an older version did not write. */
const withDefaults = (stored: SettingsDoc | null, now: string): SettingsDoc => (stored ? { ...defaultSettings(stored.updated_at ?? now), ...stored } : defaultSettings(now));

/** Fresh from the store (not the per-process cache): the console shows what is really in force. */
export async function getSettingsForAdmin(deps: Deps): Promise<SettingsView> {
  const s = withDefaults(await deps.store.get<SettingsDoc>('settings', SETTINGS_ID), isoNow(deps.clock));
  const account = s.guest.account_id ? await deps.store.get<AccountDoc>('accounts', s.guest.account_id) : null;
  return settingsView(s, account?.name);
}

/** camelCase patch → the stored snake_case document; nested parts are merged, never replaced. */
function merged(s: SettingsDoc, p: SettingsPatch, now: string): SettingsDoc {
  const pick = <T>(v: T | undefined, fallback: T): T => (v === undefined ? fallback : v);
  const guest = { ...s.guest, enabled: pick(p.guest?.enabled, s.guest.enabled) };
  if (p.guest?.accountId !== undefined) guest.account_id = p.guest.accountId;
  return {
    ...s,
    manual_activation: pick(p.manualActivation, s.manual_activation),
    guest,
    self_registration: { ...s.self_registration, enabled: pick(p.selfRegistration?.enabled, s.self_registration.enabled) },
    work_order: {
      ...s.work_order,
      account_required: pick(p.workOrder?.accountRequired, s.work_order.account_required),
      contact_required: pick(p.workOrder?.contactRequired, s.work_order.contact_required),
    },
    service_request: {
      ...s.service_request,
      account_required: pick(p.serviceRequest?.accountRequired, s.service_request.account_required),
      contact_required: pick(p.serviceRequest?.contactRequired, s.service_request.contact_required),
    },
    portal: { ...s.portal, name: pick(p.portal?.name, s.portal.name), audience: pick(p.portal?.audience, s.portal.audience) },
    terms: { ...s.terms, version: pick(p.terms?.version, s.terms.version), url: pick(p.terms?.url, s.terms.url), privacy_url: pick(p.terms?.privacyUrl, s.terms.privacy_url) },
    seat_price_fen: pick(p.seatPriceFen, s.seat_price_fen),
    updated_at: now,
  };
}

/**
 * Changes settings. Guests need an existing Account to work under: enabling them (or pointing them at
 * another Account) repairs the Guest enterprise, user and contact in the same transaction as the
 * change, so guests never meet a half-configured portal. An unknown Account changes nothing.
 */
export async function updateSettings(deps: Deps, admin: AdminDoc, patch: SettingsPatch): Promise<SettingsView> {
  const { next, accountName } = await retryOnConflict(() =>
    deps.store.transaction(async (tx) => {
      const now = isoNow(deps.clock);
      const current = withDefaults(await tx.get<SettingsDoc>('settings', SETTINGS_ID), now);
      const next = merged(current, patch, now);
      const accountId = next.guest.account_id;
      if (next.guest.enabled && !accountId) throw new AppError('input/invalid', { field: 'guest.accountId', reason: 'required' });
      let accountName: string | undefined;
      if (accountId && (patch.guest?.accountId !== undefined || (next.guest.enabled && !current.guest.enabled))) {
        const account = await tx.get<AccountDoc>('accounts', accountId);
        if (!account) throw new AppError('registration/account-not-found', { accountId });
        accountName = account.name;
      }
      // Guest data under a real customer's Account is a deliberate choice, never a slip of the picker.
      if (patch.guest?.accountId !== undefined && patch.guest.accountId !== GUEST_ACCOUNT_ID && patch.guest.accountId !== current.guest.account_id && patch.guest.confirmCustomerAccount !== true) {
        throw new AppError('guest/confirm-account', { accountId: patch.guest.accountId });
      }
      await tx.set('settings', next);
      if (next.guest.enabled && accountId && patch.guest) await repairGuestInTx(deps, tx, accountId);
      await auditInTx(deps, tx, { actor: adminActor(admin), action: 'settings.updated', target: SETTINGS_ID, details: { changed: Object.keys(patch), patch } });
      return { next, accountName };
    }),
  );
  invalidateSettings(deps);
  return settingsView(next, accountName ?? (next.guest.account_id ? (await deps.store.get<AccountDoc>('accounts', next.guest.account_id))?.name : undefined));
}
