import { z } from 'zod';

/** Roles from DOMAIN.md "Tenancy and people". One role per account; scope comes from the account's zone/department/enterprise. */
export const ROLES = [
  'admin',
  'zone_leader',
  'dept_head',
  'dept_staff',
  'service_officer',
  'enterprise',
  'platform_company',
  'auditor',
  'province_viewer',
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Roles bound to exactly one zone (their account carries zone_id). */
export const ZONE_BOUND_ROLES: readonly Role[] = [
  'zone_leader',
  'dept_head',
  'dept_staff',
  'service_officer',
  'enterprise',
  'platform_company',
  'auditor',
];
/** Roles that also need a department. */
export const DEPARTMENT_ROLES: readonly Role[] = ['dept_head', 'dept_staff', 'service_officer'];

/**
 * Permissions: what a route or menu entry requires. The server checks them on every request
 * (default deny) and the web app uses the same names to build the menu.
 */
export const PERMISSIONS = {
  'tenancy.read': ROLES,
  'tenancy.write': ['admin'],
  'org.read': ['admin', 'zone_leader', 'dept_head', 'dept_staff', 'service_officer', 'auditor', 'province_viewer'],
  'org.write': ['admin', 'zone_leader'],
  'staff.read': ['admin', 'zone_leader', 'dept_head', 'dept_staff', 'service_officer', 'auditor', 'province_viewer'],
  'staff.write': ['admin', 'zone_leader'],
  'users.manage': ['admin'],
  'audit.read': ['admin', 'auditor'],
  'profile.self': ROLES,
  'calendar.read': ROLES,
  'calendar.write': ['admin'],
  // 企业库: every role reads (an enterprise user only its own record, enforced by the scope); staff roles write;
  // the enterprise edits its own contacts/building through a narrower route.
  'enterprises.read': ROLES,
  'enterprises.write': ['admin', 'zone_leader', 'dept_head', 'service_officer'],
  'enterprises.self': ['enterprise'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => (PERMISSIONS[p] as readonly Role[]).includes(role));
}

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
