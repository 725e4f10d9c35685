import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { cycleListQuerySchema, payLineQuerySchema } from '../../../shared/performance';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { likePattern, offsetOf, orderBy } from '../../platform/db/paging';
import { departments, staff } from '../org/org.tables';
import {
  payLines,
  payRuns,
  perfAppeals,
  perfCalibrations,
  perfCycles,
  perfIndicators,
  perfScores,
  perfValues,
} from './performance.tables';

export async function getCycle(ex: Executor, scope: ZoneScope, id: string) {
  const [row] = await ex
    .select()
    .from(perfCycles)
    .where(and(eq(perfCycles.zoneId, scope.zoneId), eq(perfCycles.id, id)));
  return row;
}

export async function listCycles(ex: Executor, scope: ZoneScope, q: z.infer<typeof cycleListQuerySchema>) {
  const where: SQL[] = [eq(perfCycles.zoneId, scope.zoneId)];
  if (q.period) where.push(eq(perfCycles.period, q.period));
  if (q.status) where.push(eq(perfCycles.status, q.status));
  if (q.q) where.push(ilike(perfCycles.name, likePattern(q.q)));
  const order = orderBy(
    q,
    { name: perfCycles.name, periodStart: perfCycles.periodStart },
    desc(perfCycles.periodStart),
    perfCycles.id,
  );
  const data = await ex
    .select()
    .from(perfCycles)
    .where(and(...where))
    .orderBy(...order)
    .limit(q.pageSize)
    .offset(offsetOf(q));
  const [{ total }] = (await ex
    .select({ total: count() })
    .from(perfCycles)
    .where(and(...where))) as [{ total: number }];
  return { data, total };
}

export async function listIndicators(ex: Executor, scope: ZoneScope, cycleId: string) {
  return ex
    .select()
    .from(perfIndicators)
    .where(and(eq(perfIndicators.zoneId, scope.zoneId), eq(perfIndicators.cycleId, cycleId)))
    .orderBy(perfIndicators.position);
}

/** Values of a cycle; department roles see their department's values and its people's only. */
export async function listValues(ex: Executor, scope: ZoneScope, cycleId: string) {
  const where: SQL[] = [eq(perfValues.zoneId, scope.zoneId), eq(perfValues.cycleId, cycleId)];
  if (scope.departmentId) {
    where.push(
      or(
        eq(perfValues.departmentId, scope.departmentId),
        inArray(
          perfValues.staffId,
          ex.select({ id: staff.id }).from(staff).where(eq(staff.departmentId, scope.departmentId)),
        ),
      ) as SQL,
    );
  }
  return ex
    .select()
    .from(perfValues)
    .where(and(...where))
    .orderBy(perfValues.indicatorId, perfValues.id);
}

const scoreColumns = {
  s: perfScores,
  departmentName: departments.name,
  departmentClass: departments.class,
  staffName: staff.name,
  employeeNo: staff.employeeNo,
};

function flattenScore(r: {
  s: typeof perfScores.$inferSelect;
  departmentName: string;
  departmentClass: 'A' | 'B';
  staffName: string | null;
  employeeNo: string | null;
}) {
  return {
    ...r.s,
    departmentName: r.departmentName,
    departmentClass: r.departmentClass,
    staffName: r.staffName,
    employeeNo: r.employeeNo,
  };
}

/**
 * Scores of a cycle. Department scores (league tables) are visible to every reader of the zone; a department role sees
 * personal scores of its own department only.
 */
export async function listScores(
  ex: Executor,
  scope: ZoneScope,
  cycleId: string,
  filter: { subject: 'department' | 'staff'; departmentId?: string; class?: 'A' | 'B' },
) {
  const where: SQL[] = [
    eq(perfScores.zoneId, scope.zoneId),
    eq(perfScores.cycleId, cycleId),
    eq(perfScores.subject, filter.subject),
  ];
  if (filter.subject === 'staff' && scope.departmentId) where.push(eq(perfScores.departmentId, scope.departmentId));
  if (filter.departmentId) where.push(eq(perfScores.departmentId, filter.departmentId));
  if (filter.class) where.push(eq(departments.class, filter.class));
  const rows = await ex
    .select(scoreColumns)
    .from(perfScores)
    .innerJoin(departments, eq(departments.id, perfScores.departmentId))
    .leftJoin(staff, eq(staff.id, perfScores.staffId))
    .where(and(...where))
    .orderBy(
      // Departments rank within their class; people rank zone-wide.
      ...(filter.subject === 'department' ? [asc(departments.class)] : []),
      asc(perfScores.rank),
      asc(perfScores.id),
    );
  return rows.map(flattenScore);
}

export async function getScore(ex: Executor, scope: ZoneScope, id: string) {
  const where: SQL[] = [eq(perfScores.zoneId, scope.zoneId), eq(perfScores.id, id)];
  if (scope.departmentId) where.push(eq(perfScores.departmentId, scope.departmentId));
  const [row] = await ex
    .select(scoreColumns)
    .from(perfScores)
    .innerJoin(departments, eq(departments.id, perfScores.departmentId))
    .leftJoin(staff, eq(staff.id, perfScores.staffId))
    .where(and(...where));
  return row ? flattenScore(row) : undefined;
}

export async function listCalibrations(ex: Executor, scope: ZoneScope, cycleId: string) {
  const where: SQL[] = [eq(perfCalibrations.zoneId, scope.zoneId), eq(perfScores.cycleId, cycleId)];
  if (scope.departmentId) where.push(eq(perfScores.departmentId, scope.departmentId));
  return ex
    .select({ c: perfCalibrations, staffName: staff.name })
    .from(perfCalibrations)
    .innerJoin(perfScores, eq(perfScores.id, perfCalibrations.scoreId))
    .leftJoin(staff, eq(staff.id, perfScores.staffId))
    .where(and(...where))
    .orderBy(desc(perfCalibrations.at), perfCalibrations.id);
}

export async function listAppeals(ex: Executor, scope: ZoneScope, cycleId: string) {
  const where: SQL[] = [eq(perfAppeals.zoneId, scope.zoneId), eq(perfScores.cycleId, cycleId)];
  if (scope.departmentId) where.push(eq(perfScores.departmentId, scope.departmentId));
  return ex
    .select({ a: perfAppeals, staffName: staff.name, grade: perfScores.grade })
    .from(perfAppeals)
    .innerJoin(perfScores, eq(perfScores.id, perfAppeals.scoreId))
    .leftJoin(staff, eq(staff.id, perfScores.staffId))
    .where(and(...where))
    .orderBy(desc(perfAppeals.createdAt), perfAppeals.id);
}

// ---------------------------------------------------------------- pay

export async function listPayRuns(ex: Executor, scope: ZoneScope) {
  const rows = await ex
    .select({
      r: payRuns,
      cycleName: perfCycles.name,
      people: sql<number>`(select count(*)::int from ${payLines} where ${payLines.runId} = ${payRuns.id})`,
      flagged: sql<number>`(select count(*)::int from ${payLines} where ${payLines.runId} = ${payRuns.id} and cardinality(${payLines.flags}) > 0)`,
    })
    .from(payRuns)
    .leftJoin(perfCycles, eq(perfCycles.id, payRuns.cycleId))
    .where(eq(payRuns.zoneId, scope.zoneId))
    .orderBy(desc(payRuns.year), desc(payRuns.createdAt), payRuns.id);
  return rows.map(presentRun);
}

function presentRun(r: { r: typeof payRuns.$inferSelect; cycleName: string | null; people: number; flagged: number }) {
  return {
    ...r.r,
    poolFen: Number(r.r.poolFen),
    distributedFen: Number(r.r.distributedFen),
    cycleName: r.cycleName,
    people: Number(r.people),
    flagged: Number(r.flagged),
  };
}

export async function getPayRun(ex: Executor, scope: ZoneScope, id: string) {
  const [row] = await ex
    .select({
      r: payRuns,
      cycleName: perfCycles.name,
      people: sql<number>`(select count(*)::int from ${payLines} where ${payLines.runId} = ${payRuns.id})`,
      flagged: sql<number>`(select count(*)::int from ${payLines} where ${payLines.runId} = ${payRuns.id} and cardinality(${payLines.flags}) > 0)`,
    })
    .from(payRuns)
    .leftJoin(perfCycles, eq(perfCycles.id, payRuns.cycleId))
    .where(and(eq(payRuns.zoneId, scope.zoneId), eq(payRuns.id, id)));
  return row ? presentRun(row) : undefined;
}

export type PayLineRow = ReturnType<typeof presentLine>;

function presentLine(r: {
  l: typeof payLines.$inferSelect;
  departmentName: string;
  staffName: string;
  employeeNo: string;
}) {
  return {
    ...r.l,
    departmentShareFen: Number(r.l.departmentShareFen),
    shareFen: Number(r.l.shareFen),
    advancesFen: Number(r.l.advancesFen),
    amountFen: Number(r.l.amountFen),
    departmentName: r.departmentName,
    staffName: r.staffName,
    employeeNo: r.employeeNo,
  };
}

/** A run's lines; a department head sees only their department's. */
export function payLineQuery(
  scope: ZoneScope,
  runId: string,
  q: Omit<z.infer<typeof payLineQuerySchema>, 'current' | 'pageSize'>,
) {
  const where: SQL[] = [eq(payLines.zoneId, scope.zoneId), eq(payLines.runId, runId)];
  if (scope.departmentId) where.push(eq(payLines.departmentId, scope.departmentId));
  if (q.departmentId) where.push(eq(payLines.departmentId, q.departmentId));
  if (q.q) where.push(or(ilike(staff.name, likePattern(q.q)), ilike(staff.employeeNo, likePattern(q.q))) as SQL);
  const order = orderBy(
    q,
    { amountFen: payLines.amountFen, shareFen: payLines.shareFen, staffName: staff.name },
    asc(departments.code),
    staff.employeeNo,
  );
  return { where: and(...where) as SQL, order };
}

export async function payLinePage(
  ex: Executor,
  scope: ZoneScope,
  runId: string,
  q: Omit<z.infer<typeof payLineQuerySchema>, 'current' | 'pageSize'>,
  offset: number,
  limit: number,
) {
  const { where, order } = payLineQuery(scope, runId, q);
  const rows = await ex
    .select({ l: payLines, departmentName: departments.name, staffName: staff.name, employeeNo: staff.employeeNo })
    .from(payLines)
    .innerJoin(departments, eq(departments.id, payLines.departmentId))
    .innerJoin(staff, eq(staff.id, payLines.staffId))
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  return rows.map(presentLine);
}

export async function listPayLines(
  ex: Executor,
  scope: ZoneScope,
  runId: string,
  q: z.infer<typeof payLineQuerySchema>,
) {
  const data = await payLinePage(ex, scope, runId, q, offsetOf(q), q.pageSize);
  const { where } = payLineQuery(scope, runId, q);
  const [{ total }] = (await ex
    .select({ total: count() })
    .from(payLines)
    .innerJoin(staff, eq(staff.id, payLines.staffId))
    .where(where)) as [{ total: number }];
  return { data, total };
}
