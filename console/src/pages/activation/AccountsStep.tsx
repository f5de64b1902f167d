import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Checkbox } from 'tdesign-react/es/checkbox';
import { Input } from 'tdesign-react/es/input';
import { MessagePlugin } from 'tdesign-react/es/message';
import { BaseTable, type BaseTableCol } from 'tdesign-react/es/table';
import { Tag } from 'tdesign-react/es/tag';
import { Tooltip } from 'tdesign-react/es/tooltip';
import type { AccountOption } from '../../components/AccountSelect';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ListFooter } from '../../components/ListFooter';
import { usePagedList } from '../../components/usePagedList';
import type { AccountView, ContactView } from '../../contracts';
import { domId } from '../../domId';
import { useI18n } from '../../i18n';
import { holdsPermission } from '../../navigation';
import { adminCall } from '../../services/admin';
import { useSession } from '../../session/SessionContext';
import { DuplicateHint } from '../accounts/DuplicateHint';
import { useDuplicateCheck } from '../accounts/useDuplicateCheck';
import { AddContactDialog } from './AddContactDialog';

/** `users.activate` takes at most this many Accounts per request (functions/admin/activation.ts). */
export const MAX_ACCOUNTS = 20;
const SEARCH_DEBOUNCE_MS = 300;

/**
 * Step 1: Accounts. An Account without a Contact is listed but cannot be ticked (`activation/no-contact`:
 * there is nobody to activate and nobody who could log in by SMS); an admin holding `contacts.create` may add
 * one right there (AddContactDialog), after which the list is reloaded and the Account is ticked.
 * Test hooks: `#activation-search input`, `#activation-accounts` rows `tr[data-account-id][data-activatable]`,
 * tick boxes `[data-select-account="<id>"]`, `#activation-selected` (tags `[data-selected-account]`), `#activation-similar`
 * (similar names when a search finds none, with why and whether a registrant would be offered them),
 * `[data-add-contact="<id>"]` (only with `contacts.create`).
 */
export function AccountsStep({ selected, onChange }: { selected: AccountOption[]; onChange: (next: AccountOption[]) => void }) {
  const { t } = useI18n();
  const { admin } = useSession();
  const canAddContact = holdsPermission(admin.permissions, 'contacts.create');
  const [adding, setAdding] = useState<AccountOption | null>(null);
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  const load = useCallback((cursor?: string) => adminCall('accounts.list', { ...(query ? { query } : {}), ...(cursor ? { cursor } : {}), limit: 20 }), [query]);
  const list = usePagedList<AccountView>(load, (a) => a.id);
  // a search that finds no Account by prefix may be a typo: the matcher's candidates, as a registrant would be offered them
  const similar = useDuplicateCheck(query && !list.loading && list.items.length === 0 ? query : '', '');
  const chosen = useMemo(() => new Set(selected.map((a) => a.id)), [selected]);
  const full = selected.length >= MAX_ACCOUNTS;

  const toggle = (account: AccountView, on: boolean) => {
    if (account.contactCount === 0) return;
    if (on && !chosen.has(account.id) && !full) onChange([...selected, { id: account.id, name: account.name }]);
    if (!on) onChange(selected.filter((a) => a.id !== account.id));
  };

  const contactAdded = (contact: ContactView) => {
    const account = adding;
    setAdding(null);
    void MessagePlugin.success(t('activation.contactAdded', { name: contact.name }));
    list.reload();
    if (account && !chosen.has(account.id) && !full) onChange([...selected, account]);
  };

  const columns: BaseTableCol<AccountView>[] = [
    {
      colKey: 'pick',
      title: '',
      width: 48,
      cell: ({ row }) => {
        const box = (
          <span data-select-account={row.id} onClick={(e) => e.stopPropagation()}>
            <Checkbox checked={chosen.has(row.id)} disabled={row.contactCount === 0 || (full && !chosen.has(row.id))} onChange={(on) => toggle(row, on)} />
          </span>
        );
        return row.contactCount === 0 ? <Tooltip content={t('activation.noContact')}>{box}</Tooltip> : box;
      },
    },
    { colKey: 'name', title: t('accounts.col.name'), ellipsis: true, cell: ({ row }) => row.name },
    {
      colKey: 'contactCount',
      title: t('accounts.col.contacts'),
      width: canAddContact ? 220 : 150,
      cell: ({ row }) =>
        row.contactCount === 0 ? (
          <span className="activation-no-contact">
            <Tag theme="warning" variant="light" data-no-contact>
              {t('activation.noContactTag')}
            </Tag>
            {canAddContact ? (
              <Button
                variant="text"
                theme="primary"
                size="small"
                data-add-contact={row.id}
                onClick={(e) => (e.stopPropagation(), setAdding({ id: row.id, name: row.name }))}
              >
                {t('activation.addContact')}
              </Button>
            ) : null}
          </span>
        ) : (
          row.contactCount
        ),
    },
    {
      colKey: 'enterpriseId',
      title: t('accounts.col.enterprise'),
      width: 130,
      cell: ({ row }) => (row.enterpriseId ? <Tag variant="light" theme="success">{t('accounts.activated')}</Tag> : <Tag variant="light">{t('accounts.notActivated')}</Tag>),
    },
  ];

  return (
    <div className="activation-step">
      <div className="users-toolbar">
        <Input {...domId('activation-search')} className="users-toolbar__search" clearable value={text} placeholder={t('activation.searchAccounts')} onChange={(v) => setText(String(v))} />
        <span className="activation-step__hint">{t('activation.accountsHint', { max: MAX_ACCOUNTS })}</span>
      </div>
      {list.error ? <ErrorNotice id="activation-accounts-error" error={list.error} onRetry={list.retry} /> : null}
      <div id="activation-similar">
        <DuplicateHint answer={similar.answer} checking={similar.checking} error={similar.error} />
      </div>
      <div id="activation-accounts">
        <BaseTable<AccountView>
          rowKey="id"
          data={list.items}
          columns={columns}
          loading={list.loading}
          hover
          tableLayout="fixed"
          verticalAlign="middle"
          // a row whose Account can get a Contact here is not disabled as a whole: its action must stay usable
          rowAttributes={({ row }) => ({ 'data-account-id': row.id, 'data-activatable': String(row.contactCount > 0), 'aria-disabled': String(row.contactCount === 0 && !canAddContact) })}
          rowClassName={({ row }) => (row.contactCount === 0 ? 'row--unavailable' : '')}
          onRowClick={({ row }) => toggle(row, !chosen.has(row.id))}
          empty={<span className="table-empty">{list.loading ? '' : t('activation.noAccounts')}</span>}
        />
      </div>
      <ListFooter list={list} prefix="activation-accounts" />
      <div id="activation-selected" className="activation-selected" data-count={selected.length}>
        <span>{t('activation.selectedAccounts', { count: selected.length })}</span>
        {selected.map((a) => (
          <Tag key={a.id} closable data-selected-account={a.id} onClose={() => onChange(selected.filter((x) => x.id !== a.id))}>
            {a.name}
          </Tag>
        ))}
      </div>
      <AddContactDialog account={adding} onClose={() => setAdding(null)} onSaved={contactAdded} />
    </div>
  );
}
