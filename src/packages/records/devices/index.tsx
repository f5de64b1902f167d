import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { useSession } from '../../../hooks/useSession';
import { RECORDS_PAGES } from '../../../services/permissions';
import { Empty, Failure, Loading, MoreButton, StatusBadge } from '../components/States';
import { useRecordsText } from '../lib/text';
import { usePagedList } from '../lib/usePaged';

import '../lib/records.css';

/** Devices the caller may see: their Account's (by role), plus public showroom machines. */
export default function DevicesPage() {
  const t = useRecordsText();
  const { session, loading: sessionLoading } = useSession();
  const list = usePagedList('device', { enabled: !sessionLoading, key: session?.user?.id ?? session?.state ?? '' });

  return (
    <View className="page">
      <View className="list-header">
        <Text className="page-title">{t.devices.title}</Text>
      </View>
      {list.loading ? (
        <Loading id="devices-loading" />
      ) : list.error && list.items.length === 0 ? (
        <Failure id="devices-error" error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <Empty id="devices-empty" text={t.devices.empty} />
      ) : (
        <View id="devices-list">
          {list.items.map((d) => (
            <View key={d.id} className="card device-item" data-id={d.id} onClick={() => void Taro.navigateTo({ url: RECORDS_PAGES.device(d.id) })}>
              <View className="row">
                <Text className="item__title device-name">{d.name}</Text>
                <StatusBadge status={d.status} label={t.deviceStatus[d.status]} />
              </View>
              <View className="item__meta">
                <Text>
                  {t.devices.model} {d.model}
                </Text>
                <Text>
                  {t.devices.serial} {d.serialNumber}
                </Text>
                {d.location && <Text>{d.location}</Text>}
              </View>
            </View>
          ))}
          <MoreButton hasMore={list.hasMore} loading={list.loadingMore} onMore={list.loadMore} />
        </View>
      )}
    </View>
  );
}
