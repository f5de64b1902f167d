import { useCallback, useMemo, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { MessagePlugin } from 'tdesign-react/es/message';
import { Progress } from 'tdesign-react/es/progress';
import { BaseTable, type BaseTableCol } from 'tdesign-react/es/table';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ListFooter } from '../../components/ListFooter';
import { PageHeading } from '../../components/PageHeading';
import { usePagedList } from '../../components/usePagedList';
import { UserStatusTag } from '../../components/UserStatusTag';
import type { AdminUserRow, LicenceSummary } from '../../contracts';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { adminCall } from '../../services/admin';
import { GrantDialog } from './GrantDialog';
import './licences.css';
// the pages' words, registered before this page renders (see i18n/registry.ts)
import '../../i18n/messages';

/**
 * Terminal User seats: total / used / free, who holds them, an admin grant (audited with its reason)
 * and the way to buy more.
 * Test hooks: `#licences-summary[data-total][data-used][data-free]`, `#licences-grant`, `#licences-buy`,
 * `#licences-holders` (rows `tr[data-user-id]`), `#licences-more`, `#licences-error`, and GrantDialog's.
 */
export default function LicencesPage() {
  const { t, formatTime } = useI18n();
  const [summary, setSummary] = useState<LicenceSummary | null>(null);
  const [granting, setGranting] = useState(false);

  const load = useCallback(async (cursor?: string) => {
    const view = await adminCall('licences.get', { ...(cursor ? { cursor } : {}), limit: 20 });
    setSummary({ total: view.total, used: view.used, free: view.free });
    return view.holders;
  }, []);
  const list = usePagedList<AdminUserRow>(load, (u) => u.id);

  const columns = useMemo<BaseTableCol<AdminUserRow>[]>(
    () => [
      { colKey: 'name', title: t('users.col.name'), ellipsis: true, cell: ({ row }) => row.name || t('common.none') },
      { colKey: 'mobile', title: t('users.detail.mobile'), width: 140, cell: ({ row }) => (row.mobile ? <span className="mono">{row.mobile}</span> : t('common.none')) },
      { colKey: 'accountName', title: t('users.detail.account'), ellipsis: true, cell: ({ row }) => row.accountName || row.enterpriseName || t('common.none') },
      { colKey: 'status', title: t('users.col.status'), width: 110, cell: ({ row }) => <UserStatusTag status={row.status} /> },
      { colKey: 'createdAt', title: t('users.col.createdAt'), width: 180, cell: ({ row }) => <time dateTime={row.createdAt}>{formatTime(row.createdAt)}</time> },
    ],
    [t, formatTime],
  );

  const percent = summary && summary.total > 0 ? Math.min(100, Math.round((summary.used / summary.total) * 100)) : 0;
  return (
    <div className="console-card licences-page">
      <PageHeading
        title={t('licences.title')}
        description={t('licences.description')}
        actions={
          <>
            <Button id="licences-buy" variant="outline" onClick={() => navigate('/orders')}>
              {t('licences.buy')}
            </Button>
            <Button id="licences-grant" theme="primary" onClick={() => setGranting(true)}>
              {t('licences.grant')}
            </Button>
          </>
        }
      />
      {summary ? (
        <section id="licences-summary" className="licence-summary" data-total={summary.total} data-used={summary.used} data-free={summary.free}>
          <div className="licence-summary__figures">
            <div>
              <span className="seat-figure">{summary.total}</span>
              <span>{t('licences.total')}</span>
            </div>
            <div>
              <span className="seat-figure">{summary.used}</span>
              <span>{t('licences.used')}</span>
            </div>
            <div>
              <span className={`seat-figure${summary.free === 0 ? ' seat-figure--empty' : ''}`}>{summary.free}</span>
              <span>{t('licences.free')}</span>
            </div>
          </div>
          <Progress percentage={percent} status={summary.free === 0 ? 'error' : percent >= 90 ? 'warning' : undefined} />
          {summary.free === 0 ? <div className="console-notice console-notice--warning">{t('licences.exhausted')}</div> : null}
        </section>
      ) : null}
      <h3 className="panel-title">{t('licences.holders')}</h3>
      <p className="drawer-section__hint">{t('licences.holdersHint')}</p>
      {list.error ? <ErrorNotice id="licences-error" error={list.error} onRetry={list.retry} /> : null}
      <div id="licences-holders">
        <BaseTable<AdminUserRow>
          rowKey="id"
          data={list.items}
          columns={columns}
          loading={list.loading}
          hover
          tableLayout="fixed"
          verticalAlign="middle"
          rowAttributes={({ row }) => ({ 'data-user-id': row.id })}
          empty={<span className="table-empty">{list.loading || list.error ? '' : t('licences.noHolders')}</span>}
        />
      </div>
      <ListFooter list={list} prefix="licences" />
      <GrantDialog
        open={granting}
        onClose={() => setGranting(false)}
        onGranted={(seats, granted) => {
          setGranting(false);
          setSummary(seats);
          void MessagePlugin.success(t('licences.granted', { seats: granted }));
        }}
      />
    </div>
  );
}
