import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  ClusterOutlined,
  HomeOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Permission } from '@shared/roles';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';

export type MenuGroupKey = 'enterprises' | 'org' | 'system';

export interface AppRoute {
  path: string;
  /** Menu key (also used for the selected menu item). */
  key: string;
  /** i18n key of the menu label and page title. */
  label: string;
  /** i18n key of the short description on the home page cards. */
  description?: string;
  icon: ReactNode;
  /** Permission the session must hold; without it the route shows 403 and the menu hides it. */
  access: Permission;
  group?: MenuGroupKey;
  hideInMenu?: boolean;
  component: LazyExoticComponent<ComponentType>;
}

export interface MenuGroup {
  key: MenuGroupKey;
  label: string;
  icon: ReactNode;
}

export const MENU_GROUPS: MenuGroup[] = [
  { key: 'enterprises', label: 'menu.enterprisesGroup', icon: <ShopOutlined /> },
  { key: 'org', label: 'menu.org', icon: <ClusterOutlined /> },
  { key: 'system', label: 'menu.system', icon: <SettingOutlined /> },
];

/** Every page inside the app shell. Each domain is its own lazily loaded chunk. */
export const APP_ROUTES: AppRoute[] = [
  {
    path: '/',
    key: 'home',
    label: 'menu.home',
    icon: <HomeOutlined />,
    access: 'profile.self',
    component: lazy(() => import('../domains/home/pages/HomePage')),
  },
  {
    path: '/enterprises',
    key: 'enterprises',
    label: 'menu.enterprises',
    description: 'home.modules.enterprises',
    icon: <BankOutlined />,
    access: 'enterprises.read',
    group: 'enterprises',
    component: lazy(() => import('../domains/enterprises/pages/EnterprisesPage')),
  },
  {
    path: '/enterprises/:id',
    key: 'enterpriseDetail',
    label: 'menu.enterpriseDetail',
    icon: <BankOutlined />,
    access: 'enterprises.read',
    group: 'enterprises',
    hideInMenu: true,
    component: lazy(() => import('../domains/enterprises/pages/EnterpriseDetailPage')),
  },
  {
    path: '/my-enterprise',
    key: 'myEnterprise',
    label: 'menu.myEnterprise',
    description: 'home.modules.myEnterprise',
    icon: <ShopOutlined />,
    access: 'enterprises.self',
    group: 'enterprises',
    component: lazy(() => import('../domains/enterprises/pages/MyEnterprisePage')),
  },
  {
    path: '/org/departments',
    key: 'departments',
    label: 'menu.departments',
    description: 'home.modules.departments',
    icon: <ApartmentOutlined />,
    access: 'org.read',
    group: 'org',
    component: lazy(() => import('../domains/org/pages/DepartmentsPage')),
  },
  {
    path: '/org/posts',
    key: 'posts',
    label: 'menu.posts',
    description: 'home.modules.posts',
    icon: <SolutionOutlined />,
    access: 'org.read',
    group: 'org',
    component: lazy(() => import('../domains/org/pages/PostsPage')),
  },
  {
    path: '/org/staff',
    key: 'staff',
    label: 'menu.staff',
    description: 'home.modules.staff',
    icon: <TeamOutlined />,
    access: 'staff.read',
    group: 'org',
    component: lazy(() => import('../domains/org/pages/StaffPage')),
  },
  {
    path: '/admin/users',
    key: 'users',
    label: 'menu.users',
    description: 'home.modules.users',
    icon: <UsergroupAddOutlined />,
    access: 'users.manage',
    group: 'system',
    component: lazy(() => import('../domains/users/pages/UsersPage')),
  },
  {
    path: '/audit',
    key: 'audit',
    label: 'menu.audit',
    description: 'home.modules.audit',
    icon: <AuditOutlined />,
    access: 'audit.read',
    group: 'system',
    component: lazy(() => import('../domains/audit/pages/AuditPage')),
  },
  {
    path: '/calendar',
    key: 'calendar',
    label: 'calendar.menu',
    description: 'calendar.menuDescription',
    icon: <CalendarOutlined />,
    access: 'calendar.read',
    group: 'system',
    component: lazy(() => import('../domains/calendar/pages/CalendarPage')),
  },
  {
    path: '/calendar/:year',
    key: 'calendarYear',
    label: 'calendar.menu',
    icon: <CalendarOutlined />,
    access: 'calendar.read',
    group: 'system',
    hideInMenu: true,
    component: lazy(() => import('../domains/calendar/pages/CalendarYearPage')),
  },
  {
    path: '/profile',
    key: 'profile',
    label: 'menu.profile',
    description: 'home.modules.profile',
    icon: <UserOutlined />,
    access: 'profile.self',
    hideInMenu: true,
    component: lazy(() => import('../domains/profile/pages/ProfilePage')),
  },
];

export const LoginPage = lazy(() => import('../domains/auth/pages/LoginPage'));
export const ForbiddenPage = lazy(() => import('../domains/errors/pages/ForbiddenPage'));
export const NotFoundPage = lazy(() => import('../domains/errors/pages/NotFoundPage'));
