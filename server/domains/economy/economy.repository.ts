import { and, asc, count, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { econIndicatorListQuerySchema } from '../../../shared/economy';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { likePattern, offsetOf, orderBy } from '../../platform/db/paging';
import { departments } from '../org/org.tables';
import { subParks, zones } from '../tenancy/tenancy.tables';
import { econIndicators, econTargets, econValues } from './economy.tables';

const indicatorColumns = { i: econIndicators, ownerDepartmentName: departments.name };
const flat = (r: { i: typeof econIndicators.$inferSelect; ownerDepartmentName: string | null }) => ({
  ...r.i,
  ownerDepartmentName: r.ownerDepartmentName,
});
export type IndicatorRow = ReturnType<typeof flat>;

export async function listIndicators(
  ex: Executor,
  scope: ZoneScope,
  q: z.infer<typeof econIndicatorListQuerySchema>,
): Promise<{ data: IndicatorRow[]; total: number }> {
  const where: SQL[] = [eq(econIndicators.zoneId, scope.zoneId)];
  if (q.active) where.push(eq(econIndicators.active, q.active === 'true'));
  if (q.q) where.push(or(ilike(econIndicators.name, likePattern(q.q)), ilike(econIndicators.code, likePattern(q.q)))!);
  const cond = and(...where);
  const [data, [total]] = await Promise.all([
    ex
      .select(indicatorColumns)
      .from(econIndicators)
      .leftJoin(departments, eq(departments.id, econIndicators.ownerDepartmentId))
      .where(cond)
      .orderBy(
        ...orderBy(
          q,
          { code: econIndicators.code, name: econIndicators.name, sortOrder: econIndicators.sortOrder },
          asc(econIndicators.sortOrder),
          econIndicators.code,
        ),
      )
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex.select({ n: count() }).from(econIndicators).where(cond),
  ]);
  return { data: data.map(flat), total: total?.n ?? 0 };
}

export async function getIndicator(ex: Executor, scope: ZoneScope, id: string): Promise<IndicatorRow | undefined> {
  const [row] = await ex
    .select(indicatorColumns)
    .from(econIndicators)
    .leftJoin(departments, eq(departments.id, econIndicators.ownerDepartmentId))
    .where(and(eq(econIndicators.zoneId, scope.zoneId), eq(econIndicators.id, id)));
  return row ? flat(row) : undefined;
}

export async function activeIndicators(ex: Executor, zoneId: string) {
  return ex
    .select()
    .from(econIndicators)
    .where(and(eq(econIndicators.zoneId, zoneId), eq(econIndicators.active, true)))
    .orderBy(asc(econIndicators.sortOrder), asc(econIndicators.code));
}

const parkIs = (subParkId: string | null) =>
  subParkId ? eq(econValues.subParkId, subParkId) : isNull(econValues.subParkId);

/** Monthly values of a zone (or one sub-park) for some years, optionally some indicators. */
export async function monthValues(
  ex: Executor,
  zoneId: string,
  opts: { years: number[]; subParkId: string | null; indicatorIds?: string[] },
) {
  const where: SQL[] = [eq(econValues.zoneId, zoneId), inArray(econValues.year, opts.years), parkIs(opts.subParkId)];
  if (opts.indicatorIds) where.push(inArray(econValues.indicatorId, opts.indicatorIds));
  return ex
    .select({
      indicatorId: econValues.indicatorId,
      year: econValues.year,
      month: econValues.month,
      value: econValues.value,
      reason: econValues.reason,
    })
    .from(econValues)
    .where(and(...where));
}

/** Values of every sub-park of a zone for one year (rankings). */
export async function subParkValues(ex: Executor, zoneId: string, year: number, indicatorIds: string[]) {
  if (indicatorIds.length === 0) return [];
  return ex
    .select({
      indicatorId: econValues.indicatorId,
      subParkId: econValues.subParkId,
      month: econValues.month,
      value: econValues.value,
    })
    .from(econValues)
    .where(
      and(
        eq(econValues.zoneId, zoneId),
        eq(econValues.year, year),
        inArray(econValues.indicatorId, indicatorIds),
        sql`${econValues.subParkId} is not null`,
      ),
    );
}

export async function targetsOf(ex: Executor, zoneId: string, year: number, subParkId: string | null | 'all') {
  const where: SQL[] = [eq(econTargets.zoneId, zoneId), eq(econTargets.year, year)];
  if (subParkId === null) where.push(isNull(econTargets.subParkId));
  else if (subParkId !== 'all') where.push(eq(econTargets.subParkId, subParkId));
  return ex
    .select({ indicatorId: econTargets.indicatorId, subParkId: econTargets.subParkId, target: econTargets.target })
    .from(econTargets)
    .where(and(...where));
}

export async function oneValue(
  ex: Executor,
  zoneId: string,
  key: { indicatorId: string; subParkId: string | null; year: number; month: number },
): Promise<number | null> {
  const [row] = await ex
    .select({ value: econValues.value })
    .from(econValues)
    .where(
      and(
        eq(econValues.zoneId, zoneId),
        eq(econValues.indicatorId, key.indicatorId),
        parkIs(key.subParkId),
        eq(econValues.year, key.year),
        eq(econValues.month, key.month),
      ),
    );
  return row?.value ?? null;
}

export async function zoneSubParks(ex: Executor, zoneId: string) {
  return ex
    .select({ id: subParks.id, name: subParks.name, code: subParks.code })
    .from(subParks)
    .where(eq(subParks.zoneId, zoneId))
    .orderBy(asc(subParks.code));
}

/** Zones of the same province as `zoneId`, with the indicator of that code where they define it. */
export async function provinceZonesWithIndicator(ex: Executor, zoneId: string, code: string) {
  const [zone] = await ex.select({ provinceId: zones.provinceId }).from(zones).where(eq(zones.id, zoneId));
  if (!zone) return [];
  return ex
    .select({
      zoneId: zones.id,
      zoneName: zones.name,
      indicatorId: econIndicators.id,
      aggregation: econIndicators.aggregation,
    })
    .from(zones)
    .leftJoin(econIndicators, and(eq(econIndicators.zoneId, zones.id), eq(econIndicators.code, code)))
    .where(eq(zones.provinceId, zone.provinceId));
}

/** Zone-level monthly values of several zones' indicators for some years (province ranking). */
export async function zoneLevelValues(ex: Executor, indicatorIds: string[], years: number[]) {
  if (indicatorIds.length === 0) return [];
  return ex
    .select({
      indicatorId: econValues.indicatorId,
      year: econValues.year,
      month: econValues.month,
      value: econValues.value,
    })
    .from(econValues)
    .where(
      and(inArray(econValues.indicatorId, indicatorIds), inArray(econValues.year, years), isNull(econValues.subParkId)),
    );
}
