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
  // Attachments: every zone role that records work may upload; reading is limited by the scope (zone; an enterprise
  // only files marked with its enterprise).
  'files.upload': [
    'admin',
    'zone_leader',
    'dept_head',
    'dept_staff',
    'service_officer',
    'enterprise',
    'platform_company',
  ],
  'files.read': ROLES,
  // Economic monitoring: staff read; departments enter monthly values; leaders keep the catalogue and targets.
  'economy.read': [
    'admin',
    'zone_leader',
    'dept_head',
    'dept_staff',
    'service_officer',
    'platform_company',
    'auditor',
    'province_viewer',
  ],
  'economy.write': ['admin', 'zone_leader', 'dept_head', 'dept_staff'],
  'economy.manage': ['admin', 'zone_leader'],
  // Leadership cockpit (驾驶舱): the zone's leaders and auditors, the province over its zones; the province screen
  // (zones ranked against each other) is the province's and the platform admin's.
  'cockpit.read': ['admin', 'zone_leader', 'auditor', 'province_viewer'],
  'cockpit.province': ['admin', 'province_viewer'],
  // approval (一站式审批): everyone but the platform company reads (enterprise users only their own cases, department
  // roles their department's, service officers also the cases they file as 帮代办 agent); leaders and department
  // heads keep the catalogue and rules; staff handle cases; enterprises and agents apply.
  'approval.read': [
    'admin',
    'zone_leader',
    'dept_head',
    'dept_staff',
    'service_officer',
    'enterprise',
    'auditor',
    'province_viewer',
  ],
  'approval.catalog': ['admin', 'zone_leader', 'dept_head'],
  'approval.act': ['admin', 'zone_leader', 'dept_head', 'dept_staff', 'service_officer', 'enterprise'],
  'approval.handle': ['admin', 'zone_leader', 'dept_head', 'dept_staff'],
  // Zone-wide rule parameters (time limits, 容缺 deadline, warning thresholds, suspension caps): leaders only.
  'approval.rules': ['admin', 'zone_leader'],
  // 企业服务 (services): demands. Enterprise users see and raise only their own (scope); department head/staff
  // see and work only what is routed to their department; service officers dispatch (分派/吹哨) zone-wide.
  'demands.read': [
    'admin',
    'zone_leader',
    'dept_head',
    'dept_staff',
    'service_officer',
    'enterprise',
    'auditor',
    'province_viewer',
  ],
  'demands.create': ['admin', 'zone_leader', 'service_officer', 'enterprise'],
  'demands.dispatch': ['admin', 'zone_leader', 'service_officer'],
  'demands.handle': ['admin', 'zone_leader', 'dept_head', 'dept_staff', 'service_officer'],
  'demands.extend': ['admin', 'zone_leader', 'dept_head', 'service_officer'],
  'demands.rate': ['admin', 'zone_leader', 'service_officer', 'enterprise'],
  'services.rules.write': ['admin', 'zone_leader'],
  'services.metrics': ['admin', 'zone_leader', 'dept_head', 'service_officer', 'auditor', 'province_viewer'],
  // Visits (走访): staff log them (department roles for their own department); the enterprise rates anonymously.
  'visits.read': [
    'admin',
    'zone_leader',
    'dept_head',
    'dept_staff',
    'service_officer',
    'enterprise',
    'auditor',
    'province_viewer',
  ],
  'visits.write': ['admin', 'zone_leader', 'dept_head', 'dept_staff', 'service_officer'],
  'visits.rate': ['enterprise'],
  // Inspections (一码护商): departments register them by the enterprise code; the enterprise sees every one of its own.
  'inspections.read': [
    'admin',
    'zone_leader',
    'dept_head',
    'dept_staff',
    'service_officer',
    'enterprise',
    'auditor',
    'province_viewer',
  ],
  'inspections.write': ['admin', 'zone_leader', 'dept_head', 'dept_staff'],
  'inspections.plan': ['admin', 'zone_leader', 'dept_head', 'service_officer', 'auditor', 'province_viewer'],
  'inspections.reissue': ['admin', 'zone_leader'],
  // Policies (惠企政策): staff read; leaders and department heads draft and publish; an enterprise reads the
  // published policies it was matched to (scope).
  'policies.read': [
    'admin',
    'zone_leader',
    'dept_head',
    'dept_staff',
    'service_officer',
    'enterprise',
    'auditor',
    'province_viewer',
  ],
  'policies.write': ['admin', 'zone_leader', 'dept_head'],
  // 统一申报 by the enterprise; 统一受理 (review, payouts) by leaders and department heads.
  'policies.apply': ['enterprise'],
  'policies.review': ['admin', 'zone_leader', 'dept_head'],
  // performance (考核与薪酬): scores readable zone-wide by staff roles (a department role sees its own people only);
  // leaders run cycles and pay; department heads enter manual values for their department; staff may appeal.
  // Pay lines: leader and auditor the whole zone, a department head their department.
  'performance.read': [
    'admin',
    'zone_leader',
    'dept_head',
    'dept_staff',
    'service_officer',
    'auditor',
    'province_viewer',
  ],
  'performance.manage': ['admin', 'zone_leader'],
  'performance.values': ['admin', 'zone_leader', 'dept_head'],
  'performance.appeal': ['dept_head', 'dept_staff', 'service_officer'],
  'pay.read': ['admin', 'zone_leader', 'dept_head', 'auditor'],
  'pay.manage': ['admin', 'zone_leader'],
  // 招商引资 / 重大项目调度: the pipeline is confidential to the committee (no enterprise or platform-company
  // users); staff of the investment work move projects, heads and leaders approve, leaders set the rules.
  'investment.read': [
    'admin',
    'zone_leader',
    'dept_head',
    'dept_staff',
    'service_officer',
    'auditor',
    'province_viewer',
  ],
  'investment.write': ['admin', 'zone_leader', 'dept_head', 'dept_staff', 'service_officer'],
  'investment.approve': ['admin', 'zone_leader', 'dept_head'],
  'investment.configure': ['admin', 'zone_leader'],
  'projects.read': [
    'admin',
    'zone_leader',
    'dept_head',
    'dept_staff',
    'service_officer',
    'platform_company',
    'auditor',
    'province_viewer',
  ],
  'projects.write': ['admin', 'zone_leader', 'dept_head', 'dept_staff'],
  // 亩均论英雄 (efficiency) and land: staff, auditors and the province read; an enterprise reads only its own
  // result of a published or final run (enforced by the scope); leaders and department heads configure and compute.
  'efficiency.read': ROLES,
  'efficiency.write': ['admin', 'zone_leader', 'dept_head'],
  // Land (地块, 标准地, 闲置土地, 巡查): staff keep parcels, contracts and reviews and patrol; enterprises read their own.
  'land.read': ROLES,
  'land.write': ['admin', 'zone_leader', 'dept_head', 'dept_staff'],
  // reform (体制改革): every staff role and the auditor/province read; enterprises do not. The committee's leaders
  // keep the registers (authority lists, organisation counts); department roles raise/track whistle matters.
  'reform.read': [
    'admin',
    'zone_leader',
    'dept_head',
    'dept_staff',
    'service_officer',
    'platform_company',
    'auditor',
    'province_viewer',
  ],
  'reform.write': ['admin', 'zone_leader'],
  'reform.whistle': ['admin', 'zone_leader', 'dept_head', 'dept_staff', 'service_officer'],
  // 管委会+公司: the platform company keeps its major-matter requests, cooperation list and financing records; the
  // committee's leaders decide the major matters (reform.write).
  'reform.platform': ['admin', 'zone_leader', 'platform_company'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => (PERMISSIONS[p] as readonly Role[]).includes(role));
}

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
