import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';

import { useCall } from '../../../hooks/useCall';
import { useSession } from '../../../hooks/useSession';
import { CallError } from '../../../services/client';
import type { WorkOrderStatus, WorkOrderView } from '../../../services/contracts';
import { Empty, Failure, Loading, StatusBadge } from '../components/States';
import { call } from '../lib/api';
import { dayTime, useRecordsText } from '../lib/text';

import '../lib/records.css';

function Row({ label, value, id }: { label: string; value?: string; id?: string }) {
  if (!value) return null;
  return (
    <View className="detail-row">
      <Text className="detail-row__label">{label}</Text>
      <Text id={id} className="pre">
        {value}
      </Text>
    </View>
  );
}

/**
 * One work order and what the caller may do with it now. The buttons come from the server's
 * `nextStatuses` (their roles and the order's state), so nothing is offered that would be refused.
 */
export default function WorkOrderPage() {
  const t = useRecordsText();
  const { loading: sessionLoading } = useSession();
  const id = useRouter().params.id ?? '';
  const order = useCall('records', 'get', { object: 'workOrder', id }, { enabled: !!id && !sessionLoading });
  const [updated, setUpdated] = useState<WorkOrderView | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<CallError | null>(null);

  if (order.loading) return <View className="page"><Loading id="wo-detail-loading" /></View>;
  if (order.error || !order.data) {
    return <View className="page">{order.error ? <Failure id="wo-detail-error" error={order.error} onRetry={order.reload} /> : <Empty id="wo-detail-error" text="" />}</View>;
  }
  const o = updated && updated.id === id ? updated : (order.data as WorkOrderView);

  const move = async (status: WorkOrderStatus) => {
    setBusy(true);
    setActionError(null);
    try {
      setUpdated((await call('records', 'update', { object: 'workOrder', id: o.id, data: { status } })) as WorkOrderView);
    } catch (e) {
      setActionError(e instanceof CallError ? e : new CallError({ code: 'internal', message: String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page">
      <View className="card">
        <View className="row">
          <Text id="wo-detail-title" className="page-title">
            {o.title}
          </Text>
          <StatusBadge id="wo-detail-status" status={o.status} label={t.workOrderStatus[o.status]} />
        </View>
        <Row label={t.workOrders.priority} value={t.priority[o.priority]} />
        <Row label={t.workOrders.device} value={o.deviceName} />
        <Row label={t.workOrders.description} value={o.description} id="wo-detail-description" />
        <Row label={t.workOrders.by} value={o.createdByName} />
        <Row label={t.workOrders.createdAt} value={dayTime(o.createdAt)} />
        <Row label={t.workOrders.updatedAt} value={o.updatedAt !== o.createdAt ? dayTime(o.updatedAt) : undefined} />
        {o.nextStatuses.length > 0 && (
          <View className="actions">
            {o.nextStatuses.map((s) => (
              <Button key={s} id={`wo-action-${s}`} className={`btn ${s === 'closed' ? 'btn--primary' : 'btn--plain'}${busy ? ' btn--off' : ''}`} size="mini" disabled={busy} onClick={() => void move(s)}>
                {t.workOrderAction[s]}
              </Button>
            ))}
          </View>
        )}
      </View>
      {actionError && <Failure id="wo-action-error" error={actionError} />}
    </View>
  );
}
