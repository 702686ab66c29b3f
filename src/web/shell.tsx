// The app shell: login gate, side menu on desktop, bottom tab bar on phones, and the routes of every page area (each
// page a chunk loaded on first use, see routes.ts). The citizens' /public pages are another entry (public-main.tsx).
import { Button, Dropdown, Grid, Layout, Menu, Spin } from 'antd';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useAuth } from './auth';
import { LanguageSwitch } from './components/language-switch';
import { NotificationBell } from './components/notification-bell';
import { PhoneTabBar } from './components/phone-tab-bar';
import { PageLoading } from './page-loading';
import { allRoutes } from './pages/all-routes';
import { lazyComponent } from './routes';

/** A chunk of its own: a signed-in member's first screen does not carry the sign-in form. */
const LoginPage = lazyComponent(() => import('./pages/login'), 'LoginPage', ['common']);

/** Renders the login page or the signed-in layout. */
export function Shell() {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (location.pathname.startsWith('/public')) return <ToPublicEntry />;
  if (loading) return <Spin fullscreen />;
  if (!me)
    return (
      <Suspense fallback={<Spin fullscreen />}>
        <LoginPage />
      </Suspense>
    );
  return <SignedIn />;
}

function SignedIn() {
  const { me, has, logout } = useAuth();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const routes = allRoutes.filter((r) => !r.roles || has(...r.roles));
  const navs = routes.filter((r) => r.nav).sort((a, b) => a.nav!.order - b.nav!.order);
  const toItem = (r: (typeof navs)[number]) => ({
    key: r.path,
    icon: r.nav!.icon,
    label: <span data-path={r.path}>{t(`nav.${r.nav!.key}`)}</span>,
  });
  const registry = navs.filter((r) => r.nav!.group === 'registry');
  const items = [
    ...navs.filter((r) => !r.nav!.group).map(toItem),
    ...(registry.length ? [{ key: 'registry', label: t('nav.registry'), children: registry.map(toItem) }] : []),
  ];
  // Only the longest matching nav path, so /opinions/mine lights 我的社情民意 and not 社情民意 too.
  const selected = navs
    .map((r) => r.path)
    .filter((p) => location.pathname === p || (p !== '/' && location.pathname.startsWith(`${p}/`)))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);
  const userMenu = {
    items: [
      { key: 'pw', label: t('app.changePassword'), onClick: () => navigate('/me/password') },
      { key: 'out', label: t('app.logout'), onClick: () => logout() },
    ],
  };
  const body =
    me!.mustChangePassword && location.pathname !== '/me/password' ? (
      <Navigate to="/me/password" replace />
    ) : (
      <Suspense fallback={<PageLoading />}>
        <Routes>
          {routes.map((r) => (
            <Route key={r.path} path={r.path} element={r.element} />
          ))}
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Suspense>
    );
  const header = (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12, paddingInline: 16, background: '#b71c1c' }}>
      <strong style={{ color: '#fff', fontSize: 18 }}>{t('app.name')}</strong>
      {!isPhone && <span style={{ color: '#ffd7d7' }}>{t('app.subtitle')}</span>}
      <span style={{ flex: 1 }} />
      <NotificationBell />
      <LanguageSwitch />
      <Dropdown menu={userMenu}>
        <Button type="text" style={{ color: '#fff' }} data-testid="user-menu">
          {me!.displayName}
        </Button>
      </Dropdown>
    </Layout.Header>
  );
  if (isPhone) {
    // Four tabs and 我的: the drawer behind 我的 lists the very menu the desktop shows (same items), so no entry a
    // role has on a desk is out of reach on a phone.
    const tabs = navs.filter((r) => r.nav!.mobile).slice(0, 4);
    return (
      <Layout style={{ minHeight: '100vh' }}>
        {header}
        <Layout.Content style={{ padding: 12, paddingBlockEnd: 84 }}>{body}</Layout.Content>
        <PhoneTabBar
          tabs={tabs.map((r) => ({ path: r.path, icon: r.nav!.icon, label: t(`nav.${r.nav!.key}`) }))}
          selected={selected[0]}
          items={items}
          onNavigate={(p) => navigate(p)}
          userItems={userMenu.items}
        />
      </Layout>
    );
  }
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {header}
      <Layout>
        <Layout.Sider width={210} theme="light" breakpoint="lg" collapsedWidth={64}>
          <Menu
            mode="inline"
            selectedKeys={selected}
            defaultOpenKeys={['registry']}
            items={items}
            onClick={(e) => navigate(e.key)}
            style={{ height: '100%' }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 20 }}>{body}</Layout.Content>
      </Layout>
    </Layout>
  );
}

/** A link inside the staff app to a citizens' page: the server answers /public/* with the citizens' entry. */
function ToPublicEntry() {
  const location = useLocation();
  useEffect(() => {
    // Only after an in-app navigation: if this document was itself loaded at a /public URL (a server or preview that
    // answers every path with index.html), reloading would loop.
    const loaded = performance.getEntriesByType('navigation')[0]?.name;
    if (loaded && new URL(loaded).pathname === location.pathname) return;
    window.location.replace(location.pathname + location.search + location.hash);
  }, [location]);
  return <Spin fullscreen />;
}
