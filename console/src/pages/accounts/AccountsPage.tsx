import { useCallback, useState } from 'react';
import { Tabs } from 'tdesign-react/es/tabs';
import type { AccountOption } from '../../components/AccountSelect';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n';
import { AccountsTab } from './AccountsTab';
import { ContactsTab } from './ContactsTab';
import { ReviewTab } from './ReviewTab';
import './accounts.css';
// the pages' words, registered before this page renders (see i18n/registry.ts)
import '../../i18n/messages';

type Tab = 'accounts' | 'contacts' | 'review';

/**
 * CRM Accounts and their Contacts, and the review queue of possible duplicates, on three tabs. Test hooks: `#crm-tabs` (tab labels `[data-tab]`), then
 * those of AccountsTab and ContactsTab.
 */
export default function AccountsPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('accounts');
  const [account, setAccount] = useState<AccountOption | null>(null);
  const showContacts = useCallback((a: AccountOption) => {
    setAccount(a);
    setTab('contacts');
  }, []);

  return (
    <div className="console-card">
      <PageHeading title={t('accounts.title')} description={t('accounts.description')} />
      <div id="crm-tabs">
        <Tabs value={tab} onChange={(v) => setTab(v as Tab)}>
          <Tabs.TabPanel value="accounts" label={<span data-tab="accounts">{t('accounts.tab.accounts')}</span>} destroyOnHide={false}>
            <div className="tab-body">
              <AccountsTab onShowContacts={showContacts} />
            </div>
          </Tabs.TabPanel>
          <Tabs.TabPanel value="contacts" label={<span data-tab="contacts">{t('accounts.tab.contacts')}</span>}>
            <div className="tab-body">
              <ContactsTab account={account} onAccount={setAccount} />
            </div>
          </Tabs.TabPanel>
          <Tabs.TabPanel value="review" label={<span data-tab="review">{t('review.tab')}</span>}>
            <div className="tab-body">
              <ReviewTab />
            </div>
          </Tabs.TabPanel>
        </Tabs>
      </div>
    </div>
  );
}
