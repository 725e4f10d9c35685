import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CarOutlined,
  ClusterOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  FundOutlined,
  GlobalOutlined,
  HomeOutlined,
  LineChartOutlined,
  NodeIndexOutlined,
  NotificationOutlined,
  ProjectOutlined,
  ReconciliationOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  // Land and per-mu efficiency (亩均论英雄)
  TrophyOutlined,
  UsergroupAddOutlined,
  UserOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import type { Permission } from '@shared/roles';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';

export type MenuGroupKey =
  | 'reform'
  | 'enterprises'
  | 'investment'
  | 'approval'
  | 'land'
  | 'performance'
  | 'org'
  | 'system';

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
  { key: 'reform', label: 'menu.reformGroup', icon: <ReconciliationOutlined /> },
  { key: 'enterprises', label: 'menu.enterprisesGroup', icon: <ShopOutlined /> },
  { key: 'investment', label: 'menu.investmentGroup', icon: <FundOutlined /> },
  { key: 'approval', label: 'menu.approvalGroup', icon: <FileDoneOutlined /> },
  { key: 'land', label: 'menu.landGroup', icon: <EnvironmentOutlined /> },
  { key: 'performance', label: 'menu.performance', icon: <TrophyOutlined /> },
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
  // approval (一站式审批)
  {
    path: '/approval/cases',
    key: 'approvalCases',
    label: 'approval.cases',
    description: 'approval.casesDescription',
    icon: <FolderOpenOutlined />,
    access: 'approval.read',
    group: 'approval',
    component: lazy(() => import('../domains/approval/pages/CasesPage')),
  },
  {
    path: '/approval/cases/:id',
    key: 'approvalCaseDetail',
    label: 'approval.caseDetail',
    icon: <FolderOpenOutlined />,
    access: 'approval.read',
    group: 'approval',
    hideInMenu: true,
    component: lazy(() => import('../domains/approval/pages/CaseDetailPage')),
  },
  {
    path: '/approval/cases/:id/notice/:kind',
    key: 'approvalNotice',
    label: 'approval.notice',
    icon: <FolderOpenOutlined />,
    access: 'approval.read',
    group: 'approval',
    hideInMenu: true,
    component: lazy(() => import('../domains/approval/pages/NoticePage')),
  },
  {
    path: '/approval/items',
    key: 'approvalItems',
    label: 'approval.items',
    description: 'approval.itemsDescription',
    icon: <FileSearchOutlined />,
    access: 'approval.read',
    group: 'approval',
    component: lazy(() => import('../domains/approval/pages/ItemsPage')),
  },
  {
    path: '/approval/projects',
    key: 'approvalProjects',
    label: 'approval.projects',
    description: 'approval.projectsDescription',
    icon: <NodeIndexOutlined />,
    access: 'approval.read',
    group: 'approval',
    component: lazy(() => import('../domains/approval/pages/ProjectsPage')),
  },
  {
    path: '/approval/metrics',
    key: 'approvalMetrics',
    label: 'approval.metrics',
    description: 'approval.metricsDescription',
    icon: <BarChartOutlined />,
    access: 'approval.read',
    group: 'approval',
    component: lazy(() => import('../domains/approval/pages/MetricsPage')),
  },
  // services (企业服务)
  {
    path: '/services/demands',
    key: 'demands',
    label: 'services.demandsMenu',
    description: 'services.demandsDescription',
    icon: <CustomerServiceOutlined />,
    access: 'demands.read',
    group: 'enterprises',
    component: lazy(() => import('../domains/services/pages/DemandsPage')),
  },
  {
    path: '/services/demands/:id',
    key: 'demandDetail',
    label: 'services.demandDetail',
    icon: <CustomerServiceOutlined />,
    access: 'demands.read',
    group: 'enterprises',
    hideInMenu: true,
    component: lazy(() => import('../domains/services/pages/DemandDetailPage')),
  },
  {
    path: '/services/visits',
    key: 'visits',
    label: 'services.visitsMenu',
    description: 'services.visitsDescription',
    icon: <CarOutlined />,
    access: 'visits.read',
    group: 'enterprises',
    component: lazy(() => import('../domains/services/pages/VisitsPage')),
  },
  // performance
  {
    path: '/performance/cycles',
    key: 'perfCycles',
    label: 'menu.perfCycles',
    description: 'home.modules.performance',
    icon: <TrophyOutlined />,
    access: 'performance.read',
    group: 'performance',
    component: lazy(() => import('../domains/performance/pages/CyclesPage')),
  },
  {
    path: '/performance/cycles/:id',
    key: 'perfCycleDetail',
    label: 'menu.perfCycleDetail',
    icon: <TrophyOutlined />,
    access: 'performance.read',
    group: 'performance',
    hideInMenu: true,
    component: lazy(() => import('../domains/performance/pages/CycleDetailPage')),
  },
  {
    path: '/performance/pay',
    key: 'payRuns',
    label: 'menu.payRuns',
    icon: <WalletOutlined />,
    access: 'pay.read',
    group: 'performance',
    component: lazy(() => import('../domains/performance/pages/PayRunsPage')),
  },
  {
    path: '/performance/pay/:id',
    key: 'payRunDetail',
    label: 'menu.payRunDetail',
    icon: <WalletOutlined />,
    access: 'pay.read',
    group: 'performance',
    hideInMenu: true,
    component: lazy(() => import('../domains/performance/pages/PayRunDetailPage')),
  },
  // investment & projects
  {
    path: '/investment',
    key: 'investment',
    label: 'investment.menu',
    description: 'investment.menuDescription',
    icon: <FundOutlined />,
    access: 'investment.read',
    group: 'investment',
    component: lazy(() => import('../domains/investment/pages/InvestmentPage')),
  },
  {
    path: '/projects',
    key: 'projects',
    label: 'projects.menu',
    description: 'projects.menuDescription',
    icon: <ProjectOutlined />,
    access: 'projects.read',
    group: 'investment',
    component: lazy(() => import('../domains/projects/pages/ProjectsPage')),
  },
  // Land and per-mu efficiency (亩均论英雄)
  {
    path: '/efficiency',
    key: 'efficiency',
    label: 'efficiency.menu',
    description: 'efficiency.menuDescription',
    icon: <TrophyOutlined />,
    access: 'efficiency.read',
    group: 'land',
    component: lazy(() => import('../domains/efficiency/pages/EfficiencyRunsPage')),
  },
  {
    path: '/efficiency/:id',
    key: 'efficiencyRun',
    label: 'efficiency.menu',
    icon: <TrophyOutlined />,
    access: 'efficiency.read',
    group: 'land',
    hideInMenu: true,
    component: lazy(() => import('../domains/efficiency/pages/EfficiencyRunPage')),
  },
  // economy (经济运行)
  {
    path: '/economy',
    key: 'economy',
    label: 'economy.menu',
    description: 'economy.menuDescription',
    icon: <LineChartOutlined />,
    access: 'economy.read',
    component: lazy(() => import('../domains/economy/pages/EconomyPage')),
  },
  // leadership cockpit (驾驶舱)
  {
    path: '/cockpit',
    key: 'cockpit',
    label: 'cockpit.menu',
    description: 'cockpit.menuDescription',
    icon: <DashboardOutlined />,
    access: 'cockpit.read',
    component: lazy(() => import('../domains/cockpit/pages/CockpitPage')),
  },
  {
    path: '/cockpit/report',
    key: 'cockpitReport',
    label: 'cockpit.reportMenu',
    icon: <DashboardOutlined />,
    access: 'cockpit.read',
    hideInMenu: true,
    component: lazy(() => import('../domains/cockpit/pages/MonthlyReportPage')),
  },
  {
    path: '/cockpit/province',
    key: 'provinceCockpit',
    label: 'cockpit.provinceMenu',
    description: 'cockpit.provinceMenuDescription',
    icon: <GlobalOutlined />,
    access: 'cockpit.province',
    component: lazy(() => import('../domains/cockpit/pages/ProvinceCockpitPage')),
  },
  // reform
  {
    path: '/reform',
    key: 'reformDashboard',
    label: 'menu.reformDashboard',
    description: 'home.modules.reformDashboard',
    icon: <FundOutlined />,
    access: 'reform.read',
    group: 'reform',
    component: lazy(() => import('../domains/reform/pages/ReformDashboardPage')),
  },
  {
    path: '/reform/authority',
    key: 'reformAuthority',
    label: 'menu.reformAuthority',
    description: 'home.modules.reformAuthority',
    icon: <FileProtectOutlined />,
    access: 'reform.read',
    group: 'reform',
    component: lazy(() => import('../domains/reform/pages/AuthorityPage')),
  },
  {
    path: '/reform/whistles',
    key: 'reformWhistles',
    label: 'menu.reformWhistles',
    description: 'home.modules.reformWhistles',
    icon: <NotificationOutlined />,
    access: 'reform.read',
    group: 'reform',
    component: lazy(() => import('../domains/reform/pages/WhistlesPage')),
  },
  {
    path: '/reform/org',
    key: 'reformOrg',
    label: 'menu.reformOrg',
    description: 'home.modules.reformOrg',
    icon: <SolutionOutlined />,
    access: 'reform.read',
    group: 'reform',
    component: lazy(() => import('../domains/reform/pages/ReformOrgPage')),
  },
];

// approval (一站式审批): the public status lookup, outside the login.
export const PublicLookupPage = lazy(() => import('../domains/approval/pages/PublicLookupPage'));

export const LoginPage = lazy(() => import('../domains/auth/pages/LoginPage'));
export const ForbiddenPage = lazy(() => import('../domains/errors/pages/ForbiddenPage'));
export const NotFoundPage = lazy(() => import('../domains/errors/pages/NotFoundPage'));
