import { monthInChina } from '../../../shared/china-time';
import type { ZoneCockpit } from '../../../shared/cockpit';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { cumulative } from '../economy/economy.rules';
import { summaryWithValues } from '../economy/economy.service';
import { funnel } from '../investment/investment.repository';
import { listScores } from '../performance/performance.repository';
import { headline as projectHeadline } from '../projects/projects.metrics';
import { demandMetrics } from '../services/demands.repository';
import * as repo from './cockpit.repository';

/** Asia/Shanghai year and month of now (the default when the zone has reported nothing yet). */
const nowInChina = monthInChina;

export async function cockpitMonth(ex: Executor, zoneId: string, q: { year?: number; month?: number }) {
  if (q.year && q.month) return { year: q.year, month: q.month };
  const latest = (await repo.latestMonth(ex, zoneId)) ?? nowInChina();
  return { year: q.year ?? latest.year, month: q.month ?? (q.year && q.year !== latest.year ? 12 : latest.month) };
}

/** Indicators of the month with their 1–N月 cumulative series this year and last (for the trend chart). */
async function indicatorsWithTrend(ex: Executor, scope: ZoneScope, year: number, month: number) {
  const { rows, values } = await summaryWithValues(ex, scope, { year, month });
  const months = new Map<string, (number | null)[]>();
  for (const v of values) {
    const k = `${v.indicatorId}:${v.year}`;
    const arr = months.get(k) ?? Array<number | null>(12).fill(null);
    arr[v.month - 1] = v.value;
    months.set(k, arr);
  }
  const series = (id: string, y: number, aggregation: 'sum' | 'last', upTo: number) => {
    const m = months.get(`${id}:${y}`) ?? Array<number | null>(12).fill(null);
    return Array.from({ length: 12 }, (_, i) => (i < upTo ? cumulative(m, i + 1, aggregation).value : null));
  };
  return rows.map((r) => ({
    ...r,
    thisYearCumulative: series(r.indicatorId, year, r.aggregation, month),
    lastYearCumulative: series(r.indicatorId, year - 1, r.aggregation, 12),
  }));
}

/**
 * The zone leader's screen. Each block reuses its domain's own query (economy summary, investment funnel, project
 * metrics, approval metrics, demand metrics, efficiency results, performance scores) so the cockpit and the pages
 * behind its links cannot disagree.
 */
export async function zoneCockpit(
  ex: Executor,
  scope: ZoneScope,
  q: { year?: number; month?: number },
): Promise<ZoneCockpit> {
  // Every block starts at once; only the chains that need an earlier answer (the month, the cycle) wait for it.
  const period = cockpitMonth(ex, scope.zoneId, q);
  const [{ year, month, indicators, projects }, zoneName, pipeline, approval, demandRows, efficiency, scored] =
    await Promise.all([
      period.then(async ({ year, month }) => {
        const [indicators, projects] = await Promise.all([
          indicatorsWithTrend(ex, scope, year, month),
          projectHeadline(ex, scope, year),
        ]);
        return { year, month, indicators, projects };
      }),
      repo.zoneName(ex, scope.zoneId),
      funnel(ex, scope, 'industrial'),
      repo.approvalCounts(ex, scope),
      demandMetrics(ex, scope, undefined, undefined),
      repo.latestEfficiency(ex, scope),
      repo
        .latestComputedCycle(ex, scope)
        .then(async (cycle) =>
          cycle ? { cycle, league: await listScores(ex, scope, cycle.id, { subject: 'department' }) } : null,
        ),
    ]);
  const cycle = scored?.cycle;
  const league = scored?.league ?? null;
  const sum = (k: 'received' | 'resolved' | 'closed' | 'overdueOpen') => demandRows.reduce((a, r) => a + r[k], 0);
  const received = sum('received');
  const resolvedOrClosed = sum('resolved');
  const closed = sum('closed');
  return {
    zoneId: scope.zoneId,
    zoneName,
    year,
    month,
    generatedAt: new Date().toISOString(),
    indicators,
    investment: {
      type: pipeline.type,
      stages: pipeline.stages.map(({ key, name, current, reached }) => ({ key, name, current, reached })),
      signedCount: projects.signedCount,
      signedCountTarget: projects.signedCountTarget,
      fundsInPlaceRate: projects.fundsInPlaceRate,
    },
    projects: {
      ...projects.lights,
      total: projects.lights.red + projects.lights.yellow + projects.lights.green,
      completionRate: projects.completionRate,
    },
    approval,
    demands: {
      received,
      resolved: resolvedOrClosed - closed,
      closed,
      closureRate: received ? Math.round((resolvedOrClosed * 10000) / received) / 100 : null,
      overdue: sum('overdueOpen'),
    },
    efficiency,
    league:
      cycle && league
        ? {
            cycleId: cycle.id,
            cycleName: cycle.name,
            rows: league.map((s) => ({
              departmentId: s.departmentId,
              name: s.departmentName,
              class: s.departmentClass,
              score: s.score,
              rank: s.rank,
              grade: s.grade,
            })),
          }
        : null,
  };
}
