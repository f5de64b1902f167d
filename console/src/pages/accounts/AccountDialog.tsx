import { useEffect, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Dialog } from 'tdesign-react/es/dialog';
import { Form } from 'tdesign-react/es/form';
import { Input } from 'tdesign-react/es/input';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { AccountView } from '../../contracts';
import { domId } from '../../domId';
import { useI18n } from '../../i18n';
import { adminCall } from '../../services/admin';
import { DuplicateHint } from './DuplicateHint';
import { useDuplicateCheck } from './useDuplicateCheck';
import { checkCreditCode, normaliseCreditCode } from './uscc';

const { FormItem } = Form;

interface Draft {
  name: string;
  creditCode: string;
  recordType: string;
  owner: string;
}

const draftOf = (a?: AccountView | null): Draft => ({ name: a?.name ?? '', creditCode: a?.creditCode ?? '', recordType: a?.recordType ?? '', owner: a?.owner ?? '' });

/**
 * Create or edit an Account. While the name (or code) is typed, the duplicate check shows similar
 * Accounts; a credit code whose check digit fails is a warning, not a block.
 * `editing`: undefined = closed, null = new, an Account = edit it.
 * Test hooks: `#account-dialog`, `#account-name input`, `#account-credit-code input`, `#account-record-type input`,
 * `#account-owner input`, `#account-uscc[data-check]`, `#account-duplicates`, `#account-save`, `#account-error`.
 */
export function AccountDialog({ editing, onClose, onSaved }: { editing: AccountView | null | undefined; onClose: () => void; onSaved: (account: AccountView) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(draftOf(editing));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const open = editing !== undefined;

  useEffect(() => {
    setDraft(draftOf(editing));
    setError(null);
  }, [editing]);

  const dup = useDuplicateCheck(open ? draft.name : '', draft.creditCode, editing?.id);
  const code = normaliseCreditCode(draft.creditCode);
  // the server's verdict when it has answered for this code, ours until then
  const check = code ? (dup.answer?.creditCodeCheck ?? checkCreditCode(code)) : null;
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const save = async () => {
    const name = draft.name.trim();
    if (!name) return;
    setBusy(true);
    setError(null);
    const fields = { name, ...(code ? { creditCode: code } : {}), ...(draft.recordType.trim() ? { recordType: draft.recordType.trim() } : {}), ...(draft.owner.trim() ? { owner: draft.owner.trim() } : {}) };
    try {
      onSaved(editing ? await adminCall('accounts.update', { id: editing.id, ...fields }) : await adminCall('accounts.create', fields));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      visible={open}
      header={editing ? t('accounts.editTitle') : t('accounts.createTitle')}
      width={560}
      onClose={onClose}
      destroyOnClose
      footer={
        <div className="confirm-footer">
          <Button variant="outline" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button id="account-save" theme="primary" loading={busy} disabled={!draft.name.trim()} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </div>
      }
    >
      <div id="account-dialog">
        <Form labelAlign="top" colon={false} requiredMark={false} onSubmit={() => void save()} preventSubmitDefault>
          <FormItem label={t('accounts.field.name')} requiredMark>
            <Input {...domId('account-name')} value={draft.name} maxlength={100} placeholder={t('accounts.field.namePlaceholder')} onChange={(v) => set({ name: String(v) })} />
          </FormItem>
          <DuplicateHint answer={dup.answer} checking={dup.checking} error={dup.error} />
          <FormItem label={t('accounts.field.creditCode')}>
            <Input {...domId('account-credit-code')} value={draft.creditCode} maxlength={24} placeholder={t('accounts.field.creditCodePlaceholder')} onChange={(v) => set({ creditCode: String(v) })} />
          </FormItem>
          {check && check !== 'valid' ? (
            <div id="account-uscc" className="console-notice console-notice--warning" data-check={check} role="status">
              {check === 'malformed' ? t('accounts.uscc.malformed') : t('accounts.uscc.badCheckDigit')}
            </div>
          ) : check === 'valid' ? (
            <div id="account-uscc" className="field-ok" data-check="valid">
              {t('accounts.uscc.valid')}
            </div>
          ) : null}
          <div className="form-row">
            <FormItem label={t('accounts.field.recordType')}>
              <Input {...domId('account-record-type')} value={draft.recordType} maxlength={64} placeholder="customer" onChange={(v) => set({ recordType: String(v) })} />
            </FormItem>
            <FormItem label={t('accounts.field.owner')}>
              <Input {...domId('account-owner')} value={draft.owner} maxlength={64} onChange={(v) => set({ owner: String(v) })} />
            </FormItem>
          </div>
        </Form>
        {error ? <ErrorNotice id="account-error" error={error} /> : null}
      </div>
    </Dialog>
  );
}
