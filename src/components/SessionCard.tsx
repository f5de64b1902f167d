import { Button, Text, View } from '@tarojs/components';

import type { SessionValue } from '../hooks/useSession';
import { useI18n } from '../i18n';

interface Props {
  value: Pick<SessionValue, 'session' | 'loading' | 'error' | 'refresh'>;
  onLogin: () => void;
  /** the Official Account portal's own session can be ended; the mini program's identity is WeChat's */
  onLogout?: () => void;
}

/** "Who am I": the raw state in #session-state (tests read it), the label and details for people. */
export function SessionCard({ value: { session, loading, error, refresh }, onLogin, onLogout }: Props) {
  const { t, locale } = useI18n();
  if (loading && !session) {
    return (
      <View className="card" id="session-loading">
        <Text className="muted">{t.home.loading}</Text>
      </View>
    );
  }
  if (!session) {
    return (
      <View className="card card--error" id="session-error">
        <Text className="card__title">{t.home.sessionFailed}</Text>
        <Text className="error-text">{error?.message}</Text>
        <Button className="btn btn--plain" size="mini" onClick={() => void refresh()}>
          {t.home.retry}
        </Button>
      </View>
    );
  }
  const { state, user, enterprise } = session;
  // a user WeChat created with a placeholder name ("微信用户 …" plus a piece of the OpenID) and no
  // Account yet: people read "WeChat user" in their language, not the placeholder
  const autoNamed = !!user && !session.account && /^微信用户 /.test(user.name);
  const canLogin = state === 'guest' || state === 'anonymous';
  return (
    <View className="card session-card">
      <View className="row">
        <Text className="muted">{t.home.identity}</Text>
        <Text className={`badge badge--${state}`}>{t.state[state]}</Text>
        <Text id="session-state" className="session-state">
          {state}
        </Text>
      </View>
      {/* a guest shares one record: its name is nobody's */}
      {user && state !== 'guest' && (
        <View className="row">
          <Text className="muted">{t.home.user}</Text>
          <Text id="user-name" className="strong">
            {autoNamed ? (locale === 'en' ? 'WeChat user' : '微信用户') : user.name}
          </Text>
          <Text id="user-id" className="muted small">
            {user.id}
          </Text>
        </View>
      )}
      {enterprise && (state === 'member' || state === 'pending') && !/^微信用户 /.test(enterprise.name) && (
        <View className="row">
          <Text className="muted">{t.home.enterprise}</Text>
          <Text id="enterprise-name">{enterprise.name}</Text>
        </View>
      )}
      {state === 'pending' && <Text className="hint">{t.home.pendingHint}</Text>}
      {canLogin && (
        <Button id="login-button" className="btn btn--primary" onClick={onLogin}>
          {t.home.login}
        </Button>
      )}
      {onLogout && state !== 'anonymous' && (
        <Button id="logout-button" className="btn btn--plain" size="mini" onClick={onLogout}>
          {t.home.logout}
        </Button>
      )}
    </View>
  );
}
