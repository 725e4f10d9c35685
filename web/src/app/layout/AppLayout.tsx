import { Drawer, Layout } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { PageLoading } from '../../shared/components/PageLoading';
import { useIsMobile } from '../../shared/hooks/useIsMobile';
import { HeaderBar } from './HeaderBar';
import { SideMenu } from './SideMenu';

const COLLAPSED_KEY = 'zoneos.sider.collapsed';

function Brand({ collapsed }: { collapsed?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="zoneos-brand" style={collapsed ? { justifyContent: 'center', padding: 0 } : undefined}>
      <span className="zoneos-brand-mark" aria-hidden="true">
        Z
      </span>
      {!collapsed && <span>{t('app.shortName')}</span>}
    </div>
  );
}

/** App shell: collapsible Sider on desktop, Drawer menu at phone width. */
export function AppLayout() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(() => {
    try {
      return localStorage.getItem(COLLAPSED_KEY) === '1';
    } catch {
      return false;
    }
  });
  const onCollapse = (value: boolean) => {
    setCollapsed(value);
    try {
      localStorage.setItem(COLLAPSED_KEY, value ? '1' : '0');
    } catch {
      // ignore
    }
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isMobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          closable={false}
          title={null}
          styles={{ body: { padding: 0, background: '#0f2747' }, header: { display: 'none' } }}
        >
          <Brand />
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={onCollapse}
          width={220}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Brand collapsed={collapsed} />
          <SideMenu collapsed={collapsed} />
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <HeaderBar isMobile={isMobile} onOpenMenu={() => setDrawerOpen(true)} />
        <Layout.Content style={{ margin: isMobile ? 8 : 24, minWidth: 0 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: '#8c8c8c', padding: '12px 16px' }}>
          {t('app.footer', { year: new Date().getFullYear() })}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
