import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

import { useSession } from '../../../hooks/useSession';
import { can, RECORDS_PAGES } from '../../../services/permissions';
import { Empty, Failure, Loading, MoreButton, StatusBadge } from '../components/States';
import { dayTime, useRecordsText } from '../lib/text';
import { usePagedList } from '../lib/usePaged';

import '../lib/records.css';

/** The caller's work orders (or their Account's, by role), newest first; "new" only when allowed. */
export default function WorkOrdersPage() {
  const t = useRecordsText();
  const { session, loading: sessionLoading } = useSession();
  const mayRead = can(session, 'workOrder', 'read');
  const list = usePagedList('workOrder', { enabled: !sessionLoading && mayRead, key: session?.user?.id ?? session?.state ?? '' });
  // Coming back from the form (or a detail page) must show the new state, not the list as it was.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) list.reload();
    shown.current = true;
  });

  return (
    <View className="page">
      <View className="list-header">
        <Text className="page-title">{t.workOrders.title}</Text>
        {can(session, 'workOrder', 'create') && (
          <Button id="wo-new" className="btn btn--primary" size="mini" onClick={() => void Taro.navigateTo({ url: RECORDS_PAGES.newWorkOrder() })}>
            {t.workOrders.create}
          </Button>
        )}
      </View>
      {!sessionLoading && !mayRead ? (
        <Empty id="wo-denied" text={t.denied} />
      ) : list.loading ? (
        <Loading id="wo-loading" />
      ) : list.error && list.items.length === 0 ? (
        <Failure id="wo-error" error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <Empty id="wo-empty" text={t.workOrders.empty} />
      ) : (
        <View id="wo-list">
          {list.items.map((o) => (
            <View key={o.id} className="card wo-item" data-id={o.id} onClick={() => void Taro.navigateTo({ url: RECORDS_PAGES.workOrder(o.id) })}>
              <View className="row">
                <Text className="item__title wo-title">{o.title}</Text>
                <StatusBadge status={o.status} label={t.workOrderStatus[o.status]} />
              </View>
              <View className="item__meta">
                <Text>
                  {t.workOrders.priority} {t.priority[o.priority]}
                </Text>
                {o.deviceName && <Text>{o.deviceName}</Text>}
                {!o.mine && o.createdByName && <Text>{o.createdByName}</Text>}
                <Text>{dayTime(o.createdAt)}</Text>
              </View>
            </View>
          ))}
          <MoreButton hasMore={list.hasMore} loading={list.loadingMore} onMore={list.loadMore} />
        </View>
      )}
    </View>
  );
}
