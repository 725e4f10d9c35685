import { z } from 'zod';
import { pageQuerySchema } from './common';
import { authorityCodeSchema } from './reform';

// ---- 管委会+公司: the platform company (DOMAIN.md §1) ----------------------------------------------------------------

/**
 * The 14 kinds of major matter the committee decides for the platform company (seed 004: 党建、经营方针、投资计划、
 * 股权转让、章程修改等14项重大事项).
 */
export const matterCategories = [
  'party_building',
  'business_policy',
  'investment_plan',
  'equity_transfer',
  'charter',
  'budget',
  'major_investment',
  'guarantee',
  'asset_disposal',
  'pay',
  'executive_appointment',
  'merger',
  'profit_distribution',
  'bond_issue',
] as const;
/** draft (the company edits) → submitted (frozen) → approved | rejected by the committee; approved → executed. */
export const matterStatuses = ['draft', 'submitted', 'approved', 'rejected', 'executed'] as const;
export type MatterStatus = (typeof matterStatuses)[number];

const text = (max: number) => z.string().trim().max(max).default('');
const fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const matterInputSchema = z.object({
  code: authorityCodeSchema,
  title: z.string().trim().min(2).max(200),
  category: z.enum(matterCategories),
  company: z.string().trim().min(2).max(60),
  /** Amount involved in fen (investment, transfer price, budget…), when there is one. */
  amountFen: fen.nullable().default(null),
  detail: text(2000),
});
export type MatterInput = z.infer<typeof matterInputSchema>;

export const matterSubmitSchema = z.object({ submittedOn: z.iso.date() });
/** The committee's decision record: which meeting decided, when, and what. */
export const matterDecisionSchema = z.object({
  outcome: z.enum(['approved', 'rejected']),
  decidedOn: z.iso.date(),
  meeting: z.string().trim().min(2).max(100),
  decisionNote: z.string().trim().min(2).max(2000),
});
export type MatterDecision = z.infer<typeof matterDecisionSchema>;
export const matterExecuteSchema = z.object({ executedOn: z.iso.date(), executionNote: text(2000) });

export const matterSchema = matterInputSchema.extend({
  id: z.uuid(),
  zoneId: z.uuid(),
  status: z.enum(matterStatuses),
  submittedOn: z.string().nullable(),
  submittedBy: z.string(),
  decidedOn: z.string().nullable(),
  meeting: z.string(),
  decisionNote: z.string(),
  decidedBy: z.string(),
  executedOn: z.string().nullable(),
  executionNote: z.string(),
  updatedAt: z.string(),
});
export type Matter = z.infer<typeof matterSchema>;
export const matterListQuerySchema = pageQuerySchema.extend({
  status: z.enum(matterStatuses).optional(),
  category: z.enum(matterCategories).optional(),
});
export type MatterListQuery = z.infer<typeof matterListQuerySchema>;

// ---- cooperation list: commissioned work (清单内: 代建 / 购买服务) vs market work (清单外) ------------------------------

export const cooperationAreas = ['investment', 'construction', 'enterprise_service', 'operation', 'other'] as const;
export const cooperationKinds = ['commissioned', 'market'] as const;
export const commissionModes = ['agent_construction', 'service_purchase'] as const;

export const cooperationInputSchema = z
  .object({
    code: authorityCodeSchema,
    title: z.string().trim().min(2).max(200),
    area: z.enum(cooperationAreas),
    kind: z.enum(cooperationKinds),
    /** 代建 / 购买服务: only commissioned work has one. */
    mode: z.enum(commissionModes).nullable().default(null),
    /** Contract value in fen; for commissioned work what the committee pays. */
    contractFen: fen.default(0),
    year: z.number().int().min(2000).max(2100),
    counterparty: text(60),
    note: text(500),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'commissioned' && !v.mode) ctx.addIssue({ code: 'custom', path: ['mode'], message: 'REQUIRED' });
    if (v.kind === 'commissioned' && v.contractFen <= 0)
      ctx.addIssue({ code: 'custom', path: ['contractFen'], message: 'REQUIRED' });
  });
export type CooperationInput = z.infer<typeof cooperationInputSchema>;
export const cooperationSchema = z.object({
  id: z.uuid(),
  zoneId: z.uuid(),
  code: z.string(),
  title: z.string(),
  area: z.enum(cooperationAreas),
  kind: z.enum(cooperationKinds),
  mode: z.enum(commissionModes).nullable(),
  contractFen: z.number().int(),
  year: z.number().int(),
  counterparty: z.string(),
  note: z.string(),
  updatedAt: z.string(),
});
export type Cooperation = z.infer<typeof cooperationSchema>;
export const cooperationListQuerySchema = pageQuerySchema.extend({
  kind: z.enum(cooperationKinds).optional(),
  area: z.enum(cooperationAreas).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type CooperationListQuery = z.infer<typeof cooperationListQuerySchema>;

// ---- financing records ------------------------------------------------------------------------------------------

export const financingKinds = ['bank_loan', 'bond', 'trust', 'lease', 'other'] as const;
export const financingInputSchema = z
  .object({
    code: authorityCodeSchema,
    lender: z.string().trim().min(2).max(60),
    kind: z.enum(financingKinds),
    principalFen: fen.refine((n) => n > 0, { message: 'REQUIRED' }),
    /** Yearly rate in basis points: 3.65% = 365. */
    rateBp: z.number().int().min(0).max(10_000),
    startOn: z.iso.date(),
    endOn: z.iso.date(),
    /** The financing this one refinances (置换): its rate gives the interest saved. */
    replacesId: z.uuid().nullable().default(null),
    note: text(500),
  })
  .superRefine((v, ctx) => {
    if (v.endOn <= v.startOn) ctx.addIssue({ code: 'custom', path: ['endOn'], message: 'REFORM_END_BEFORE_START' });
  });
export type FinancingInput = z.infer<typeof financingInputSchema>;
export const financingSchema = z.object({
  id: z.uuid(),
  zoneId: z.uuid(),
  code: z.string(),
  lender: z.string(),
  kind: z.enum(financingKinds),
  principalFen: z.number().int(),
  rateBp: z.number().int(),
  startOn: z.string(),
  endOn: z.string(),
  replacesId: z.uuid().nullable(),
  replacesCode: z.string().nullable(),
  replacedRateBp: z.number().int().nullable(),
  /** principal × (replaced rate − rate), in fen per year (null when nothing is refinanced). */
  yearlyInterestSavedFen: z.number().int().nullable(),
  /** Refinanced by a later record. */
  replaced: z.boolean(),
  note: z.string(),
  updatedAt: z.string(),
});
export type Financing = z.infer<typeof financingSchema>;
export const financingListQuerySchema = pageQuerySchema.extend({
  kind: z.enum(financingKinds).optional(),
  refinancing: z.enum(['true', 'false']).optional(),
  /** true: still outstanding (not refinanced by a later record), as the summary's outstanding principal counts. */
  outstanding: z.enum(['true', 'false']).optional(),
});
export type FinancingListQuery = z.infer<typeof financingListQuerySchema>;

export const platformSummarySchema = z.object({
  matters: z.object({
    total: z.number().int(),
    byStatus: z.record(z.enum(matterStatuses), z.number().int()),
    categoriesUsed: z.number().int(),
  }),
  cooperation: z.array(
    z.object({ kind: z.enum(cooperationKinds), items: z.number().int(), contractFen: z.number().int() }),
  ),
  financing: z.object({
    /** Principal outstanding (records not refinanced by a later one), in fen. */
    outstandingFen: z.number().int(),
    /** Principal-weighted average rate of the outstanding records, basis points with two decimals (e.g. "412.50"). */
    avgRateBp: z.string().nullable(),
    refinancedFen: z.number().int(),
    yearlyInterestSavedFen: z.number().int(),
  }),
});
export type PlatformSummary = z.infer<typeof platformSummarySchema>;

/**
 * Yearly interest saved by refinancing `principalFen` from `oldBp` to `newBp`, in fen, rounded half away from zero
 * in integer arithmetic: 1 亿元 from 7.43% to 3.65% saves 378 万元 a year.
 */
export function yearlyInterestSaved(principalFen: number, oldBp: number, newBp: number): number {
  const num = BigInt(principalFen) * BigInt(oldBp - newBp);
  const sign = num < 0n ? -1n : 1n;
  const abs = num < 0n ? -num : num;
  return Number((sign * (2n * abs + 10_000n)) / 20_000n);
}
