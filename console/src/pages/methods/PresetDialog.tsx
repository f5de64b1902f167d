import { useEffect, useMemo, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Dialog } from 'tdesign-react/es/dialog';
import { Select } from 'tdesign-react/es/select';
import type { AccountOption } from '../../components/AccountSelect';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { MethodView, SettingsView } from '../../contracts';
import { useI18n } from '../../i18n';
import { adminCall } from '../../services/admin';
import { ALL_APPS, methodStepsOf, PRESETS, settingsPatchOf, type PresetId } from './presets';

/**
 * One of the five seed scenarios in one step: the settings it needs and the mode of one app's method.
 * Test hooks: `#preset-dialog`, presets `[data-preset="1".."5"]` (`[aria-checked]`), `#preset-app` (`[data-option="*"]` = every app),
 * `#preset-guest-account`, `#preset-changes` (`li`), `#preset-apply`, `#preset-error`.
 */
export function PresetDialog({ open, methods, settings, defaultRoleIds, onClose, onApplied }: { open: boolean; methods: MethodView[]; settings: SettingsView; defaultRoleIds: string[]; onClose: () => void; onApplied: () => void }) {
  const { t } = useI18n();
  const apps = useMemo(() => [...new Set(methods.map((m) => m.appId))], [methods]);
  const [presetId, setPresetId] = useState<PresetId | null>(null);
  const [appId, setAppId] = useState('');
  const [guestAccount, setGuestAccount] = useState<AccountOption | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    setPresetId(null);
    // every app by default: one scenario for the whole portal; a new portal names its first app
    setAppId(apps.length > 1 ? ALL_APPS : (apps[0] ?? ''));
    // guests browse under the Account already chosen on the Guest page (by default the dedicated Guest
    // Account); moving guest data to a real customer is confirmed there, not slipped in with a preset
    const g = settings.guest;
    const id = g.accountId ?? g.dedicatedAccountId;
    setGuestAccount({ id, name: g.accountName ?? t('guest.dedicatedAccount') });
    setError(null);
  }, [open, apps, settings, t]);

  const preset = PRESETS.find((p) => p.id === presetId);
  const steps = preset ? methodStepsOf(preset, methods, appId, t(`methods.preset.${preset.id}.name`), defaultRoleIds) : [];
  const missing = !!preset && ((preset.needsGuestAccount && !guestAccount) || (!!preset.mode && !appId));

  const changes: string[] = [];
  if (preset) {
    const s = settingsPatchOf(preset, guestAccount?.id ?? null);
    if (s.manualActivation !== undefined) changes.push(t('methods.change.manual', { on: t(s.manualActivation ? 'common.on' : 'common.off') }));
    if (s.selfRegistration?.enabled !== undefined) changes.push(t('methods.change.selfRegistration', { on: t(s.selfRegistration.enabled ? 'common.on' : 'common.off') }));
    if (s.guest?.enabled !== undefined) changes.push(s.guest.enabled ? t('methods.change.guestOn', { account: guestAccount?.name ?? '—' }) : t('methods.change.guestOff'));
    if (s.workOrder) changes.push(t('methods.change.workOrder', { required: t(s.workOrder.accountRequired ? 'common.yes' : 'common.no') }));
    for (const step of steps) {
      if (step.kind === 'update') changes.push(t('methods.change.methodUpdate', { name: step.method.name, appId: step.method.appId, mode: t(`methods.mode.${step.patch.mode}`) }));
      else changes.push(t('methods.change.methodCreate', { appId: step.input.appId, mode: t(`methods.mode.${step.input.mode}`) }));
    }
  }

  const apply = async () => {
    if (!preset || missing) return;
    setBusy(true);
    setError(null);
    try {
      // settings first: if they are refused (say the guest Account is gone) no method has changed yet
      await adminCall('settings.update', settingsPatchOf(preset, guestAccount?.id ?? null));
      for (const step of steps) {
        if (step.kind === 'update') await adminCall('methods.update', step.patch);
        else await adminCall('methods.create', step.input);
      }
      onApplied();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      visible={open}
      header={t('methods.presets.title')}
      width={720}
      onClose={onClose}
      destroyOnClose
      footer={
        <div className="confirm-footer">
          <Button variant="outline" disabled={busy} onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button id="preset-apply" theme="primary" loading={busy} disabled={!preset || missing} onClick={() => void apply()}>
            {t('methods.presets.apply')}
          </Button>
        </div>
      }
    >
      <div id="preset-dialog">
        <p className="drawer-section__hint">{t('methods.presets.hint')}</p>
        <div className="preset-list" role="radiogroup" aria-label={t('methods.presets.title')}>
          {PRESETS.map((p) => (
            <button key={p.id} type="button" role="radio" aria-checked={p.id === presetId} className={`preset${p.id === presetId ? ' is-active' : ''}`} data-preset={p.id} onClick={() => setPresetId(p.id)}>
              <span className="preset__name">
                {p.id}. {t(`methods.preset.${p.id}.name`)}
              </span>
              <span className="preset__text">{t(`methods.preset.${p.id}.text`)}</span>
            </button>
          ))}
        </div>
        {preset?.mode ? (
          <label className="field">
            <span>{t('methods.presets.app')}</span>
            <div id="preset-app">
              <Select filterable creatable value={appId} placeholder="wx…" onChange={(v) => setAppId(String(v ?? '').trim())}>
                {apps.length > 1 ? (
                  <Select.Option value={ALL_APPS} label={t('methods.presets.allApps')}>
                    <span data-option={ALL_APPS}>{t('methods.presets.allApps')}</span>
                  </Select.Option>
                ) : null}
                {apps.map((app) => (
                  <Select.Option key={app} value={app} label={app}>
                    <span data-option={app}>
                      {app} · {methods.filter((m) => m.appId === app).map((m) => m.name).join('、')}
                    </span>
                  </Select.Option>
                ))}
              </Select>
            </div>
          </label>
        ) : null}
        {preset ? (
          <section className="preset-changes">
            <h4 className="panel-title">{t('methods.presets.changes')}</h4>
            <ul id="preset-changes">
              {changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </section>
        ) : null}
        {error ? <ErrorNotice id="preset-error" error={error} /> : null}
      </div>
    </Dialog>
  );
}
