import { useEffect, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Input } from 'tdesign-react/es/input';
import { MessagePlugin } from 'tdesign-react/es/message';
import { Textarea } from 'tdesign-react/es/textarea';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { SettingsView } from '../../contracts';
import { domId } from '../../domId';
import { useI18n } from '../../i18n';
import { adminCall } from '../../services/admin';

const LINK = /^(https?:\/\/\S+)?$/;

/**
 * Whom the portal is for and the terms people agree to when they register or bind a phone (DESIGN §3:
 * PIPL consent; WeChat review wants the first page to say whom the portal is for). A new terms version
 * makes the mini program ask again.
 * Test hooks: `#portal-name input`, `#portal-audience textarea`, `#terms-version input`, `#terms-url input`,
 * `#terms-privacy-url input`, `#portal-save`, `#portal-error`.
 */
export function PortalTerms({ settings, onSettings }: { settings: SettingsView; onSettings: (s: SettingsView) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => ({ ...settings.portal, ...settings.terms }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setDraft({ ...settings.portal, ...settings.terms }), [settings]);

  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));
  const badLink = !LINK.test(draft.url.trim()) || !LINK.test(draft.privacyUrl.trim());
  const dirty = (['name', 'audience', 'version', 'url', 'privacyUrl'] as const).some((k) => draft[k] !== ({ ...settings.portal, ...settings.terms })[k]);
  const valid = draft.name.trim() !== '' && draft.audience.trim() !== '' && draft.version.trim() !== '' && !badLink;

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      onSettings(
        await adminCall('settings.update', {
          portal: { name: draft.name.trim(), audience: draft.audience.trim() },
          terms: { version: draft.version.trim(), url: draft.url.trim(), privacyUrl: draft.privacyUrl.trim() },
        }),
      );
      void MessagePlugin.success(t('common.saved'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="portal-terms">
      <div className="form-row">
        <label className="field">
          <span>{t('methods.portal.name')}</span>
          <Input {...domId('portal-name')} value={draft.name} maxlength={40} onChange={(v) => set({ name: String(v) })} />
        </label>
        <label className="field">
          <span>{t('methods.terms.version')}</span>
          <Input {...domId('terms-version')} value={draft.version} maxlength={32} onChange={(v) => set({ version: String(v) })} />
        </label>
      </div>
      <label className="field">
        <span>{t('methods.portal.audience')}</span>
        <div id="portal-audience">
          <Textarea value={draft.audience} maxlength={300} autosize={{ minRows: 2, maxRows: 4 }} onChange={(v) => set({ audience: String(v) })} />
        </div>
      </label>
      <div className="form-row">
        <label className="field">
          <span>{t('methods.terms.url')}</span>
          <Input {...domId('terms-url')} value={draft.url} maxlength={300} placeholder="https://" status={LINK.test(draft.url.trim()) ? undefined : 'error'} onChange={(v) => set({ url: String(v) })} />
        </label>
        <label className="field">
          <span>{t('methods.terms.privacyUrl')}</span>
          <Input {...domId('terms-privacy-url')} value={draft.privacyUrl} maxlength={300} placeholder="https://" status={LINK.test(draft.privacyUrl.trim()) ? undefined : 'error'} onChange={(v) => set({ privacyUrl: String(v) })} />
        </label>
      </div>
      <p className="drawer-section__hint">{t('methods.terms.hint')}</p>
      {error ? <ErrorNotice id="portal-error" error={error} /> : null}
      <div className="drawer-actions">
        <Button id="portal-save" theme="primary" variant="outline" loading={busy} disabled={!dirty || !valid} onClick={() => void save()}>
          {t('common.save')}
        </Button>
      </div>
    </section>
  );
}
