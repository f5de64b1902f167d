import { useCallback, useMemo, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { BaseTable, type BaseTableCol } from 'tdesign-react/es/table';
import { AuditDetails, useAuditText } from '../../components/audit';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ListFooter } from '../../components/ListFooter';
import { PageHeading } from '../../components/PageHeading';
import { usePagedList } from '../../components/usePagedList';
import type { AuditEntryView } from '../../contracts';
import { useI18n } from '../../i18n';
import { adminCall } from '../../services/admin';
import { AuditFilters, NO_FILTER, rangeOf, type AuditFilter } from './AuditFilters';
import './audit.css';
// the pages' words, registered before this page renders (see i18n/registry.ts)
import '../../i18n/messages';

/**
 * The audit log, newest first: filter by actor, action, target and time; click an actor or a target to
 * filter by it.
 * Test hooks: AuditFilters'; `#audit-table` (rows `tr[data-audit-id][data-action]`, `[data-filter-actor]`,
 * `[data-filter-target]`), `#audit-more`, `#audit-end`, `#audit-error`.
 */
export default function AuditPage() {
  const { t, formatTime } = useI18n();
  const { actionLabel, actorLabel, targetLabel } = useAuditText();
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);

  const load = useCallback(
    (cursor?: string) =>
      adminCall('audit.list', {
        ...(filter.actor ? { actor: filter.actor } : {}),
        ...(filter.action ? { action: filter.action } : {}),
        ...(filter.target ? { target: filter.target } : {}),
        ...rangeOf(filter.fromDay, filter.toDay),
        ...(cursor ? { cursor } : {}),
        limit: 30,
      }),
    [filter],
  );
  const list = usePagedList<AuditEntryView>(load, (e) => e.id);

  const columns = useMemo<BaseTableCol<AuditEntryView>[]>(
    () => [
      { colKey: 'at', title: t('audit.col.at'), width: 170, cell: ({ row }) => <time dateTime={row.at}>{formatTime(row.at)}</time> },
      {
        colKey: 'actor',
        title: t('audit.col.actor'),
        width: 200,
        ellipsis: true,
        cell: ({ row }) => (
          <button type="button" className="link-button" data-filter-actor={row.actor} onClick={() => setFilter((f) => ({ ...f, actor: row.actor }))}>
            {actorLabel(row.actor, row.names)}
          </button>
        ),
      },
      {
        colKey: 'action',
        title: t('audit.col.action'),
        width: 200,
        cell: ({ row }) => (
          <span title={row.action}>
            {actionLabel(row.action)}
          </span>
        ),
      },
      {
        colKey: 'target',
        title: t('audit.col.target'),
        width: 220,
        ellipsis: true,
        cell: ({ row }) =>
          row.target ? (
            <button type="button" className="link-button" data-filter-target={row.target} onClick={() => setFilter((f) => ({ ...f, target: row.target }))}>
              {targetLabel(row.target, row.names)}
            </button>
          ) : (
            t('common.none')
          ),
      },
      { colKey: 'details', title: t('audit.col.details'), cell: ({ row }) => <AuditDetails details={row.details} names={row.names} /> },
    ],
    [t, formatTime, actionLabel, actorLabel, targetLabel],
  );

  const filtered = filter !== NO_FILTER && (!!filter.actor || !!filter.action || !!filter.target || !!filter.fromDay || !!filter.toDay);
  return (
    <div className="console-card">
      <PageHeading
        title={t('audit.title')}
        description={t('audit.description')}
        actions={
          <Button id="audit-refresh" variant="outline" onClick={list.reload}>
            {t('common.refresh')}
          </Button>
        }
      />
      <AuditFilters value={filter} onApply={setFilter} />
      {list.error ? <ErrorNotice id="audit-error" error={list.error} onRetry={list.retry} /> : null}
      <div id="audit-table">
        <BaseTable<AuditEntryView>
          rowKey="id"
          data={list.items}
          columns={columns}
          loading={list.loading}
          hover
          tableLayout="fixed"
          verticalAlign="middle"
          rowAttributes={({ row }) => ({ 'data-audit-id': row.id, 'data-action': row.action })}
          empty={<span className="table-empty">{list.loading || list.error ? '' : filtered ? t('audit.emptyFiltered') : t('audit.empty')}</span>}
        />
      </div>
      <ListFooter list={list} prefix="audit" />
    </div>
  );
}
