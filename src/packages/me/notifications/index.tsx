import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';

import { useCall } from '../../../hooks/useCall';
import { useSession } from '../../../hooks/useSession';
import { call } from '../../../services/client';
import type { NotificationItem } from '../../../services/contracts';
import { RESUBMIT_KEY, useMeText, when } from '../lib/text';

import '../lib/me.css';

const REGISTER_URL = '/packages/register/pages/form/index';

/** What happened to my registration, activation and service requests; opening the page reads them. */
export default function NotificationsPage() {
  const t = useMeText();
  const { session, loading, refresh } = useSession();
  const list = useCall('auth', 'notifications', {}, { enabled: !loading, key: session?.user?.id ?? '' });

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: t.notifications.title }).catch(() => undefined);
  }, [t]);

  // what is reported here (an approval, a rejection) changes who I am: read the session again
  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Seen once shown: the home badge counts only what has not been on screen yet.
  const unread = list.data?.unread ?? 0;
  useEffect(() => {
    if (unread > 0) void call('auth', 'readNotifications', {}).catch(() => undefined);
  }, [unread]);

  const resubmit = (item: NotificationItem) => {
    if (item.resubmit) Taro.setStorageSync(RESUBMIT_KEY, item.resubmit);
    void Taro.navigateTo({ url: REGISTER_URL });
  };

  return (
    <View id="notifications-page" className="page">
      {list.loading && (
        <View id="notifications-loading" className="card">
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
      {list.data && list.data.items.length === 0 && (
        <View id="notifications-empty" className="card">
          <Text className="muted">{t.notifications.empty}</Text>
        </View>
      )}
      {list.data?.items.map((item) => (
        <View key={item.id} className={`card me-item notification-item${item.read ? '' : ' me-item--unread'}`} data-kind={item.kind}>
          <Text className="me-item__title notification-title">{item.title}</Text>
          <Text className="me-item__body notification-body">{item.body}</Text>
          <Text className="muted small">
            {when(item.time)}
            {item.read ? '' : ` · ${t.notifications.unread}`}
          </Text>
          {item.kind === 'registration.rejected' && item.resubmit && !session?.account && session?.state !== 'pending' && (
            <View className="me-actions">
              <Button className="btn btn--primary notification-resubmit" size="mini" onClick={() => resubmit(item)}>
                {t.notifications.resubmit}
              </Button>
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
