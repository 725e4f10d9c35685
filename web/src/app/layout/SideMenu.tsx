import { Menu, type MenuProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from '../../shared/session';
import { matchRoute, menuTree } from '../access';
import { APP_ROUTES, MENU_GROUPS } from '../routes';

interface Props {
  collapsed?: boolean;
  onNavigate?: () => void;
}

/** Menu built from the route table, filtered by the session's permissions. */
export function SideMenu({ collapsed, onNavigate }: Props) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const current = matchRoute(APP_ROUTES, location.pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(() => MENU_GROUPS.map((g) => g.key));

  const items = useMemo<MenuProps['items']>(() => {
    const { top, grouped } = menuTree(APP_ROUTES, MENU_GROUPS, session?.permissions);
    return [
      ...top.map((r) => ({ key: r.key, icon: r.icon, label: t(r.label) })),
      ...grouped.map(({ group, children }) => ({
        key: group.key,
        icon: group.icon,
        label: t(group.label),
        children: children.map((r) => ({ key: r.key, icon: r.icon, label: t(r.label) })),
      })),
    ];
  }, [session?.permissions, t]);

  const onClick: MenuProps['onClick'] = ({ key }) => {
    const route = APP_ROUTES.find((r) => r.key === key);
    if (route) navigate(route.path);
    onNavigate?.();
  };

  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={current ? [current.key] : []}
      {...(collapsed ? {} : { openKeys, onOpenChange: setOpenKeys })}
      onClick={onClick}
      aria-label={t('header.navigation')}
    />
  );
}
