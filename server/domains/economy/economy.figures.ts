import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { completionPct, cumulative, statusOf, yoyPct } from './economy.rules';
import { econIndicators, econTargets, econValues, econZoneFigures } from './economy.tables';

/**
 * Rewrites the zone's derived figures (econ_zone_figures) of some years from its zone-level values and targets,
 * with the same rules as the month table. Called in the transaction that changed a value or target (for that year
 * and the next, whose YoY compares with it), so the province cockpit never reads a figure older than its data.
 */
export async function refreshZoneFigures(ex: Executor, zoneId: string, years: number[]): Promise<void> {
  if (years.length === 0) return;
  const wanted = [...new Set(years)];
  const span = [...new Set(wanted.flatMap((y) => [y, y - 1]))];
  const [indicators, values, targets] = await Promise.all([
    ex.select().from(econIndicators).where(eq(econIndicators.zoneId, zoneId)),
    ex
      .select({
        indicatorId: econValues.indicatorId,
        year: econValues.year,
        month: econValues.month,
        value: econValues.value,
      })
      .from(econValues)
      .where(and(eq(econValues.zoneId, zoneId), isNull(econValues.subParkId), inArray(econValues.year, span))),
    ex
      .select({ indicatorId: econTargets.indicatorId, year: econTargets.year, target: econTargets.target })
      .from(econTargets)
      .where(and(eq(econTargets.zoneId, zoneId), isNull(econTargets.subParkId), inArray(econTargets.year, wanted))),
  ]);
  const months = new Map<string, (number | null)[]>();
  for (const v of values) {
    const k = `${v.indicatorId}:${v.year}`;
    const arr = months.get(k) ?? Array<number | null>(12).fill(null);
    arr[v.month - 1] = v.value;
    months.set(k, arr);
  }
  const rows: (typeof econZoneFigures.$inferInsert)[] = [];
  for (const i of indicators) {
    for (const year of wanted) {
      const now = months.get(`${i.id}:${year}`);
      if (!now) continue;
      const last = months.get(`${i.id}:${year - 1}`) ?? Array<number | null>(12).fill(null);
      const target = targets.find((t) => t.indicatorId === i.id && t.year === year)?.target ?? null;
      // A row for each month up to the last one reported this year.
      const upTo = now.reduce<number>((m, v, idx) => (v == null ? m : idx + 1), 0);
      for (let month = 1; month <= upTo; month++) {
        const cum = cumulative(now, month, i.aggregation).value;
        const lastCum = cumulative(last, month, i.aggregation).value;
        const yoy = yoyPct(cum, lastCum);
        rows.push({
          zoneId,
          indicatorId: i.id,
          code: i.code,
          year,
          month,
          cumulative: cum,
          lastYearCumulative: lastCum,
          yoyPct: yoy,
          completionPct: completionPct(cum, target),
          status: statusOf(yoy, i),
        });
      }
    }
  }
  await ex
    .delete(econZoneFigures)
    .where(and(eq(econZoneFigures.zoneId, zoneId), inArray(econZoneFigures.year, wanted)));
  for (let k = 0; k < rows.length; k += 1000) await ex.insert(econZoneFigures).values(rows.slice(k, k + 1000));
}
