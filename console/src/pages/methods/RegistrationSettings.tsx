import { useState } from 'react';
import { MessagePlugin } from 'tdesign-react/es/message';
import { Switch } from 'tdesign-react/es/switch';
import type { SettingsPatch, SettingsView } from '../../contracts';
import { useI18n, type MessageKey } from '../../i18n';
import { adminCall } from '../../services/admin';

interface Toggle {
  id: string;
  label: MessageKey;
  value: (s: SettingsView) => boolean;
  patch: (on: boolean) => SettingsPatch;
}

const TOGGLES: readonly Toggle[] = [
  { id: 'reg-enabled', label: 'methods.settings.selfRegistration', value: (s) => s.selfRegistration.enabled, patch: (on) => ({ selfRegistration: { enabled: on } }) },
  { id: 'wo-account-required', label: 'methods.settings.woAccount', value: (s) => s.workOrder.accountRequired, patch: (on) => ({ workOrder: { accountRequired: on } }) },
  { id: 'wo-contact-required', label: 'methods.settings.woContact', value: (s) => s.workOrder.contactRequired, patch: (on) => ({ workOrder: { contactRequired: on } }) },
  { id: 'sr-account-required', label: 'methods.settings.srAccount', value: (s) => s.serviceRequest.accountRequired, patch: (on) => ({ serviceRequest: { accountRequired: on } }) },
  { id: 'sr-contact-required', label: 'methods.settings.srContact', value: (s) => s.serviceRequest.contactRequired, patch: (on) => ({ serviceRequest: { contactRequired: on } }) },
];

/**
 * The portal switches self-registration depends on; each applies at once (`settings.update`).
 * Test hooks: `#reg-enabled[data-on]`, `#wo-account-required[data-on]`, `#wo-contact-required[data-on]`,
 * `#sr-account-required[data-on]`, `#sr-contact-required[data-on]`.
 */
export function RegistrationSettings({ settings, onSettings }: { settings: SettingsView; onSettings: (s: SettingsView) => void }) {
  const { t, errorText } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const change = async (toggle: Toggle, on: boolean) => {
    setBusy(toggle.id);
    try {
      onSettings(await adminCall('settings.update', toggle.patch(on)));
      void MessagePlugin.success(t('common.saved'));
    } catch (e) {
      void MessagePlugin.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="reg-settings">
      {TOGGLES.map((toggle) => (
        <label key={toggle.id} className="inline-switch">
          <span id={toggle.id} data-on={String(toggle.value(settings))}>
            <Switch value={toggle.value(settings)} loading={busy === toggle.id} disabled={busy !== null} onChange={(v) => void change(toggle, Boolean(v))} />
          </span>
          {t(toggle.label)}
        </label>
      ))}
    </section>
  );
}
