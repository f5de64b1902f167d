import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';

import { useCall } from '../../../hooks/useCall';
import { useSession } from '../../../hooks/useSession';
import type { DeviceView, WorkOrderView } from '../../../services/contracts';
import { can, RECORDS_PAGES } from '../../../services/permissions';
import { Empty, Failure, Loading, StatusBadge } from '../components/States';
import { day, useRecordsText } from '../lib/text';

import '../lib/records.css';

function Row({ label, value }: { label: string; value?: string }) {
  if (!value) return null;
  return (
    <View className="detail-row">
      <Text className="detail-row__label">{label}</Text>
      <Text>{value}</Text>
    </View>
  );
}

/** One device, its recent work orders, and "report a fault" when the roles allow creating one. */
export default function DevicePage() {
  const t = useRecordsText();
  const { session, loading: sessionLoading } = useSession();
  const id = useRouter().params.id ?? '';
  const device = useCall('records', 'get', { object: 'device', id }, { enabled: !!id && !sessionLoading });
  const mayReadOrders = can(session, 'workOrder', 'read');
  const orders = useCall('records', 'list', { object: 'workOrder', filter: { deviceId: id }, limit: 5 }, { enabled: !!id && !sessionLoading && mayReadOrders });

  if (device.loading) return <View className="page"><Loading id="device-loading" /></View>;
  if (device.error || !device.data) {
    return <View className="page">{device.error ? <Failure id="device-error" error={device.error} onRetry={device.reload} /> : <Empty id="device-error" text="" />}</View>;
  }
  const d = device.data as DeviceView;
  const recent = (orders.data?.items ?? []) as WorkOrderView[];
  return (
    <View className="page">
      <View className="card">
        <View className="row">
          <Text id="device-name" className="page-title">
            {d.name}
          </Text>
          <StatusBadge id="device-status" status={d.status} label={t.deviceStatus[d.status]} />
        </View>
        <Row label={t.devices.model} value={d.model} />
        <Row label={t.devices.serial} value={d.serialNumber} />
        <Row label={t.devices.location} value={d.location} />
        <Row label={t.devices.installedAt} value={d.installedAt} />
        {can(session, 'workOrder', 'create') && (
          <View className="actions">
            <Button id="device-report" className="btn btn--primary" onClick={() => void Taro.navigateTo({ url: RECORDS_PAGES.newWorkOrder(d.id) })}>
              {t.devices.report}
            </Button>
          </View>
        )}
      </View>
      {mayReadOrders && (
        <View className="section">
          <Text className="section__title">{t.devices.recentOrders}</Text>
          {orders.loading ? (
            <Loading id="device-orders-loading" />
          ) : orders.error ? (
            <Failure id="device-orders-error" error={orders.error} onRetry={orders.reload} />
          ) : recent.length === 0 ? (
            <Empty id="device-orders-empty" text={t.devices.noOrders} />
          ) : (
            recent.map((o) => (
              <View key={o.id} className="card wo-item" onClick={() => void Taro.navigateTo({ url: RECORDS_PAGES.workOrder(o.id) })}>
                <View className="row">
                  <Text className="item__title">{o.title}</Text>
                  <StatusBadge status={o.status} label={t.workOrderStatus[o.status]} />
                </View>
                <Text className="muted small">{day(o.createdAt)}</Text>
              </View>
            ))
          )}
        </View>
      )}
    </View>
  );
}
