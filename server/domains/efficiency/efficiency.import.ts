import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { tClassReasons } from '../../../shared/efficiency';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { insertMany } from '../../platform/db/bulk';
import type { ColumnSpec } from '../../platform/excel/columns';
import type { ExportColumn } from '../../platform/excel/export';
import type { ImportKind } from '../../platform/excel/kind';
import { enterprises } from '../enterprises/enterprises.tables';
import type { ResultRow } from './efficiency.repository';
import { efficiencyData } from './efficiency.tables';

const dec = (key: string, zh: string, en: string, example: string) =>
  ({
    key,
    header: { 'zh-CN': zh, 'en-US': en },
    type: 'decimal',
    hint: { 'zh-CN': '可空；缺报按评价规则处理', 'en-US': 'Optional; missing data follows the run’s rule' },
    example,
    width: 14,
  }) as const;
const flag = (key: string, zh: string, en: string) =>
  ({
    key,
    header: { 'zh-CN': zh, 'en-US': en },
    type: 'bool',
    hint: { 'zh-CN': '是/否，可空（否）', 'en-US': 'Yes/No; optional (No)' },
    example: '否',
  }) as const;

/** 亩均 yearly data sheet: one row per enterprise and year (a later import of the same year replaces the row). */
export const efficiencyDataColumns = [
  {
    key: 'creditCode',
    header: { 'zh-CN': '统一社会信用代码', 'en-US': 'Credit code' },
    type: 'string',
    required: true,
    hint: { 'zh-CN': '企业库中已有的企业', 'en-US': 'An enterprise of the registry' },
    example: '91430900MA4L2XYZ0X',
    width: 22,
  },
  {
    key: 'year',
    header: { 'zh-CN': '年度', 'en-US': 'Year' },
    type: 'int',
    required: true,
    hint: { 'zh-CN': '如 2025', 'en-US': 'e.g. 2025' },
    example: '2025',
  },
  {
    key: 'scale',
    header: { 'zh-CN': '规模', 'en-US': 'Scale' },
    type: 'enum',
    required: true,
    options: [
      { value: 'above', label: { 'zh-CN': '规上', 'en-US': 'Above designated size' } },
      { value: 'below', label: { 'zh-CN': '规下', 'en-US': 'Below designated size' } },
    ],
    hint: { 'zh-CN': '规上或规下', 'en-US': 'Above or below designated size' },
    example: '规上',
  },
  dec('landMu', '用地(亩)', 'Land (mu)', '50'),
  dec('leasedM2', '租赁面积(㎡)', 'Leased space (㎡)', ''),
  dec('tax', '实缴税收(万元)', 'Tax paid (10k yuan)', '1000'),
  dec('revenue', '营业收入(万元)', 'Revenue (10k yuan)', '20000'),
  dec('valueAdded', '工业增加值(万元)', 'Value added (10k yuan)', '5000'),
  dec('energyTce', '综合能耗(吨标煤)', 'Energy (tce)', '2500'),
  dec('electricityMwh', '用电量(万千瓦时)', 'Electricity (10k kWh)', '800'),
  dec('emissionT', '主要污染物排放(吨)', 'Main pollutant emission (t)', '100'),
  dec('rdExpense', '研发经费(万元)', 'R&D expense (10k yuan)', '600'),
  {
    key: 'employees',
    header: { 'zh-CN': '年平均职工人数', 'en-US': 'Average employees' },
    type: 'int',
    hint: { 'zh-CN': '可空', 'en-US': 'Optional' },
    example: '200',
  },
  flag('newlyAbove', '新建或新升规', 'New or newly above size'),
  flag('leasedOut', '出租土地给规下企业', 'Leases land to small firms'),
  flag('incident', '安全或环保事故', 'Safety or environmental incident'),
  flag('veto', '一票否决', 'Veto item'),
  {
    key: 'tClass',
    header: { 'zh-CN': 'T类(不参评)', 'en-US': 'T class (not evaluated)' },
    type: 'enum',
    options: [
      { value: 'utility', label: { 'zh-CN': '公用事业', 'en-US': 'Utility' } },
      { value: 'new', label: { 'zh-CN': '投产不满两年', 'en-US': 'In production < 2 years' } },
      { value: 'construction', label: { 'zh-CN': '在建', 'en-US': 'Under construction' } },
    ],
    hint: { 'zh-CN': '可空', 'en-US': 'Optional' },
  },
] as const satisfies readonly ColumnSpec[];

const n = z.number().min(0).max(1e12).optional();
const b = z.boolean().optional();
export const efficiencyDataRowSchema = z.object({
  creditCode: z.string().trim().min(1).max(30),
  year: z.number().int().min(2000).max(2100),
  scale: z.enum(['above', 'below']),
  landMu: n,
  leasedM2: n,
  tax: n,
  revenue: n,
  valueAdded: n,
  energyTce: n,
  electricityMwh: n,
  emissionT: n,
  rdExpense: n,
  employees: z.number().int().min(0).max(10_000_000).optional(),
  newlyAbove: b,
  leasedOut: b,
  incident: b,
  veto: b,
  tClass: z.enum(tClassReasons).optional(),
});
type DataFileRow = z.infer<typeof efficiencyDataRowSchema>;
type DataInsert = typeof efficiencyData.$inferInsert;

interface Refs {
  byCode: Map<string, string>;
  seen: Map<string, number>;
}

async function loadRefs(ex: Executor, scope: ZoneScope): Promise<Refs> {
  const rows = await ex
    .select({ id: enterprises.id, code: enterprises.creditCode })
    .from(enterprises)
    .where(eq(enterprises.zoneId, scope.zoneId));
  return { byCode: new Map(rows.map((r) => [r.code, r.id])), seen: new Map() };
}

export const efficiencyDataImport: ImportKind<DataFileRow, DataInsert, Refs> = {
  kind: 'efficiency-data',
  permission: 'efficiency.write',
  title: { 'zh-CN': '亩均数据', 'en-US': 'Per-mu data' },
  entity: 'efficiency_data',
  columns: efficiencyDataColumns,
  schema: efficiencyDataRowSchema,
  setup: loadRefs,
  async check(batch, ctx) {
    return batch.map(({ row, value: v }) => {
      const enterpriseId = ctx.data.byCode.get(v.creditCode);
      if (!enterpriseId) {
        ctx.error(row, 'creditCode', 'IMPORT_UNKNOWN_ENTERPRISE', { value: v.creditCode });
        return undefined;
      }
      const key = `${v.year}:${enterpriseId}`;
      const first = ctx.data.seen.get(key);
      if (first !== undefined) {
        ctx.error(row, 'creditCode', 'IMPORT_DUPLICATE_IN_FILE', { row: first });
        return undefined;
      }
      ctx.data.seen.set(key, row);
      return {
        zoneId: ctx.scope.zoneId,
        year: v.year,
        enterpriseId,
        scale: v.scale,
        landMu: v.landMu ?? null,
        leasedM2: v.leasedM2 ?? null,
        tax: v.tax ?? null,
        revenue: v.revenue ?? null,
        valueAdded: v.valueAdded ?? null,
        energyTce: v.energyTce ?? null,
        electricityMwh: v.electricityMwh ?? null,
        emissionT: v.emissionT ?? null,
        rdExpense: v.rdExpense ?? null,
        employees: v.employees ?? null,
        newlyAbove: v.newlyAbove ?? false,
        leasedOut: v.leasedOut ?? false,
        incident: v.incident ?? false,
        veto: v.veto ?? false,
        tClass: v.tClass ?? null,
      };
    });
  },
  /** A row for an enterprise and year already on file replaces it (the statistics bureau's figures get revised). */
  async commit(tx, rows) {
    const years = [...new Set(rows.map((r) => r.year))];
    for (const year of years) {
      const ids = rows.filter((r) => r.year === year).map((r) => r.enterpriseId);
      await tx
        .delete(efficiencyData)
        .where(
          and(
            eq(efficiencyData.zoneId, rows[0]!.zoneId),
            eq(efficiencyData.year, year),
            inArray(efficiencyData.enterpriseId, ids),
          ),
        );
    }
    return insertMany(tx, efficiencyData, rows);
  },
};

const CLASS_POLICY_ZH: Record<string, string> = {
  land_tax_relief: '城镇土地使用税减免',
  electricity_surcharge: '差别电价加价(元/千瓦时)',
  no_new_land: '不再新供土地',
};
const CLASS_POLICY_EN: Record<string, string> = {
  land_tax_relief: 'Land-use tax relief',
  electricity_surcharge: 'Electricity surcharge (yuan/kWh)',
  no_new_land: 'No new land',
};

/** Results export: rank, class, score and the points of every indicator. */
export function resultExportColumns(
  indicatorKeysOfRun: string[],
  locale: 'zh-CN' | 'en-US',
): ExportColumn<ResultRow>[] {
  const col = (key: string, zh: string, en: string, type: 'string' | 'decimal' | 'int' = 'string') =>
    ({ key, header: { 'zh-CN': zh, 'en-US': en }, type, hint: { 'zh-CN': '', 'en-US': '' } }) as unknown as ColumnSpec;
  const names = locale === 'zh-CN' ? CLASS_POLICY_ZH : CLASS_POLICY_EN;
  return [
    {
      column: col('group', '组别', 'Group'),
      value: (r) =>
        r.group === 'above' ? (locale === 'zh-CN' ? '规上' : 'Above') : locale === 'zh-CN' ? '规下' : 'Below',
    },
    { column: col('rank', '排名', 'Rank', 'int'), value: (r) => r.rank },
    { column: col('creditCode', '统一社会信用代码', 'Credit code'), value: (r) => r.creditCode },
    { column: col('enterpriseName', '企业名称', 'Enterprise'), value: (r) => r.enterpriseName },
    { column: col('score', '综合得分', 'Score', 'decimal'), value: (r) => r.score },
    { column: col('cls', '类别', 'Class'), value: (r) => r.cls },
    ...indicatorKeysOfRun.map((k) => ({
      column: col(`pts_${k}`, `${k} 得分`, `${k} points`, 'decimal'),
      value: (r: ResultRow) => r.breakdown.find((l) => l.indicator === k)?.points ?? null,
    })),
    {
      column: col('policies', '差别化政策', 'Policies'),
      value: (r) => r.policies.map((p) => `${names[p.code]}${p.value === null ? '' : ` ${p.value}`}`).join('；'),
    },
  ];
}
