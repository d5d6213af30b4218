import { Button, Divider, Grid, Layout, Typography, theme } from 'antd';
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { LanguageToggle } from '../components/LanguageToggle';
import { PageLoading } from '../components/PageLoading';
import { lazyNamed } from '../lazyNamed';
import { useSession } from '../session/context';
import { navigationItems, navigationKeys, selectedNavigationKey } from './navigation';
import { useMenuCounts } from './useMenuCounts';
import './layout.css';

const { Header, Content, Sider } = Layout;

// What only a signed-in user sees loads in its own chunk (layout/signedIn.tsx), not with the login page.
const signedIn = () => import('./signedIn');
const NotificationBell = lazyNamed(signedIn, 'NotificationBell');
const MembershipSwitcher = lazyNamed(signedIn, 'MembershipSwitcher');
const AccountDropdown = lazyNamed(signedIn, 'AccountDropdown');
const AccountPanel = lazyNamed(signedIn, 'AccountPanel');
const Menu = lazyNamed(signedIn, 'NavigationMenu');
const Drawer = lazyNamed(signedIn, 'NavigationDrawer');

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  const location = useLocation();
  const { state } = useSession();
  const [drawerOpen, setDrawerOpen] = useState(false);

  const me = state.status === 'signedIn' ? state.me : undefined;
  // Before the first measurement all breakpoints are undefined: treat that as a phone. The signed-in header holds
  // the menu, the membership switcher and the account menu, which need a wide screen (lg) to sit in one row.
  const isWide = screens.lg === true;
  const counts = useMenuCounts(me, location.pathname);
  const items = navigationItems(t, me, counts);
  const keys = navigationKeys(items);
  const selected = selectedNavigationKey(location.pathname, keys);
  const selectedKeys = selected ? [selected] : [];

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  // Close the drawer after navigating or signing out.
  useEffect(() => setDrawerOpen(false), [location.pathname, me]);

  return (
    <Layout className="app-layout">
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <Header
        className="app-header"
        style={{ background: token.colorBgContainer, borderBottom: `1px solid ${token.colorBorderSecondary}` }}
      >
        <Link to="/" className="app-brand" style={{ color: token.colorText }}>
          <Typography.Text strong className="app-brand-text">
            {t('app.name')}
          </Typography.Text>
        </Link>
        <span className="app-header-spacer" />
        <div className="app-header-actions">
          <Suspense fallback={null}>
            {me && <NotificationBell />}
            {me && isWide && <MembershipSwitcher />}
            {me && isWide && <AccountDropdown />}
          </Suspense>
          <LanguageToggle compact={!isWide} />
          {me && !isWide && (
            <Button
              aria-label={t('nav.openMenu')}
              aria-expanded={drawerOpen}
              aria-controls="app-nav-drawer"
              onClick={() => setDrawerOpen(true)}
            >
              {t('nav.menu')}
            </Button>
          )}
        </div>
      </Header>
      {me && !isWide && (
        <Suspense fallback={null}>
          <Drawer
            id="app-nav-drawer"
            title={t('nav.menu')}
            placement="right"
            size={300}
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
          >
            <nav aria-label={t('nav.label')}>
              <Menu mode="vertical" items={items} selectedKeys={selectedKeys} style={{ borderInlineEnd: 'none' }} />
            </nav>
            <Divider />
            <Typography.Paragraph strong style={{ marginBottom: 8 }}>
              {t('membership.label')}
            </Typography.Paragraph>
            <MembershipSwitcher block />
            <Divider />
            <AccountPanel />
          </Drawer>
        </Suspense>
      )}
      {/* Wide screens: the menu in a side bar, so it can grow with the procedures without overflowing. */}
      <Layout hasSider={Boolean(me && isWide)}>
        {me && isWide && (
          <Sider
            width={216}
            className="app-sider"
            style={{ background: token.colorBgContainer, borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
          >
            <nav aria-label={t('nav.label')}>
              <Suspense fallback={null}>
                <Menu mode="inline" items={items} selectedKeys={selectedKeys} style={{ borderInlineEnd: 'none' }} />
              </Suspense>
            </nav>
          </Sider>
        )}
        <Content id="main-content" tabIndex={-1} className="app-content">
          <div className="app-main">
            {/* The page's chunk loads on its first visit (App.tsx): the layout stays meanwhile. */}
            <Suspense fallback={<PageLoading />}>{children}</Suspense>
          </div>
        </Content>
      </Layout>
    </Layout>
  );
}
