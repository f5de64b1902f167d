import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Radio } from 'tdesign-react/es/radio';
import { BaseTable, type BaseTableCol } from 'tdesign-react/es/table';
import { Tag } from 'tdesign-react/es/tag';
import type { OrderState, OrderView } from '../../contracts';
import { useI18n } from '../../i18n';
import { adminCall } from '../../services/admin';
import { STATE_KEY, useOrdersText } from './messages';
import { STATE_THEME } from './PurchasePanel';

type Filter = OrderState | 'all';
const FILTERS: readonly Filter[] = ['all', 'created', 'paid', 'expired', 'closed'];
const PAGE_SIZE = 20;

interface ListState {
  items: OrderView[];
  nextCursor?: string;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
}

/**
 * Order history, newest first, with a state filter and "load more". Listing also makes the server
 * sweep overdue orders, so states are current. `reloadKey` changes → the first page again.
 * Test hooks: `#orders-table` (rows `tr[data-order-id]`, state tags `[data-state]`), `#orders-filter`,
 * `#orders-refresh`, `#orders-more`, `#orders-error`.
 */
export function OrdersHistory({ reloadKey, onPrice }: { reloadKey: number; onPrice: (fen: number) => void }) {
  const { errorText } = useI18n();
  const { t, money, formatDateTime } = useOrdersText();
  const [filter, setFilter] = useState<Filter>('all');
  const [state, setState] = useState<ListState>({ items: [], loading: true, loadingMore: false, error: null });
  const seq = useRef(0);

  const fetchPage = useCallback(
    async (cursor?: string) => {
      const mine = ++seq.current;
      setState((prev) => ({ ...prev, loading: !cursor, loadingMore: !!cursor, error: null }));
      try {
        const page = await adminCall('orders.list', { ...(filter !== 'all' ? { state: filter } : {}), ...(cursor ? { cursor } : {}), limit: PAGE_SIZE });
        if (mine !== seq.current) return;
        onPrice(page.seatPriceFen);
        setState((prev) => ({ items: cursor ? prev.items.concat(page.items.filter((o) => !prev.items.some((p) => p.outTradeNo === o.outTradeNo))) : page.items, nextCursor: page.nextCursor, loading: false, loadingMore: false, error: null }));
      } catch (error) {
        if (mine !== seq.current) return;
        setState((prev) => ({ ...prev, items: cursor ? prev.items : [], loading: false, loadingMore: false, error }));
      }
    },
    [filter, onPrice],
  );

  useEffect(() => {
    void fetchPage();
  }, [fetchPage, reloadKey]);
  useEffect(() => () => void ++seq.current, []);

  const columns = useMemo<BaseTableCol<OrderView>[]>(
    () => [
      { colKey: 'outTradeNo', title: t('col.outTradeNo'), ellipsis: true, cell: ({ row }) => <code className="orders-no">{row.outTradeNo}</code> },
      { colKey: 'seats', title: t('col.seats'), width: 90, align: 'right' },
      { colKey: 'amount', title: t('col.amount'), width: 130, align: 'right', cell: ({ row }) => money(row.amount) },
      {
        colKey: 'state',
        title: t('col.state'),
        width: 130,
        cell: ({ row }) => (
          <Tag theme={STATE_THEME[row.state] ?? 'default'} variant="light" data-state={row.state}>
            {STATE_KEY[row.state] ? t(STATE_KEY[row.state]) : row.state}
          </Tag>
        ),
      },
      { colKey: 'createdAt', title: t('col.createdAt'), width: 200, cell: ({ row }) => <time dateTime={row.createdAt}>{formatDateTime(row.createdAt)}</time> },
      { colKey: 'paidAt', title: t('col.paidAt'), width: 200, cell: ({ row }) => (row.paidAt ? <time dateTime={row.paidAt}>{formatDateTime(row.paidAt)}</time> : '—') },
    ],
    [t, money, formatDateTime],
  );

  const { items, nextCursor, loading, loadingMore, error } = state;
  return (
    <section className="orders-history">
      <div className="orders-history__toolbar">
        <h3>{t('history.title')}</h3>
        <div id="orders-filter" role="group" aria-label={t('col.state')}>
          <Radio.Group variant="default-filled" value={filter} onChange={(v) => setFilter(v as Filter)}>
            {FILTERS.map((f) => (
              <Radio.Button key={f} value={f} data-state={f}>
                {f === 'all' ? t('filter.all') : t(STATE_KEY[f])}
              </Radio.Button>
            ))}
          </Radio.Group>
        </div>
        <Button id="orders-refresh" variant="outline" size="small" onClick={() => void fetchPage()}>
          {t('history.refresh')}
        </Button>
      </div>
      {error ? (
        <div id="orders-error" className="console-notice console-notice--error" role="alert">
          <span>
            {t('history.loadError')}: {errorText(error)}
          </span>
        </div>
      ) : null}
      <div id="orders-table" aria-busy={loading || loadingMore}>
        <BaseTable<OrderView>
          rowKey="outTradeNo"
          data={items}
          columns={columns}
          loading={loading}
          hover
          tableLayout="fixed"
          verticalAlign="middle"
          rowAttributes={({ row }) => ({ 'data-order-id': row.outTradeNo })}
          empty={<span className="orders-history__empty">{loading || error ? '' : filter === 'all' ? t('history.empty') : t('history.emptyFiltered')}</span>}
        />
      </div>
      {nextCursor && !loading ? (
        <div className="orders-history__footer">
          <Button id="orders-more" variant="outline" loading={loadingMore} onClick={() => void fetchPage(nextCursor)}>
            {t('history.more')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
