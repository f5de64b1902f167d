import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { ConfigProvider } from 'tdesign-react/es/config-provider';
import { Loading } from 'tdesign-react/es/loading';
import enConfig from 'tdesign-react/es/locale/en_US';
import zhConfig from 'tdesign-react/es/locale/zh_CN';
import type { AdminView } from './contracts';
import { useI18n } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { DEFAULT_PATH, findNavItem } from './navigation';
import { LoginPage } from './pages/login/LoginPage';
import { navigate, useRoutePath } from './router';
import { AdminCallError, adminCall, getToken, logoutSession, onUnauthenticated, setToken } from './services/admin';
import { SessionContext, type Session } from './session/SessionContext';
import { useKeepAlive } from './session/useKeepAlive';

type Boot =
  | { phase: 'checking' }
  | { phase: 'signed-out'; notice?: string }
  | { phase: 'signed-in'; admin: AdminView }
  | { phase: 'failed'; error: unknown };

export function App() {
  const { locale } = useI18n();
  return (
    <ConfigProvider globalConfig={locale === 'en' ? enConfig : zhConfig}>
      <Console />
    </ConfigProvider>
  );
}

function Console() {
  const { t, errorText } = useI18n();
  const path = useRoutePath();
  const [boot, setBoot] = useState<Boot>(() => (getToken() ? { phase: 'checking' } : { phase: 'signed-out' }));

  // A stored token (same tab, after a reload) is checked with `admin.me`.
  const check = useCallback(() => {
    setBoot({ phase: 'checking' });
    adminCall('me', {})
      .then((admin) => setBoot({ phase: 'signed-in', admin }))
      .catch((error: unknown) => {
        if (error instanceof AdminCallError && !error.isClientError && error.code !== 'internal') {
          setToken(null);
          setBoot({ phase: 'signed-out' });
        } else {
          setBoot({ phase: 'failed', error });
        }
      });
  }, []);

  useEffect(() => {
    if (getToken()) check();
  }, [check]);

  // Any call answering `auth/unauthenticated` (expired or revoked token) sends the admin back to sign in.
  useEffect(
    () =>
      onUnauthenticated((error) => {
        setBoot({ phase: 'signed-out', notice: error.message || t('login.sessionExpired') });
      }),
    [t],
  );

  // the server ends the session first, so the token is dead even if a copy of it was taken
  const logout = useCallback(() => {
    void logoutSession().finally(() => setBoot({ phase: 'signed-out' }));
  }, []);
  useKeepAlive(boot.phase === 'signed-in');

  const session = useMemo<Session | null>(() => (boot.phase === 'signed-in' ? { admin: boot.admin, logout } : null), [boot, logout]);

  const current = findNavItem(path);
  useEffect(() => {
    if (boot.phase === 'signed-in' && !current) navigate(DEFAULT_PATH, { replace: true });
  }, [boot.phase, current]);

  switch (boot.phase) {
    case 'checking':
      return <Loading className="console-boot" loading text={t('app.loading')} />;
    case 'failed':
      return (
        <div className="console-boot">
          <div id="boot-error" className="console-notice console-notice--error" role="alert">
            <span>
              {t('app.bootError')}: {errorText(boot.error)}
            </span>
            <Button size="small" variant="outline" onClick={check}>
              {t('common.retry')}
            </Button>
          </div>
        </div>
      );
    case 'signed-out':
      return <LoginPage notice={boot.notice} onLoggedIn={(admin) => setBoot({ phase: 'signed-in', admin })} />;
    case 'signed-in':
      if (!current) return null;
      return (
        <SessionContext.Provider value={session}>
          <AppLayout current={current} />
        </SessionContext.Provider>
      );
  }
}
