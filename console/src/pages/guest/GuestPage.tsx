import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Loading } from 'tdesign-react/es/loading';
import { MessagePlugin } from 'tdesign-react/es/message';
import { Switch } from 'tdesign-react/es/switch';
import { AccountSelect, type AccountOption } from '../../components/AccountSelect';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { useConfirmAction } from '../../components/useConfirmAction';
import type { AdminUserRow, RoleView, SettingsView } from '../../contracts';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { adminCall } from '../../services/admin';
import { GuestHealth } from './GuestHealth';
import { guestHealth } from './health';
import './guest.css';
// the pages' words, registered before this page renders (see i18n/registry.ts)
import '../../i18n/messages';

interface Loaded {
  settings: SettingsView;
  guestRole?: RoleView;
  guest?: AdminUserRow;
}

/** Settings, the Guest role, and the Guest user (the only holder of that role). */
async function loadAll(): Promise<Loaded> {
  const [settings, roles] = await Promise.all([adminCall('settings.get', {}), adminCall('roles.list', {})]);
  const guestRole = roles.items.find((r) => r.immutable);
  const guest = guestRole ? (await adminCall('users.list', { roleId: guestRole.id, limit: 5 })).items.find((u) => u.kind === 'guest') : undefined;
  return { settings, guestRole, guest };
}

/**
 * Guest access: the switch, the Account guests' data goes to, and the health of the shared Guest
 * records (repairable in one click). Saving with guests on repairs the records in the same call.
 * Test hooks: `#guest-enabled[data-on]`, `#guest-account`, `#guest-save`, `#guest-error`, `#guest-summary`,
 * plus GuestHealth's.
 */
export default function GuestPage() {
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [enabled, setEnabled] = useState(false);
  const [account, setAccount] = useState<AccountOption | null>(null);
  const [busy, setBusy] = useState<'save' | 'repair' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirm, confirmDialog] = useConfirmAction();

  const apply = (next: Loaded) => {
    setLoaded(next);
    setEnabled(next.settings.guest.enabled);
    const g = next.settings.guest;
    // the dedicated Guest Account is shown by what it is, in the console's language
    setAccount(g.accountId ? { id: g.accountId, name: g.accountId === g.dedicatedAccountId ? t('guest.dedicatedAccount') : (g.accountName ?? g.accountId) } : null);
  };

  const load = useCallback(() => {
    setLoadError(null);
    loadAll().then(apply, setLoadError);
  }, []);
  useEffect(load, [load]);

  const checks = useMemo(() => (loaded ? guestHealth(loaded.settings, loaded.guestRole, loaded.guest) : []), [loaded]);
  const saved = loaded?.settings.guest;
  const dirty = !!saved && (saved.enabled !== enabled || (saved.accountId ?? '') !== (account?.id ?? ''));
  const missingAccount = enabled && !account;
  // Guest data under a real customer's Account is a deliberate choice: the admin confirms it.
  const customerAccountChosen = !!account && account.id !== loaded?.settings.guest.dedicatedAccountId && account.id !== saved?.accountId;
  const save = () => {
    if (!customerAccountChosen || !account) return void update('save');
    confirm({
      title: t('guest.confirmCustomer.title'),
      body: t('guest.confirmCustomer.body', { name: account.name }),
      confirmText: t('guest.confirmCustomer.ok'),
      danger: true,
      run: () => update('save', true),
    });
  };

  const update = async (kind: 'save' | 'repair', confirmCustomerAccount = false) => {
    setBusy(kind);
    setError(null);
    try {
      const guest = { enabled: kind === 'repair' ? true : enabled, ...(account ? { accountId: account.id } : {}), ...(confirmCustomerAccount ? { confirmCustomerAccount } : {}) };
      await adminCall('settings.update', { guest });
      void MessagePlugin.success(kind === 'repair' ? t('guest.repaired') : t('common.saved'));
      apply(await loadAll());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  if (!loaded) {
    return (
      <div className="console-card">
        <PageHeading title={t('guest.title')} description={t('guest.description')} />
        {loadError ? <ErrorNotice id="guest-error" error={loadError} onRetry={load} /> : <Loading loading text={t('app.loading')} className="console-page-loading" />}
      </div>
    );
  }

  return (
    <div className="console-card guest-page">
      <PageHeading title={t('guest.title')} description={t('guest.description')} />
      <div className="guest-layout">
        <section className="guest-form">
          <label className="inline-switch guest-form__switch">
            <span id="guest-enabled" data-on={String(enabled)}>
              <Switch value={enabled} onChange={(v) => setEnabled(Boolean(v))} />
            </span>
            <strong>{t('guest.enabled')}</strong>
          </label>
          <p className="drawer-section__hint">{t('guest.enabledHint')}</p>
          <label className="field">
            <span>{t('guest.account')}</span>
            <AccountSelect id="guest-account" value={account} onChange={setAccount} />
          </label>
          <p className="drawer-section__hint">{t('guest.accountHint')}</p>
          {missingAccount ? <div className="console-notice console-notice--warning">{t('guest.accountRequired')}</div> : null}
          {error ? <ErrorNotice id="guest-error" error={error} /> : null}
          <div className="drawer-actions">
            <Button id="guest-save" theme="primary" loading={busy === 'save'} disabled={!dirty || missingAccount || busy !== null} onClick={save}>
              {t('common.save')}
            </Button>
          </div>
        </section>
        <aside className="guest-side">
          <GuestHealth checks={checks} enabled={saved?.enabled ?? false} repairing={busy === 'repair'} onRepair={() => void update('repair')} />
          <section id="guest-summary" className="guest-role">
            <h4 className="panel-title">
              {t('guest.role')}
              <Button variant="text" theme="primary" size="small" onClick={() => navigate('/roles')}>
                {t('guest.roleLink')}
              </Button>
            </h4>
            <p className="drawer-section__hint">{t('guest.roleSummary')}</p>
          </section>
        </aside>
      </div>
      {confirmDialog}
    </div>
  );
}
