import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { ProvinceCockpit } from '../../../shared/cockpit';
import type { Actor } from '../../platform/access';
import { type Executor, rows } from '../../platform/db';
import { AppError, invalid } from '../../platform/errors';
import { econIndicators, econZoneFigures } from '../economy/economy.tables';
import { provinces, zones } from '../tenancy/tenancy.tables';

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** The province the actor may look at: a province viewer its own, the platform admin the one it names. */
async function provinceOf(ex: Executor, actor: Actor, requested: string | undefined) {
  const id = actor.role === 'province_viewer' ? actor.provinceId : requested;
  if (actor.role === 'province_viewer' && requested && requested !== actor.provinceId) {
    throw new AppError(403, 'FORBIDDEN_ZONE');
  }
  if (!id) throw invalid({ provinceId: 'REQUIRED' });
  const [p] = await ex.select().from(provinces).where(eq(provinces.id, id));
  if (!p) throw invalid({ provinceId: 'NOT_FOUND' });
  return p;
}

/**
 * The province screen, read from econ_zone_figures (kept by the economy service in the transaction of each change):
 * one indexed pass ranks every zone by the indicator's YoY this month and last month, so the answer does not grow
 * with the years of monthly values behind it. Ranks are competition ranks (1, 1, 3) like /api/economy/rankings/zones.
 */
export async function provinceCockpit(
  ex: Executor,
  actor: Actor,
  q: { year?: number; month?: number; indicator: string; provinceId?: string },
): Promise<ProvinceCockpit> {
  const province = await provinceOf(ex, actor, q.provinceId);
  const inProvince = sql`${econZoneFigures.zoneId} in (select id from zones where province_id = ${province.id})`;
  let { year, month } = q;
  if (!year || !month) {
    const [latest] = await ex
      .select({ year: econZoneFigures.year, month: econZoneFigures.month })
      .from(econZoneFigures)
      .where(and(eq(econZoneFigures.code, q.indicator), ...(year ? [eq(econZoneFigures.year, year)] : []), inProvince))
      .orderBy(desc(econZoneFigures.year), desc(econZoneFigures.month))
      .limit(1);
    year = year ?? latest?.year ?? new Date().getFullYear();
    month = month ?? latest?.month ?? 12;
  }
  const ranked = (m: number) => sql`
    select f.zone_id, rank() over (order by f.yoy_pct desc) as r
    from econ_zone_figures f join zones z on z.id = f.zone_id
    where z.province_id = ${province.id} and f.code = ${q.indicator} and f.year = ${year} and f.month = ${m}
      and f.yoy_pct is not null`;
  const [list, catalogue] = await Promise.all([
    rows<{
      zone_id: string;
      name: string;
      cumulative: string | null;
      yoy_pct: string | null;
      completion_pct: string | null;
      status: string | null;
      r: string | null;
      prev: string | null;
    }>(
      ex,
      sql`
      with cur as (${ranked(month)}), prev as (${month > 1 ? ranked(month - 1) : sql`select null::uuid as zone_id, null::bigint as r where false`})
      select z.id as zone_id, z.name, f.cumulative, f.yoy_pct, f.completion_pct, f.status, cur.r, prev.r as prev
      from zones z
      left join econ_zone_figures f
        on f.zone_id = z.id and f.code = ${q.indicator} and f.year = ${year} and f.month = ${month}
      left join cur on cur.zone_id = z.id
      left join prev on prev.zone_id = z.id
      where z.province_id = ${province.id}
      order by cur.r asc nulls last, z.name asc`,
    ),
    // The catalogue of the province's first zone that reports (zones share the provincial codes).
    ex
      .selectDistinctOn([econIndicators.code], {
        code: econIndicators.code,
        name: econIndicators.name,
        nameEn: econIndicators.nameEn,
        unit: econIndicators.unit,
        unitEn: econIndicators.unitEn,
        sortOrder: econIndicators.sortOrder,
      })
      .from(econIndicators)
      .innerJoin(zones, eq(zones.id, econIndicators.zoneId))
      .where(and(eq(zones.provinceId, province.id), eq(econIndicators.active, true)))
      .orderBy(asc(econIndicators.code), asc(econIndicators.sortOrder)),
  ]);
  const out = list.map((r) => {
    const rank = num(r.r);
    const prev = num(r.prev);
    return {
      rank,
      change: rank != null && prev != null ? prev - rank : null,
      zoneId: r.zone_id,
      zoneName: r.name,
      cumulative: num(r.cumulative),
      yoyPct: num(r.yoy_pct),
      completionPct: num(r.completion_pct),
      status: r.status ?? 'none',
    };
  });
  const reported = out.filter((r) => r.cumulative != null);
  return {
    provinceId: province.id,
    provinceName: province.name,
    year,
    month,
    indicator: q.indicator,
    indicators: catalogue
      .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code))
      .map(({ sortOrder: _s, ...c }) => c),
    zones: out.length,
    reporting: out.filter((r) => r.rank != null).length,
    red: out.filter((r) => r.status === 'red').length,
    green: out.filter((r) => r.status === 'green').length,
    total: reported.length ? Math.round(reported.reduce((a, r) => a + (r.cumulative ?? 0), 0) * 100) / 100 : null,
    rows: out,
  };
}
