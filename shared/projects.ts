import { z } from 'zod';
import { pageQuerySchema } from './common';
import { moneySchema } from './investment';

export const projectLevels = ['province_top10', 'city', 'district'] as const;
export const lights = ['green', 'yellow', 'red'] as const;
export type Light = (typeof lights)[number];

/** Traffic-light parameters (DOMAIN.md §5 defaults), per zone. Percentages are percentage points. */
export const lightParamsSchema = z
  .object({
    yellowLagPoints: z.number().int().min(1).max(100),
    redLagPoints: z.number().int().min(1).max(100),
    notStartedMonths: z.number().int().min(1).max(24),
    notInStatsMonths: z.number().int().min(1).max(24),
  })
  .refine((p) => p.redLagPoints > p.yellowLagPoints, { path: ['redLagPoints'], message: 'RED_ABOVE_YELLOW' });
export type LightParams = z.infer<typeof lightParamsSchema>;
export const DEFAULT_LIGHT_PARAMS: LightParams = {
  yellowLagPoints: 10,
  redLagPoints: 30,
  notStartedMonths: 3,
  notInStatsMonths: 2,
};

/** Why a light is what it is; the web shows each reason in the user's language with its figures. */
export const lightReasonSchema = z.discriminatedUnion('code', [
  /** Rule 3: not started N months after the planned start. */
  z.object({ code: z.literal('NOT_STARTED'), plannedStart: z.string(), months: z.number().int() }),
  /** Rule 4: started M months ago and not yet in the statistics register. */
  z.object({ code: z.literal('NOT_IN_STATS'), actualStart: z.string(), months: z.number().int() }),
  /** Rules 1–2: completion lags the time schedule (时序进度) by `lag` points (two decimals). */
  z.object({
    code: z.literal('LAG'),
    lag: z.string(),
    schedule: z.string(),
    completion: z.string(),
    light: z.enum(['yellow', 'red']),
  }),
  /** Rule 5: was red, has caught up — yellow until the next month's evaluation. */
  z.object({ code: z.literal('CAUGHT_UP'), since: z.string() }),
]);
export type LightReason = z.infer<typeof lightReasonSchema>;

export const milestoneSchema = z.object({
  name: z.string().trim().min(1).max(50),
  plannedOn: z.iso.date(),
  doneOn: z.iso.date().nullable().default(null),
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const annualPlanSchema = z.object({ year: z.number().int().min(2000).max(2100), plannedFen: moneySchema });

export const keyProjectInputSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{2,30}$/),
    name: z.string().trim().min(2).max(100),
    level: z.enum(projectLevels),
    enterpriseId: z.uuid().nullable().default(null),
    subParkId: z.uuid().nullable().default(null),
    ownerName: z.string().trim().max(100).default(''),
    leaderName: z.string().trim().max(30).default(''),
    unitId: z.uuid().nullable().default(null),
    plannedStart: z.iso.date(),
    plannedCompletion: z.iso.date(),
    actualStart: z.iso.date().nullable().default(null),
    actualCompletion: z.iso.date().nullable().default(null),
    statsRegisteredOn: z.iso.date().nullable().default(null),
    totalInvestmentFen: moneySchema.default(0),
    annualPlans: z.array(annualPlanSchema).max(20).default([]),
    milestones: z.array(milestoneSchema).max(30).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.plannedCompletion < v.plannedStart) {
      ctx.addIssue({ code: 'custom', path: ['plannedCompletion'], message: 'BEFORE_START' });
    }
    if (v.actualCompletion && (!v.actualStart || v.actualCompletion < v.actualStart)) {
      ctx.addIssue({ code: 'custom', path: ['actualCompletion'], message: 'BEFORE_START' });
    }
    if (new Set(v.annualPlans.map((p) => p.year)).size !== v.annualPlans.length) {
      ctx.addIssue({ code: 'custom', path: ['annualPlans'], message: 'DUPLICATE_YEAR' });
    }
  });
export type KeyProjectInput = z.infer<typeof keyProjectInputSchema>;

export const keyProjectSchema = z.object({
  id: z.uuid(),
  zoneId: z.uuid(),
  code: z.string(),
  name: z.string(),
  level: z.enum(projectLevels),
  pipelineProjectId: z.uuid().nullable(),
  enterpriseId: z.uuid().nullable(),
  enterpriseName: z.string().nullable(),
  subParkId: z.uuid().nullable(),
  subParkName: z.string().nullable(),
  ownerName: z.string(),
  leaderName: z.string(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  plannedStart: z.string(),
  plannedCompletion: z.string(),
  actualStart: z.string().nullable(),
  actualCompletion: z.string().nullable(),
  statsRegisteredOn: z.string().nullable(),
  totalInvestmentFen: z.number().int(),
  milestones: z.array(z.object({ name: z.string(), plannedOn: z.string(), doneOn: z.string().nullable() })),
  light: z.enum(lights),
  lightReasons: z.array(lightReasonSchema),
  lightAsOf: z.string().nullable(),
  lightSince: z.string().nullable(),
  /** Planned investment of the current year and completed so far this year (fen). */
  yearPlannedFen: z.number().int(),
  yearCompletedFen: z.number().int(),
  openIssues: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type KeyProject = z.infer<typeof keyProjectSchema>;

export const keyProjectDetailSchema = keyProjectSchema.extend({
  annualPlans: z.array(z.object({ year: z.number().int(), plannedFen: z.number().int() })),
  months: z.array(z.object({ year: z.number().int(), month: z.number().int(), completedFen: z.number().int() })),
});
export type KeyProjectDetail = z.infer<typeof keyProjectDetailSchema>;

export const keyProjectListQuerySchema = pageQuerySchema.extend({
  level: z.enum(projectLevels).optional(),
  light: z.enum(lights).optional(),
  subParkId: z.uuid().optional(),
});
export type KeyProjectListQuery = z.infer<typeof keyProjectListQuerySchema>;

export const monthInputSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  month: z.number().int().min(1).max(12),
  completedFen: moneySchema,
});
export type MonthInput = z.infer<typeof monthInputSchema>;

export const recomputeSchema = z.strictObject({ asOf: z.iso.date() });

export const agendaSnapshotSchema = z.object({
  projects: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      light: z.enum(lights),
      reasons: z.array(lightReasonSchema),
    }),
  ),
  issues: z.array(z.object({ id: z.uuid(), description: z.string(), dueOn: z.string(), projectName: z.string() })),
});
export type AgendaSnapshot = z.infer<typeof agendaSnapshotSchema>;

export const meetingInputSchema = z.object({
  title: z.string().trim().min(2).max(100),
  kind: z.enum(['weekly', 'biweekly']),
  heldOn: z.iso.date(),
  chairName: z.string().trim().max(30).default(''),
});
export const minutesInputSchema = z.object({ minutes: z.string().max(20000) });

export const meetingSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(['weekly', 'biweekly']),
  heldOn: z.string(),
  chairName: z.string(),
  agenda: agendaSnapshotSchema,
  minutes: z.string(),
  issueCount: z.number().int(),
  openIssueCount: z.number().int(),
  createdAt: z.string(),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const commitments = ['none', 'promise', 'tolerance'] as const;
export const issueInputSchema = z.object({
  keyProjectId: z.uuid().nullable().default(null),
  description: z.string().trim().min(2).max(500),
  ownerDepartmentId: z.uuid().nullable().default(null),
  ownerName: z.string().trim().max(30).default(''),
  commitment: z.enum(commitments).default('none'),
  workdays: z.number().int().min(1).max(120),
});
export type IssueInput = z.infer<typeof issueInputSchema>;
export const closeIssueSchema = z.object({ note: z.string().trim().min(2).max(500) });

export const issueSchema = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  meetingTitle: z.string(),
  keyProjectId: z.uuid().nullable(),
  keyProjectName: z.string().nullable(),
  description: z.string(),
  ownerDepartmentId: z.uuid().nullable(),
  ownerDepartmentName: z.string().nullable(),
  ownerName: z.string(),
  commitment: z.enum(commitments),
  raisedOn: z.string(),
  workdays: z.number().int(),
  dueOn: z.string(),
  dueProvisional: z.boolean(),
  status: z.enum(['open', 'closed']),
  closedOn: z.string().nullable(),
  closingNote: z.string(),
  /** closed: closed on or before the deadline; open: not yet past it. */
  onTime: z.boolean(),
});
export type Issue = z.infer<typeof issueSchema>;

export const issueListQuerySchema = pageQuerySchema.extend({
  status: z.enum(['open', 'closed']).optional(),
  meetingId: z.uuid().optional(),
  keyProjectId: z.uuid().optional(),
});
export type IssueListQuery = z.infer<typeof issueListQuerySchema>;

/** A ratio as a percentage with two decimals, from integer parts (no float arithmetic on money). */
export function percent(part: number, whole: number): string {
  if (whole <= 0) return '';
  const bp = (BigInt(part) * 20000n + BigInt(whole)) / (2n * BigInt(whole)); // round half up, in 1/100 %
  const s = bp.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

export const metricsSchema = z.object({
  year: z.number().int(),
  signedCount: z.number().int(),
  signedCountTarget: z.number().int(),
  signedAmountFen: z.number().int(),
  signedAmountTargetFen: z.number().int(),
  signedAmountRate: z.string(),
  fundsInPlaceFen: z.number().int(),
  fundsInPlaceTargetFen: z.number().int(),
  fundsInPlaceRate: z.string(),
  newStarts: z.number().int(),
  newInProduction: z.number().int(),
  plannedFen: z.number().int(),
  completedFen: z.number().int(),
  completionRate: z.string(),
  issuesClosed: z.number().int(),
  issuesClosedOnTime: z.number().int(),
  issuesOnTimeRate: z.string(),
  lights: z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int() }),
  teams: z.array(
    z.object({
      teamId: z.uuid(),
      name: z.string(),
      signedCount: z.number().int(),
      signedAmountFen: z.number().int(),
      targetAmountFen: z.number().int(),
      rate: z.string(),
    }),
  ),
  subParks: z.array(
    z.object({
      subParkId: z.uuid().nullable(),
      name: z.string().nullable(),
      plannedFen: z.number().int(),
      completedFen: z.number().int(),
      rate: z.string(),
    }),
  ),
});
export type Metrics = z.infer<typeof metricsSchema>;

/** Progress photos of a key project: file ids from POST /api/files, the day taken and a caption. */
export const photoInputSchema = z.object({
  fileIds: z.array(z.uuid()).min(1).max(20),
  takenOn: z.iso.date(),
  caption: z.string().trim().max(200).default(''),
});
export type PhotoInput = z.infer<typeof photoInputSchema>;
export const photoSchema = z.object({
  id: z.uuid(),
  keyProjectId: z.uuid(),
  fileId: z.uuid(),
  fileName: z.string(),
  takenOn: z.string(),
  caption: z.string(),
  uploadedByName: z.string(),
  createdAt: z.string(),
});
export type Photo = z.infer<typeof photoSchema>;
