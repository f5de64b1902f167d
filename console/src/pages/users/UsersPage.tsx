import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Input } from 'tdesign-react/es/input';
import { Radio } from 'tdesign-react/es/radio';
import { BaseTable, type BaseTableCol } from 'tdesign-react/es/table';
import { Tag, type TagProps } from 'tdesign-react/es/tag';
import type { AdminActions, UserStatus } from '../../contracts';
import { domId } from '../../domId';
import { useI18n, type MessageKey } from '../../i18n';
import { adminCall } from '../../services/admin';

type UserRow = AdminActions['users.list']['out']['items'][number];
type StatusFilter = UserStatus | 'all';

const PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 300;

const STATUS_LABEL: Record<UserStatus, MessageKey> = {
  active: 'users.status.active',
  pending: 'users.status.pending',
  disabled: 'users.status.disabled',
};
const STATUS_THEME: Record<UserStatus, TagProps['theme']> = {
  active: 'success',
  pending: 'warning',
  disabled: 'default',
};
const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'active', 'pending', 'disabled'];

interface ListState {
  items: UserRow[];
  nextCursor?: string;
  /** Loading the first page for the current filters. */
  loading: boolean;
  /** Loading the page after `nextCursor`. */
  loadingMore: boolean;
  error: unknown;
  /** Which request failed, so "retry" repeats it. */
  failed?: 'first' | 'more';
}

const INITIAL: ListState = { items: [], loading: true, loadingMore: false, error: null };

/**
 * Terminal users: search, status filter, cursor paging ("load more").
 * Test hooks: `#users-search input`, `#users-status` (buttons `[data-status="all|active|pending|disabled"]`),
 * `#users-table` (rows `tr[data-user-id]`), `#users-more`, `#users-end`, `#users-error`, `#users-retry`.
 */
export default function UsersPage() {
  const { t, errorText, formatDateTime } = useI18n();
  const [searchText, setSearchText] = useState('');
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [state, setState] = useState<ListState>(INITIAL);
  const requestSeq = useRef(0);

  // Debounce typing into the committed query.
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(searchText.trim()), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [searchText]);

  const fetchPage = useCallback(
    async (cursor?: string) => {
      const seq = ++requestSeq.current;
      setState((prev) => (cursor ? { ...prev, loadingMore: true, error: null, failed: undefined } : { ...INITIAL, items: prev.items }));
      try {
        const page = await adminCall('users.list', {
          ...(query ? { query } : {}),
          ...(status !== 'all' ? { status } : {}),
          ...(cursor ? { cursor } : {}),
          limit: PAGE_SIZE,
        });
        if (seq !== requestSeq.current) return; // a newer search or filter won
        setState((prev) => {
          const items = cursor ? appendUnique(prev.items, page.items) : page.items;
          return { items, nextCursor: page.nextCursor || undefined, loading: false, loadingMore: false, error: null };
        });
      } catch (error) {
        if (seq !== requestSeq.current) return;
        setState((prev) => ({
          ...prev,
          // A failed first page must not keep showing the previous filter's rows.
          items: cursor ? prev.items : [],
          nextCursor: cursor ? prev.nextCursor : undefined,
          loading: false,
          loadingMore: false,
          error,
          failed: cursor ? 'more' : 'first',
        }));
      }
    },
    [query, status],
  );

  // A new query or filter starts again from the first page.
  useEffect(() => {
    void fetchPage();
  }, [fetchPage]);

  // Leaving the page: ignore answers still in flight.
  useEffect(() => () => void ++requestSeq.current, []);

  const columns = useMemo<BaseTableCol<UserRow>[]>(
    () => [
      {
        colKey: 'name',
        title: t('users.col.name'),
        ellipsis: true,
        cell: ({ row }) => (
          <span className="user-name">
            <span className="user-name__text">{row.name || t('common.none')}</span>
            {row.kind === 'guest' ? (
              <Tag size="small" variant="light" theme="primary">
                {t('users.kind.guest')}
              </Tag>
            ) : null}
            {row.mobile ? <span className="user-name__mobile">{row.mobile}</span> : null}
          </span>
        ),
      },
      {
        colKey: 'enterpriseName',
        title: t('users.col.enterprise'),
        ellipsis: true,
        cell: ({ row }) => row.enterpriseName || t('common.none'),
      },
      {
        colKey: 'status',
        title: t('users.col.status'),
        width: 160,
        cell: ({ row }) => (
          <Tag theme={STATUS_THEME[row.status] ?? 'default'} variant="light" data-status={row.status}>
            {STATUS_LABEL[row.status] ? t(STATUS_LABEL[row.status]) : row.status}
          </Tag>
        ),
      },
      {
        colKey: 'roleIds',
        title: t('users.col.roles'),
        width: 100,
        align: 'right',
        cell: ({ row }) => (Array.isArray(row.roleIds) ? row.roleIds.length : 0),
      },
      {
        colKey: 'createdAt',
        title: t('users.col.createdAt'),
        width: 210,
        cell: ({ row }) => (row.createdAt ? <time dateTime={row.createdAt}>{formatDateTime(row.createdAt)}</time> : t('common.none')),
      },
    ],
    [t, formatDateTime],
  );

  const filtered = query !== '' || status !== 'all';
  const { items, nextCursor, loading, loadingMore, error, failed } = state;

  return (
    <div className="console-card users-page">
      <div className="page-heading">
        <div>
          <h2>{t('users.title')}</h2>
          <p>{t('users.description')}</p>
        </div>
      </div>

      <div className="users-toolbar">
        <Input
          {...domId('users-search')}
          className="users-toolbar__search"
          clearable
          value={searchText}
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('users.searchPlaceholder')}
          onChange={(value) => setSearchText(String(value))}
          onEnter={(value) => setQuery(String(value).trim())}
        />
        <div id="users-status" className="users-toolbar__status" role="group" aria-label={t('users.col.status')}>
          <Radio.Group variant="default-filled" value={status} onChange={(value) => setStatus(value as StatusFilter)}>
            {STATUS_FILTERS.map((value) => (
              <Radio.Button key={value} value={value} data-status={value}>
                {value === 'all' ? t('users.filter.all') : t(STATUS_LABEL[value])}
              </Radio.Button>
            ))}
          </Radio.Group>
        </div>
      </div>

      {error ? (
        <div id="users-error" className="console-notice console-notice--error" role="alert">
          <span>
            {failed === 'first' ? `${t('users.loadError')}: ` : ''}
            {errorText(error)}
          </span>
          <Button id="users-retry" size="small" variant="outline" onClick={() => void fetchPage(failed === 'more' ? nextCursor : undefined)}>
            {t('common.retry')}
          </Button>
        </div>
      ) : null}

      <div id="users-table" className="users-table" aria-busy={loading || loadingMore}>
        <BaseTable<UserRow>
          rowKey="id"
          data={items}
          columns={columns}
          loading={loading}
          hover
          tableLayout="fixed"
          verticalAlign="middle"
          rowAttributes={({ row }) => ({ 'data-user-id': row.id })}
          empty={
            <span id="users-empty" className="users-table__empty">
              {loading || error ? '' : filtered ? t('users.emptyFiltered') : t('users.empty')}
            </span>
          }
        />
      </div>

      <div className="users-footer">
        <span className="users-footer__count">{items.length > 0 ? t('users.shown', { count: items.length }) : ''}</span>
        {nextCursor && !loading ? (
          <Button id="users-more" variant="outline" loading={loadingMore} onClick={() => void fetchPage(nextCursor)}>
            {t('users.more')}
          </Button>
        ) : !loading && items.length > 0 && !error ? (
          <span id="users-end" className="users-footer__end">
            {t('users.end')}
          </span>
        ) : null}
      </div>
    </div>
  );
}

function appendUnique(existing: UserRow[], incoming: UserRow[]): UserRow[] {
  const seen = new Set(existing.map((row) => row.id));
  return existing.concat(incoming.filter((row) => !seen.has(row.id)));
}
