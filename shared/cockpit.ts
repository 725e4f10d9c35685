import { z } from 'zod';
import { econSummaryRowSchema } from './economy';

const year = z.coerce.number().int().min(2000).max(2100);
const month = z.coerce.number().int().min(1).max(12);

/** Without year/month the cockpit shows the zone's latest reported month. */
export const cockpitQuerySchema = z.object({ year: year.optional(), month: month.optional() });
export type CockpitQuery = z.infer<typeof cockpitQuerySchema>;

/**
 * The zone leader's one screen (DOMAIN.md §9). Every count is the total of a list endpoint with the filter named
 * beside it, so a click on the figure opens exactly the records behind it (tests check each pair).
 */
export const zoneCockpitSchema = z.object({
  zoneId: z.uuid(),
  zoneName: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  generatedAt: z.string(),
  /** Key indicators: the month table of /api/economy/summary with each indicator's 1–N月 cumulative trend. */
  indicators: z.array(
    econSummaryRowSchema.extend({
      thisYearCumulative: z.array(z.number().nullable()),
      lastYearCumulative: z.array(z.number().nullable()),
    }),
  ),
  /** Industrial pipeline (/api/investment/projects?type=industrial&stage=…): projects now in each stage. */
  investment: z.object({
    type: z.string(),
    stages: z.array(
      z.object({ key: z.string(), name: z.string(), current: z.number().int(), reached: z.number().int() }),
    ),
    signedCount: z.number().int(),
    signedCountTarget: z.number().int(),
    fundsInPlaceRate: z.string(),
  }),
  /** Key-project lights (/api/projects/key?light=…) and the year's investment completion. */
  projects: z.object({
    red: z.number().int(),
    yellow: z.number().int(),
    green: z.number().int(),
    total: z.number().int(),
    completionRate: z.string(),
  }),
  /** Approval cases (/api/approval/cases, …?light=overdue) and the on-time rate of /api/approval/metrics. */
  approval: z.object({
    cases: z.number().int(),
    decided: z.number().int(),
    onTimeRate: z.number(),
    overdue: z.number().int(),
    open: z.number().int(),
  }),
  /** Enterprise demands (/api/services/demands, ?status=resolved|closed, ?overdue=yes); closure = finished ÷ received. */
  demands: z.object({
    received: z.number().int(),
    resolved: z.number().int(),
    closed: z.number().int(),
    closureRate: z.number().nullable(),
    overdue: z.number().int(),
  }),
  /** 亩均 class mix of the latest run (/api/efficiency/runs/:id/results?cls=…); null before the first run. */
  efficiency: z
    .object({
      runId: z.uuid(),
      runName: z.string(),
      year: z.number().int(),
      classes: z.object({ A: z.number().int(), B: z.number().int(), C: z.number().int(), D: z.number().int() }),
      total: z.number().int(),
    })
    .nullable(),
  /** Department league table of the latest computed cycle (/api/performance/cycles/:id/scores?subject=department). */
  league: z
    .object({
      cycleId: z.uuid(),
      cycleName: z.string(),
      rows: z.array(
        z.object({
          departmentId: z.uuid(),
          name: z.string(),
          class: z.enum(['A', 'B']),
          score: z.number(),
          rank: z.number().int(),
          grade: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
});
export type ZoneCockpit = z.infer<typeof zoneCockpitSchema>;

export const provinceCockpitQuerySchema = z.object({
  year: year.optional(),
  month: month.optional(),
  /** Indicator code the zones are ranked by (YoY growth of 1–N月), e.g. GYZCZ. */
  indicator: z
    .string()
    .trim()
    .max(30)
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('GYZCZ'),
  /** The platform admin names the province; a province viewer always sees its own. */
  provinceId: z.uuid().optional(),
});

/** The province screen: zones ranked by an indicator's YoY with position and change (e.g. "15th, up 86"). */
export const provinceCockpitSchema = z.object({
  provinceId: z.uuid(),
  provinceName: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  indicator: z.string(),
  indicators: z.array(
    z.object({ code: z.string(), name: z.string(), nameEn: z.string(), unit: z.string(), unitEn: z.string() }),
  ),
  zones: z.number().int(),
  /** Zones with a YoY this month (ranked). */
  reporting: z.number().int(),
  red: z.number().int(),
  green: z.number().int(),
  /** Sum of the zones' 1–N月 cumulative (flows) or month-end values (stocks). */
  total: z.number().nullable(),
  rows: z.array(
    z.object({
      rank: z.number().int().nullable(),
      change: z.number().int().nullable(),
      zoneId: z.uuid(),
      zoneName: z.string(),
      cumulative: z.number().nullable(),
      yoyPct: z.number().nullable(),
      completionPct: z.number().nullable(),
      status: z.string(),
    }),
  ),
});
export type ProvinceCockpit = z.infer<typeof provinceCockpitSchema>;
