import { Suspense, useEffect, useState } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Layout } from 'tdesign-react/es/layout';
import { Loading } from 'tdesign-react/es/loading';
import { Menu } from 'tdesign-react/es/menu';
import { useI18n } from '../i18n';
import { holdsPermission, NAV_ITEMS, type NavItem } from '../navigation';
import { navigate } from '../router';
import { useSession } from '../session/SessionContext';
import { LocaleSwitch } from './LocaleSwitch';
import { PasswordDialog } from './PasswordDialog';
import { PlaceholderPage } from '../pages/PlaceholderPage';

const { Header, Aside, Content } = Layout;
const { MenuItem } = Menu;

/** The menu: every entry, except those whose `available()` has not (yet) answered true. */
function useVisibleNavItems(permissions: readonly string[]): readonly NavItem[] {
  const [available, setAvailable] = useState<Record<string, boolean>>({});
  useEffect(() => {
    let live = true;
    NAV_ITEMS.forEach((item) => {
      item
        .available?.()
        .then((yes) => live && setAvailable((prev) => ({ ...prev, [item.key]: yes })))
        .catch(() => undefined);
    });
    return () => {
      live = false;
    };
  }, []);
  return NAV_ITEMS.filter((item) => (!item.available || available[item.key] === true) && (!item.requires || holdsPermission(permissions, item.requires)));
}

export function AppLayout({ current }: { current: NavItem }) {
  const { t } = useI18n();
  const { admin, logout } = useSession();
  const Page = current.page;
  const visible = useVisibleNavItems(admin.permissions);
  const [changingPassword, setChangingPassword] = useState(false);

  return (
    <Layout className="console-shell">
      <Aside className="console-aside" width="220px">
        <Menu
          className="console-menu"
          theme="light"
          width="220px"
          value={current.key}
          onChange={(value) => {
            const item = NAV_ITEMS.find((candidate) => candidate.key === value);
            if (item) navigate(item.path);
          }}
          logo={
            <span className="console-logo">
              <span className="console-logo__name">{t('app.name')}</span>
              <span className="console-logo__sub">{t('app.console')}</span>
            </span>
          }
        >
          {visible.map((item) => (
            <MenuItem key={item.key} value={item.key}>
              {/* TDesign's MenuItem drops data attributes: the test hook sits on the label */}
              <span data-nav={item.key}>{t(item.label)}</span>
            </MenuItem>
          ))}
        </Menu>
      </Aside>
      <Layout className="console-main">
        <Header className="console-header">
          <span className="console-header__title">{t(current.label)}</span>
          <span className="console-header__actions">
            <span id="header-admin" className="console-header__admin" title={admin.username}>
              {admin.displayName || admin.username}
            </span>
            <LocaleSwitch />
            <Button id="change-password" variant="text" size="small" onClick={() => setChangingPassword(true)}>
              {t('header.password')}
            </Button>
            <Button id="logout" variant="outline" size="small" onClick={logout}>
              {t('header.logout')}
            </Button>
          </span>
        </Header>
        <Content className="console-content">
          <Suspense fallback={<Loading className="console-page-loading" loading text={t('app.loading')} />}>
            {Page ? <Page /> : <PlaceholderPage title={t(current.label)} />}
          </Suspense>
        </Content>
      </Layout>
      <PasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
    </Layout>
  );
}
