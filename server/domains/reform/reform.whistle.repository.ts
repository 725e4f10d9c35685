import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { WhistleListQuery } from '../../../shared/reform';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { likePattern, offsetOf, orderBy } from '../../platform/db/paging';
import { reformDistrictDepartments as depts, reformWhistles as whistles } from './reform.tables';

export { todayInChina } from '../../../shared/china-time';

/** Responded late, or still unanswered after the due date. */
export const overdueSql = (today: string) =>
  sql<boolean>`(case when ${whistles.respondedOn} is not null then ${whistles.respondedOn} > ${whistles.dueOn}
    else ${whistles.dueOn} < ${today}::date end)`;

export type WhistleRow = typeof whistles.$inferSelect & { departmentName: string; overdue: boolean };

const columns = (today: string) => ({ w: whistles, departmentName: depts.name, overdue: overdueSql(today) });
const flatten = (r: { w: typeof whistles.$inferSelect; departmentName: string; overdue: boolean }): WhistleRow => ({
  ...r.w,
  departmentName: r.departmentName,
  overdue: r.overdue,
});

function whistleQuery(scope: ZoneScope, q: Omit<WhistleListQuery, 'current' | 'pageSize'>, today: string) {
  const where: SQL[] = [eq(whistles.zoneId, scope.zoneId)];
  if (q.status) where.push(eq(whistles.status, q.status));
  if (q.departmentId) where.push(eq(whistles.departmentId, q.departmentId));
  if (q.overdue) where.push(q.overdue === 'true' ? overdueSql(today) : sql`not ${overdueSql(today)}`);
  if (q.year) where.push(sql`extract(year from ${whistles.raisedOn}) = ${q.year}`);
  if (q.q) {
    const p = likePattern(q.q.trim());
    where.push(or(ilike(whistles.title, p), ilike(whistles.code, p)) as SQL);
  }
  const order = orderBy(
    q,
    { code: whistles.code, raisedOn: whistles.raisedOn, dueOn: whistles.dueOn, respondedOn: whistles.respondedOn },
    desc(whistles.raisedOn),
    whistles.id,
  );
  return { cond: and(...where), order };
}

export async function listWhistles(ex: Executor, scope: ZoneScope, q: WhistleListQuery, today: string) {
  const { cond, order } = whistleQuery(scope, q, today);
  const [data, [total]] = await Promise.all([
    ex
      .select(columns(today))
      .from(whistles)
      .innerJoin(depts, eq(depts.id, whistles.departmentId))
      .where(cond)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex.select({ n: count() }).from(whistles).where(cond),
  ]);
  return { data: data.map(flatten), total: total?.n ?? 0 };
}

export async function whistlePage(
  ex: Executor,
  scope: ZoneScope,
  q: Omit<WhistleListQuery, 'current' | 'pageSize'>,
  today: string,
  offset: number,
  limit: number,
) {
  const { cond, order } = whistleQuery(scope, q, today);
  const rows = await ex
    .select(columns(today))
    .from(whistles)
    .innerJoin(depts, eq(depts.id, whistles.departmentId))
    .where(cond)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  return rows.map(flatten);
}

export async function getWhistle(ex: Executor, scope: ZoneScope, id: string, today: string) {
  const [row] = await ex
    .select(columns(today))
    .from(whistles)
    .innerJoin(depts, eq(depts.id, whistles.departmentId))
    .where(and(eq(whistles.zoneId, scope.zoneId), eq(whistles.id, id)));
  return row ? flatten(row) : undefined;
}

/** Per district department: raised, responded, on time, overdue, open, average response working days. */
export async function league(ex: Executor, scope: ZoneScope, today: string, year?: number) {
  const n = (cond: SQL) => sql<number>`count(${whistles.id}) filter (where ${cond})::int`;
  return ex
    .select({
      departmentId: depts.id,
      departmentName: depts.name,
      raised: sql<number>`count(${whistles.id})::int`,
      responded: n(sql`${whistles.respondedOn} is not null`),
      onTime: n(sql`${whistles.respondedOn} <= ${whistles.dueOn}`),
      overdue: n(overdueSql(today)),
      open: n(sql`${whistles.status} = 'open'`),
      workdaysSum: sql<number>`coalesce(sum(${whistles.responseWorkdays}), 0)::int`,
    })
    .from(depts)
    .leftJoin(
      whistles,
      and(
        eq(whistles.departmentId, depts.id),
        eq(whistles.zoneId, scope.zoneId),
        year ? sql`extract(year from ${whistles.raisedOn}) = ${year}` : undefined,
      ),
    )
    .where(eq(depts.zoneId, scope.zoneId))
    .groupBy(depts.id, depts.name)
    .orderBy(asc(depts.name));
}

export function listDepartments(ex: Executor, scope: ZoneScope) {
  return ex.select().from(depts).where(eq(depts.zoneId, scope.zoneId)).orderBy(asc(depts.name));
}

export async function getDepartment(ex: Executor, scope: ZoneScope, id: string) {
  const [row] = await ex
    .select()
    .from(depts)
    .where(and(eq(depts.zoneId, scope.zoneId), eq(depts.id, id)));
  return row;
}
