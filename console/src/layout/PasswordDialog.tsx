import { useEffect, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Dialog } from 'tdesign-react/es/dialog';
import { Input } from 'tdesign-react/es/input';
import { MessagePlugin } from 'tdesign-react/es/message';
import { ErrorNotice } from '../components/ErrorNotice';
import { domId } from '../domId';
import { useI18n } from '../i18n';
import { adminCall, setToken } from '../services/admin';

const MIN_PASSWORD = 12;

/**
 * The signed-in admin changes their own password. The server ends every session of theirs and answers a
 * fresh one, which this tab keeps, so the admin stays signed in here only.
 * Test hooks: `#password-dialog`, `#password-current input`, `#password-new input`, `#password-repeat input`,
 * `#password-submit`, `#password-error`.
 */
export function PasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (open) (setCurrent(''), setNext(''), setRepeat(''), setError(null));
  }, [open]);

  const tooShort = next !== '' && next.length < MIN_PASSWORD;
  const mismatch = repeat !== '' && repeat !== next;
  const valid = current !== '' && next.length >= MIN_PASSWORD && repeat === next;

  const submit = async () => {
    if (!valid) return;
    setBusy(true);
    setError(null);
    try {
      const fresh = await adminCall('password.change', { currentPassword: current, newPassword: next });
      setToken(fresh.token);
      void MessagePlugin.success(t('password.done'));
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      visible={open}
      header={t('password.title')}
      width={440}
      onClose={onClose}
      destroyOnClose
      footer={
        <div className="confirm-footer">
          <Button variant="outline" disabled={busy} onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button id="password-submit" theme="primary" loading={busy} disabled={!valid} onClick={() => void submit()}>
            {t('password.submit')}
          </Button>
        </div>
      }
    >
      <div id="password-dialog" className="confirm-dialog">
        <p className="drawer-section__hint">{t('password.hint')}</p>
        <label className="field">
          <span>{t('password.current')}</span>
          <Input {...domId('password-current')} type="password" autocomplete="current-password" value={current} maxlength={200} onChange={(v) => setCurrent(String(v))} />
        </label>
        <label className="field">
          <span>{t('password.new')}</span>
          <Input {...domId('password-new')} type="password" autocomplete="new-password" value={next} maxlength={200} status={tooShort ? 'error' : undefined} tips={tooShort ? t('password.tooShort') : undefined} onChange={(v) => setNext(String(v))} />
        </label>
        <label className="field">
          <span>{t('password.repeat')}</span>
          <Input {...domId('password-repeat')} type="password" autocomplete="new-password" value={repeat} maxlength={200} status={mismatch ? 'error' : undefined} tips={mismatch ? t('password.mismatch') : undefined} onChange={(v) => setRepeat(String(v))} />
        </label>
        {error ? <ErrorNotice id="password-error" error={error} /> : null}
      </div>
    </Dialog>
  );
}
