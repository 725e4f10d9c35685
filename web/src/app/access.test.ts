import { describe, expect, it } from 'vitest';
import { accessibleRoutes, canAccess, matchRoute, menuTree } from './access';
import type { AppRoute, MenuGroup } from './routes';

const route = (path: string, key: string, access: AppRoute['access'], extra: Partial<AppRoute> = {}) =>
  ({ path, key, label: `menu.${key}`, icon: null, access, component: null, ...extra }) as unknown as AppRoute;

const routes = [
  route('/', 'home', 'profile.self'),
  route('/org/departments', 'departments', 'org.read', { group: 'org' }),
  route('/org/staff', 'staff', 'staff.read', { group: 'org' }),
  route('/admin/users', 'users', 'users.manage', { group: 'system' }),
  route('/profile', 'profile', 'profile.self', { hideInMenu: true }),
];
const groups = [
  { key: 'org', label: 'menu.org', icon: null },
  { key: 'system', label: 'menu.system', icon: null },
] as MenuGroup[];

describe('access', () => {
  it('checks a permission against the session list', () => {
    expect(canAccess(['org.read'], 'org.read')).toBe(true);
    expect(canAccess(['org.read'], 'org.write')).toBe(false);
    expect(canAccess(undefined, 'org.read')).toBe(false);
  });

  it('filters routes and builds the menu without empty groups or hidden entries', () => {
    const perms = ['profile.self', 'org.read'];
    expect(accessibleRoutes(routes, perms).map((r) => r.key)).toEqual(['home', 'departments', 'profile']);
    const { top, grouped } = menuTree(routes, groups, perms);
    expect(top.map((r) => r.key)).toEqual(['home']);
    expect(grouped.map((g) => [g.group.key, g.children.map((c) => c.key)])).toEqual([['org', ['departments']]]);
  });

  it('leaves a route out of the menu when the session holds its menuHiddenWith permission', () => {
    const withSelf = [
      route('/enterprises', 'enterprises', 'enterprises.read', { group: 'org', menuHiddenWith: 'enterprises.self' }),
      route('/my-enterprise', 'myEnterprise', 'enterprises.self', { group: 'org' }),
    ];
    const staff = menuTree(withSelf, groups, ['enterprises.read']);
    expect(staff.grouped[0]!.children.map((r) => r.key)).toEqual(['enterprises']);
    const company = menuTree(withSelf, groups, ['enterprises.read', 'enterprises.self']);
    expect(company.grouped[0]!.children.map((r) => r.key)).toEqual(['myEnterprise']);
    expect(accessibleRoutes(withSelf, ['enterprises.read', 'enterprises.self']).map((r) => r.key)).toEqual([
      'enterprises',
      'myEnterprise',
    ]);
  });

  it('matches exact paths and nested paths', () => {
    expect(matchRoute(routes, '/org/staff')?.key).toBe('staff');
    expect(matchRoute(routes, '/org/staff/123')?.key).toBe('staff');
    expect(matchRoute(routes, '/')?.key).toBe('home');
    expect(matchRoute(routes, '/nope')).toBeUndefined();
  });
});
