import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { useCall } from '../../../hooks/useCall';
import { useSession } from '../../../hooks/useSession';
import { call, CallError } from '../../../services/client';
import type { ServiceRequestView } from '../../../services/contracts';
import { useMeText, when } from '../lib/text';

import '../lib/me.css';

const NEW_REQUEST_URL = '/packages/records/service-request/index';

/** My service requests: the list, each one's details on tap, and cancelling one not yet taken up. */
export default function MyRequestsPage() {
  const t = useMeText();
  const { session, loading } = useSession();
  const list = useCall('records', 'list', { object: 'serviceRequest', limit: 50 }, { enabled: !loading, key: session?.user?.id ?? '' });
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: t.requests.title }).catch(() => undefined);
  }, [t]);

  // An account admin lists colleagues' requests too; this page is the caller's own.
  const mine = ((list.data?.items ?? []) as ServiceRequestView[]).filter((r) => r.mine);

  const cancel = async (r: ServiceRequestView) => {
    const { confirm } = await Taro.showModal({ title: t.requests.cancel, content: t.requests.confirmCancel, confirmColor: '#07803f' });
    if (!confirm) return;
    setBusy(true);
    setProblem(null);
    try {
      await call('records', 'update', { object: 'serviceRequest', id: r.id, data: { status: 'cancelled' } });
      list.reload();
    } catch (e) {
      setProblem(e instanceof CallError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View id="my-requests-page" className="page">
      <View className="me-actions">
        <Button id="my-requests-new" className="btn btn--primary" size="mini" onClick={() => void Taro.navigateTo({ url: NEW_REQUEST_URL })}>
          {t.requests.create}
        </Button>
      </View>
      {problem && <Text className="error-text">{problem}</Text>}
      {list.loading && (
        <View id="my-requests-loading" className="card">
          <Text className="muted">{t.loading}</Text>
        </View>
      )}
      {list.error && (
        <View className="card card--error">
          <Text className="error-text">{list.error.message}</Text>
          <Button className="btn btn--plain" size="mini" onClick={list.reload}>
            {t.retry}
          </Button>
        </View>
      )}
      {list.data && mine.length === 0 && (
        <View id="my-requests-empty" className="card">
          <Text className="muted">{t.requests.empty}</Text>
        </View>
      )}
      {mine.map((r) => (
        <View key={r.id} className="card me-item my-request" onClick={() => setOpen(open === r.id ? null : r.id)}>
          <View className="row">
            <Text className="me-item__title my-request-subject">{r.subject}</Text>
            <Text className={`me-status me-status--${r.status} my-request-status`}>{t.requestStatus[r.status]}</Text>
          </View>
          <Text className="muted small">
            {t.category[r.category]} · {when(r.createdAt)}
          </Text>
          {open === r.id && (
            <View className="my-request-detail">
              <Text className="me-item__body">{r.description}</Text>
              {r.nextStatuses.includes('cancelled') && (
                <View className="me-actions">
                  <Button className={`btn btn--plain my-request-cancel${busy ? ' btn--off' : ''}`} size="mini" disabled={busy} onClick={(e) => (e.stopPropagation(), void cancel(r))}>
                    {t.requests.cancel}
                  </Button>
                </View>
              )}
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
