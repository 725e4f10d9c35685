import { eq, inArray } from 'drizzle-orm';
import type { Locale } from '../../shared/auth';
import { can, DEPARTMENT_ROLES, type Permission, type Role } from '../../shared/roles';
import { zones } from '../domains/tenancy/tenancy.tables';
import type { Executor } from './db';
import { AppError } from './errors';

/** Who is acting: resolved from the session cookie on every request. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  locale: Locale;
  zoneId: string | null;
  provinceId: string | null;
  departmentId: string | null;
  enterpriseId: string | null;
  mustChangePassword: boolean;
  sessionId: string;
  csrfToken: string;
  ip: string;
}

/**
 * The zone a request works in, after checking that the actor may see it. Repositories take this as a
 * required argument and put `zone_id = scope.zoneId` in every WHERE clause, so an unscoped query has to be
 * written on purpose.
 */
export interface ZoneScope {
  readonly zoneId: string;
  readonly actor: Actor;
  /** Set for department roles: rows owned by a department are limited to this one. */
  readonly departmentId: string | null;
  /** Set for enterprise users: only rows of this enterprise. */
  readonly enterpriseId: string | null;
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new AppError(403, 'FORBIDDEN');
}

/** Zones the actor may see at all (ids). 'all' for the platform admin. */
export async function visibleZoneIds(ex: Executor, actor: Actor): Promise<string[] | 'all'> {
  if (actor.role === 'admin') return 'all';
  if (actor.role === 'province_viewer') {
    if (!actor.provinceId) return [];
    const list = await ex.select({ id: zones.id }).from(zones).where(eq(zones.provinceId, actor.provinceId));
    return list.map((z) => z.id);
  }
  return actor.zoneId ? [actor.zoneId] : [];
}

export async function zoneScope(ex: Executor, actor: Actor, requestedZoneId: string | undefined): Promise<ZoneScope> {
  const departmentId = DEPARTMENT_ROLES.includes(actor.role) ? actor.departmentId : null;
  const enterpriseId = actor.role === 'enterprise' ? actor.enterpriseId : null;
  if (actor.zoneId) {
    if (requestedZoneId && requestedZoneId !== actor.zoneId) throw new AppError(403, 'FORBIDDEN_ZONE');
    return { zoneId: actor.zoneId, actor, departmentId, enterpriseId };
  }
  if (!requestedZoneId) throw new AppError(400, 'ZONE_REQUIRED');
  const visible = await visibleZoneIds(ex, actor);
  if (visible === 'all') {
    const found = await ex.select({ id: zones.id }).from(zones).where(eq(zones.id, requestedZoneId));
    if (found.length === 0) throw new AppError(403, 'FORBIDDEN_ZONE');
  } else if (!visible.includes(requestedZoneId)) {
    throw new AppError(403, 'FORBIDDEN_ZONE');
  }
  return { zoneId: requestedZoneId, actor, departmentId, enterpriseId };
}

export async function zonesById(ex: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return ex.select().from(zones).where(inArray(zones.id, ids));
}
