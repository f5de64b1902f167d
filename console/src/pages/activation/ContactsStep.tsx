import { Checkbox } from 'tdesign-react/es/checkbox';
import { Tag } from 'tdesign-react/es/tag';
import { UserStatusTag } from '../../components/UserStatusTag';
import type { ActivationPreview, ActivationPreviewAccount, ActivationPreviewContact } from '../../contracts';
import { useI18n } from '../../i18n';

/** Chosen Contact ids per Account id. */
export type ContactChoice = Record<string, string[]>;

/** Contacts that already have a user stay as they are: they are shown, never ticked. */
export const canChoose = (c: ActivationPreviewContact) => !c.userId;

/** The default: every Contact that does not have a user yet. */
export function defaultChoice(preview: ActivationPreview): ContactChoice {
  return Object.fromEntries(preview.accounts.map((a) => [a.id, a.contacts.filter(canChoose).map((c) => c.id)]));
}

/**
 * Step 2: which Contacts of each chosen Account become users.
 * Test hooks: `#activation-contacts`, per Account `[data-preview-account][data-activatable]`, per Contact
 * `[data-contact-id][data-has-user]` with a tick box `[data-select-contact="<id>"]`.
 */
export function ContactsStep({ preview, choice, onChange }: { preview: ActivationPreview; choice: ContactChoice; onChange: (next: ContactChoice) => void }) {
  const { t } = useI18n();
  return (
    <div id="activation-contacts" className="activation-step">
      {preview.accounts.map((account) => (
        <AccountContacts key={account.id} account={account} chosen={choice[account.id] ?? []} onChange={(ids) => onChange({ ...choice, [account.id]: ids })} />
      ))}
      {preview.accounts.length === 0 ? <p className="table-empty">{t('activation.noAccounts')}</p> : null}
    </div>
  );
}

function AccountContacts({ account, chosen, onChange }: { account: ActivationPreviewAccount; chosen: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useI18n();
  const choosable = account.contacts.filter(canChoose);
  const all = choosable.length > 0 && choosable.every((c) => chosen.includes(c.id));
  const some = chosen.length > 0 && !all;
  return (
    <section className="activation-account" data-preview-account={account.id} data-activatable={String(account.activatable)}>
      <header className="activation-account__head">
        <Checkbox checked={all} indeterminate={some} disabled={choosable.length === 0} onChange={(on) => onChange(on ? choosable.map((c) => c.id) : [])}>
          <strong>{account.name}</strong>
        </Checkbox>
        {account.enterpriseId ? <Tag variant="light" theme="success">{t('accounts.activated')}</Tag> : <Tag variant="light">{t('activation.enterpriseWillBeCreated')}</Tag>}
        {!account.activatable ? (
          <Tag theme="warning" variant="light" data-no-contact>
            {t('activation.noContactTag')}
          </Tag>
        ) : null}
      </header>
      {!account.activatable ? <p className="activation-step__hint">{t('activation.noContact')}</p> : null}
      <ul className="activation-contacts">
        {account.contacts.map((c) => (
          <li key={c.id} data-contact-id={c.id} data-has-user={String(!!c.userId)}>
            <span data-select-contact={c.id}>
              <Checkbox checked={chosen.includes(c.id)} disabled={!canChoose(c)} onChange={(on) => onChange(on ? [...chosen, c.id] : chosen.filter((id) => id !== c.id))}>
                {c.name}
              </Checkbox>
            </span>
            <span className="mono">{c.mobile1 || t('activation.noMobile')}</span>
            {c.userId && c.userStatus ? (
              <span className="activation-contacts__user">
                {t('activation.hasUser')} <UserStatusTag status={c.userStatus} />
              </span>
            ) : null}
            {!c.userId && !c.mobile1 ? <span className="activation-step__hint">{t('activation.noMobileHint')}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
