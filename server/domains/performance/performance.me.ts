import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { MyKpis } from '../../../shared/performance';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { users } from '../auth/auth.tables';
import { departments, posts, staff } from '../org/org.tables';
import { payLines, payRuns, perfCycles, perfIndicators, perfScores, perfValues } from './performance.tables';

/**
 * 我的考核: the signed-in account's own staff member (users.staff_id) — never anyone else's, whatever the role. An
 * account not linked to a staff member of this zone gets an empty answer (staff null), not someone else's data.
 */
export async function myKpis(ex: Executor, scope: ZoneScope): Promise<MyKpis> {
  const [me] = await ex
    .select({
      id: staff.id,
      name: staff.name,
      employeeNo: staff.employeeNo,
      departmentName: departments.name,
      postName: posts.name,
      postCoefficient: posts.coefficient,
      archiveRank: staff.archiveRank,
    })
    .from(users)
    .innerJoin(staff, and(eq(staff.id, users.staffId), eq(staff.zoneId, scope.zoneId)))
    .innerJoin(departments, eq(departments.id, staff.departmentId))
    .leftJoin(posts, eq(posts.id, staff.postId))
    .where(eq(users.id, scope.actor.userId));
  if (!me) return { staff: null, cycles: [], latestValues: [], pay: [] };

  const cycles = await ex
    .select({
      c: perfCycles,
      s: perfScores,
      ranked: sql<number>`(select count(*)::int from ${perfScores} p2 where p2.cycle_id = ${perfScores.cycleId} and p2.subject = 'staff')`,
    })
    .from(perfScores)
    .innerJoin(perfCycles, eq(perfCycles.id, perfScores.cycleId))
    .where(and(eq(perfScores.zoneId, scope.zoneId), eq(perfScores.subject, 'staff'), eq(perfScores.staffId, me.id)))
    .orderBy(asc(perfCycles.periodEnd), asc(perfCycles.periodStart), asc(perfCycles.name));

  const latest = cycles.at(-1);
  const latestValues = latest
    ? await ex
        .select({
          indicatorId: perfValues.indicatorId,
          name: perfIndicators.name,
          actual: perfValues.actual,
          origin: perfValues.origin,
          note: perfValues.note,
          records: perfValues.records,
          query: perfValues.query,
        })
        .from(perfValues)
        .innerJoin(perfIndicators, eq(perfIndicators.id, perfValues.indicatorId))
        .where(
          and(eq(perfValues.zoneId, scope.zoneId), eq(perfValues.cycleId, latest.c.id), eq(perfValues.staffId, me.id)),
        )
        .orderBy(perfIndicators.position)
    : [];

  const pay = await ex
    .select({ l: payLines, r: payRuns })
    .from(payLines)
    .innerJoin(payRuns, eq(payRuns.id, payLines.runId))
    .where(and(eq(payLines.zoneId, scope.zoneId), eq(payLines.staffId, me.id)))
    .orderBy(desc(payRuns.year), desc(payRuns.kind), desc(payRuns.quarter));

  return {
    staff: me,
    cycles: cycles.map(({ c, s, ranked }) => ({
      cycleId: c.id,
      cycleName: c.name,
      period: c.period,
      periodStart: c.periodStart,
      periodEnd: c.periodEnd,
      status: c.status,
      scoreId: s.id,
      ownScore: s.ownScore,
      score: s.score,
      rank: s.rank,
      ranked: Number(ranked),
      grade: s.grade,
      gradeReason: s.gradeReason,
      lines: s.lines,
    })),
    latestValues,
    pay: pay.map(({ l, r }) => ({
      runId: r.id,
      year: r.year,
      kind: r.kind,
      quarter: r.quarter,
      postName: l.postName,
      postCoefficient: l.postCoefficient,
      grade: l.grade,
      gradeCoefficient: l.gradeCoefficient,
      amountFen: Number(l.amountFen),
    })),
  };
}
