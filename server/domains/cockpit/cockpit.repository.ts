import { and, count, desc, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { rate } from '../../../shared/approval';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { caseAgg } from '../approval/approval.metrics';
import { caseScope } from '../approval/approval.repository';
import { approvalCases } from '../approval/approval.tables';
import { econValues } from '../economy/economy.tables';
import { resultScope, runScope } from '../efficiency/efficiency.repository';
import { efficiencyResults, efficiencyRuns } from '../efficiency/efficiency.tables';
import { perfCycles } from '../performance/performance.tables';
import { zones } from '../tenancy/tenancy.tables';

/** The latest month with a zone-level value (the cockpit's default month). */
export async function latestMonth(ex: Executor, zoneId: string): Promise<{ year: number; month: number } | undefined> {
  const [row] = await ex
    .select({ year: econValues.year, month: econValues.month })
    .from(econValues)
    .where(and(eq(econValues.zoneId, zoneId), isNull(econValues.subParkId)))
    .orderBy(desc(econValues.year), desc(econValues.month))
    .limit(1);
  return row;
}

export async function zoneName(ex: Executor, zoneId: string): Promise<string> {
  const [row] = await ex.select({ name: zones.name }).from(zones).where(eq(zones.id, zoneId));
  return row?.name ?? '';
}

/**
 * Cases the caller may see, overdue (light=overdue) and open (light=open), with the case list's own conditions, and
 * the metrics page's decided / on-time counts (its own aggregate expressions) — one scan instead of the four
 * queries of the full metrics, whose per-department and per-item tables the cockpit does not show.
 */
export async function approvalCounts(ex: Executor, scope: ZoneScope) {
  const [row] = await ex
    .select({
      cases: sql<number>`count(*)::int`,
      decided: caseAgg.decided,
      onTime: caseAgg.onTime,
      overdue: sql<number>`count(*) filter (where ${approvalCases.overdue})::int`,
      open: sql<number>`count(*) filter (where ${approvalCases.decidedOn} is null and ${approvalCases.closedOn} is null)::int`,
    })
    .from(approvalCases)
    .where(caseScope(scope));
  return {
    cases: row?.cases ?? 0,
    overdue: row?.overdue ?? 0,
    open: row?.open ?? 0,
    decided: row?.decided ?? 0,
    onTimeRate: rate(row?.onTime ?? 0, row?.decided ?? 0),
  };
}

/** The latest run that has results (published or final first), with its class counts. */
export async function latestEfficiency(ex: Executor, scope: ZoneScope) {
  const [run] = await ex
    .select({ id: efficiencyRuns.id, name: efficiencyRuns.name, year: efficiencyRuns.year })
    .from(efficiencyRuns)
    .where(and(runScope(scope), ne(efficiencyRuns.status, 'draft')))
    .orderBy(
      desc(efficiencyRuns.year),
      sql`case ${efficiencyRuns.status} when 'final' then 0 when 'published' then 1 else 2 end`,
      desc(efficiencyRuns.createdAt),
    )
    .limit(1);
  if (!run) return null;
  const rows = await ex
    .select({ cls: efficiencyResults.cls, n: count() })
    .from(efficiencyResults)
    .where(and(resultScope(scope), eq(efficiencyResults.runId, run.id)))
    .groupBy(efficiencyResults.cls);
  const of = (c: string) => rows.find((r) => r.cls === c)?.n ?? 0;
  return {
    runId: run.id,
    runName: run.name,
    year: run.year,
    classes: { A: of('A'), B: of('B'), C: of('C'), D: of('D') },
    total: rows.reduce((a, r) => a + r.n, 0),
  };
}

/** The latest performance cycle whose scores were computed. */
export async function latestComputedCycle(ex: Executor, scope: ZoneScope) {
  const [row] = await ex
    .select({ id: perfCycles.id, name: perfCycles.name })
    .from(perfCycles)
    .where(and(eq(perfCycles.zoneId, scope.zoneId), isNotNull(perfCycles.computedAt)))
    .orderBy(desc(perfCycles.periodStart), desc(perfCycles.computedAt))
    .limit(1);
  return row;
}
