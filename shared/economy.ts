import { z } from 'zod';
import { pageQuerySchema } from './common';

/** 'sum': monthly flows, 1–N月 cumulative is their sum (产值, 投资, 税收…); 'last': stock at month end (企业数, 专利…). */
export const econAggregations = ['sum', 'last'] as const;
export const econFrequencies = ['monthly', 'quarterly'] as const;

const pct = z.number().min(-1000).max(1000).multipleOf(0.01);

export const econIndicatorInputSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(30)
    .regex(/^[A-Za-z0-9_-]+$/),
  name: z.string().trim().min(2).max(60),
  nameEn: z.string().trim().max(120).default(''),
  unit: z.string().trim().min(1).max(20),
  /** The unit in English (亿元 → 100 million yuan), shown in the en-US interface. */
  unitEn: z.string().trim().max(40).default(''),
  ownerDepartmentId: z.uuid().nullable().default(null),
  frequency: z.enum(econFrequencies).default('monthly'),
  aggregation: z.enum(econAggregations).default('sum'),
  /** YoY growth (%) below which the figure is flagged red (e.g. 0: any decline). */
  alertBelowPct: pct.nullable().default(null),
  /** YoY growth (%) from which the figure is flagged excellent. */
  excellentAbovePct: pct.nullable().default(null),
  /** A month-on-month or year-on-year change beyond this (%) needs a written reason when entered. */
  jumpPct: z.number().min(1).max(10000).default(50),
  higherIsBetter: z.boolean().default(true),
  sortOrder: z.number().int().min(0).max(9999).default(100),
  active: z.boolean().default(true),
});
export type EconIndicatorInput = z.infer<typeof econIndicatorInputSchema>;

export const econIndicatorSchema = econIndicatorInputSchema.extend({
  id: z.uuid(),
  zoneId: z.uuid(),
  ownerDepartmentName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EconIndicator = z.infer<typeof econIndicatorSchema>;

export const econIndicatorListQuerySchema = pageQuerySchema.extend({
  active: z.enum(['true', 'false']).optional(),
});

const year = z.coerce.number().int().min(2000).max(2100);
const month = z.coerce.number().int().min(1).max(12);

export const econValueInputSchema = z.object({
  indicatorId: z.uuid(),
  /** null: the whole zone. */
  subParkId: z.uuid().nullable().default(null),
  year,
  month,
  value: z.number().min(-1e13).max(1e13),
  /** Why an implausible jump is right (required when the change exceeds the indicator's jumpPct). */
  reason: z.string().trim().max(300).default(''),
});
export type EconValueInput = z.infer<typeof econValueInputSchema>;

export const econTargetInputSchema = z.object({
  indicatorId: z.uuid(),
  subParkId: z.uuid().nullable().default(null),
  year,
  target: z.number().min(0).max(1e13),
});
export type EconTargetInput = z.infer<typeof econTargetInputSchema>;

export const econSummaryQuerySchema = z.object({
  year,
  month,
  subParkId: z.uuid().optional(),
});

export const econStatuses = ['red', 'normal', 'green', 'none'] as const;

/** One indicator's month: the value, 1–N月 cumulative, last year's, YoY, target and completion, with its flag. */
export const econSummaryRowSchema = z.object({
  indicatorId: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  unitEn: z.string(),
  aggregation: z.enum(econAggregations),
  monthValue: z.number().nullable(),
  cumulative: z.number().nullable(),
  /** Months 1..N missing from the cumulative (a sum over an incomplete year is not shown as complete). */
  missingMonths: z.array(z.number().int()),
  lastYearCumulative: z.number().nullable(),
  yoyPct: z.number().nullable(),
  target: z.number().nullable(),
  completionPct: z.number().nullable(),
  /** N/12 as a percentage: completion ahead of it is on schedule (时间过半、任务过半). */
  timeProgressPct: z.number(),
  status: z.enum(econStatuses),
  reason: z.string(),
});
export type EconSummaryRow = z.infer<typeof econSummaryRowSchema>;

export const econTrendSchema = z.object({
  indicatorId: z.uuid(),
  year: z.number().int(),
  unit: z.string(),
  /** Monthly values (index 0 = January) and cumulative 1–N, this year and last. */
  thisYear: z.array(z.number().nullable()),
  lastYear: z.array(z.number().nullable()),
  thisYearCumulative: z.array(z.number().nullable()),
  lastYearCumulative: z.array(z.number().nullable()),
});

export const subParkRankingQuerySchema = z.object({
  year,
  month,
  /** code:weight pairs, e.g. GYZCZ:40,GDZCTZ:30,SS:30 (weights are normalised). */
  indicators: z
    .string()
    .trim()
    .min(1)
    .max(400)
    .regex(/^[A-Za-z0-9_-]+:\d{1,3}(,[A-Za-z0-9_-]+:\d{1,3})*$/),
});

export const subParkRankingRowSchema = z.object({
  rank: z.number().int(),
  subParkId: z.uuid(),
  name: z.string(),
  score: z.number(),
  parts: z.array(
    z.object({ code: z.string(), weight: z.number(), completionPct: z.number().nullable(), score: z.number() }),
  ),
});

export const zoneRankingQuerySchema = z.object({ year, month, indicator: z.string().trim().min(1).max(30) });
export const zoneRankingRowSchema = z.object({
  rank: z.number().int(),
  /** Rank change vs the previous month (positive: moved up), null when not ranked then. */
  change: z.number().int().nullable(),
  zoneId: z.uuid(),
  zoneName: z.string(),
  cumulative: z.number().nullable(),
  yoyPct: z.number().nullable(),
});
