import { z } from 'zod';
import { policyRulesSchema } from './policies';

/**
 * 四库三台阶 (DOMAIN.md §6): four cultivation pools, three steps up — 升规培育 → 省级专精特新 → 国家级小巨人/单项冠军 →
 * 大企业大集团. Each pool has entry criteria (structured conditions, the policy rule language, per zone); the
 * candidates of a pool are the enterprises meeting them that are not in that pool or a higher one yet.
 */
export const cultivationTiers = ['upscale', 'provincial', 'national', 'group'] as const;
export type CultivationTier = (typeof cultivationTiers)[number];

export const tierCriteriaInputSchema = z.object({ tier: z.enum(cultivationTiers), rules: policyRulesSchema });
export type TierCriteriaInput = z.infer<typeof tierCriteriaInputSchema>;

export const tierMoveInputSchema = z.object({
  enterpriseId: z.uuid(),
  /** null takes the enterprise out of every pool. */
  tier: z.enum(cultivationTiers).nullable(),
  note: z.string().trim().max(500).default(''),
});
export type TierMoveInput = z.infer<typeof tierMoveInputSchema>;

export const tierQuerySchema = z.object({ tier: z.enum(cultivationTiers) });

export const tierCandidateSchema = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  currentTier: z.enum(cultivationTiers).nullable(),
});
export const tierMemberSchema = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  tier: z.enum(cultivationTiers),
  since: z.string(),
});
export const tierMoveSchema = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  fromTier: z.enum(cultivationTiers).nullable(),
  toTier: z.enum(cultivationTiers).nullable(),
  movedOn: z.string(),
  note: z.string(),
  /** up: a step up (or more), down, or out. */
  direction: z.enum(['up', 'down', 'out']),
});
