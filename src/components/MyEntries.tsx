import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

import { useCall } from '../hooks/useCall';
import { useI18n } from '../i18n';
import type { SessionView } from '../services/contracts';
import { can } from '../services/permissions';

const WORDS = {
  'zh-CN': { title: '我的', notifications: '我的通知', registration: '我的注册', requests: '我的服务申请', bindings: '我的绑定', unread: '{n} 条未读' },
  en: { title: 'Mine', notifications: 'My notifications', registration: 'My registration', requests: 'My service requests', bindings: 'My bindings', unread: '{n} unread' },
};

export const ME_PAGES = {
  notifications: '/packages/me/notifications/index',
  registration: '/packages/me/registration/index',
  requests: '/packages/me/requests/index',
  bindings: '/packages/me/bindings/index',
};

/** The "My" pages from home; notifications carry an unread count (a rejected registrant has one too). */
export function MyEntries({ session }: { session: SessionView | null }) {
  const { locale } = useI18n();
  const w = WORDS[locale];
  const inbox = useCall('auth', 'notifications', {}, { enabled: !!session, key: `${session?.state ?? ''}:${session?.user?.id ?? ''}` });
  if (!session || session.state === 'guest') return null;
  const unread = inbox.data?.unread ?? 0;
  const hasUser = session.state === 'member' || session.state === 'pending';
  const entries = [
    { id: 'my-notifications', label: w.notifications, url: ME_PAGES.notifications, show: hasUser || (inbox.data?.items.length ?? 0) > 0 },
    { id: 'my-registration', label: w.registration, url: ME_PAGES.registration, show: session.state === 'pending' || session.next === 'register' || !!session.user?.joinRequest },
    { id: 'my-requests', label: w.requests, url: ME_PAGES.requests, show: hasUser && can(session, 'serviceRequest', 'create') },
    { id: 'my-bindings', label: w.bindings, url: ME_PAGES.bindings, show: hasUser },
  ].filter((e) => e.show);
  if (!entries.length) return null;
  return (
    <View id="my-entries" className="section">
      <Text className="section__title">{w.title}</Text>
      <View className="card my-list">
        {entries.map((e) => (
          <View key={e.id} id={e.id} className="my-list__row tappable" onClick={() => void Taro.navigateTo({ url: e.url })}>
            <Text className="my-list__label">{e.label}</Text>
            {e.id === 'my-notifications' && unread > 0 && (
              <Text id="unread-badge" className="unread-badge">
                {w.unread.replace('{n}', String(unread))}
              </Text>
            )}
          </View>
        ))}
      </View>
    </View>
  );
}
