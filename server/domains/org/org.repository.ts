import { and, asc, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { departmentListQuerySchema, postListQuerySchema, staffListQuerySchema } from '../../../shared/org';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { likePattern, offsetOf, orderBy } from '../../platform/db/paging';
import { departments, posts, staff } from './org.tables';

type DeptQuery = z.infer<typeof departmentListQuerySchema>;
type PostQuery = z.infer<typeof postListQuerySchema>;
type StaffQuery = z.infer<typeof staffListQuerySchema>;

// Written out with table names: Drizzle leaves columns unqualified in single-table selects, which would bind
// "id" to the inner table.
const staffCount = sql<number>`(select count(*)::int from staff s where s.department_id = departments.id and s.status = 'active')`;

// ---- departments ---------------------------------------------------------------------------------------------

export async function listDepartments(ex: Executor, scope: ZoneScope, q: DeptQuery) {
  const where: SQL[] = [eq(departments.zoneId, scope.zoneId)];
  if (q.class) where.push(eq(departments.class, q.class));
  if (q.kind) where.push(eq(departments.kind, q.kind));
  if (q.q) {
    const p = likePattern(q.q);
    where.push(or(ilike(departments.name, p), ilike(departments.code, p), ilike(departments.nameEn, p)) as SQL);
  }
  const cond = and(...where);
  const order = orderBy(
    q,
    {
      code: departments.code,
      name: departments.name,
      class: departments.class,
      coefficient: departments.coefficient,
      staffCount,
    },
    asc(departments.code),
    departments.id,
  );
  const [data, [total]] = await Promise.all([
    ex
      .select({ d: departments, staffCount })
      .from(departments)
      .where(cond)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex.select({ n: count() }).from(departments).where(cond),
  ]);
  return { data: data.map((r) => ({ ...r.d, staffCount: Number(r.staffCount) })), total: total?.n ?? 0 };
}

export async function getDepartment(ex: Executor, scope: ZoneScope, id: string) {
  const [row] = await ex
    .select({ d: departments, staffCount })
    .from(departments)
    .where(and(eq(departments.zoneId, scope.zoneId), eq(departments.id, id)));
  return row ? { ...row.d, staffCount: Number(row.staffCount) } : undefined;
}

// ---- posts -----------------------------------------------------------------------------------------------------

const occupied = sql<number>`(select count(*)::int from staff s where s.post_id = posts.id and s.status = 'active')`;

export async function listPosts(ex: Executor, scope: ZoneScope, q: PostQuery) {
  const where: SQL[] = [eq(posts.zoneId, scope.zoneId)];
  if (q.departmentId) where.push(eq(posts.departmentId, q.departmentId));
  if (q.q) {
    const p = likePattern(q.q);
    where.push(or(ilike(posts.name, p), ilike(posts.grade, p), ilike(departments.name, p)) as SQL);
  }
  const cond = and(...where);
  const order = orderBy(
    q,
    { name: posts.name, coefficient: posts.coefficient, departmentName: departments.name, headcount: posts.headcount },
    asc(departments.code),
    posts.id,
  );
  const [data, [total]] = await Promise.all([
    ex
      .select({ p: posts, departmentName: departments.name, occupied })
      .from(posts)
      .innerJoin(departments, eq(departments.id, posts.departmentId))
      .where(cond)
      .orderBy(...order, asc(posts.coefficient))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex.select({ n: count() }).from(posts).innerJoin(departments, eq(departments.id, posts.departmentId)).where(cond),
  ]);
  return {
    data: data.map((r) => ({ ...r.p, departmentName: r.departmentName, occupied: Number(r.occupied) })),
    total: total?.n ?? 0,
  };
}

export async function getPost(ex: Executor, scope: ZoneScope, id: string) {
  const [row] = await ex
    .select({ p: posts, departmentName: departments.name, occupied })
    .from(posts)
    .innerJoin(departments, eq(departments.id, posts.departmentId))
    .where(and(eq(posts.zoneId, scope.zoneId), eq(posts.id, id)));
  return row ? { ...row.p, departmentName: row.departmentName, occupied: Number(row.occupied) } : undefined;
}

// ---- staff -----------------------------------------------------------------------------------------------------

/** Department roles see only their own department's people. */
function staffScope(scope: ZoneScope): SQL {
  const base = eq(staff.zoneId, scope.zoneId);
  return scope.departmentId ? (and(base, eq(staff.departmentId, scope.departmentId)) as SQL) : base;
}

const staffColumns = {
  s: staff,
  departmentName: departments.name,
  postName: posts.name,
  postCoefficient: posts.coefficient,
};

/** WHERE and ORDER BY of the staff list; the export uses the very same (current filters and sort). */
function staffQuery(scope: ZoneScope, q: Omit<StaffQuery, 'current' | 'pageSize'>) {
  const where: SQL[] = [staffScope(scope)];
  if (q.departmentId) where.push(eq(staff.departmentId, q.departmentId));
  if (q.establishmentType) where.push(eq(staff.establishmentType, q.establishmentType));
  if (q.status) where.push(eq(staff.status, q.status));
  if (q.q) {
    const p = likePattern(q.q);
    where.push(or(ilike(staff.name, p), ilike(staff.employeeNo, p), ilike(staff.phone, p)) as SQL);
  }
  const order = orderBy(
    q,
    {
      employeeNo: staff.employeeNo,
      name: staff.name,
      departmentName: departments.name,
      archiveRank: staff.archiveRank,
      hiredOn: staff.hiredOn,
      postCoefficient: posts.coefficient,
    },
    asc(staff.employeeNo),
    staff.id,
  );
  return { cond: and(...where), order };
}

/** One page of staff rows in list order, without the count (for exports). */
export async function staffPage(
  ex: Executor,
  scope: ZoneScope,
  q: Omit<StaffQuery, 'current' | 'pageSize'>,
  offset: number,
  limit: number,
) {
  const { cond, order } = staffQuery(scope, q);
  const data = await ex
    .select(staffColumns)
    .from(staff)
    .innerJoin(departments, eq(departments.id, staff.departmentId))
    .leftJoin(posts, eq(posts.id, staff.postId))
    .where(cond)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  return data.map(flattenStaff);
}

export async function listStaff(ex: Executor, scope: ZoneScope, q: StaffQuery) {
  const { cond } = staffQuery(scope, q);
  const [data, [total]] = await Promise.all([
    staffPage(ex, scope, q, offsetOf(q), q.pageSize),
    ex.select({ n: count() }).from(staff).where(cond),
  ]);
  return { data, total: total?.n ?? 0 };
}

export async function getStaff(ex: Executor, scope: ZoneScope, id: string) {
  const [row] = await ex
    .select(staffColumns)
    .from(staff)
    .innerJoin(departments, eq(departments.id, staff.departmentId))
    .leftJoin(posts, eq(posts.id, staff.postId))
    .where(and(staffScope(scope), eq(staff.id, id)));
  return row ? flattenStaff(row) : undefined;
}

function flattenStaff(r: {
  s: typeof staff.$inferSelect;
  departmentName: string;
  postName: string | null;
  postCoefficient: number | null;
}) {
  return { ...r.s, departmentName: r.departmentName, postName: r.postName, postCoefficient: r.postCoefficient };
}
