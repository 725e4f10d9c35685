import { and, eq } from 'drizzle-orm';
import type { DepartmentInput, PostInput, StaffInput } from '../../../shared/org';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { registerConstraintField } from '../../platform/http/error-handler';
import { getDepartment, getPost, getStaff } from './org.repository';
import { departments, posts, staff } from './org.tables';

registerConstraintField('departments_zone_code_uq', 'code');
registerConstraintField('departments_zone_name_uq', 'name');
registerConstraintField('posts_department_name_uq', 'name');
registerConstraintField('staff_zone_employee_no_uq', 'employeeNo');

const now = () => new Date();

// ---- departments ---------------------------------------------------------------------------------------------

export async function createDepartment(db: Db, scope: ZoneScope, input: DepartmentInput) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(departments)
      .values({ ...input, zoneId: scope.zoneId })
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'create',
      entity: 'department',
      entityId: row!.id,
      after: row,
    });
    return (await getDepartment(tx, scope, row!.id))!;
  });
}

export async function updateDepartment(db: Db, scope: ZoneScope, id: string, input: DepartmentInput) {
  return db.transaction(async (tx) => {
    const before = await getDepartment(tx, scope, id);
    if (!before) throw notFound();
    const [row] = await tx
      .update(departments)
      .set({ ...input, updatedAt: now() })
      .where(and(eq(departments.zoneId, scope.zoneId), eq(departments.id, id)))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'update',
      entity: 'department',
      entityId: id,
      before,
      after: row,
    });
    return (await getDepartment(tx, scope, id))!;
  });
}

export async function deleteDepartment(db: Db, scope: ZoneScope, id: string) {
  await db.transaction(async (tx) => {
    const before = await getDepartment(tx, scope, id);
    if (!before) throw notFound();
    const [inUse] = await tx.select({ id: staff.id }).from(staff).where(eq(staff.departmentId, id)).limit(1);
    const [hasPost] = await tx.select({ id: posts.id }).from(posts).where(eq(posts.departmentId, id)).limit(1);
    if (inUse || hasPost) throw new AppError(409, 'IN_USE');
    await tx.delete(departments).where(and(eq(departments.zoneId, scope.zoneId), eq(departments.id, id)));
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'delete',
      entity: 'department',
      entityId: id,
      before,
    });
  });
}

async function requireDepartmentInZone(ex: Executor, scope: ZoneScope, departmentId: string, field = 'departmentId') {
  const [d] = await ex
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.zoneId, scope.zoneId), eq(departments.id, departmentId)));
  if (!d) throw new AppError(400, 'VALIDATION', {}, { [field]: 'UNKNOWN_REFERENCE' });
}

// ---- posts -----------------------------------------------------------------------------------------------------

export async function createPost(db: Db, scope: ZoneScope, input: PostInput) {
  return db.transaction(async (tx) => {
    await requireDepartmentInZone(tx, scope, input.departmentId);
    const [row] = await tx
      .insert(posts)
      .values({ ...input, zoneId: scope.zoneId })
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'create',
      entity: 'post',
      entityId: row!.id,
      after: row,
    });
    return (await getPost(tx, scope, row!.id))!;
  });
}

export async function updatePost(db: Db, scope: ZoneScope, id: string, input: PostInput) {
  return db.transaction(async (tx) => {
    const before = await getPost(tx, scope, id);
    if (!before) throw notFound();
    await requireDepartmentInZone(tx, scope, input.departmentId);
    if (input.departmentId !== before.departmentId && before.occupied > 0) {
      throw new AppError(409, 'IN_USE', {}, { departmentId: 'IN_USE' });
    }
    const [row] = await tx
      .update(posts)
      .set({ ...input, updatedAt: now() })
      .where(and(eq(posts.zoneId, scope.zoneId), eq(posts.id, id)))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'update',
      entity: 'post',
      entityId: id,
      before,
      after: row,
    });
    return (await getPost(tx, scope, id))!;
  });
}

export async function deletePost(db: Db, scope: ZoneScope, id: string) {
  await db.transaction(async (tx) => {
    const before = await getPost(tx, scope, id);
    if (!before) throw notFound();
    const [holder] = await tx.select({ id: staff.id }).from(staff).where(eq(staff.postId, id)).limit(1);
    if (holder) throw new AppError(409, 'IN_USE');
    await tx.delete(posts).where(and(eq(posts.zoneId, scope.zoneId), eq(posts.id, id)));
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'delete',
      entity: 'post',
      entityId: id,
      before,
    });
  });
}

// ---- staff -----------------------------------------------------------------------------------------------------

async function checkStaffRefs(ex: Executor, scope: ZoneScope, input: StaffInput) {
  await requireDepartmentInZone(ex, scope, input.departmentId);
  if (input.postId) {
    const [p] = await ex
      .select({ departmentId: posts.departmentId })
      .from(posts)
      .where(and(eq(posts.zoneId, scope.zoneId), eq(posts.id, input.postId)));
    if (!p) throw new AppError(400, 'VALIDATION', {}, { postId: 'UNKNOWN_REFERENCE' });
    if (p.departmentId !== input.departmentId)
      throw new AppError(400, 'VALIDATION', {}, { postId: 'POST_OTHER_DEPARTMENT' });
  }
}

export async function createStaff(db: Db, scope: ZoneScope, input: StaffInput) {
  return db.transaction(async (tx) => {
    await checkStaffRefs(tx, scope, input);
    const [row] = await tx
      .insert(staff)
      .values({ ...input, zoneId: scope.zoneId })
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'create',
      entity: 'staff',
      entityId: row!.id,
      after: row,
    });
    return (await getStaff(tx, scope, row!.id))!;
  });
}

export async function updateStaff(db: Db, scope: ZoneScope, id: string, input: StaffInput) {
  return db.transaction(async (tx) => {
    const before = await getStaff(tx, scope, id);
    if (!before) throw notFound();
    await checkStaffRefs(tx, scope, input);
    const [row] = await tx
      .update(staff)
      .set({ ...input, updatedAt: now() })
      .where(and(eq(staff.zoneId, scope.zoneId), eq(staff.id, id)))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'update',
      entity: 'staff',
      entityId: id,
      before,
      after: row,
    });
    return (await getStaff(tx, scope, id))!;
  });
}

export async function deleteStaff(db: Db, scope: ZoneScope, id: string) {
  await db.transaction(async (tx) => {
    const before = await getStaff(tx, scope, id);
    if (!before) throw notFound();
    await tx.delete(staff).where(and(eq(staff.zoneId, scope.zoneId), eq(staff.id, id)));
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'delete',
      entity: 'staff',
      entityId: id,
      before,
    });
  });
}
