import { useEffect, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Dialog } from 'tdesign-react/es/dialog';
import { InputNumber } from 'tdesign-react/es/input-number';
import { Textarea } from 'tdesign-react/es/textarea';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { LicenceSummary } from '../../contracts';
import { useI18n } from '../../i18n';
import { adminCall } from '../../services/admin';

const MAX_GRANT = 100_000;

/**
 * An admin grant of seats, with the reason the audit log keeps. Test hooks: `#grant-dialog`,
 * `#grant-seats input`, `#grant-reason textarea`, `#grant-submit`, `#grant-error`.
 */
export function GrantDialog({ open, onClose, onGranted }: { open: boolean; onClose: () => void; onGranted: (seats: LicenceSummary, granted: number) => void }) {
  const { t } = useI18n();
  const [seats, setSeats] = useState(1);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (open) (setSeats(1), setReason(''), setError(null));
  }, [open]);

  const valid = Number.isInteger(seats) && seats >= 1 && seats <= MAX_GRANT && reason.trim() !== '';
  const submit = async () => {
    if (!valid) return;
    setBusy(true);
    setError(null);
    try {
      onGranted(await adminCall('licences.grant', { seats, reason: reason.trim() }), seats);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      visible={open}
      header={t('licences.grantTitle')}
      width={480}
      onClose={onClose}
      destroyOnClose
      footer={
        <div className="confirm-footer">
          <Button variant="outline" disabled={busy} onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button id="grant-submit" theme="primary" loading={busy} disabled={!valid} onClick={() => void submit()}>
            {t('licences.grantSubmit', { seats: Number.isInteger(seats) ? seats : 0 })}
          </Button>
        </div>
      }
    >
      <div id="grant-dialog" className="confirm-dialog">
        <p className="drawer-section__hint">{t('licences.grantHint')}</p>
        <label className="field">
          <span>{t('licences.grantSeats')}</span>
          <div id="grant-seats">
            <InputNumber value={seats} min={1} max={MAX_GRANT} step={1} decimalPlaces={0} theme="normal" onChange={(v) => setSeats(Number(v))} />
          </div>
        </label>
        <label className="field">
          <span>{t('licences.grantReason')}</span>
          <div id="grant-reason">
            <Textarea value={reason} maxlength={200} autosize={{ minRows: 2, maxRows: 4 }} placeholder={t('licences.grantReasonPlaceholder')} onChange={(v) => setReason(String(v))} />
          </div>
        </label>
        {error ? <ErrorNotice id="grant-error" error={error} /> : null}
      </div>
    </Dialog>
  );
}
