import { useCallback, useMemo, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { MessagePlugin } from 'tdesign-react/es/message';
import { BaseTable, type BaseTableCol } from 'tdesign-react/es/table';
import { Tag } from 'tdesign-react/es/tag';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ListFooter } from '../../components/ListFooter';
import { usePagedList } from '../../components/usePagedList';
import type { ReviewItem } from '../../contracts';
import { useI18n } from '../../i18n';
import { adminCall } from '../../services/admin';
import { MatchReasons } from './MatchReasons';
import { MergeDialog, type MergePair } from './MergeDialog';

/**
 * The review queue: Accounts flagged as possible duplicates, each with why and the Account it may
 * duplicate (explained); merge it into that one (after a preview) or dismiss the flag.
 * Test hooks: `#review-table` rows `tr[data-review-id]`, `[data-review-reason]`, `[data-merge]`, `[data-dismiss]`, `#review-error`.
 */
export function ReviewTab() {
  const { t, formatTime, errorText } = useI18n();
  const load = useCallback((cursor?: string) => adminCall('accounts.reviewQueue', { ...(cursor ? { cursor } : {}), limit: 20 }), []);
  const list = usePagedList<ReviewItem>(load, (i) => i.id);
  const [pair, setPair] = useState<MergePair | null>(null);

  const dismiss = useCallback(
    async (id: string) => {
      try {
        await adminCall('accounts.dismissReview', { id });
        void MessagePlugin.success(t('review.dismissed'));
        list.reload();
      } catch (e) {
        void MessagePlugin.error(errorText(e));
      }
    },
    [list, t, errorText],
  );

  const columns = useMemo<BaseTableCol<ReviewItem>[]>(
    () => [
      {
        colKey: 'name',
        title: t('review.col.account'),
        width: 240,
        cell: ({ row }) => (
          <div>
            <div>{row.name}</div>
            <time className="muted" dateTime={row.createdAt}>
              {formatTime(row.createdAt)}
            </time>
          </div>
        ),
      },
      {
        colKey: 'reasons',
        title: t('review.col.reasons'),
        width: 200,
        cell: ({ row }) => (
          <span className="tag-list">
            {row.reasons.map((r) => (
              <Tag key={r} size="small" theme="warning" variant="light" data-review-reason={r}>
                {t(`review.reason.${r}`)}
              </Tag>
            ))}
          </span>
        ),
      },
      {
        colKey: 'candidate',
        title: t('review.col.candidate'),
        cell: ({ row }) =>
          row.candidate ? (
            <div>
              <div>{row.candidate.name}</div>
              <MatchReasons kind={row.candidate.kind} reasons={row.candidate.reasons} />
            </div>
          ) : (
            t('common.none')
          ),
      },
      {
        colKey: 'actions',
        title: t('common.actions'),
        width: 150,
        cell: ({ row }) => (
          <span className="row-actions">
            {row.candidate ? (
              <Button variant="text" theme="primary" size="small" data-merge={row.id} onClick={() => row.candidate && setPair({ keepId: row.candidate.id, mergeId: row.id })}>
                {t('review.merge')}
              </Button>
            ) : null}
            <Button variant="text" size="small" data-dismiss={row.id} onClick={() => void dismiss(row.id)}>
              {t('review.dismiss')}
            </Button>
          </span>
        ),
      },
    ],
    [t, formatTime, dismiss],
  );

  return (
    <div>
      <p className="muted">{t('review.description')}</p>
      {list.error ? <ErrorNotice id="review-error" error={list.error} onRetry={list.retry} /> : null}
      <div id="review-table">
        <BaseTable<ReviewItem>
          rowKey="id"
          data={list.items}
          columns={columns}
          loading={list.loading}
          tableLayout="fixed"
          verticalAlign="top"
          rowAttributes={({ row }) => ({ 'data-review-id': row.id })}
          empty={<span className="table-empty">{list.loading || list.error ? '' : t('review.empty')}</span>}
        />
      </div>
      <ListFooter list={list} prefix="review" />
      <MergeDialog
        pair={pair}
        onClose={() => setPair(null)}
        onMerged={(r) => {
          setPair(null);
          const total = Object.values(r.moved).reduce((a, b) => a + b, 0);
          void MessagePlugin.success(t('merge.done', { total }));
          list.reload();
        }}
      />
    </div>
  );
}
