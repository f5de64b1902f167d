import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Input } from 'tdesign-react/es/input';
import { MessagePlugin } from 'tdesign-react/es/message';
import { BaseTable, type BaseTableCol } from 'tdesign-react/es/table';
import { AccountSelect, type AccountOption } from '../../components/AccountSelect';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ListFooter } from '../../components/ListFooter';
import { usePagedList } from '../../components/usePagedList';
import { UserStatusTag } from '../../components/UserStatusTag';
import type { ContactView } from '../../contracts';
import { domId } from '../../domId';
import { useI18n } from '../../i18n';
import { adminCall } from '../../services/admin';
import { ContactDialog } from './ContactDialog';

const SEARCH_DEBOUNCE_MS = 300;

/**
 * Contacts, optionally of one Account: search, paging, create, edit.
 * Test hooks: `#contacts-account`, `#contacts-search input`, `#contacts-create`, `#contacts-table`
 * (rows `tr[data-contact-id]`, `[data-edit-contact]`), `#contacts-more`, `#contacts-error`.
 */
export function ContactsTab({ account, onAccount }: { account: AccountOption | null; onAccount: (account: AccountOption | null) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<ContactView | null | undefined>(undefined);
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  const accountId = account?.id ?? '';
  const load = useCallback(
    (cursor?: string) => adminCall('contacts.list', { ...(accountId ? { accountId } : {}), ...(query ? { query } : {}), ...(cursor ? { cursor } : {}), limit: 20 }),
    [accountId, query],
  );
  const list = usePagedList<ContactView>(load, (c) => c.id);

  const columns = useMemo<BaseTableCol<ContactView>[]>(
    () => [
      { colKey: 'name', title: t('contacts.field.name'), ellipsis: true, cell: ({ row }) => row.name },
      { colKey: 'mobile1', title: t('contacts.field.mobile'), width: 140, cell: ({ row }) => (row.mobile1 ? <span className="mono">{row.mobile1}</span> : t('common.none')) },
      { colKey: 'accountName', title: t('contacts.field.account'), ellipsis: true, cell: ({ row }) => row.accountName ?? row.accountId },
      { colKey: 'userStatus', title: t('contacts.col.user'), width: 130, cell: ({ row }) => (row.userStatus ? <UserStatusTag status={row.userStatus} /> : <span className="table-empty">{t('contacts.notActivated')}</span>) },
      { colKey: 'owner', title: t('accounts.field.owner'), width: 120, ellipsis: true, cell: ({ row }) => row.owner || t('common.none') },
      {
        colKey: 'actions',
        title: t('common.actions'),
        width: 90,
        cell: ({ row }) => (
          <Button variant="text" theme="primary" size="small" data-edit-contact={row.id} onClick={() => setEditing(row)}>
            {t('common.edit')}
          </Button>
        ),
      },
    ],
    [t],
  );

  return (
    <div>
      <div className="users-toolbar">
        <AccountSelect id="contacts-account" value={account} onChange={onAccount} placeholder={t('contacts.filterAccount')} />
        <Input {...domId('contacts-search')} className="users-toolbar__search" clearable value={text} placeholder={t('contacts.searchPlaceholder')} onChange={(v) => setText(String(v))} />
        <span className="toolbar-spacer" />
        <Button id="contacts-create" theme="primary" onClick={() => setEditing(null)}>
          {t('contacts.create')}
        </Button>
      </div>
      {list.error ? <ErrorNotice id="contacts-error" error={list.error} onRetry={list.retry} /> : null}
      <div id="contacts-table">
        <BaseTable<ContactView>
          rowKey="id"
          data={list.items}
          columns={columns}
          loading={list.loading}
          hover
          tableLayout="fixed"
          verticalAlign="middle"
          rowAttributes={({ row }) => ({ 'data-contact-id': row.id })}
          empty={<span className="table-empty">{list.loading || list.error ? '' : t('contacts.empty')}</span>}
        />
      </div>
      <ListFooter list={list} prefix="contacts" />
      <ContactDialog
        editing={editing}
        defaultAccount={account}
        onClose={() => setEditing(undefined)}
        onSaved={(saved) => {
          const created = editing === null;
          setEditing(undefined);
          void MessagePlugin.success(t('common.saved'));
          if (created) list.reload();
          else list.replace(saved);
        }}
      />
    </div>
  );
}
