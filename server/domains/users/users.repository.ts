import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { userListQuerySchema } from '../../../shared/users';
import type { Executor } from '../../platform/db';
import { likePattern, offsetOf, orderBy } from '../../platform/db/paging';
import { users } from '../auth/auth.tables';
import { departments, staff } from '../org/org.tables';
import { zones } from '../tenancy/tenancy.tables';

type Query = z.infer<typeof userListQuerySchema>;

const columns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  locale: users.locale,
  zoneId: users.zoneId,
  zoneName: zones.name,
  provinceId: users.provinceId,
  departmentId: users.departmentId,
  departmentName: departments.name,
  enterpriseId: users.enterpriseId,
  staffId: users.staffId,
  staffName: staff.name,
  staffEmployeeNo: staff.employeeNo,
  disabled: users.disabled,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

/** Accounts are platform-level; only the platform admin manages them (checked by the route's permission). */
export async function listUsers(ex: Executor, q: Query) {
  const where: SQL[] = [];
  if (q.role) where.push(eq(users.role, q.role));
  if (q.zoneId) where.push(eq(users.zoneId, q.zoneId));
  if (q.q) {
    const p = likePattern(q.q);
    where.push(or(ilike(users.username, p), ilike(users.displayName, p)) as SQL);
  }
  const cond = where.length ? and(...where) : undefined;
  const order = orderBy(
    q,
    {
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      lastLoginAt: users.lastLoginAt,
      createdAt: users.createdAt,
    },
    asc(users.username),
    users.id,
  );
  const [data, [total]] = await Promise.all([
    ex
      .select(columns)
      .from(users)
      .leftJoin(zones, eq(zones.id, users.zoneId))
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .leftJoin(staff, eq(staff.id, users.staffId))
      .where(cond)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex.select({ n: count() }).from(users).where(cond),
  ]);
  return { data, total: total?.n ?? 0 };
}

export async function getUser(ex: Executor, id: string) {
  const [row] = await ex
    .select(columns)
    .from(users)
    .leftJoin(zones, eq(zones.id, users.zoneId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(staff, eq(staff.id, users.staffId))
    .where(eq(users.id, id));
  return row;
}
