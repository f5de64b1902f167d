import { useEffect, useState } from 'react';
import { MessagePlugin } from 'tdesign-react/es/message';
import { Switch } from 'tdesign-react/es/switch';
import { useI18n } from '../../i18n';
import { adminCall } from '../../services/admin';

/**
 * The "Manual Activation" switch (`settings.manualActivation`), where it matters: on the wizard. Hidden
 * when the admin may not read settings. Test hook: `#activation-switch[data-on]`.
 */
export function ManualSwitch({ onChanged }: { onChanged?: () => void }) {
  const { t, errorText } = useI18n();
  const [on, setOn] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    adminCall('settings.get', {})
      .then((s) => live && setOn(s.manualActivation))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  if (on === null) return null;
  const change = async (next: boolean) => {
    setBusy(true);
    try {
      const s = await adminCall('settings.update', { manualActivation: next });
      setOn(s.manualActivation);
      onChanged?.();
      void MessagePlugin.success(s.manualActivation ? t('activation.switchTurnedOn') : t('activation.switchTurnedOff'));
    } catch (e) {
      void MessagePlugin.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <label className="inline-switch" title={t('activation.switchHint')}>
      <span id="activation-switch" data-on={String(on)}>
        <Switch value={on} loading={busy} onChange={(v) => void change(Boolean(v))} />
      </span>
      {t('activation.switch')}
    </label>
  );
}
