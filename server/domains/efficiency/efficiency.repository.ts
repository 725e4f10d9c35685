import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { BreakdownLine, EfficiencyInput, EfficiencyParams } from '../../../shared/efficiency';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { copyMany } from '../../platform/db/bulk';
import { likePattern, offsetOf, orderBy } from '../../platform/db/paging';
import { enterprises } from '../enterprises/enterprises.tables';
import type { EngineResult } from './efficiency.engine';
import { efficiencyData, efficiencyResults, efficiencyRuns } from './efficiency.tables';

/** Runs of the zone; an enterprise user sees only published and final runs (drafts are internal). */
export function runScope(scope: ZoneScope): SQL {
  const base = eq(efficiencyRuns.zoneId, scope.zoneId);
  if (scope.actor.role !== 'enterprise') return base;
  return and(base, inArray(efficiencyRuns.status, ['published', 'final'])) as SQL;
}

/** Results of the zone; an enterprise user only its own (and only of runs it may see). */
export function resultScope(scope: ZoneScope): SQL {
  const base = eq(efficiencyResults.zoneId, scope.zoneId);
  if (scope.actor.role !== 'enterprise') return base;
  return scope.enterpriseId ? (and(base, eq(efficiencyResults.enterpriseId, scope.enterpriseId)) as SQL) : sql`false`;
}

export async function listRuns(
  ex: Executor,
  scope: ZoneScope,
  q: {
    current: number;
    pageSize: number;
    year?: number;
    status?: string;
    q?: string;
    sortField?: string;
    sortOrder?: 'ascend' | 'descend';
  },
) {
  const where: SQL[] = [runScope(scope)];
  if (q.year) where.push(eq(efficiencyRuns.year, q.year));
  if (q.status) where.push(eq(efficiencyRuns.status, q.status as 'draft'));
  if (q.q) where.push(ilike(efficiencyRuns.name, likePattern(q.q)));
  const cond = and(...where);
  const order = orderBy(
    q,
    { year: efficiencyRuns.year, name: efficiencyRuns.name, createdAt: efficiencyRuns.createdAt },
    desc(efficiencyRuns.createdAt),
    efficiencyRuns.id,
  );
  const [data, [total]] = await Promise.all([
    ex
      .select()
      .from(efficiencyRuns)
      .where(cond)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex.select({ n: count() }).from(efficiencyRuns).where(cond),
  ]);
  return { data, total: total?.n ?? 0 };
}

export async function getRun(ex: Executor, scope: ZoneScope, id: string) {
  const [row] = await ex
    .select()
    .from(efficiencyRuns)
    .where(and(runScope(scope), eq(efficiencyRuns.id, id)));
  return row;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** What a run freezes that every result's breakdown shares (see efficiencyResults). */
export type RunFrame = Pick<typeof efficiencyRuns.$inferSelect, 'params' | 'benchmarks' | 'ranges'>;

/** A result's indicator lines, from its two stored arrays and its run's parameters, benchmarks and ranges. */
export function expandBreakdown(
  run: RunFrame,
  r: Pick<typeof efficiencyResults.$inferSelect, 'group' | 'lineValues' | 'linePoints'>,
): BreakdownLine[] {
  const params: EfficiencyParams = run.params;
  const minmax = params.method === 'minmax';
  return params.indicators[r.group].map((w, k) => {
    const value = r.lineValues[k] ?? null;
    const benchmark = run.benchmarks?.[r.group]?.[w.indicator] ?? null;
    const range = run.ranges?.[r.group]?.[w.indicator] ?? null;
    return {
      indicator: w.indicator,
      weight: w.weight,
      value,
      benchmark: !minmax && benchmark !== null ? round4(benchmark) : null,
      min: minmax && range ? range.min : null,
      max: minmax && range ? range.max : null,
      basis: value !== null ? 'value' : params.missing === 'group_average' ? 'missing_average' : 'missing_zero',
      points: r.linePoints[k] ?? 0,
    };
  });
}

/**
 * Writes a computed run's results (COPY on PostgreSQL, inside the caller's transaction), each with its frozen inputs.
 * The breakdown goes in as its values and points only (expandBreakdown puts it back together).
 */
export async function writeResults(
  ex: Executor,
  zoneId: string,
  runId: string,
  results: readonly EngineResult[],
  inputsById: ReadonlyMap<string, EfficiencyInput>,
) {
  return copyMany(
    ex,
    efficiencyResults,
    results.map((r) => ({
      zoneId,
      runId,
      enterpriseId: r.enterpriseId,
      group: r.group,
      baseScore: r.baseScore,
      score: r.score,
      rank: r.rank,
      groupSize: r.groupSize,
      percentile: r.percentile,
      cls: r.cls,
      consecutiveD: r.consecutiveD,
      lineValues: r.breakdown.map((l) => l.value) as number[],
      linePoints: r.breakdown.map((l) => l.points),
      adjustments: r.adjustments,
      policies: r.policies,
      inputs: inputsById.get(r.enterpriseId) as unknown as Record<string, unknown>,
    })),
  );
}

const resultColumns = { r: efficiencyResults, enterpriseName: enterprises.name, creditCode: enterprises.creditCode };
const frameColumns = {
  params: efficiencyRuns.params,
  benchmarks: efficiencyRuns.benchmarks,
  ranges: efficiencyRuns.ranges,
};
type ResultJoin = { r: typeof efficiencyResults.$inferSelect; enterpriseName: string; creditCode: string };
const flatten = ({ r, enterpriseName, creditCode }: ResultJoin, run: RunFrame) => {
  const { lineValues: _v, linePoints: _p, ...rest } = r;
  return { ...rest, breakdown: expandBreakdown(run, r), enterpriseName, creditCode };
};
export type ResultRow = ReturnType<typeof flatten>;

export interface ResultFilter {
  group?: 'above' | 'below';
  cls?: 'A' | 'B' | 'C' | 'D';
  q?: string;
  sortField?: string;
  sortOrder?: 'ascend' | 'descend';
}

function resultQuery(scope: ZoneScope, runId: string, q: ResultFilter) {
  const where: SQL[] = [resultScope(scope), eq(efficiencyResults.runId, runId)];
  if (q.group) where.push(eq(efficiencyResults.group, q.group));
  if (q.cls) where.push(eq(efficiencyResults.cls, q.cls));
  if (q.q)
    where.push(or(ilike(enterprises.name, likePattern(q.q)), ilike(enterprises.creditCode, likePattern(q.q))) as SQL);
  const order = orderBy(
    q,
    { score: efficiencyResults.score, rank: efficiencyResults.rank, enterpriseName: enterprises.name },
    sql`${efficiencyResults.group} asc, ${efficiencyResults.rank} asc`,
    efficiencyResults.id,
  );
  return { cond: and(...where), order };
}

export async function resultPage(
  ex: Executor,
  scope: ZoneScope,
  runId: string,
  q: ResultFilter,
  offset: number,
  limit: number,
): Promise<ResultRow[]> {
  const { cond, order } = resultQuery(scope, runId, q);
  const [rows, [run]] = await Promise.all([
    ex
      .select(resultColumns)
      .from(efficiencyResults)
      .innerJoin(enterprises, eq(enterprises.id, efficiencyResults.enterpriseId))
      .where(cond)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
    ex
      .select(frameColumns)
      .from(efficiencyRuns)
      .where(and(eq(efficiencyRuns.zoneId, scope.zoneId), eq(efficiencyRuns.id, runId))),
  ]);
  return run ? rows.map((x) => flatten(x, run)) : [];
}

export async function listResults(
  ex: Executor,
  scope: ZoneScope,
  runId: string,
  q: ResultFilter & { current: number; pageSize: number },
) {
  const { cond } = resultQuery(scope, runId, q);
  const [data, [total]] = await Promise.all([
    resultPage(ex, scope, runId, q, offsetOf(q), q.pageSize),
    ex
      .select({ n: count() })
      .from(efficiencyResults)
      .innerJoin(enterprises, eq(enterprises.id, efficiencyResults.enterpriseId))
      .where(cond),
  ]);
  return { data, total: total?.n ?? 0 };
}

export async function getResult(ex: Executor, scope: ZoneScope, id: string) {
  const [row] = await ex
    .select({ ...resultColumns, frame: frameColumns })
    .from(efficiencyResults)
    .innerJoin(enterprises, eq(enterprises.id, efficiencyResults.enterpriseId))
    .innerJoin(efficiencyRuns, eq(efficiencyRuns.id, efficiencyResults.runId))
    .where(and(resultScope(scope), runScope(scope), eq(efficiencyResults.id, id)));
  return row ? flatten(row, row.frame) : undefined;
}

/** The zone's yearly data as engine inputs. */
export async function inputsOf(ex: Executor, zoneId: string, year: number): Promise<EfficiencyInput[]> {
  const d = efficiencyData;
  const rows = await ex
    .select({
      enterpriseId: d.enterpriseId,
      year: d.year,
      landMu: d.landMu,
      leasedM2: d.leasedM2,
      tax: d.tax,
      revenue: d.revenue,
      valueAdded: d.valueAdded,
      energyTce: d.energyTce,
      electricityMwh: d.electricityMwh,
      emissionT: d.emissionT,
      rdExpense: d.rdExpense,
      employees: d.employees,
      scale: d.scale,
      newlyAbove: d.newlyAbove,
      leasedOut: d.leasedOut,
      incident: d.incident,
      veto: d.veto,
      tClass: d.tClass,
    })
    .from(efficiencyData)
    .where(and(eq(efficiencyData.zoneId, zoneId), eq(efficiencyData.year, year)))
    .orderBy(asc(efficiencyData.enterpriseId));
  return rows.map((r) => ({
    enterpriseId: r.enterpriseId,
    year: r.year,
    landMu: r.landMu,
    leasedM2: r.leasedM2,
    tax: r.tax,
    revenue: r.revenue,
    valueAdded: r.valueAdded,
    energyTce: r.energyTce,
    electricityMwh: r.electricityMwh,
    emissionT: r.emissionT,
    rdExpense: r.rdExpense,
    employees: r.employees,
    scale: r.scale,
    newlyAbove: r.newlyAbove,
    leasedOut: r.leasedOut,
    incident: r.incident,
    veto: r.veto,
    tClass: r.tClass,
  }));
}

/**
 * Classes of the previous years (most recent first) from each year's latest final run — or published when there is
 * no final one — for consecutive-D surcharges.
 */
export async function priorClasses(ex: Executor, zoneId: string, year: number, years = 4) {
  const runs = await ex
    .select({ id: efficiencyRuns.id, year: efficiencyRuns.year, status: efficiencyRuns.status })
    .from(efficiencyRuns)
    .where(
      and(
        eq(efficiencyRuns.zoneId, zoneId),
        inArray(efficiencyRuns.status, ['published', 'final']),
        sql`${efficiencyRuns.year} between ${year - years} and ${year - 1}`,
      ),
    )
    .orderBy(
      desc(efficiencyRuns.year),
      desc(sql`${efficiencyRuns.status} = 'final'`),
      desc(efficiencyRuns.publishedAt),
    );
  const byYear = new Map<number, string>();
  for (const r of runs) if (!byYear.has(r.year)) byYear.set(r.year, r.id);
  const out = new Map<string, ('A' | 'B' | 'C' | 'D')[]>();
  for (let y = year - 1; y >= year - years; y--) {
    const runId = byYear.get(y);
    if (!runId) break;
    const rows = await ex
      .select({ enterpriseId: efficiencyResults.enterpriseId, cls: efficiencyResults.cls })
      .from(efficiencyResults)
      .where(and(eq(efficiencyResults.zoneId, zoneId), eq(efficiencyResults.runId, runId)));
    const seen = new Set<string>();
    for (const r of rows) {
      seen.add(r.enterpriseId);
      const list = out.get(r.enterpriseId) ?? [];
      // Only consecutive years count: a gap ends the history.
      if (list.length === year - 1 - y) list.push(r.cls);
      out.set(r.enterpriseId, list);
    }
  }
  return out;
}
