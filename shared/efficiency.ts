import { z } from 'zod';
import { pageQuerySchema } from './common';

/**
 * 亩均效益综合评价 (per-mu efficiency evaluation), DOMAIN.md §7. Everything the engine needs is a parameter of
 * the run (defaults below are the Huangyan-style defaults of DOMAIN.md); the server freezes the parameters, the
 * benchmarks and every enterprise's inputs on the run when it is computed, so a run is reproducible.
 */

/** Indicators the engine knows: value = numerator / denominator (× 100 for a share). */
export const indicatorKeys = [
  'taxPerMu', // 亩均税收 = tax / land mu (万元/亩)
  'valueAddedPerMu', // 亩均增加值 = value added / land mu (万元/亩)
  'revenuePerMu', // 亩均营收 = revenue / land mu (万元/亩)
  'valueAddedPerEnergy', // 单位能耗增加值 = value added / energy (万元/tce)
  'valueAddedPerEmission', // 单位排放增加值 = value added / main pollutant emission (万元/t)
  'laborProductivity', // 全员劳动生产率 = value added / average employees (万元/人)
  'rdShare', // R&D占营收比 = R&D / revenue × 100 (%)
  'taxPerKwh', // 单位电耗税收 = tax / electricity (万元/万kWh = 元/kWh)
] as const;
export const indicatorKeySchema = z.enum(indicatorKeys);
export type IndicatorKey = z.infer<typeof indicatorKeySchema>;

/** Which yearly input fields make each indicator (numerator, denominator, multiplier). */
export const INDICATOR_FORMULAS: Record<
  IndicatorKey,
  { num: EfficiencyInputField; den: EfficiencyInputField; factor: number }
> = {
  taxPerMu: { num: 'tax', den: 'landMu', factor: 1 },
  valueAddedPerMu: { num: 'valueAdded', den: 'landMu', factor: 1 },
  revenuePerMu: { num: 'revenue', den: 'landMu', factor: 1 },
  valueAddedPerEnergy: { num: 'valueAdded', den: 'energyTce', factor: 1 },
  valueAddedPerEmission: { num: 'valueAdded', den: 'emissionT', factor: 1 },
  laborProductivity: { num: 'valueAdded', den: 'employees', factor: 1 },
  rdShare: { num: 'rdExpense', den: 'revenue', factor: 100 },
  taxPerKwh: { num: 'tax', den: 'electricityMwh', factor: 1 },
};

export const efficiencyGroups = ['above', 'below'] as const; // 规上 / 规下
export type EfficiencyGroup = (typeof efficiencyGroups)[number];
export const efficiencyClasses = ['A', 'B', 'C', 'D'] as const;
export const efficiencyClassSchema = z.enum(efficiencyClasses);
export type EfficiencyClass = z.infer<typeof efficiencyClassSchema>;
/** T class (not evaluated): utilities, in production < N years, under construction. */
export const tClassReasons = ['utility', 'new', 'construction'] as const;

const amount = z.number().min(0).max(1e12);

/** One enterprise's yearly data (amounts in 万元, energy in tce, electricity in 万kWh, emission in t). */
export const efficiencyInputSchema = z.object({
  enterpriseId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  landMu: amount.nullable(),
  /** Leased floor space (㎡) for tenants without own land. */
  leasedM2: amount.nullable().default(null),
  tax: amount.nullable(),
  revenue: amount.nullable(),
  valueAdded: amount.nullable(),
  energyTce: amount.nullable(),
  electricityMwh: amount.nullable().default(null),
  emissionT: amount.nullable(),
  rdExpense: amount.nullable(),
  employees: z.number().int().min(0).max(10_000_000).nullable(),
  /** 规上 / 规下 in that year. */
  scale: z.enum(efficiencyGroups),
  /** Became 规上 (or was founded) within the year: never D. */
  newlyAbove: z.boolean().default(false),
  /** Leases out land to 规下 firms: penalty points. */
  leasedOut: z.boolean().default(false),
  /** Safety or environmental incident in the year: barred from A and B. */
  incident: z.boolean().default(false),
  /** Veto item (e.g. major illegal land use): class D whatever the score. */
  veto: z.boolean().default(false),
  tClass: z.enum(tClassReasons).nullable().default(null),
});
export type EfficiencyInput = z.infer<typeof efficiencyInputSchema>;
export type EfficiencyInputField =
  | 'landMu'
  | 'tax'
  | 'revenue'
  | 'valueAdded'
  | 'energyTce'
  | 'electricityMwh'
  | 'emissionT'
  | 'rdExpense'
  | 'employees';

export const indicatorWeightSchema = z.object({
  indicator: indicatorKeySchema,
  weight: z.number().min(0).max(100),
  /** Entered benchmark; null → computed from the prior year's zone average when benchmarkSource says so. */
  benchmark: z.number().positive().nullable(),
});
export type IndicatorWeight = z.infer<typeof indicatorWeightSchema>;

export const classBandSchema = z.object({
  cls: efficiencyClassSchema,
  /** Upper bound of the band as a rank percentile (0–100]: A 20 → the top 20 %. */
  upTo: z.number().gt(0).max(100),
});

export const efficiencyParamsSchema = z
  .object({
    scope: z.object({
      /** Industrial enterprises with land ≥ this many mu are evaluated (3 or 5). */
      minLandMu: z.number().min(0).max(10_000),
      /** Tenants (no own land) with leased floor space ≥ minTenantM2 are evaluated too. */
      includeTenants: z.boolean(),
      minTenantM2: z.number().min(0).max(1e7),
      /** T class (utilities, new, under construction) is left out. */
      excludeTClass: z.boolean(),
    }),
    indicators: z.object({
      above: z.array(indicatorWeightSchema).min(1).max(indicatorKeys.length),
      below: z.array(indicatorWeightSchema).min(1).max(indicatorKeys.length),
    }),
    benchmarkSource: z.enum(['entered', 'prior_year_average']),
    method: z.enum(['ratio', 'minmax']),
    /** Ratio method: value/benchmark is capped at this multiple (null: no cap). */
    ratioCap: z.number().min(1).max(100).nullable(),
    /** Missing data → the group's average score for that indicator, or zero. */
    missing: z.enum(['group_average', 'zero']),
    adjustments: z.object({
      leasedOutPoints: z.number().min(-100).max(0),
      incidentBarsAB: z.boolean(),
      newlyAboveNeverD: z.boolean(),
    }),
    /** Bands in order A, B, C, D with increasing upTo; the last is 100. */
    bands: z.array(classBandSchema).length(4),
    policies: z.object({
      /** 城镇土地使用税 relief by class, %. */
      landTaxReliefPct: z.object({ A: z.number(), B: z.number(), C: z.number(), D: z.number() }),
      /** Electricity surcharge for D, 元/kWh, by consecutive D years (1st, 2nd, 3rd+). */
      electricitySurchargeD: z.array(z.number().min(0).max(10)).max(5),
      /** No new land for D. */
      noNewLandForD: z.boolean(),
    }),
  })
  .superRefine((p, ctx) => {
    for (const g of efficiencyGroups) {
      const sum = p.indicators[g].reduce((s, i) => s + i.weight, 0);
      if (Math.abs(sum - 100) > 1e-9)
        ctx.addIssue({ code: 'custom', path: ['indicators', g], message: 'EFF_WEIGHTS_NOT_100' });
      const seen = new Set<string>();
      for (const [i, w] of p.indicators[g].entries()) {
        if (seen.has(w.indicator))
          ctx.addIssue({ code: 'custom', path: ['indicators', g, i, 'indicator'], message: 'EFF_DUPLICATE_INDICATOR' });
        seen.add(w.indicator);
        if (p.benchmarkSource === 'entered' && p.method === 'ratio' && w.benchmark === null)
          ctx.addIssue({ code: 'custom', path: ['indicators', g, i, 'benchmark'], message: 'REQUIRED' });
      }
    }
    const order = ['A', 'B', 'C', 'D'];
    p.bands.forEach((b, i) => {
      if (b.cls !== order[i]) ctx.addIssue({ code: 'custom', path: ['bands', i, 'cls'], message: 'EFF_BANDS_ORDER' });
      if (i > 0 && b.upTo < p.bands[i - 1]!.upTo)
        ctx.addIssue({ code: 'custom', path: ['bands', i, 'upTo'], message: 'EFF_BANDS_ORDER' });
    });
    if (p.bands[3] && p.bands[3].upTo !== 100)
      ctx.addIssue({ code: 'custom', path: ['bands', 3, 'upTo'], message: 'EFF_BANDS_ORDER' });
  });
export type EfficiencyParams = z.infer<typeof efficiencyParamsSchema>;

/** DOMAIN.md §7 defaults (Huangyan-style weights; benchmarks from the prior year's averages). */
export function defaultEfficiencyParams(): EfficiencyParams {
  const w = (indicator: IndicatorKey, weight: number): IndicatorWeight => ({ indicator, weight, benchmark: null });
  return {
    scope: { minLandMu: 3, includeTenants: false, minTenantM2: 3000, excludeTClass: true },
    indicators: {
      above: [
        w('taxPerMu', 30),
        w('valueAddedPerMu', 20),
        w('valueAddedPerEnergy', 20),
        w('valueAddedPerEmission', 10),
        w('laborProductivity', 10),
        w('rdShare', 10),
      ],
      below: [w('taxPerMu', 50), w('taxPerKwh', 50)],
    },
    benchmarkSource: 'prior_year_average',
    method: 'ratio',
    ratioCap: null,
    missing: 'group_average',
    adjustments: { leasedOutPoints: -5, incidentBarsAB: true, newlyAboveNeverD: true },
    bands: [
      { cls: 'A', upTo: 20 },
      { cls: 'B', upTo: 60 },
      { cls: 'C', upTo: 95 },
      { cls: 'D', upTo: 100 },
    ],
    policies: {
      landTaxReliefPct: { A: 100, B: 80, C: 0, D: 0 },
      electricitySurchargeD: [0.05, 0.1, 0.15],
      noNewLandForD: true,
    },
  };
}

/** One indicator line of an enterprise's score: how the points came about. */
export const breakdownLineSchema = z.object({
  indicator: indicatorKeySchema,
  weight: z.number(),
  value: z.number().nullable(),
  benchmark: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  /** 'value' (computed from the value), 'missing_average' or 'missing_zero'. */
  basis: z.enum(['value', 'missing_average', 'missing_zero']),
  points: z.number(),
});
export type BreakdownLine = z.infer<typeof breakdownLineSchema>;

export const adjustmentSchema = z.object({
  code: z.enum(['leased_out', 'incident_bars_ab', 'newly_above_never_d', 'veto']),
  points: z.number(),
  classFrom: efficiencyClassSchema.nullable(),
  classTo: efficiencyClassSchema.nullable(),
});
export type Adjustment = z.infer<typeof adjustmentSchema>;

export const policyItemSchema = z.object({
  code: z.enum(['land_tax_relief', 'electricity_surcharge', 'no_new_land']),
  value: z.number().nullable(),
});
export type PolicyItem = z.infer<typeof policyItemSchema>;

export const runStatuses = ['draft', 'computed', 'published', 'final'] as const;
export const runStatusSchema = z.enum(runStatuses);

export const runInputSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  name: z.string().trim().min(2).max(100),
  params: efficiencyParamsSchema,
});
export type RunInput = z.infer<typeof runInputSchema>;

export const publishInputSchema = z.object({
  /** Working days of the objection window after the notice (default 5). */
  objectionWorkdays: z.number().int().min(1).max(30),
});

export const benchmarksSchema = z.record(z.string(), z.record(z.string(), z.number().nullable()));

export const runSchema = z.object({
  id: z.uuid(),
  zoneId: z.uuid(),
  year: z.number().int(),
  name: z.string(),
  status: runStatusSchema,
  params: efficiencyParamsSchema,
  /** Frozen at compute: group → indicator → benchmark used. */
  benchmarks: benchmarksSchema.nullable(),
  population: z.number().int(),
  classCounts: z.record(z.string(), z.number().int()).nullable(),
  computedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  objectionEndsOn: z.string().nullable(),
  objectionEndsProvisional: z.boolean(),
  finalizedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Run = z.infer<typeof runSchema>;

export const runListQuerySchema = pageQuerySchema.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: runStatusSchema.optional(),
});

export const resultSchema = z.object({
  id: z.uuid(),
  runId: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  group: z.enum(efficiencyGroups),
  baseScore: z.number(),
  score: z.number(),
  rank: z.number().int(),
  groupSize: z.number().int(),
  percentile: z.number(),
  cls: efficiencyClassSchema,
  consecutiveD: z.number().int(),
  breakdown: z.array(breakdownLineSchema),
  adjustments: z.array(adjustmentSchema),
  policies: z.array(policyItemSchema),
  inputs: z.record(z.string(), z.unknown()),
});
export type Result = z.infer<typeof resultSchema>;

export const resultListQuerySchema = pageQuerySchema.extend({
  group: z.enum(efficiencyGroups).optional(),
  cls: efficiencyClassSchema.optional(),
});
