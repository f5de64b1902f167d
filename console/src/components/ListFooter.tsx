import { Button } from 'tdesign-react/es/button';
import { useI18n } from '../i18n';
import type { PagedList } from './usePagedList';

/** "N shown" and "load more" (or "all loaded") under a paged table. Ids: `#{prefix}-more`, `#{prefix}-end`. */
export function ListFooter<T>({ list, prefix }: { list: PagedList<T>; prefix: string }) {
  const { t } = useI18n();
  const { items, nextCursor, loading, loadingMore, error } = list;
  return (
    <div className="list-footer">
      <span className="list-footer__count">{items.length > 0 ? t('common.shown', { count: items.length }) : ''}</span>
      {nextCursor && !loading ? (
        <Button id={`${prefix}-more`} variant="outline" loading={loadingMore} onClick={list.loadMore}>
          {t('common.loadMore')}
        </Button>
      ) : !loading && items.length > 0 && !error ? (
        <span id={`${prefix}-end`} className="list-footer__end">
          {t('common.allLoaded')}
        </span>
      ) : null}
    </div>
  );
}
