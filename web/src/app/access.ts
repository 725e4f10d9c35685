import type { Permission } from '@shared/roles';
import type { AppRoute, MenuGroup } from './routes';

/** True when the permission list grants `access` (no requirement means any logged-in user). */
export function canAccess(permissions: readonly string[] | undefined, access?: Permission): boolean {
  if (!permissions) return false;
  return access === undefined || permissions.includes(access);
}

/** Routes the session may open. */
export function accessibleRoutes(routes: AppRoute[], permissions: readonly string[] | undefined): AppRoute[] {
  return routes.filter((r) => canAccess(permissions, r.access));
}

/** Menu tree: top-level routes and groups, keeping only what the permissions allow and dropping empty groups. */
export function menuTree(routes: AppRoute[], groups: MenuGroup[], permissions: readonly string[] | undefined) {
  const visible = accessibleRoutes(routes, permissions).filter(
    (r) => !r.hideInMenu && !(r.menuHiddenWith && canAccess(permissions, r.menuHiddenWith)),
  );
  const top = visible.filter((r) => !r.group);
  const grouped = groups
    .map((g) => ({ group: g, children: visible.filter((r) => r.group === g.key) }))
    .filter((g) => g.children.length > 0);
  return { top, grouped };
}

/** The route whose path matches the location (exact, or the longest prefix for nested paths). */
export function matchRoute(routes: AppRoute[], pathname: string): AppRoute | undefined {
  const exact = routes.find((r) => r.path === pathname);
  if (exact) return exact;
  return routes
    .filter((r) => r.path !== '/' && pathname.startsWith(`${r.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
