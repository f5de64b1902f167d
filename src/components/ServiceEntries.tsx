import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { useI18n } from '../i18n';
import type { SessionView } from '../services/contracts';
import { can, RECORDS_PAGES } from '../services/permissions';

interface Entry {
  id: string;
  label: string;
  hint: string;
  url: string;
}

/** The home page's ways into devices, work orders and service requests — only those the roles allow. */
export function ServiceEntries({ session }: { session: SessionView | null }) {
  const { t } = useI18n();
  const entries: Entry[] = [];
  if (can(session, 'device', 'read')) entries.push({ id: 'entry-devices', label: t.services.devices, hint: t.services.devicesHint, url: RECORDS_PAGES.devices });
  if (can(session, 'workOrder', 'read') || can(session, 'workOrder', 'create')) {
    entries.push({ id: 'entry-work-orders', label: t.services.workOrders, hint: t.services.workOrdersHint, url: RECORDS_PAGES.workOrders });
  }
  if (can(session, 'serviceRequest', 'create')) entries.push({ id: 'entry-service-request', label: t.services.serviceRequest, hint: t.services.serviceRequestHint, url: RECORDS_PAGES.serviceRequest });
  if (entries.length === 0) return null;
  return (
    <View id="service-entries" className="section">
      <Text className="section__title">{t.services.title}</Text>
      <View className="entries">
        {entries.map((e) => (
          <View key={e.id} id={e.id} className="card entry tappable" onClick={() => void Taro.navigateTo({ url: e.url })}>
            <Text className="entry__label">{e.label}</Text>
            <Text className="muted small">{e.hint}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
