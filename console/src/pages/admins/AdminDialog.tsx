import { useEffect, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Checkbox } from 'tdesign-react/es/checkbox';
import { Dialog } from 'tdesign-react/es/dialog';
import { Input } from 'tdesign-react/es/input';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { AdminAccountView } from '../../contracts';
import { domId } from '../../domId';
import { hasMessage, useI18n } from '../../i18n';
import { adminCall } from '../../services/admin';

const MIN_PASSWORD = 12;

interface Draft {
  username: string;
  displayName: string;
  password: string;
  permissions: string[];
}

const draftOf = (a?: AdminAccountView | null): Draft => ({ username: a?.username ?? '', displayName: a?.displayName ?? '', password: '', permissions: a?.permissions ?? [] });

/**
 * Create or edit a console admin: name, a password (required when new; a new one ends their sessions),
 * and permissions ticked from the server's vocabulary — or "super admin" (`*`), which holds them all.
 * `editing`: undefined = closed, null = new, an admin = edit them.
 * Test hooks: `#admin-dialog`, `#admin-username input`, `#admin-display-name input`, `#admin-password input`,
 * `#admin-super`, `[data-permission="<name>"]`, `#admin-submit`, `#admin-error`.
 */
export function AdminDialog({ editing, vocabulary, onClose, onSaved }: { editing: AdminAccountView | null | undefined; vocabulary: string[]; onClose: () => void; onSaved: (admin: AdminAccountView) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(draftOf(editing));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const open = editing !== undefined;
  const isNew = editing === null;

  useEffect(() => {
    if (open) (setDraft(draftOf(editing)), setError(null));
  }, [open, editing]);

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const isSuper = draft.permissions.includes('*');
  const passwordShort = draft.password !== '' && draft.password.length < MIN_PASSWORD;
  const valid = draft.displayName.trim() !== '' && (!isNew || (draft.username.trim() !== '' && draft.password.length >= MIN_PASSWORD)) && !passwordShort;
  const label = (p: string) => {
    const key = `admins.perm.${p}`;
    return hasMessage(key) ? t(key) : p;
  };
  const areaOf = (p: string) => p.slice(0, p.indexOf('.'));
  const holds = (p: string) => isSuper || draft.permissions.includes(p) || draft.permissions.includes(`${areaOf(p)}.*`);
  // unticking one name of an area held whole (`users.*`) keeps the area's other names
  const toggle = (p: string, on: boolean) => {
    const wildcard = `${areaOf(p)}.*`;
    const rest = draft.permissions.filter((x) => x !== p && (on || x !== wildcard));
    const siblings = !on && draft.permissions.includes(wildcard) ? vocabulary.filter((x) => areaOf(x) === areaOf(p) && x !== p) : [];
    set({ permissions: on ? [...rest, p] : [...rest, ...siblings] });
  };

  const submit = async () => {
    if (!valid) return;
    setBusy(true);
    setError(null);
    try {
      const saved = isNew
        ? await adminCall('admins.create', { username: draft.username.trim(), displayName: draft.displayName.trim(), password: draft.password, permissions: draft.permissions })
        : await adminCall('admins.update', {
            id: editing!.id,
            displayName: draft.displayName.trim(),
            permissions: draft.permissions,
            ...(draft.password ? { password: draft.password } : {}),
          });
      onSaved(saved);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      visible={open}
      header={isNew ? t('admins.dialog.create') : t('admins.dialog.edit', { name: editing?.username ?? '' })}
      width={640}
      onClose={onClose}
      destroyOnClose
      footer={
        <div className="confirm-footer">
          <Button variant="outline" disabled={busy} onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button id="admin-submit" theme="primary" loading={busy} disabled={!valid} onClick={() => void submit()}>
            {t('common.save')}
          </Button>
        </div>
      }
    >
      <div id="admin-dialog" className="confirm-dialog admin-dialog">
        {isNew ? (
          <label className="field">
            <span>{t('admins.field.username')}</span>
            <Input {...domId('admin-username')} value={draft.username} maxlength={32} onChange={(v) => set({ username: String(v) })} />
          </label>
        ) : null}
        <label className="field">
          <span>{t('admins.field.displayName')}</span>
          <Input {...domId('admin-display-name')} value={draft.displayName} maxlength={40} onChange={(v) => set({ displayName: String(v) })} />
        </label>
        <label className="field">
          <span>{isNew ? t('admins.field.password') : t('admins.field.newPassword')}</span>
          <Input {...domId('admin-password')} type="password" autocomplete="new-password" value={draft.password} maxlength={200} status={passwordShort ? 'error' : undefined} tips={passwordShort ? t('admins.passwordTooShort') : undefined} onChange={(v) => set({ password: String(v) })} />
        </label>
        <fieldset className="admin-permissions">
          <legend>{t('admins.field.permissions')}</legend>
          <div id="admin-super">
            <Checkbox checked={isSuper} onChange={(on) => set({ permissions: on ? ['*'] : [] })}>
              {t('admins.field.super')}
            </Checkbox>
          </div>
          <div className="admin-permissions__grid">
            {vocabulary.map((p) => (
              <span key={p} data-permission={p}>
                <Checkbox checked={holds(p)} disabled={isSuper} onChange={(on) => toggle(p, on)}>
                  {label(p)}
                </Checkbox>
              </span>
            ))}
          </div>
        </fieldset>
        {error ? <ErrorNotice id="admin-error" error={error} /> : null}
      </div>
    </Dialog>
  );
}
