import { and, eq, sql } from 'drizzle-orm';
import type { EconIndicatorInput, EconSummaryRow, EconTargetInput, EconValueInput } from '../../../shared/economy';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor } from '../../platform/db';
import { AppError, invalid, notFound } from '../../platform/errors';
import { departmentInZone, subParkInZone } from '../../platform/zone-refs';
import { refreshZoneFigures } from './economy.figures';
import * as repo from './economy.repository';
import {
  competitionRanks,
  completionPct,
  cumulative,
  jumpOf,
  rankSubParks,
  statusOf,
  timeProgressPct,
  yoyPct,
} from './economy.rules';
import { econIndicators, econTargets, econValues } from './economy.tables';

async function checkDepartment(ex: Executor, scope: ZoneScope, id: string | null) {
  if (id && !(await departmentInZone(ex, scope.zoneId, id))) throw invalid({ ownerDepartmentId: 'NOT_FOUND' });
}

async function checkSubPark(ex: Executor, scope: ZoneScope, id: string | null) {
  if (id && !(await subParkInZone(ex, scope.zoneId, id))) throw invalid({ subParkId: 'NOT_FOUND' });
}

export async function createIndicator(db: Db, scope: ZoneScope, input: EconIndicatorInput) {
  return db.transaction(async (tx) => {
    await checkDepartment(tx, scope, input.ownerDepartmentId);
    const [row] = await tx
      .insert(econIndicators)
      .values({ ...input, zoneId: scope.zoneId })
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'create',
      entity: 'econ_indicator',
      entityId: row!.id,
      after: row,
    });
    return (await repo.getIndicator(tx, scope, row!.id))!;
  });
}

export async function updateIndicator(db: Db, scope: ZoneScope, id: string, input: EconIndicatorInput) {
  return db.transaction(async (tx) => {
    const before = await repo.getIndicator(tx, scope, id);
    if (!before) throw notFound();
    await checkDepartment(tx, scope, input.ownerDepartmentId);
    const [row] = await tx
      .update(econIndicators)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(econIndicators.zoneId, scope.zoneId), eq(econIndicators.id, id)))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'update',
      entity: 'econ_indicator',
      entityId: id,
      before,
      after: row,
    });
    return (await repo.getIndicator(tx, scope, id))!;
  });
}

export async function deleteIndicator(db: Db, scope: ZoneScope, id: string) {
  await db.transaction(async (tx) => {
    const before = await repo.getIndicator(tx, scope, id);
    if (!before) throw notFound();
    const [used] = await tx
      .select({ id: econValues.id })
      .from(econValues)
      .where(eq(econValues.indicatorId, id))
      .limit(1);
    // An indicator with reported values is history: deactivate it instead of deleting the figures.
    if (used) throw new AppError(409, 'ECON_INDICATOR_HAS_VALUES');
    await tx.delete(econIndicators).where(and(eq(econIndicators.zoneId, scope.zoneId), eq(econIndicators.id, id)));
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'delete',
      entity: 'econ_indicator',
      entityId: id,
      before,
    });
  });
}

/**
 * Enter (or correct) one month's value. A change beyond the indicator's jumpPct against the previous month or the same
 * month last year is refused without a written reason (field `reason`), so implausible figures are explained at entry.
 */
export async function setValue(db: Db, scope: ZoneScope, input: EconValueInput) {
  return db.transaction(async (tx) => {
    const indicator = await repo.getIndicator(tx, scope, input.indicatorId);
    if (!indicator) throw invalid({ indicatorId: 'NOT_FOUND' });
    await checkSubPark(tx, scope, input.subParkId);
    const key = { indicatorId: input.indicatorId, subParkId: input.subParkId };
    const before = await repo.oneValue(tx, scope.zoneId, { ...key, year: input.year, month: input.month });
    // Flows are compared month to month only for 'last' (stock) values; a monthly flow compares with last year.
    const previous =
      indicator.aggregation === 'last' && input.month > 1
        ? await repo.oneValue(tx, scope.zoneId, { ...key, year: input.year, month: input.month - 1 })
        : null;
    const lastYear = await repo.oneValue(tx, scope.zoneId, { ...key, year: input.year - 1, month: input.month });
    const jump = jumpOf(input.value, previous, lastYear, indicator.jumpPct);
    if (jump && !input.reason) {
      throw new AppError(
        400,
        'VALIDATION',
        { ...jump, limit: indicator.jumpPct },
        { reason: jump.against === 'previousMonth' ? 'ECON_JUMP_PREVIOUS_MONTH' : 'ECON_JUMP_LAST_YEAR' },
      );
    }
    await tx.execute(sql`
      insert into econ_values (zone_id, indicator_id, sub_park_id, year, month, value, reason, updated_by, updated_at)
      values (${scope.zoneId}, ${input.indicatorId}, ${input.subParkId}, ${input.year}, ${input.month}, ${input.value},
              ${input.reason}, ${scope.actor.userId}, now())
      on conflict (zone_id, indicator_id, coalesce(sub_park_id, '00000000-0000-0000-0000-000000000000'::uuid), year, month)
      do update set value = excluded.value, reason = excluded.reason, updated_by = excluded.updated_by, updated_at = now()`);
    if (input.subParkId === null) await refreshZoneFigures(tx, scope.zoneId, [input.year, input.year + 1]);
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: before === null ? 'create' : 'update',
      entity: 'econ_value',
      entityId: input.indicatorId,
      before: before === null ? null : { value: before },
      after: { ...input, jump },
    });
    return { ...input, previous: before };
  });
}

export async function setTarget(db: Db, scope: ZoneScope, input: EconTargetInput) {
  return db.transaction(async (tx) => {
    if (!(await repo.getIndicator(tx, scope, input.indicatorId))) throw invalid({ indicatorId: 'NOT_FOUND' });
    await checkSubPark(tx, scope, input.subParkId);
    await tx.execute(sql`
      insert into econ_targets (zone_id, indicator_id, sub_park_id, year, target, updated_at)
      values (${scope.zoneId}, ${input.indicatorId}, ${input.subParkId}, ${input.year}, ${input.target}, now())
      on conflict (zone_id, indicator_id, coalesce(sub_park_id, '00000000-0000-0000-0000-000000000000'::uuid), year)
      do update set target = excluded.target, updated_at = now()`);
    if (input.subParkId === null) await refreshZoneFigures(tx, scope.zoneId, [input.year]);
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'update',
      entity: 'econ_target',
      entityId: input.indicatorId,
      after: input,
    });
    return input;
  });
}

type MonthRow = { indicatorId: string; year: number; month: number; value: number; reason?: string };
function byIndicatorYear(rows: MonthRow[]) {
  const map = new Map<string, (number | null)[]>();
  const reasons = new Map<string, string>();
  for (const r of rows) {
    const k = `${r.indicatorId}:${r.year}`;
    const arr = map.get(k) ?? Array<number | null>(12).fill(null);
    arr[r.month - 1] = r.value;
    map.set(k, arr);
    if (r.reason) reasons.set(`${k}:${r.month}`, r.reason);
  }
  return { months: (id: string, y: number) => map.get(`${id}:${y}`) ?? Array<number | null>(12).fill(null), reasons };
}

/** The monthly table (经济运行月报 core): per indicator the month, 1–N月 cumulative, YoY, target completion and flag. */
export async function summary(
  ex: Executor,
  scope: ZoneScope,
  q: { year: number; month: number; subParkId?: string },
): Promise<EconSummaryRow[]> {
  return (await summaryWithValues(ex, scope, q)).rows;
}

/**
 * summary() and the monthly values it was computed from (this year and last), so the cockpit can draw the trend
 * without reading them again. The three reads run side by side.
 */
export async function summaryWithValues(
  ex: Executor,
  scope: ZoneScope,
  q: { year: number; month: number; subParkId?: string },
) {
  const subParkId = q.subParkId ?? null;
  await checkSubPark(ex, scope, subParkId);
  const [indicators, monthRows, targetRows] = await Promise.all([
    repo.activeIndicators(ex, scope.zoneId),
    repo.monthValues(ex, scope.zoneId, { years: [q.year, q.year - 1], subParkId }),
    repo.targetsOf(ex, scope.zoneId, q.year, subParkId),
  ]);
  const values = byIndicatorYear(monthRows);
  const targets = new Map(targetRows.map((t) => [t.indicatorId, t.target]));
  const rows: EconSummaryRow[] = indicators.map((i) => {
    const now = values.months(i.id, q.year);
    const cum = cumulative(now, q.month, i.aggregation);
    const last = cumulative(values.months(i.id, q.year - 1), q.month, i.aggregation);
    const yoy = yoyPct(cum.value, last.value);
    const target = targets.get(i.id) ?? null;
    return {
      indicatorId: i.id,
      code: i.code,
      name: i.name,
      nameEn: i.nameEn,
      unit: i.unit,
      unitEn: i.unitEn,
      aggregation: i.aggregation,
      monthValue: now[q.month - 1] ?? null,
      cumulative: cum.value,
      missingMonths: cum.missing,
      lastYearCumulative: last.value,
      yoyPct: yoy,
      target,
      completionPct: completionPct(cum.value, target),
      timeProgressPct: timeProgressPct(q.month),
      status: statusOf(yoy, i),
      reason: values.reasons.get(`${i.id}:${q.year}:${q.month}`) ?? '',
    };
  });
  return { rows, values: monthRows };
}

export async function trend(ex: Executor, scope: ZoneScope, id: string, year: number, subParkId: string | null) {
  const indicator = await repo.getIndicator(ex, scope, id);
  if (!indicator) throw notFound();
  const values = byIndicatorYear(
    await repo.monthValues(ex, scope.zoneId, { years: [year, year - 1], subParkId, indicatorIds: [id] }),
  );
  const series = (y: number) => values.months(id, y);
  const cum = (y: number) =>
    Array.from({ length: 12 }, (_, m) => cumulative(series(y), m + 1, indicator.aggregation).value);
  return {
    indicatorId: id,
    year,
    unit: indicator.unit,
    thisYear: series(year),
    lastYear: series(year - 1),
    thisYearCumulative: cum(year),
    lastYearCumulative: cum(year - 1),
  };
}

/** 学比争看 table of the zone's sub-parks over chosen indicators and weights (completion of each park's target). */
export async function subParkRanking(
  ex: Executor,
  scope: ZoneScope,
  q: { year: number; month: number; indicators: string },
) {
  const weights = Object.fromEntries(
    q.indicators.split(',').map((p) => {
      const [code, w] = p.split(':');
      return [code!, Number(w)];
    }),
  );
  const indicators = (await repo.activeIndicators(ex, scope.zoneId)).filter((i) => i.code in weights);
  const unknown = Object.keys(weights).filter((c) => !indicators.some((i) => i.code === c));
  if (unknown.length) throw invalid({ indicators: 'ECON_UNKNOWN_INDICATOR' });
  const parks = await repo.zoneSubParks(ex, scope.zoneId);
  const rows = await repo.subParkValues(
    ex,
    scope.zoneId,
    q.year,
    indicators.map((i) => i.id),
  );
  const targets = await repo.targetsOf(ex, scope.zoneId, q.year, 'all');
  const ranked = rankSubParks(
    parks.map((p) => ({
      id: p.id,
      completion: Object.fromEntries(
        indicators.map((i) => {
          const months = Array<number | null>(12).fill(null);
          for (const r of rows) if (r.subParkId === p.id && r.indicatorId === i.id) months[r.month - 1] = r.value;
          const cum = cumulative(months, q.month, i.aggregation).value;
          const target = targets.find((t) => t.indicatorId === i.id && t.subParkId === p.id)?.target ?? null;
          return [i.code, completionPct(cum, target)];
        }),
      ),
    })),
    weights,
  );
  const name = new Map(parks.map((p) => [p.id, p.name]));
  return ranked.map((r) => ({
    rank: r.rank,
    subParkId: r.id,
    name: name.get(r.id) ?? '',
    score: r.score,
    parts: r.parts,
  }));
}

/** Zones of the province ranked by YoY growth of one indicator (1–N月), with the move since the previous month. */
export async function zoneRanking(
  ex: Executor,
  scope: ZoneScope,
  q: { year: number; month: number; indicator: string },
) {
  const zones = await repo.provinceZonesWithIndicator(ex, scope.zoneId, q.indicator);
  const withIndicator = zones.filter((z) => z.indicatorId);
  const values = byIndicatorYear(
    await repo.zoneLevelValues(
      ex,
      withIndicator.map((z) => z.indicatorId!),
      [q.year, q.year - 1],
    ),
  );
  const figures = (month: number) =>
    zones.map((z) => {
      if (!z.indicatorId || !z.aggregation) return { z, cumulative: null, yoy: null };
      const cum = cumulative(values.months(z.indicatorId, q.year), month, z.aggregation).value;
      const last = cumulative(values.months(z.indicatorId, q.year - 1), month, z.aggregation).value;
      return { z, cumulative: cum, yoy: yoyPct(cum, last) };
    });
  const current = figures(q.month);
  const ranks = competitionRanks(current, (f) => f.yoy);
  const previousRanks = new Map<string, number>();
  if (q.month > 1) {
    const prev = figures(q.month - 1);
    for (const [f, r] of competitionRanks(prev, (x) => x.yoy)) previousRanks.set(f.z.zoneId, r);
  }
  return current
    .map((f) => {
      const rank = ranks.get(f) ?? null;
      const before = previousRanks.get(f.z.zoneId);
      return {
        rank: rank ?? zones.length,
        change: rank != null && before != null ? before - rank : null,
        zoneId: f.z.zoneId,
        zoneName: f.z.zoneName,
        cumulative: f.cumulative,
        yoyPct: f.yoy,
      };
    })
    .sort((a, b) => a.rank - b.rank || a.zoneName.localeCompare(b.zoneName));
}

export { econTargets };
