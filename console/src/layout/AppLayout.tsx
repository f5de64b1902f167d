import { Suspense } from 'react';
import { Button } from 'tdesign-react/es/button';
import { Layout } from 'tdesign-react/es/layout';
import { Loading } from 'tdesign-react/es/loading';
import { Menu } from 'tdesign-react/es/menu';
import { useI18n } from '../i18n';
import { NAV_ITEMS, type NavItem } from '../navigation';
import { navigate } from '../router';
import { useSession } from '../session/SessionContext';
import { LocaleSwitch } from './LocaleSwitch';
import { PlaceholderPage } from '../pages/PlaceholderPage';

const { Header, Aside, Content } = Layout;
const { MenuItem } = Menu;

export function AppLayout({ current }: { current: NavItem }) {
  const { t } = useI18n();
  const { admin, logout } = useSession();
  const Page = current.page;

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
          {NAV_ITEMS.map((item) => (
            <MenuItem key={item.key} value={item.key} data-nav={item.key}>
              {t(item.label)}
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
    </Layout>
  );
}
