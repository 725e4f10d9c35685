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
