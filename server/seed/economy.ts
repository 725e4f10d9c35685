import { refreshZoneFigures } from '../domains/economy/economy.figures';
import { econIndicators, econTargets, econValues } from '../domains/economy/economy.tables';
import type { Tx } from '../platform/db';
import type { Random } from './random';

interface Spec {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  aggregation: 'sum' | 'last';
  /** Average month of last year (sum) or the stock at last year's start (last). */
  base: number;
  /** This year's growth on last year (fraction). */
  growth: number;
  dept: string;
  alertBelowPct?: number;
  excellentAbovePct?: number;
  higherIsBetter?: boolean;
  /** Also reported per sub-park (rankings). */
  byPark?: boolean;
  decimals?: number;
}

/** The catalogue 益阳高新区-style zones report monthly (DOMAIN.md §9), with last year's level and this year's trend. */
const INDICATORS: Spec[] = [
  {
    code: 'GYZCZ',
    name: '规上工业总产值',
    nameEn: 'Industrial output (above size)',
    unit: '亿元',
    aggregation: 'sum',
    base: 46,
    growth: 0.092,
    dept: 'JJFZ',
    alertBelowPct: 0,
    excellentAbovePct: 10,
    byPark: true,
  },
  {
    code: 'GYZJZ',
    name: '规上工业增加值',
    nameEn: 'Industrial value added',
    unit: '亿元',
    aggregation: 'sum',
    base: 11.2,
    growth: 0.076,
    dept: 'JJFZ',
    alertBelowPct: 0,
    excellentAbovePct: 8,
  },
  {
    code: 'GDZCTZ',
    name: '固定资产投资',
    nameEn: 'Fixed-asset investment',
    unit: '亿元',
    aggregation: 'sum',
    base: 18.5,
    growth: 0.061,
    dept: 'TZCJ',
    alertBelowPct: 0,
    excellentAbovePct: 10,
    byPark: true,
  },
  {
    code: 'GYTZ',
    name: '工业投资',
    nameEn: 'Industrial investment',
    unit: '亿元',
    aggregation: 'sum',
    base: 12.4,
    growth: 0.118,
    dept: 'TZCJ',
    alertBelowPct: 0,
    excellentAbovePct: 10,
  },
  {
    code: 'SS',
    name: '税收收入',
    nameEn: 'Tax revenue',
    unit: '亿元',
    aggregation: 'sum',
    base: 2.15,
    growth: 0.043,
    dept: 'CZJ',
    alertBelowPct: 0,
    excellentAbovePct: 8,
    byPark: true,
    decimals: 3,
  },
  {
    code: 'YBGGYS',
    name: '一般公共预算收入',
    nameEn: 'General budget revenue',
    unit: '亿元',
    aggregation: 'sum',
    base: 1.22,
    growth: -0.024,
    dept: 'CZJ',
    alertBelowPct: 0,
    excellentAbovePct: 8,
    decimals: 3,
  },
  {
    code: 'JCK',
    name: '进出口总额',
    nameEn: 'Imports and exports',
    unit: '亿元',
    aggregation: 'sum',
    base: 6.3,
    growth: 0.157,
    dept: 'TZCJ',
    alertBelowPct: 0,
    excellentAbovePct: 10,
  },
  {
    code: 'DWZJ',
    name: '到位资金',
    nameEn: 'Funds in place',
    unit: '亿元',
    aggregation: 'sum',
    base: 8.1,
    growth: 0.112,
    dept: 'TZCJ',
    alertBelowPct: 0,
    excellentAbovePct: 10,
    byPark: true,
  },
  {
    code: 'XZSCZT',
    name: '新增市场主体',
    nameEn: 'New market entities',
    unit: '户',
    aggregation: 'sum',
    base: 162,
    growth: 0.121,
    dept: 'QFJ',
    alertBelowPct: 0,
    excellentAbovePct: 10,
    decimals: 0,
  },
  {
    code: 'GXJSQY',
    name: '高新技术企业',
    nameEn: 'High-tech enterprises',
    unit: '家',
    aggregation: 'last',
    base: 208,
    growth: 0.135,
    dept: 'QFJ',
    alertBelowPct: 0,
    excellentAbovePct: 10,
    decimals: 0,
  },
  {
    code: 'FMZL',
    name: '发明专利授权',
    nameEn: 'Invention patents granted',
    unit: '件',
    aggregation: 'sum',
    base: 34,
    growth: 0.08,
    dept: 'QFJ',
    alertBelowPct: 0,
    excellentAbovePct: 15,
    decimals: 0,
  },
  {
    code: 'DWNH',
    name: '单位工业增加值能耗',
    nameEn: 'Energy per unit of industrial value added',
    unit: '吨标煤/万元',
    aggregation: 'last',
    base: 0.431,
    growth: -0.041,
    dept: 'JJFZ',
    alertBelowPct: 0,
    excellentAbovePct: -5,
    higherIsBetter: false,
    decimals: 3,
  },
];

/** English units of the catalogue (the en-US interface shows these). */
const UNIT_EN: Record<string, string> = {
  亿元: '100 million yuan',
  件: 'items',
  '吨标煤/万元': 'tce per 10,000 yuan',
  家: 'enterprises',
  户: 'entities',
};

/** Month shape of a year of flows: the Spring Festival dip, the year-end rush. */
const SEASON = [0.74, 0.7, 1.0, 1.0, 1.02, 1.08, 0.98, 0.97, 1.03, 1.04, 1.07, 1.37];

/**
 * Two years of monthly values (last year complete, this year up to the last reported month), annual targets, and
 * sub-park splits of the ranking indicators. `pace` shifts this zone's growth so zones of a province rank apart.
 */
export async function seedEconomy(
  tx: Tx,
  r: Random,
  zone: { zoneId: string; deptByCode: Map<string, { id: string }>; parks: { id: string }[] },
  opts: { year: number; reportedMonths: number; pace?: number },
): Promise<void> {
  const { year, reportedMonths } = opts;
  const pace = opts.pace ?? 0;
  const rows: (typeof econValues.$inferInsert)[] = [];
  const targets: (typeof econTargets.$inferInsert)[] = [];
  const shares = zone.parks.map(() => 0.5 + r.next());
  const shareSum = shares.reduce((a, b) => a + b, 0);
  for (const [i, s] of INDICATORS.entries()) {
    const [ind] = await tx
      .insert(econIndicators)
      .values({
        zoneId: zone.zoneId,
        code: s.code,
        name: s.name,
        nameEn: s.nameEn,
        unit: s.unit,
        unitEn: UNIT_EN[s.unit] ?? '',
        aggregation: s.aggregation,
        ownerDepartmentId: zone.deptByCode.get(s.dept)?.id ?? null,
        alertBelowPct: s.alertBelowPct ?? null,
        excellentAbovePct: s.excellentAbovePct ?? null,
        higherIsBetter: s.higherIsBetter ?? true,
        sortOrder: (i + 1) * 10,
      })
      .returning({ id: econIndicators.id });
    const id = ind!.id;
    const dec = 10 ** (s.decimals ?? 2);
    const round = (x: number) => Math.round(x * dec) / dec;
    const growth = s.growth + (s.higherIsBetter === false ? -pace : pace);
    const series = (y: number, months: number, g: number, noise: number) =>
      Array.from({ length: months }, (_, m) => {
        const wobble = 1 + (r.next() - 0.5) * noise;
        if (s.aggregation === 'last')
          return round(s.base * (1 + (g * (m + 1)) / 12) * (s.higherIsBetter === false ? wobble : 1));
        return round(s.base * SEASON[m]! * (1 + g) * wobble);
      });
    const last = series(year - 1, 12, 0, 0.06);
    const now = series(year, reportedMonths, growth, 0.06);
    const lastStock = s.aggregation === 'last';
    if (lastStock) for (let m = 0; m < now.length; m++) now[m] = round(last[m]! * (1 + growth));
    for (const [m, value] of last.entries()) {
      rows.push({ zoneId: zone.zoneId, indicatorId: id, year: year - 1, month: m + 1, value });
    }
    for (const [m, value] of now.entries())
      rows.push({ zoneId: zone.zoneId, indicatorId: id, year, month: m + 1, value });
    const lastTotal = lastStock ? last[11]! : last.reduce((a, b) => a + b, 0);
    const target = round(lastTotal * (1 + Math.max(0.05, s.growth + 0.02)));
    targets.push({ zoneId: zone.zoneId, indicatorId: id, year, target });
    if (s.byPark && zone.parks.length) {
      zone.parks.forEach((p, k) => {
        const share = shares[k]! / shareSum;
        const parkPace = (r.next() - 0.5) * 0.2;
        for (const [y, list] of [
          [year - 1, last],
          [year, now],
        ] as const) {
          for (const [m, v] of list.entries()) {
            rows.push({
              zoneId: zone.zoneId,
              indicatorId: id,
              subParkId: p.id,
              year: y,
              month: m + 1,
              value: round(v * share * (y === year ? 1 + parkPace : 1)),
            });
          }
        }
        targets.push({ zoneId: zone.zoneId, indicatorId: id, subParkId: p.id, year, target: round(target * share) });
      });
    }
  }
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(econValues).values(rows.slice(i, i + 1000));
  await tx.insert(econTargets).values(targets);
  await refreshZoneFigures(tx, zone.zoneId, [year - 1, year]);
}
