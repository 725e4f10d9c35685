import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import type { ColumnSpec } from '../../platform/excel/columns';
import type { ImportKind } from '../../platform/excel/kind';
import { subParks } from '../tenancy/tenancy.tables';
import { refreshZoneFigures } from './economy.figures';
import { jumpOf } from './economy.rules';
import { econIndicators, econValues } from './economy.tables';

/** 经济运行月度数据: one row per indicator, sub-park (blank: the whole zone), year and month. */
export const econValueColumns = [
  {
    key: 'indicatorCode',
    header: { 'zh-CN': '指标代码', 'en-US': 'Indicator code' },
    type: 'string',
    required: true,
    hint: { 'zh-CN': '指标目录中的代码，如 GYZCZ', 'en-US': 'A code of the indicator catalogue, e.g. GYZCZ' },
    example: 'GYZCZ',
    width: 14,
  },
  {
    key: 'subPark',
    header: { 'zh-CN': '子园区', 'en-US': 'Sub-park' },
    type: 'string',
    hint: { 'zh-CN': '编码或名称；空表示全园区', 'en-US': 'Code or name; blank for the whole zone' },
    example: '',
    width: 16,
  },
  {
    key: 'year',
    header: { 'zh-CN': '年度', 'en-US': 'Year' },
    type: 'int',
    required: true,
    hint: { 'zh-CN': '如 2026', 'en-US': 'e.g. 2026' },
    example: '2026',
  },
  {
    key: 'month',
    header: { 'zh-CN': '月份', 'en-US': 'Month' },
    type: 'int',
    required: true,
    hint: { 'zh-CN': '1–12', 'en-US': '1–12' },
    example: '3',
  },
  {
    key: 'value',
    header: { 'zh-CN': '当月值', 'en-US': 'Value' },
    type: 'decimal',
    required: true,
    hint: { 'zh-CN': '指标单位下的当月数', 'en-US': 'The month’s figure in the indicator’s unit' },
    example: '120.5',
    width: 14,
  },
  {
    key: 'reason',
    header: { 'zh-CN': '异常变动原因', 'en-US': 'Reason for a jump' },
    type: 'string',
    hint: {
      'zh-CN': '较上月或上年同月变动超过指标合理范围时必填',
      'en-US': 'Required when the change on last month or last year exceeds the indicator’s limit',
    },
    example: '',
    width: 30,
  },
] as const satisfies readonly ColumnSpec[];

export const econValueRowSchema = z.object({
  indicatorCode: z.string().trim().min(1).max(40),
  subPark: z.string().trim().max(100).optional(),
  year: z.number().int().min(2000).max(2100),
  month: z.number().int().min(1).max(12),
  value: z.number().min(-1e13).max(1e13),
  reason: z.string().trim().max(300).optional(),
});
type ValueFileRow = z.infer<typeof econValueRowSchema>;

export interface ValueOut {
  indicatorId: string;
  subParkId: string | null;
  year: number;
  month: number;
  value: number;
  reason: string;
}

interface Refs {
  indicators: Map<string, { id: string; aggregation: 'sum' | 'last'; jumpPct: number }>;
  parks: Map<string, string>;
  /** Values written earlier in the file, by key: a later row's jump check compares with them, not the database. */
  inFile: Map<string, { row: number; value: number }>;
}

const keyOf = (indicatorId: string, subParkId: string | null, year: number, month: number) =>
  `${indicatorId}:${subParkId ?? ''}:${year}:${month}`;

async function loadRefs(ex: Executor, scope: ZoneScope): Promise<Refs> {
  const [indicators, parks] = await Promise.all([
    ex
      .select({
        id: econIndicators.id,
        code: econIndicators.code,
        aggregation: econIndicators.aggregation,
        jumpPct: econIndicators.jumpPct,
      })
      .from(econIndicators)
      .where(eq(econIndicators.zoneId, scope.zoneId)),
    ex
      .select({ id: subParks.id, code: subParks.code, name: subParks.name })
      .from(subParks)
      .where(eq(subParks.zoneId, scope.zoneId)),
  ]);
  const parkMap = new Map<string, string>();
  for (const p of parks) {
    parkMap.set(p.name, p.id);
    parkMap.set(p.code, p.id);
  }
  return {
    indicators: new Map(indicators.map((i) => [i.code.toUpperCase(), i])),
    parks: parkMap,
    inFile: new Map(),
  };
}

/**
 * Monthly values from Excel, checked like a single save (implausible jump against the previous month of a stock or
 * the same month last year needs a reason), written all-or-nothing; the zone-level rows refresh econ_zone_figures
 * in the import's transaction, as setValue does.
 */
export const econValueImport: ImportKind<ValueFileRow, ValueOut, Refs> = {
  kind: 'econ-values',
  permission: 'economy.write',
  title: { 'zh-CN': '经济运行月度数据', 'en-US': 'Monthly indicator values' },
  entity: 'econ_value',
  columns: econValueColumns,
  schema: econValueRowSchema,
  setup: loadRefs,
  async templateLists(ex, scope) {
    const parks = await ex
      .select({ name: subParks.name })
      .from(subParks)
      .where(eq(subParks.zoneId, scope.zoneId))
      .orderBy(subParks.code);
    return { subPark: parks.map((p) => p.name) };
  },
  async check(batch, ctx, ex) {
    const { indicators, parks, inFile } = ctx.data;
    // Resolve references first, then read the database values the jump checks compare with in one query.
    const resolved = batch.map(({ row, value: v }) => {
      const indicator = indicators.get(v.indicatorCode.toUpperCase());
      let ok = true;
      if (!indicator) {
        ctx.error(row, 'indicatorCode', 'ECON_UNKNOWN_INDICATOR');
        ok = false;
      }
      const subParkId = v.subPark ? (parks.get(v.subPark) ?? null) : null;
      if (v.subPark && !subParkId) {
        ctx.error(row, 'subPark', 'IMPORT_UNKNOWN_SUB_PARK', { value: v.subPark });
        ok = false;
      }
      return ok && indicator ? { row, v, indicator, subParkId } : null;
    });
    const ids = [...new Set(resolved.flatMap((r) => (r ? [r.indicator.id] : [])))];
    const years = [...new Set(resolved.flatMap((r) => (r ? [r.v.year, r.v.year - 1] : [])))];
    const stored = new Map<string, number>();
    if (ids.length) {
      const rows = await ex
        .select({
          indicatorId: econValues.indicatorId,
          subParkId: econValues.subParkId,
          year: econValues.year,
          month: econValues.month,
          value: econValues.value,
        })
        .from(econValues)
        .where(
          and(
            eq(econValues.zoneId, ctx.scope.zoneId),
            inArray(econValues.indicatorId, ids),
            inArray(econValues.year, years),
          ),
        );
      for (const r of rows) stored.set(keyOf(r.indicatorId, r.subParkId, r.year, r.month), r.value);
    }
    const valueAt = (k: string) => inFile.get(k)?.value ?? stored.get(k) ?? null;
    return resolved.map((r) => {
      if (!r) return undefined;
      const { row, v, indicator, subParkId } = r;
      const key = keyOf(indicator.id, subParkId, v.year, v.month);
      const first = inFile.get(key);
      if (first) {
        ctx.error(row, 'month', 'IMPORT_DUPLICATE_IN_FILE', { row: first.row });
        return undefined;
      }
      const previous =
        indicator.aggregation === 'last' && v.month > 1
          ? valueAt(keyOf(indicator.id, subParkId, v.year, v.month - 1))
          : null;
      const lastYear = valueAt(keyOf(indicator.id, subParkId, v.year - 1, v.month));
      inFile.set(key, { row, value: v.value });
      const jump = jumpOf(v.value, previous, lastYear, indicator.jumpPct);
      const reason = v.reason ?? '';
      if (jump && !reason) {
        ctx.error(
          row,
          'reason',
          jump.against === 'previousMonth' ? 'ECON_JUMP_PREVIOUS_MONTH' : 'ECON_JUMP_LAST_YEAR',
          { changePct: jump.changePct, limit: indicator.jumpPct },
        );
        return undefined;
      }
      return { indicatorId: indicator.id, subParkId, year: v.year, month: v.month, value: v.value, reason };
    });
  },
  /** Upsert (a month already on file is corrected), then refresh the zone figures of the years the zone rows touch. */
  async commit(tx, rows, { scope }) {
    if (rows.length === 0) return 0;
    const payload = JSON.stringify(
      rows.map((r) => ({
        indicator_id: r.indicatorId,
        sub_park_id: r.subParkId,
        year: r.year,
        month: r.month,
        value: r.value,
        reason: r.reason,
      })),
    );
    await tx.execute(sql`
      insert into econ_values (zone_id, indicator_id, sub_park_id, year, month, value, reason, updated_by, updated_at)
      select ${scope.zoneId}::uuid, x.indicator_id, x.sub_park_id, x.year, x.month, x.value, x.reason,
             ${scope.actor.userId}::uuid, now()
      from json_to_recordset(${payload}::json)
        as x(indicator_id uuid, sub_park_id uuid, year smallint, month smallint, value numeric, reason text)
      on conflict (zone_id, indicator_id, coalesce(sub_park_id, '00000000-0000-0000-0000-000000000000'::uuid), year, month)
      do update set value = excluded.value, reason = excluded.reason, updated_by = excluded.updated_by, updated_at = now()`);
    const zoneYears = rows.filter((r) => r.subParkId === null).flatMap((r) => [r.year, r.year + 1]);
    await refreshZoneFigures(tx, scope.zoneId, zoneYears);
    return rows.length;
  },
};
