import { z } from 'zod';
import { pageQuerySchema } from './common';
import { creditCodeSchema, industryCodeSchema } from './enterprises';

/** Project types, each with its own stage set. */
export const projectTypes = ['industrial', 'service', 'headquarters'] as const;
export type ProjectType = (typeof projectTypes)[number];

/** The stage whose approval signs the project (creates/links the enterprise, opens a key project). */
export const SIGNING_STAGE = 'signed';

export const stageSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z_]{1,29}$/),
  name: z.string().trim().min(1).max(20),
  /** What evidence the stage needs (shown to whoever asks to move into it). */
  evidence: z.string().trim().max(100).default(''),
});
export type Stage = z.infer<typeof stageSchema>;

const stageListSchema = z
  .array(stageSchema)
  .min(2)
  .max(12)
  .refine((l) => new Set(l.map((s) => s.key)).size === l.length, { message: 'DUPLICATE_STAGE' })
  .refine((l) => l.some((s) => s.key === SIGNING_STAGE), { message: 'SIGNING_STAGE_REQUIRED' });

export const stageSetsSchema = z.object({
  industrial: stageListSchema,
  service: stageListSchema,
  headquarters: stageListSchema,
});
export type StageSets = z.infer<typeof stageSetsSchema>;

const common = (key: string, name: string, evidence: string): Stage => ({ key, name, evidence });
const HEAD = [
  common('lead', '线索', '线索来源与企业基本情况'),
  common('negotiating', '洽谈', '洽谈纪要或考察报告'),
  common(SIGNING_STAGE, '签约', '投资协议（文号、签约日期）'),
  common('registered', '注册', '营业执照'),
];
/** Defaults (DOMAIN.md §4): 线索 → 洽谈 → 签约 → 注册 → 开工 → 投产; service and HQ projects end differently. */
export const DEFAULT_STAGE_SETS: StageSets = {
  industrial: [...HEAD, common('started', '开工', '施工许可证或开工照片'), common('producing', '投产', '投产证明')],
  service: [...HEAD, common('opened', '开业', '开业证明')],
  headquarters: [...HEAD, common('settled', '入驻', '入驻协议与办公场所证明')],
};

/** Money: integer fen (or US cents), never floats. */
export const moneySchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** CNY per USD with up to 4 decimals, kept as text so it is stored exactly (numeric(10,4)). */
export const usdRateSchema = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, { message: 'INVALID_RATE' });

export const pipelineInputSchema = z
  .object({
    name: z.string().trim().min(2).max(100),
    type: z.enum(projectTypes),
    investor: z.string().trim().max(100).default(''),
    sourceRegion: z.string().trim().max(50).default(''),
    teamId: z.uuid().nullable().default(null),
    subParkId: z.uuid().nullable().default(null),
    agreedInvestmentFen: moneySchema.default(0),
    fundsOutsideProvinceFen: moneySchema.default(0),
    fundsAbroadUsdCents: moneySchema.default(0),
    usdRate: usdRateSchema.nullable().default(null),
    fortune500: z.boolean().default(false),
    listed: z.boolean().default(false),
    xiangshangReturn: z.boolean().default(false),
    plan: z.string().trim().max(2000).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.fundsAbroadUsdCents > 0 && !v.usdRate) {
      ctx.addIssue({ code: 'custom', path: ['usdRate'], message: 'RATE_REQUIRED' });
    }
  });
export type PipelineInput = z.infer<typeof pipelineInputSchema>;

export const pipelineProjectSchema = z.object({
  id: z.uuid(),
  zoneId: z.uuid(),
  name: z.string(),
  type: z.enum(projectTypes),
  investor: z.string(),
  sourceRegion: z.string(),
  teamId: z.uuid().nullable(),
  teamName: z.string().nullable(),
  subParkId: z.uuid().nullable(),
  subParkName: z.string().nullable(),
  stage: z.string(),
  stageName: z.string(),
  stageIndex: z.number().int(),
  stageEnteredAt: z.string(),
  agreedInvestmentFen: z.number().int(),
  fundsOutsideProvinceFen: z.number().int(),
  fundsAbroadUsdCents: z.number().int(),
  usdRate: z.string().nullable(),
  /** Foreign funds converted at the recorded rate, in fen (rounded half up). */
  fundsAbroadFen: z.number().int(),
  fortune500: z.boolean(),
  listed: z.boolean(),
  xiangshangReturn: z.boolean(),
  plan: z.string(),
  signedOn: z.string().nullable(),
  enterpriseId: z.uuid().nullable(),
  keyProjectId: z.uuid().nullable(),
  pendingMoveId: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PipelineProject = z.infer<typeof pipelineProjectSchema>;

export const pipelineListQuerySchema = pageQuerySchema.extend({
  type: z.enum(projectTypes).optional(),
  stage: z.string().trim().max(30).optional(),
  teamId: z.uuid().optional(),
  flag: z.enum(['fortune500', 'listed', 'xiangshangReturn']).optional(),
});
export type PipelineListQuery = z.infer<typeof pipelineListQuerySchema>;

export const moveRequestSchema = z.object({
  toStage: z.string().trim().min(1).max(30),
  evidence: z.object({
    summary: z.string().trim().min(4).max(500),
    documentNo: z.string().trim().max(60).default(''),
    date: z.iso.date(),
  }),
  /** Needed when moving into the signing stage: the enterprise to create (or link, by credit code). */
  enterprise: z
    .object({ creditCode: creditCodeSchema, name: z.string().trim().min(2).max(100), industryCode: industryCodeSchema })
    .nullable()
    .default(null),
  /** Also for signing: the key project it opens. */
  keyProject: z
    .object({
      level: z.enum(['province_top10', 'city', 'district']),
      plannedStart: z.iso.date(),
      plannedCompletion: z.iso.date(),
    })
    .nullable()
    .default(null),
});
export type MoveRequest = z.infer<typeof moveRequestSchema>;

export const decisionSchema = z.object({ opinion: z.string().trim().min(1).max(1000) });

export const stageMoveSchema = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  fromStage: z.string(),
  toStage: z.string(),
  evidence: z.object({ summary: z.string(), documentNo: z.string(), date: z.string() }),
  enterprise: z.object({ creditCode: z.string(), name: z.string(), industryCode: z.string() }).nullable(),
  keyProject: z
    .object({
      level: z.enum(['province_top10', 'city', 'district']),
      plannedStart: z.string(),
      plannedCompletion: z.string(),
    })
    .nullable(),
  status: z.enum(['pending', 'approved', 'rejected']),
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  opinion: z.string(),
  daysInStage: z.number().int().nullable(),
});
export type StageMove = z.infer<typeof stageMoveSchema>;

export const opinionInputSchema = z.object({ text: z.string().trim().min(1).max(1000) });
export const opinionSchema = z.object({ id: z.uuid(), authorName: z.string(), text: z.string(), at: z.string() });

export const historySchema = z.object({ moves: z.array(stageMoveSchema), opinions: z.array(opinionSchema) });

export const teamInputSchema = z.object({
  name: z.string().trim().min(2).max(50),
  leaderName: z.string().trim().max(30).default(''),
  departmentId: z.uuid().nullable().default(null),
});
export const teamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  leaderName: z.string(),
  departmentId: z.uuid().nullable(),
});

export const targetInputSchema = z.object({
  teamId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  signedCount: z.number().int().min(0).max(10000),
  signedAmountFen: moneySchema,
  fundsInPlaceFen: moneySchema,
});
export type TargetInput = z.infer<typeof targetInputSchema>;

export const funnelQuerySchema = z.object({
  type: z.enum(projectTypes).default('industrial'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const funnelSchema = z.object({
  type: z.enum(projectTypes),
  stages: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      /** Projects now in this stage. */
      current: z.number().int(),
      /** Projects that reached this stage (now here or beyond). */
      reached: z.number().int(),
      /** reached(this) / reached(previous) as a percentage with two decimals ('' for the first stage). */
      conversion: z.string(),
      /** Average whole days spent in this stage by projects that left it ('' when none did). */
      avgDays: z.string(),
    }),
  ),
});
export type Funnel = z.infer<typeof funnelSchema>;

export const yearQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** 招商专班 / 园区 leaderboard (DOMAIN.md §4 team leaderboards): by team or by sub-park, for one year. */
export const leaderboardQuerySchema = yearQuerySchema.extend({ by: z.enum(['team', 'subPark']).default('team') });
export type LeaderboardQuery = z.infer<typeof leaderboardQuerySchema>;

/**
 * One team (or sub-park) of the year: projects signed that year (signed_on in the year), their agreed amount and
 * funds in place (outside the province + abroad at the recorded rate), each against the year's target. Sub-parks
 * have no targets (targets are set per team), so theirs are null. Rates are two-decimal percent strings ('' when
 * there is no target). `id` null: the projects without a team (or sub-park), listed so the rows add up to the zone.
 */
export const leaderboardRowSchema = z.object({
  id: z.uuid().nullable(),
  name: z.string().nullable(),
  rank: z.number().int(),
  signedCount: z.number().int(),
  signedCountTarget: z.number().int().nullable(),
  signedCountRate: z.string(),
  signedAmountFen: z.number().int(),
  signedAmountTargetFen: z.number().int().nullable(),
  signedAmountRate: z.string(),
  fundsInPlaceFen: z.number().int(),
  fundsInPlaceTargetFen: z.number().int().nullable(),
  fundsInPlaceRate: z.string(),
});
export type LeaderboardRow = z.infer<typeof leaderboardRowSchema>;
export const leaderboardSchema = z.object({
  year: z.number().int(),
  by: z.enum(['team', 'subPark']),
  rows: z.array(leaderboardRowSchema),
});
export type Leaderboard = z.infer<typeof leaderboardSchema>;
