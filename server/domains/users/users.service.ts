import { and, eq } from 'drizzle-orm';
import type { Locale } from '../../../shared/auth';
import { DEPARTMENT_ROLES, type Role, ZONE_BOUND_ROLES } from '../../../shared/roles';
import type { UserCreate, UserUpdate } from '../../../shared/users';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { hashPassword } from '../../platform/auth/password';
import { deleteUserSessions, forgetUserSessions } from '../../platform/auth/sessions';
import type { Db, Executor } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { registerConstraintField } from '../../platform/http/error-handler';
import { users } from '../auth/auth.tables';
import { departments, staff } from '../org/org.tables';
import { provinces, zones } from '../tenancy/tenancy.tables';
import { getUser } from './users.repository';

registerConstraintField('users_username_unique', 'username');
registerConstraintField('users_staff_uq', 'staffId');

interface Scope {
  role: Role;
  zoneId: string | null;
  provinceId: string | null;
  departmentId: string | null;
  enterpriseId: string | null;
}

/** A role and its scope must agree: zone-bound roles need a zone, department roles a department in that zone… */
export async function normaliseScope(ex: Executor, input: Scope): Promise<Scope> {
  const { role } = input;
  const zoneBound = ZONE_BOUND_ROLES.includes(role);
  if (zoneBound && !input.zoneId) throw new AppError(400, 'VALIDATION', {}, { zoneId: 'ROLE_NEEDS_ZONE' });
  if (!zoneBound && input.zoneId) throw new AppError(400, 'VALIDATION', {}, { zoneId: 'ROLE_NO_ZONE' });
  if (role === 'province_viewer' && !input.provinceId) {
    throw new AppError(400, 'VALIDATION', {}, { provinceId: 'ROLE_NEEDS_PROVINCE' });
  }
  if (DEPARTMENT_ROLES.includes(role) && !input.departmentId) {
    throw new AppError(400, 'VALIDATION', {}, { departmentId: 'ROLE_NEEDS_DEPARTMENT' });
  }
  if (role === 'enterprise' && !input.enterpriseId) {
    throw new AppError(400, 'VALIDATION', {}, { enterpriseId: 'ROLE_NEEDS_ENTERPRISE' });
  }
  if (input.zoneId) {
    const [z] = await ex.select({ provinceId: zones.provinceId }).from(zones).where(eq(zones.id, input.zoneId));
    if (!z) throw new AppError(400, 'VALIDATION', {}, { zoneId: 'UNKNOWN_REFERENCE' });
  }
  if (input.provinceId) {
    const [p] = await ex.select({ id: provinces.id }).from(provinces).where(eq(provinces.id, input.provinceId));
    if (!p) throw new AppError(400, 'VALIDATION', {}, { provinceId: 'UNKNOWN_REFERENCE' });
  }
  const departmentId = DEPARTMENT_ROLES.includes(role) || role === 'zone_leader' ? input.departmentId : null;
  if (departmentId) {
    const [d] = await ex
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.id, departmentId), eq(departments.zoneId, input.zoneId ?? '')));
    if (!d) throw new AppError(400, 'VALIDATION', {}, { departmentId: 'DEPARTMENT_OTHER_ZONE' });
  }
  return {
    role,
    zoneId: zoneBound ? input.zoneId : null,
    provinceId: role === 'province_viewer' ? input.provinceId : null,
    departmentId,
    enterpriseId: role === 'enterprise' ? input.enterpriseId : null,
  };
}

/** The staff member an account belongs to must be of the account's zone; undefined keeps the current link. */
async function staffLink(ex: Executor, zoneId: string | null, staffId: string | null | undefined) {
  if (!staffId) return staffId;
  const [s] = await ex
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.id, staffId), eq(staff.zoneId, zoneId ?? '00000000-0000-0000-0000-000000000000')));
  if (!s) throw new AppError(400, 'VALIDATION', {}, { staffId: 'UNKNOWN_REFERENCE' });
  return staffId;
}

export async function createUser(db: Db, actor: Actor, input: UserCreate) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const scope = await normaliseScope(tx, input);
    const staffId = (await staffLink(tx, scope.zoneId, input.staffId)) ?? null;
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        locale: input.locale,
        passwordHash,
        mustChangePassword: true,
        ...scope,
        staffId,
      })
      .returning();
    const { passwordHash: _h, ...safe } = row!;
    await recordAudit(tx, {
      actor,
      zoneId: row!.zoneId,
      action: 'create',
      entity: 'user',
      entityId: row!.id,
      after: safe,
    });
    return (await getUser(tx, row!.id))!;
  });
}

export async function updateUser(db: Db, actor: Actor, id: string, input: UserUpdate) {
  const updated = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id));
    if (!before) throw notFound();
    if (id === actor.userId && (input.disabled || input.role !== before.role)) {
      throw new AppError(400, 'VALIDATION', {}, { role: 'CANNOT_DISABLE_SELF' });
    }
    const scope = await normaliseScope(tx, input);
    // A move to another zone drops a link the caller did not restate (the staff member belongs to the old zone).
    const kept = scope.zoneId === before.zoneId ? before.staffId : null;
    const staffId = input.staffId === undefined ? kept : await staffLink(tx, scope.zoneId, input.staffId);
    const [row] = await tx
      .update(users)
      .set({
        displayName: input.displayName,
        locale: input.locale as Locale,
        disabled: input.disabled,
        ...scope,
        staffId,
        updatedAt: new Date(),
      })
      .where(eq(users.id, id))
      .returning();
    // A change of role, scope or a disabled account ends the user's sessions so the new rights apply at once.
    const scopeChanged =
      before.role !== row!.role ||
      before.zoneId !== row!.zoneId ||
      before.departmentId !== row!.departmentId ||
      before.provinceId !== row!.provinceId ||
      before.enterpriseId !== row!.enterpriseId ||
      before.staffId !== row!.staffId;
    if (scopeChanged || input.disabled) await deleteUserSessions(tx, id);
    const { passwordHash: _a, ...b } = before;
    const { passwordHash: _b, ...a } = row!;
    await recordAudit(tx, {
      actor,
      zoneId: row!.zoneId,
      action: 'update',
      entity: 'user',
      entityId: id,
      before: b,
      after: a,
    });
    return (await getUser(tx, id))!;
  });
  // Name, locale or rights changed: this server re-reads the user's sessions on their next request.
  forgetUserSessions(id);
  return updated;
}

export async function resetPassword(db: Db, actor: Actor, id: string, password: string) {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ id: users.id, zoneId: users.zoneId }).from(users).where(eq(users.id, id));
    if (!before) throw notFound();
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, id));
    await deleteUserSessions(tx, id);
    await recordAudit(tx, { actor, zoneId: before.zoneId, action: 'reset_password', entity: 'user', entityId: id });
  });
  forgetUserSessions(id);
}
