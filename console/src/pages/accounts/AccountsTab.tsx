import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Input } from 'tdesign-react/es/input';
import { MessagePlugin } from 'tdesign-react/es/message';
import { BaseTable, type BaseTableCol } from 'tdesign-react/es/table';
import { Tag } from 'tdesign-react/es/tag';
import { Tooltip } from 'tdesign-react/es/tooltip';
import type { AccountOption } from '../../components/AccountSelect';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ListFooter } from '../../components/ListFooter';
import { usePagedList } from '../../components/usePagedList';
import type { AccountView } from '../../contracts';
import { domId } from '../../domId';
import { useI18n } from '../../i18n';
import { adminCall } from '../../services/admin';
import { AccountDialog } from './AccountDialog';

const SEARCH_DEBOUNCE_MS = 300;

/**
 * Accounts: name-prefix search, paging, create, edit; "Contacts" opens the other tab filtered to one Account.
 * Test hooks: `#accounts-search input`, `#accounts-create`, `#accounts-table` (rows `tr[data-account-id]`,
 * `[data-edit-account]`, `[data-show-contacts]`), `#accounts-more`, `#accounts-error`.
 */
export function AccountsTab({ onShowContacts }: { onShowContacts: (account: AccountOption) => void }) {
  const { t, formatTime } = useI18n();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<AccountView | null | undefined>(undefined);
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  const load = useCallback((cursor?: string) => adminCall('accounts.list', { ...(query ? { query } : {}), ...(cursor ? { cursor } : {}), limit: 20 }), [query]);
  const list = usePagedList<AccountView>(load, (a) => a.id);

  const columns = useMemo<BaseTableCol<AccountView>[]>(
    () => [
      {
        colKey: 'name',
        title: t('accounts.col.name'),
        ellipsis: true,
        cell: ({ row }) => (
          <span className="account-name" data-account-name>
            {row.name}
          </span>
        ),
      },
      {
        colKey: 'creditCode',
        title: t('accounts.col.creditCode'),
        width: 220,
        cell: ({ row }) =>
          row.creditCode ? (
            <span className="account-code">
              <span className="mono">{row.creditCode}</span>
              {row.creditCodeSuspect ? (
                <Tooltip content={t('accounts.uscc.suspect')}>
                  <Tag size="small" theme="warning" variant="light" data-suspect>
                    {t('accounts.uscc.suspectTag')}
                  </Tag>
                </Tooltip>
              ) : null}
            </span>
          ) : (
            t('common.none')
          ),
      },
      { colKey: 'contactCount', title: t('accounts.col.contacts'), width: 90, align: 'right' },
      {
        colKey: 'enterpriseId',
        title: t('accounts.col.enterprise'),
        width: 110,
        cell: ({ row }) => (row.enterpriseId ? <Tag variant="light" theme="success">{t('accounts.activated')}</Tag> : <Tag variant="light">{t('accounts.notActivated')}</Tag>),
      },
      { colKey: 'owner', title: t('accounts.field.owner'), width: 120, ellipsis: true, cell: ({ row }) => row.owner || t('common.none') },
      { colKey: 'createdAt', title: t('users.col.createdAt'), width: 170, cell: ({ row }) => <time dateTime={row.createdAt}>{formatTime(row.createdAt)}</time> },
      {
        colKey: 'actions',
        title: t('common.actions'),
        width: 150,
        cell: ({ row }) => (
          <span className="row-actions">
            <Button variant="text" theme="primary" size="small" data-edit-account={row.id} onClick={() => setEditing(row)}>
              {t('common.edit')}
            </Button>
            <Button variant="text" theme="primary" size="small" data-show-contacts={row.id} onClick={() => onShowContacts({ id: row.id, name: row.name })}>
              {t('accounts.showContacts')}
            </Button>
          </span>
        ),
      },
    ],
    [t, formatTime, onShowContacts],
  );

  return (
    <div>
      <div className="users-toolbar">
        <Input {...domId('accounts-search')} className="users-toolbar__search" clearable value={text} placeholder={t('accounts.searchPlaceholder')} onChange={(v) => setText(String(v))} />
        <span className="toolbar-spacer" />
        <Button id="accounts-create" theme="primary" onClick={() => setEditing(null)}>
          {t('accounts.create')}
        </Button>
      </div>
      {list.error ? <ErrorNotice id="accounts-error" error={list.error} onRetry={list.retry} /> : null}
      <div id="accounts-table">
        <BaseTable<AccountView>
          rowKey="id"
          data={list.items}
          columns={columns}
          loading={list.loading}
          hover
          tableLayout="fixed"
          verticalAlign="middle"
          rowAttributes={({ row }) => ({ 'data-account-id': row.id })}
          empty={<span className="table-empty">{list.loading || list.error ? '' : query ? t('accounts.emptyFiltered') : t('accounts.empty')}</span>}
        />
      </div>
      <ListFooter list={list} prefix="accounts" />
      <AccountDialog
        editing={editing}
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
