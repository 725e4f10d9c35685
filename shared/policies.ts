import { z } from 'zod';
import { pageQuerySchema } from './common';
import { enterpriseScales, enterpriseTags } from './enterprises';

/**
 * 惠企政策 (DOMAIN.md §6): eligibility is a list of structured conditions over enterprise attributes, all of which
 * must hold (AND); "any of" lives inside a condition (industry in [...], sub-park in [...]). Only operating
 * enterprises are ever eligible. Edited with a small rule editor, never free text.
 */
export const policyConditionSchema = z.discriminatedUnion('field', [
  z.object({ field: z.literal('scale'), op: z.literal('eq'), value: z.enum(enterpriseScales) }),
  z.object({ field: z.literal('tag'), op: z.enum(['has', 'hasNot']), value: z.enum(enterpriseTags) }),
  z.object({
    field: z.literal('industry'),
    op: z.literal('in'),
    /** 门类 letters (A–T) or GB/T 4754 code prefixes ('38', '382'). */
    value: z
      .array(z.string().regex(/^([A-T]|\d{2,4})$/))
      .min(1)
      .max(50),
  }),
  z.object({ field: z.literal('subPark'), op: z.literal('in'), value: z.array(z.uuid()).min(1).max(50) }),
  z.object({ field: z.literal('landMu'), op: z.enum(['gte', 'lte']), value: z.number().min(0).max(1_000_000) }),
  /** Whole years since establishment on the matching date. */
  z.object({
    field: z.literal('establishedYears'),
    op: z.enum(['gte', 'lte']),
    value: z.number().int().min(0).max(200),
  }),
]);
export type PolicyCondition = z.infer<typeof policyConditionSchema>;

export const policyRulesSchema = z.object({ all: z.array(policyConditionSchema).max(20) });
export type PolicyRules = z.infer<typeof policyRulesSchema>;

/** apply: enterprises apply (统一申报); auto: 免申即享, eligible enterprises are granted without applying. */
export const policyModes = ['apply', 'auto'] as const;
export const policyStatuses = ['draft', 'published', 'closed'] as const;

export const policyInputSchema = z.object({
  title: z.string().trim().min(4).max(200),
  summary: z.string().trim().max(4000).default(''),
  issuer: z.string().trim().max(100).default(''),
  mode: z.enum(policyModes).default('apply'),
  /** Award per enterprise in fen (分), optional. */
  amountFen: z.number().int().min(0).max(100_000_000_000).nullable().default(null),
  rules: policyRulesSchema,
});
export type PolicyInput = z.infer<typeof policyInputSchema>;

export const policySchema = z.object({
  id: z.uuid(),
  zoneId: z.uuid(),
  title: z.string(),
  summary: z.string(),
  issuer: z.string(),
  mode: z.enum(policyModes),
  amountFen: z.number().int().nullable(),
  rules: policyRulesSchema,
  status: z.enum(policyStatuses),
  publishedOn: z.string().nullable(),
  matchedCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Policy = z.infer<typeof policySchema>;

export const policyListQuerySchema = pageQuerySchema.extend({ status: z.enum(policyStatuses).optional() });
export type PolicyListQuery = z.infer<typeof policyListQuerySchema>;

export const policyMatchSchema = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  notifiedOn: z.string(),
});

// ---- applications, review, payouts, disclosure (统一申报、统一受理、统一公开) ------------------------------------------

/** submitted → (returned → submitted)* → approved | rejected. 免申即享 applications are created approved. */
export const applicationStatuses = ['submitted', 'returned', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export const applicationInputSchema = z.object({
  statement: z.string().trim().min(4).max(4000),
  fileIds: z.array(z.uuid()).max(20).default([]),
});
export type ApplicationInput = z.infer<typeof applicationInputSchema>;

export const applicationReviewSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('return'), note: z.string().trim().min(4).max(1000) }),
  z.object({ decision: z.literal('reject'), note: z.string().trim().min(4).max(1000) }),
  z.object({
    decision: z.literal('approve'),
    note: z.string().trim().max(1000).default(''),
    /** The award in fen; the policy's amount when omitted (required when the policy has none). */
    awardFen: z.number().int().min(1).max(100_000_000_000).nullable().default(null),
  }),
]);
export type ApplicationReview = z.infer<typeof applicationReviewSchema>;

export const payoutInputSchema = z.object({
  amountFen: z.number().int().min(1).max(100_000_000_000),
  paidOn: z.iso.date(),
  voucher: z.string().trim().max(100).default(''),
});
export type PayoutInput = z.infer<typeof payoutInputSchema>;

export const applicationSchema = z.object({
  id: z.uuid(),
  zoneId: z.uuid(),
  policyId: z.uuid(),
  policyTitle: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  status: z.enum(applicationStatuses),
  statement: z.string(),
  fileIds: z.array(z.uuid()),
  autoGranted: z.boolean(),
  submittedOn: z.string(),
  returnCount: z.number().int(),
  reviewNote: z.string().nullable(),
  decidedOn: z.string().nullable(),
  awardFen: z.number().int().nullable(),
  paidFen: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PolicyApplication = z.infer<typeof applicationSchema>;

export const applicationListQuerySchema = pageQuerySchema.extend({
  policyId: z.uuid().optional(),
  status: z.enum(applicationStatuses).optional(),
});
export type ApplicationListQuery = z.infer<typeof applicationListQuerySchema>;

export const payoutSchema = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  amountFen: z.number().int(),
  paidOn: z.string(),
  voucher: z.string(),
  createdAt: z.string(),
});

/** 公示: approved awards of a zone, public (no login): policy, enterprise, award, paid, decision date. */
export const disclosureRowSchema = z.object({
  policyId: z.uuid(),
  policyTitle: z.string(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  awardFen: z.number().int(),
  paidFen: z.number().int(),
  autoGranted: z.boolean(),
  decidedOn: z.string(),
});
