import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { BaseTable, type BaseTableCol } from 'tdesign-react/es/table';
import { Tag } from 'tdesign-react/es/tag';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ListFooter } from '../../components/ListFooter';
import { PageHeading } from '../../components/PageHeading';
import { roleLabel, useRoles } from '../../components/roles';
import { usePagedList } from '../../components/usePagedList';
import { UserStatusTag } from '../../components/UserStatusTag';
import type { AdminUserRow, MethodView } from '../../contracts';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { adminCall } from '../../services/admin';
import { MessagePlugin } from 'tdesign-react/es/message';
import { useConfirmAction } from '../../components/useConfirmAction';
import { UserDrawer } from './UserDrawer';
import { MANUAL_METHOD_ID, UserFiltersBar } from './UserFiltersBar';
import { useUserFilters } from './useUserFilters';
import './users.css';
// the pages' words, registered before this page renders (see i18n/registry.ts)
import '../../i18n/messages';

const PAGE_SIZE = 20;

/**
 * Terminal users: search, filters (status, Account, method, role), cursor paging, and a detail drawer
 * with the actions on one user.
 * Test hooks: see UserFiltersBar; `#users-table` (rows `tr[data-user-id][data-status]`, each with a
 * `[data-open-user]` button), `#users-more`, `#users-end`, `#users-error`, `#users-retry`, `#users-activate`.
 */
export default function UsersPage() {
  const { t, locale, formatTime } = useI18n();
  const [filters, setFilters] = useUserFilters();
  const { roles } = useRoles();
  const [methods, setMethods] = useState<MethodView[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  // the approval queue: pick several pending registrants and decide them together
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [confirm, confirmElement] = useConfirmAction();

  useEffect(() => {
    let live = true;
    adminCall('methods.list', {})
      .then((out) => live && setMethods(out.items))
      .catch(() => undefined); // the method filter then offers "manual" only
    return () => {
      live = false;
    };
  }, []);

  const { query, status, methodId, roleId } = filters;
  const accountId = filters.account?.id ?? '';
  const load = useCallback(
    (cursor?: string) =>
      adminCall('users.list', {
        ...(query ? { query } : {}),
        ...(status !== 'all' ? { status } : {}),
        ...(accountId ? { accountId } : {}),
        ...(methodId ? { methodId } : {}),
        ...(roleId ? { roleId } : {}),
        ...(cursor ? { cursor } : {}),
        limit: PAGE_SIZE,
      }),
    [query, status, accountId, methodId, roleId],
  );
  const list = usePagedList<AdminUserRow>(load, (row) => row.id);
  const reviewing = status === 'pending';
  useEffect(() => setPicked(new Set()), [status, query, accountId, methodId, roleId]);
  const toggle = (id: string) =>
    setPicked((p) => {
      const next = new Set(p);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  /** one call per person (each checked on the server); the summary says how many went through */
  const decide = (kind: 'approve' | 'reject') => {
    const ids = [...picked];
    const n = String(ids.length);
    confirm({
      title: t(kind === 'approve' ? 'users.bulk.approveTitle' : 'users.bulk.rejectTitle', { n }),
      body: kind === 'reject' ? t('users.bulk.rejectBody') : undefined,
      danger: kind === 'reject',
      reason: kind === 'reject' ? { label: t('users.join.reason'), required: true, maxLength: 200 } : undefined,
      run: async (reason) => {
        let ok = 0;
        for (const userId of ids) {
          try {
            if (kind === 'approve') await adminCall('users.approve', { userId });
            else await adminCall('users.reject', { userId, reason });
            ok += 1;
          } catch {
            // counted below; the row stays in the queue for a look of its own
          }
        }
        setPicked(new Set());
        list.reload();
        void MessagePlugin[ok === ids.length ? 'success' : 'warning'](t('users.bulk.result', { ok: String(ok), failed: String(ids.length - ok) }));
      },
    });
  };

  const roleNames = useMemo(() => new Map(roles.map((r) => [r.id, roleLabel(r, locale)])), [roles, locale]);
  const methodNames = useMemo(() => new Map(methods.map((m) => [m.id, m.name])), [methods]);

  const columns = useMemo<BaseTableCol<AdminUserRow>[]>(
    () => [
      ...(reviewing
        ? [
            {
              colKey: 'pick',
              title: t('users.bulk.select'),
              width: 70,
              cell: ({ row }: { row: AdminUserRow }) => (
                <input type="checkbox" className="user-pick" data-pick-user={row.id} aria-label={row.name} checked={picked.has(row.id)} onClick={(e) => e.stopPropagation()} onChange={() => toggle(row.id)} />
              ),
            },
          ]
        : []),
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
      { colKey: 'enterpriseName', title: t('users.col.enterprise'), ellipsis: true, cell: ({ row }) => row.accountName || row.enterpriseName || t('common.none') },
      { colKey: 'status', title: t('users.col.status'), width: 120, cell: ({ row }) => <UserStatusTag status={row.status} /> },
      {
        colKey: 'roleIds',
        title: t('users.col.roles'),
        ellipsis: true,
        cell: ({ row }) => (row.roleIds.length ? row.roleIds.map((id) => roleNames.get(id) ?? id).join('、') : t('common.none')),
      },
      {
        colKey: 'methodId',
        title: t('users.col.method'),
        width: 140,
        ellipsis: true,
        cell: ({ row }) => (row.methodId === MANUAL_METHOD_ID ? t('users.method.manual') : row.methodId ? (methodNames.get(row.methodId) ?? row.methodId) : t('common.none')),
      },
      {
        colKey: 'createdAt',
        title: t('users.col.createdAt'),
        width: 180,
        cell: ({ row }) => (row.createdAt ? <time dateTime={row.createdAt}>{formatTime(row.createdAt)}</time> : t('common.none')),
      },
      {
        colKey: 'open',
        title: t('common.actions'),
        width: 90,
        cell: ({ row }) => (
          <Button variant="text" theme="primary" size="small" data-open-user={row.id} onClick={() => setOpenId(row.id)}>
            {row.status === 'pending' ? t('users.review') : t('common.details')}
          </Button>
        ),
      },
    ],
    [t, formatTime, roleNames, methodNames, reviewing, picked],
  );

  const filtered = query !== '' || status !== 'all' || !!accountId || !!methodId || !!roleId;
  const { items, loading, loadingMore, error, failed } = list;

  return (
    <div className="console-card users-page">
      <PageHeading
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <Button id="users-activate" theme="primary" onClick={() => navigate('/activation')}>
            {t('users.activate')}
          </Button>
        }
      />
      <UserFiltersBar filters={filters} onChange={setFilters} methods={methods} roles={roles} />
      {reviewing && picked.size > 0 ? (
        <div id="users-bulk" className="users-bulk">
          <span>{t('users.bulk.selected', { n: String(picked.size) })}</span>
          <Button id="users-bulk-approve" theme="primary" onClick={() => decide('approve')}>
            {t('users.bulk.approve')}
          </Button>
          <Button id="users-bulk-reject" theme="danger" variant="outline" onClick={() => decide('reject')}>
            {t('users.bulk.reject')}
          </Button>
        </div>
      ) : null}
      {confirmElement}
      {error ? <ErrorNotice id="users-error" error={error} prefix={failed === 'first' ? t('users.loadError') : undefined} onRetry={list.retry} retryId="users-retry" /> : null}
      <div id="users-table" className="users-table" aria-busy={loading || loadingMore}>
        <BaseTable<AdminUserRow>
          rowKey="id"
          data={items}
          columns={columns}
          loading={loading}
          hover
          tableLayout="fixed"
          verticalAlign="middle"
          rowAttributes={({ row }) => ({ 'data-user-id': row.id, 'data-status': row.status })}
          onRowClick={({ row }) => setOpenId(row.id)}
          empty={
            <span id="users-empty" className="table-empty">
              {loading || error ? '' : filtered ? t('users.emptyFiltered') : t('users.empty')}
            </span>
          }
        />
      </div>
      <ListFooter list={list} prefix="users" />
      <UserDrawer
        userId={openId}
        roles={roles}
        methodNames={methodNames}
        onClose={() => setOpenId(null)}
        onChanged={(row) => (row ? list.replace(row) : list.reload())}
      />
    </div>
  );
}
