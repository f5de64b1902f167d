import { useEffect, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Dialog } from 'tdesign-react/es/dialog';
import { Form } from 'tdesign-react/es/form';
import { Input } from 'tdesign-react/es/input';
import { AccountSelect, type AccountOption } from '../../components/AccountSelect';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { ContactView } from '../../contracts';
import { domId } from '../../domId';
import { useI18n } from '../../i18n';
import { adminCall } from '../../services/admin';
// the server's own mainland-mobile rule: the console cannot accept what the server refuses
import { MOBILE_CN as MOBILE } from '../../../../cloudfunctions/core/rules/mobile';

const { FormItem } = Form;

interface Draft {
  account: AccountOption | null;
  name: string;
  mobile1: string;
  recordType: string;
  owner: string;
}

/**
 * Create or edit a Contact. `mobile1` is what SMS login checks, so it is validated as a mainland mobile.
 * `editing`: undefined = closed, null = new (under `defaultAccount` when given), a Contact = edit it.
 * Test hooks: `#contact-dialog`, `#contact-account`, `#contact-name input`, `#contact-mobile input`,
 * `#contact-record-type input`, `#contact-owner input`, `#contact-save`, `#contact-error`.
 */
export function ContactDialog({ editing, defaultAccount, onClose, onSaved }: { editing: ContactView | null | undefined; defaultAccount: AccountOption | null; onClose: () => void; onSaved: (contact: ContactView) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>({ account: null, name: '', mobile1: '', recordType: '', owner: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setError(null);
    setDraft(
      editing
        ? { account: { id: editing.accountId, name: editing.accountName ?? editing.accountId }, name: editing.name, mobile1: editing.mobile1 ?? '', recordType: editing.recordType ?? '', owner: editing.owner ?? '' }
        : { account: defaultAccount, name: '', mobile1: '', recordType: '', owner: '' },
    );
  }, [editing, defaultAccount]);

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const mobile = draft.mobile1.trim();
  const mobileBad = mobile !== '' && !MOBILE.test(mobile);
  const valid = !!draft.account && draft.name.trim() !== '' && !mobileBad;

  const save = async () => {
    if (!valid || !draft.account) return;
    setBusy(true);
    setError(null);
    const fields = { name: draft.name.trim(), ...(mobile ? { mobile1: mobile } : {}), ...(draft.recordType.trim() ? { recordType: draft.recordType.trim() } : {}), ...(draft.owner.trim() ? { owner: draft.owner.trim() } : {}) };
    try {
      onSaved(editing ? await adminCall('contacts.update', { id: editing.id, ...fields }) : await adminCall('contacts.create', { accountId: draft.account.id, ...fields }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      visible={editing !== undefined}
      header={editing ? t('contacts.editTitle') : t('contacts.createTitle')}
      width={560}
      onClose={onClose}
      destroyOnClose
      footer={
        <div className="confirm-footer">
          <Button variant="outline" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button id="contact-save" theme="primary" loading={busy} disabled={!valid} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </div>
      }
    >
      <div id="contact-dialog">
        <Form labelAlign="top" colon={false} requiredMark={false} onSubmit={() => void save()} preventSubmitDefault>
          <FormItem label={t('contacts.field.account')} requiredMark>
            <AccountSelect id="contact-account" value={draft.account} disabled={!!editing} clearable={false} onChange={(account) => set({ account })} />
          </FormItem>
          <FormItem label={t('contacts.field.name')} requiredMark>
            <Input {...domId('contact-name')} value={draft.name} maxlength={100} onChange={(v) => set({ name: String(v) })} />
          </FormItem>
          <FormItem label={t('contacts.field.mobile')} status={mobileBad ? 'error' : undefined} tips={mobileBad ? t('contacts.field.mobileInvalid') : t('contacts.field.mobileHint')}>
            <Input {...domId('contact-mobile')} value={draft.mobile1} maxlength={11} onChange={(v) => set({ mobile1: String(v) })} />
          </FormItem>
          <div className="form-row">
            <FormItem label={t('accounts.field.recordType')}>
              <Input {...domId('contact-record-type')} value={draft.recordType} maxlength={64} placeholder="customer-contact" onChange={(v) => set({ recordType: String(v) })} />
            </FormItem>
            <FormItem label={t('accounts.field.owner')}>
              <Input {...domId('contact-owner')} value={draft.owner} maxlength={64} onChange={(v) => set({ owner: String(v) })} />
            </FormItem>
          </div>
        </Form>
        {error ? <ErrorNotice id="contact-error" error={error} /> : null}
      </div>
    </Dialog>
  );
}
