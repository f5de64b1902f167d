import type { MethodInput, MethodView, RegistrationMode, SettingsPatch, SettingsView } from '../../contracts';
import { newMethodInput } from './defaults';

export type PresetId = 1 | 2 | 3 | 4 | 5;

/**
 * The five scenarios of the seed (DESIGN §2) as configurations: the portal settings they need, and the
 * mode of the chosen app's registration method (none for scenario 5, where self-registration is off).
 * Members always have an Account and Contact under `form` and manual activation, so requiring them on
 * work orders costs nothing there; scenario 1 is the one that must leave them optional.
 */
export interface Preset {
  id: PresetId;
  mode?: RegistrationMode;
  settings: SettingsPatch;
  /** scenario 4: guests browse under an Account the admin picks */
  needsGuestAccount: boolean;
}

export const PRESETS: readonly Preset[] = [
  { id: 1, mode: 'openid-auto', settings: { selfRegistration: { enabled: true }, guest: { enabled: false }, workOrder: { accountRequired: false, contactRequired: false } }, needsGuestAccount: false },
  { id: 2, mode: 'openid-auto', settings: { selfRegistration: { enabled: true }, guest: { enabled: false }, workOrder: { accountRequired: true, contactRequired: true } }, needsGuestAccount: false },
  { id: 3, mode: 'form', settings: { selfRegistration: { enabled: true }, guest: { enabled: false }, workOrder: { accountRequired: true, contactRequired: true } }, needsGuestAccount: false },
  { id: 4, mode: 'form', settings: { selfRegistration: { enabled: true }, guest: { enabled: true }, workOrder: { accountRequired: true, contactRequired: true } }, needsGuestAccount: true },
  { id: 5, settings: { manualActivation: true, selfRegistration: { enabled: false }, guest: { enabled: false }, workOrder: { accountRequired: true, contactRequired: true } }, needsGuestAccount: false },
];

/** The settings patch, with the guest Account filled in where the preset needs one. */
export function settingsPatchOf(preset: Preset, guestAccountId: string | null): SettingsPatch {
  if (!preset.needsGuestAccount || !guestAccountId) return preset.settings;
  return { ...preset.settings, guest: { enabled: true, accountId: guestAccountId } };
}

export type MethodStep = { kind: 'update'; method: MethodView; patch: { id: string; mode: RegistrationMode; enabled: true } } | { kind: 'create'; input: MethodInput };

/** Every mini program that has a method. */
export const ALL_APPS = '*';

/**
 * What the preset does to the methods: for each app concerned (one, or every app with a method), switch
 * its enabled method (or else its first one) to the preset's mode and enable it; an app without any
 * method gets a new one.
 */
export function methodStepsOf(preset: Preset, methods: MethodView[], app: string, name: string, roleIds: string[]): MethodStep[] {
  if (!preset.mode || !app) return [];
  const mode = preset.mode;
  const apps = app === ALL_APPS ? [...new Set(methods.map((m) => m.appId))] : [app];
  return apps.map((appId): MethodStep => {
    const forApp = methods.filter((m) => m.appId === appId);
    const target = forApp.find((m) => m.enabled) ?? forApp[0];
    if (target) return { kind: 'update', method: target, patch: { id: target.id, mode, enabled: true } };
    return { kind: 'create', input: { ...newMethodInput(roleIds), name, appId, mode, enabled: true } };
  });
}

/** Which scenario the current configuration amounts to, if exactly one (shown beside the preset button). */
export function currentScenario(settings: SettingsView, methods: MethodView[]): PresetId | null {
  if (!settings.selfRegistration.enabled) return settings.guest.enabled ? null : 5;
  const modes = new Set(methods.filter((m) => m.enabled).map((m) => m.mode));
  if (modes.size !== 1) return null;
  const wo = settings.workOrder.accountRequired && settings.workOrder.contactRequired;
  if (modes.has('openid-auto')) return settings.guest.enabled ? null : wo ? 2 : !settings.workOrder.accountRequired && !settings.workOrder.contactRequired ? 1 : null;
  return settings.guest.enabled ? 4 : 3;
}
