import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { ArticleList } from '../../components/ArticleList';
import { LocaleToggle } from '../../components/LocaleToggle';
import { LoginPrompt } from '../../components/LoginPrompt';
import { MyEntries } from '../../components/MyEntries';
import { WaysIn } from '../../components/WaysIn';
import { PortalIntro } from '../../components/PortalIntro';
import { SessionCard } from '../../components/SessionCard';
import { ServiceEntries } from '../../components/ServiceEntries';
import { useCall } from '../../hooks/useCall';
import { useSession } from '../../hooks/useSession';
import { useI18n } from '../../i18n';
import { articleUrl } from '../../services/articles';
import { call, isGated } from '../../services/client';
import { isPortalMode } from '../../services/portal';
import { REGISTRATION_ENTRY } from '../../services/permissions';

import './index.css';

const LOGIN_URL = '/pages/login/index';

export default function Index() {
  const { t } = useI18n();
  const session = useSession();
  const { session: s, loading: sessionLoading, error: sessionError, loginAsGuest } = session;
  // Re-list whenever the identity changes (e.g. anonymous → guest): what may be read depends on it.
  const identity = `${s?.state ?? ''}:${s?.user?.id ?? ''}`;
  const articles = useCall('records', 'list', { object: 'article' }, { enabled: !sessionLoading, key: identity });
  const [dismissed, setDismissed] = useState(false);

  const gated = isGated(articles.error) || isGated(sessionError);
  const wantsLogin = s?.next === 'register' || s?.next === 'sms-login';
  const showPrompt = !dismissed && !sessionLoading && (wantsLogin || gated);

  useEffect(() => {
    // Page titles in index.config.ts are static zh-CN; follow the chosen language at run time.
    Taro.setNavigationBarTitle({ title: t.home.title }).catch(() => undefined);
  }, [t]);

  // Where this portal wants a registration, "Login" opens the registration form; otherwise the login page.
  const goLogin = () => void Taro.navigateTo({ url: s?.next === 'register' ? REGISTRATION_ENTRY : LOGIN_URL });

  const notNow = () => {
    setDismissed(true);
    // Declining login should still let people browse where the portal allows it (scenario 4):
    // try the guest account quietly; `guest/disabled` just leaves them anonymous with the intro.
    if (s?.state === 'anonymous') loginAsGuest().catch(() => undefined);
  };

  // The Official Account portal's session ends on the server; the page starts over, logged out.
  const logout = isPortalMode()
    ? () => {
        void call('auth', 'logout', {})
          .catch(() => undefined)
          .then(() => window.location.reload());
      }
    : undefined;

  return (
    <View className="page home">
      <View className="home__header">
        <Text className="home__title">{t.home.title}</Text>
        <LocaleToggle />
      </View>
      <SessionCard value={session} onLogin={goLogin} onLogout={logout} />
      {showPrompt && <LoginPrompt next={s?.next} onGo={goLogin} onCancel={notNow} />}
      <WaysIn value={session} />
      {!gated && <ServiceEntries session={s} />}
      <MyEntries session={s} />
      {gated ? (
        <PortalIntro />
      ) : (
        <View className="section">
          <Text className="section__title">{t.home.articles}</Text>
          <ArticleList list={articles} onOpen={(a) => void Taro.navigateTo({ url: articleUrl(a.id) })} />
        </View>
      )}
    </View>
  );
}
