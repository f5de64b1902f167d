import { useEffect, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Dialog } from 'tdesign-react/es/dialog';
import { Form } from 'tdesign-react/es/form';
import { Input } from 'tdesign-react/es/input';
import type { AccountOption } from '../../components/AccountSelect';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { ContactView } from '../../contracts';
import { domId } from '../../domId';
import { useI18n } from '../../i18n';
import { adminCall } from '../../services/admin';
// the server's own mainland-mobile rule: the console cannot accept what the server refuses
import { MOBILE_CN as MOBILE } from '../../../../cloudfunctions/core/rules/mobile';

const { FormItem } = Form;

/** The field a server refusal names (`input/invalid {field}`), when it is one of this form's. */
function fieldOf(error: unknown): 'name' | 'mobile1' | null {
  const field = (error as { params?: { field?: unknown } } | null)?.params?.field;
  return field === 'name' || field === 'mobile1' ? field : null;
}

/**
 * Adds a Contact (name and mobile, which SMS login checks) to an Account that has none, from the wizard.
 * `account`: null = closed.
 * Test hooks: `#activation-contact-dialog`, `#activation-contact-name input`, `#activation-contact-mobile input`,
 * `#activation-contact-save`, `#activation-contact-error` (a refusal not about a field).
 */
export function AddContactDialog({ account, onClose, onSaved }: { account: AccountOption | null; onClose: () => void; onSaved: (contact: ContactView) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [mobile1, setMobile1] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setName('');
    setMobile1('');
    setError(null);
  }, [account]);

  const mobile = mobile1.trim();
  const mobileBad = mobile !== '' && !MOBILE.test(mobile);
  const valid = name.trim() !== '' && mobile !== '' && !mobileBad;
  const field = fieldOf(error);
  const message = error instanceof Error ? error.message : '';

  const save = async () => {
    if (!valid || !account || busy) return;
    setBusy(true);
    setError(null);
    try {
      onSaved(await adminCall('contacts.create', { accountId: account.id, name: name.trim(), mobile1: mobile }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      visible={account !== null}
      header={t('activation.addContactTitle', { account: account?.name ?? '' })}
      width={480}
      onClose={onClose}
      closeOnOverlayClick={!busy}
      destroyOnClose
      footer={
        <div className="confirm-footer">
          <Button variant="outline" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button id="activation-contact-save" theme="primary" loading={busy} disabled={!valid} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </div>
      }
    >
      <div id="activation-contact-dialog">
        <Form labelAlign="top" colon={false} requiredMark={false} onSubmit={() => void save()} preventSubmitDefault>
          <FormItem label={t('activation.addContactName')} requiredMark status={field === 'name' ? 'error' : undefined} tips={field === 'name' ? message : undefined}>
            <Input {...domId('activation-contact-name')} value={name} maxlength={100} disabled={busy} onChange={(v) => (setName(String(v)), field === 'name' && setError(null))} />
          </FormItem>
          <FormItem
            label={t('activation.addContactMobile')}
            requiredMark
            status={mobileBad || field === 'mobile1' ? 'error' : undefined}
            tips={mobileBad ? t('activation.addContactMobileInvalid') : field === 'mobile1' ? message : t('activation.addContactMobileHint')}
          >
            <Input {...domId('activation-contact-mobile')} value={mobile1} maxlength={11} disabled={busy} onChange={(v) => (setMobile1(String(v)), field === 'mobile1' && setError(null))} />
          </FormItem>
        </Form>
        {error && !field ? <ErrorNotice id="activation-contact-error" error={error} /> : null}
      </div>
    </Dialog>
  );
}
