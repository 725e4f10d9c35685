import { z } from 'zod';
import { pageQuerySchema } from './common';

/** 优秀 / 合格 / 基本合格 / 不合格. */
export const grades = ['excellent', 'good', 'basic', 'fail'] as const;
export const gradeSchema = z.enum(grades);
export type Grade = z.infer<typeof gradeSchema>;

export const cyclePeriods = ['monthly', 'quarterly', 'annual'] as const;
export const cycleStatuses = ['open', 'closed'] as const;
/** capped 完成率封顶, efficacy 功效系数 peer ranking, bonus 加分项, deduction 减分项. */
export const scoringMethods = ['capped', 'efficacy', 'bonus', 'deduction'] as const;
export const indicatorLevels = ['department', 'individual'] as const;

/** The written tie-break rule (server: performance.rules.ts compareRanked). */
export const TIE_BREAK_RULE = {
  'zh-CN': '总分高者在前；总分相同时入职日期早者（工龄长）在前，入职日期未知者在后；再相同按工号升序。',
  'en-US':
    'Higher total score first; on equal scores the earlier hire date (longer service) first, unknown dates last; then by employee number.',
} as const;

const pct = z.number().min(0).max(100).multipleOf(0.01);

/** Grade quota parameters (DOMAIN.md §8 defaults; configurable per cycle). */
export const gradeRulesSchema = z.object({
  excellentMaxPct: pct.default(20),
  excellentMinScore: z.number().min(0).max(200).default(90),
  failMinPct: pct.default(3),
  bottomPct: pct.nullable().default(null),
  floorScore: z.number().min(0).max(200).default(60),
});
export type GradeRules = z.infer<typeof gradeRulesSchema>;

export const cycleInputSchema = z
  .object({
    name: z.string().trim().min(2).max(60),
    period: z.enum(cyclePeriods),
    periodStart: z.iso.date(),
    periodEnd: z.iso.date(),
    /** Share of the department's score in each person's final score (cascade), percent. */
    departmentSharePct: pct.default(30),
    gradeRules: gradeRulesSchema.default(gradeRulesSchema.parse({})),
  })
  .refine((c) => c.periodEnd >= c.periodStart, { path: ['periodEnd'], message: 'END_BEFORE_START' });
export type CycleInput = z.infer<typeof cycleInputSchema>;

export const cycleSchema = z.object({
  id: z.uuid(),
  zoneId: z.uuid(),
  name: z.string(),
  period: z.enum(cyclePeriods),
  periodStart: z.string(),
  periodEnd: z.string(),
  departmentSharePct: z.number(),
  gradeRules: gradeRulesSchema,
  status: z.enum(cycleStatuses),
  computedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Cycle = z.infer<typeof cycleSchema>;

export const cycleListQuerySchema = pageQuerySchema.extend({
  period: z.enum(cyclePeriods).optional(),
  status: z.enum(cycleStatuses).optional(),
});

export const indicatorInputSchema = z.object({
  level: z.enum(indicatorLevels),
  /** Department class the template applies to (department level only). */
  class: z.enum(['A', 'B']).nullable().default(null),
  name: z.string().trim().min(2).max(60),
  method: z.enum(scoringMethods),
  weight: z.number().min(0).max(100).multipleOf(0.01),
  target: z.number().min(0).nullable().default(null),
  /** capped: completion cap (e.g. 1.2); bonus/deduction: the most points the item may add or take. */
  cap: z.number().min(0).max(100).default(1.2),
  /** Automatic source key (registerIndicatorSource); null for a manual indicator with evidence. */
  sourceKey: z.string().max(80).nullable().default(null),
  /** The zone target this indicator breaks down (cascade), free text. */
  zoneTarget: z.string().trim().max(200).default(''),
});
export type IndicatorInput = z.infer<typeof indicatorInputSchema>;

/** A cycle's indicator set: department templates per class and the individual set, each weighing 100 in all. */
export const indicatorSetSchema = z.object({ indicators: z.array(indicatorInputSchema).min(1).max(60) });

export const indicatorSchema = indicatorInputSchema.extend({ id: z.uuid(), cycleId: z.uuid() });
export type Indicator = z.infer<typeof indicatorSchema>;

export const sourceRecordSchema = z.object({ entity: z.string(), id: z.string(), label: z.string() });

export const valueInputSchema = z.object({
  indicatorId: z.uuid(),
  departmentId: z.uuid().nullable().default(null),
  staffId: z.uuid().nullable().default(null),
  actual: z.number().min(-1e9).max(1e12),
  note: z.string().trim().max(500).default(''),
  evidenceFileIds: z.array(z.uuid()).max(20).default([]),
});
export type ValueInput = z.infer<typeof valueInputSchema>;

export const valueSchema = z.object({
  id: z.uuid(),
  indicatorId: z.uuid(),
  departmentId: z.uuid().nullable(),
  staffId: z.uuid().nullable(),
  actual: z.number(),
  origin: z.enum(['manual', 'auto']),
  note: z.string(),
  evidenceFileIds: z.array(z.string()),
  records: z.array(sourceRecordSchema),
  query: z.string(),
});

export const scoreLineSchema = z.object({
  indicatorId: z.uuid(),
  name: z.string(),
  method: z.enum(scoringMethods),
  weight: z.number(),
  actual: z.number().nullable(),
  target: z.number().nullable(),
  points: z.number(),
});

export const scoreSchema = z.object({
  id: z.uuid(),
  subject: z.enum(['department', 'staff']),
  departmentId: z.uuid(),
  departmentName: z.string(),
  departmentClass: z.enum(['A', 'B']),
  staffId: z.uuid().nullable(),
  staffName: z.string().nullable(),
  employeeNo: z.string().nullable(),
  ownScore: z.number(),
  score: z.number(),
  rank: z.number().int(),
  grade: gradeSchema.nullable(),
  gradeReason: z.string().nullable(),
  lines: z.array(scoreLineSchema),
});
export type Score = z.infer<typeof scoreSchema>;

export const calibrationInputSchema = z.object({
  grade: gradeSchema,
  reason: z.string().trim().min(4).max(500),
});

export const appealInputSchema = z.object({ reason: z.string().trim().min(4).max(1000) });
export const appealDecisionSchema = z.object({
  decision: z.enum(['upheld', 'rejected']),
  grade: gradeSchema.nullable().default(null),
  reply: z.string().trim().min(2).max(1000),
});

// ---------------------------------------------------------------- pay

export const payRunKinds = ['advance', 'settlement'] as const;

/** Grade → performance coefficient; their spread (max/min) may not exceed rangeMax (1–3×, DOMAIN.md §8). */
export const payParamsSchema = z.object({
  gradeCoefficients: z
    .object({
      excellent: z.number().min(0.1).max(10).multipleOf(0.01),
      good: z.number().min(0.1).max(10).multipleOf(0.01),
      basic: z.number().min(0.1).max(10).multipleOf(0.01),
      fail: z.number().min(0.1).max(10).multipleOf(0.01),
    })
    .default({ excellent: 1.3, good: 1, basic: 0.8, fail: 0.5 }),
  rangeMax: z.number().min(1).max(10).default(3),
  /** Share of the annual pool paid as quarterly advances; the rest (≥ minAtRiskPct) depends on the grade. */
  advancePct: pct.default(60),
  minAtRiskPct: pct.default(20),
  /** Most one person may receive for the year (e.g. 2× comparable civil-service pay), fen; null = no cap. */
  personCapFen: z.number().int().min(1).nullable().default(null),
});
export type PayParams = z.infer<typeof payParamsSchema>;

export const payRunInputSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    kind: z.enum(payRunKinds),
    quarter: z.number().int().min(1).max(4).nullable().default(null),
    /** The year's performance pay pool (员额工资定总量), fen. */
    poolFen: z.number().int().min(1).max(1e13),
    /** Settlement: the closed annual cycle whose grades apply. */
    cycleId: z.uuid().nullable().default(null),
    params: payParamsSchema.default(payParamsSchema.parse({})),
  })
  .refine((r) => r.kind !== 'advance' || r.quarter !== null, { path: ['quarter'], message: 'REQUIRED' })
  .refine((r) => r.kind !== 'settlement' || r.cycleId !== null, { path: ['cycleId'], message: 'REQUIRED' });
export type PayRunInput = z.infer<typeof payRunInputSchema>;

export const payRunSchema = z.object({
  id: z.uuid(),
  zoneId: z.uuid(),
  year: z.number().int(),
  kind: z.enum(payRunKinds),
  quarter: z.number().int().nullable(),
  poolFen: z.number().int(),
  distributedFen: z.number().int(),
  cycleId: z.uuid().nullable(),
  cycleName: z.string().nullable(),
  params: payParamsSchema,
  people: z.number().int(),
  flagged: z.number().int(),
  createdAt: z.string(),
});
export type PayRun = z.infer<typeof payRunSchema>;

export const payLineSchema = z.object({
  id: z.uuid(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  departmentCoefficient: z.number(),
  departmentWeight: z.number(),
  departmentShareFen: z.number().int(),
  staffId: z.uuid(),
  staffName: z.string(),
  employeeNo: z.string(),
  postName: z.string(),
  postCoefficient: z.number(),
  grade: gradeSchema.nullable(),
  gradeCoefficient: z.number(),
  weight: z.number(),
  departmentWeightSum: z.number(),
  shareFen: z.number().int(),
  extraFen: z.boolean(),
  advancesFen: z.number().int(),
  amountFen: z.number().int(),
  flags: z.array(z.string()),
});
export type PayLine = z.infer<typeof payLineSchema>;

export const payLineQuerySchema = pageQuerySchema.extend({
  departmentId: z.uuid().optional(),
});

// ---------------------------------------------------------------- appointments (聘任)

export const appointmentMethods = ['competitive', 'mutual', 'open'] as const;

export const appointmentInputSchema = z.object({
  staffId: z.uuid(),
  postId: z.uuid(),
  /** 竞争上岗 / 双向选择 / 公开招聘. */
  method: z.enum(appointmentMethods),
  startsOn: z.iso.date(),
  termYears: z.number().int().min(1).max(5).default(3),
  maxConsecutiveTerms: z.number().int().min(1).max(10).default(3),
  /** Required for a term beyond the consecutive limit: the committee's decision (number and gist). */
  committeeDecision: z.string().trim().max(300).default(''),
});
export type AppointmentInput = z.infer<typeof appointmentInputSchema>;

export const appointmentSchema = z.object({
  id: z.uuid(),
  staffId: z.uuid(),
  staffName: z.string(),
  employeeNo: z.string(),
  archiveRank: z.string(),
  postId: z.uuid(),
  postName: z.string(),
  departmentName: z.string(),
  method: z.enum(appointmentMethods),
  startsOn: z.string(),
  endsOn: z.string(),
  termNo: z.number().int(),
  committeeDecision: z.string(),
});

export const appointmentListQuerySchema = z.object({
  staffId: z.uuid().optional(),
  /** Expiry alerts: terms ending within this many days of today (China time). */
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
});

// ---------------------------------------------------------------- my KPIs (我的考核)

export const myCycleSchema = z.object({
  cycleId: z.uuid(),
  cycleName: z.string(),
  period: z.enum(cyclePeriods),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(cycleStatuses),
  scoreId: z.uuid(),
  ownScore: z.number(),
  score: z.number(),
  rank: z.number().int(),
  /** People ranked in the cycle (the rank's denominator). */
  ranked: z.number().int(),
  grade: gradeSchema.nullable(),
  gradeReason: z.string().nullable(),
  lines: z.array(scoreLineSchema),
});

export const myValueSchema = z.object({
  indicatorId: z.uuid(),
  name: z.string(),
  actual: z.number(),
  origin: z.enum(['manual', 'auto']),
  note: z.string(),
  records: z.array(sourceRecordSchema),
  query: z.string(),
});

export const myPaySchema = z.object({
  runId: z.uuid(),
  year: z.number().int(),
  kind: z.enum(payRunKinds),
  quarter: z.number().int().nullable(),
  postName: z.string(),
  postCoefficient: z.number(),
  grade: gradeSchema.nullable(),
  gradeCoefficient: z.number(),
  amountFen: z.number().int(),
});

/** The signed-in staff member's own appraisal: scores over time (trend), the latest cycle's values, pay. */
export const myKpisSchema = z.object({
  staff: z
    .object({
      id: z.uuid(),
      name: z.string(),
      employeeNo: z.string(),
      departmentName: z.string(),
      postName: z.string().nullable(),
      postCoefficient: z.number().nullable(),
      archiveRank: z.string(),
    })
    .nullable(),
  cycles: z.array(myCycleSchema),
  latestValues: z.array(myValueSchema),
  pay: z.array(myPaySchema),
});
export type MyKpis = z.infer<typeof myKpisSchema>;

// ---------------------------------------------------------------- competitive appointment rounds (竞聘上岗)

/** The written tie-break of a round (server: performance.rounds.ts rankApplicants). */
export const ROUND_TIE_BREAK_RULE = {
  'zh-CN': '综合成绩高者在前；相同时面试成绩高者在前；再相同时入职日期早者在前（未知在后）；再相同按工号升序。',
  'en-US':
    'Higher total first; on equal totals the higher interview score, then the earlier hire date (unknown last), then the employee number.',
} as const;

export const roundInputSchema = z
  .object({
    name: z.string().trim().min(2).max(80),
    method: z.enum(appointmentMethods).default('competitive'),
    writtenWeight: pct.default(40),
    interviewWeight: pct.default(60),
    /** Lowest total that may be appointed. */
    passScore: z.number().min(0).max(100).default(60),
    /** 公示 days (calendar) before the results are final. */
    publicityDays: z.number().int().min(1).max(30).default(5),
    termStartsOn: z.iso.date(),
    posts: z
      .array(z.object({ postId: z.uuid(), seats: z.number().int().min(1).max(50) }))
      .min(1)
      .max(50),
  })
  .refine((r) => Math.round(r.writtenWeight * 100) + Math.round(r.interviewWeight * 100) === 10000, {
    path: ['interviewWeight'],
    message: 'ROUND_WEIGHTS_NOT_100',
  })
  .refine((r) => new Set(r.posts.map((p) => p.postId)).size === r.posts.length, {
    path: ['posts'],
    message: 'DUPLICATE_VALUE',
  });
export type RoundInput = z.infer<typeof roundInputSchema>;

export const applicantInputSchema = z.object({ postId: z.uuid(), staffId: z.uuid() });
const score100 = z.number().min(0).max(100).multipleOf(0.01);
export const roundScoresSchema = z.object({
  scores: z
    .array(z.object({ applicantId: z.uuid(), writtenScore: score100, interviewScore: score100 }))
    .min(1)
    .max(500),
});

export const roundApplicantSchema = z.object({
  id: z.uuid(),
  postId: z.uuid(),
  staffId: z.uuid(),
  staffName: z.string(),
  employeeNo: z.string(),
  departmentName: z.string(),
  archiveRank: z.string(),
  writtenScore: z.number().nullable(),
  interviewScore: z.number().nullable(),
  total: z.number().nullable(),
  rank: z.number().int().nullable(),
  result: z.enum(['selected', 'not_selected']).nullable(),
  appointmentId: z.uuid().nullable(),
});

export const roundSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  method: z.enum(appointmentMethods),
  writtenWeight: z.number(),
  interviewWeight: z.number(),
  passScore: z.number(),
  publicityDays: z.number().int(),
  termStartsOn: z.string(),
  status: z.enum(['open', 'publicized', 'finalized']),
  publicityStartsOn: z.string().nullable(),
  publicityEndsOn: z.string().nullable(),
  createdAt: z.string(),
  posts: z.array(
    z.object({
      postId: z.uuid(),
      postName: z.string(),
      departmentName: z.string(),
      coefficient: z.number(),
      seats: z.number().int(),
    }),
  ),
  applicants: z.array(roundApplicantSchema),
});
export type Round = z.infer<typeof roundSchema>;
