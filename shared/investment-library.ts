import { z } from 'zod';
import { pageQuerySchema } from './common';

/** 招商图谱, 招商目标库, 招商活动 and 服务绿卡 (DOMAIN.md §4). */

export const chainSegments = ['upstream', 'midstream', 'downstream'] as const;
export type ChainSegment = (typeof chainSegments)[number];
/** 补链 (fill a missing link) / 延链 (extend) / 强链 (strengthen). */
export const gapActions = ['none', 'fill', 'extend', 'strengthen'] as const;
export type GapAction = (typeof gapActions)[number];

export const chainInputSchema = z.object({
  name: z.string().trim().min(2).max(50),
  description: z.string().trim().max(500).default(''),
});
export const chainSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  linkCount: z.number().int(),
  gapCount: z.number().int(),
  targetCount: z.number().int(),
  createdAt: z.string(),
});
export type Chain = z.infer<typeof chainSchema>;

export const linkInputSchema = z.object({
  segment: z.enum(chainSegments),
  name: z.string().trim().min(1).max(50),
  parentId: z.uuid().nullable().default(null),
  gapAction: z.enum(gapActions).default('none'),
  sortOrder: z.number().int().min(0).max(999).default(0),
});
export type LinkInput = z.infer<typeof linkInputSchema>;

export const mapNodeSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  segment: z.enum(chainSegments),
  name: z.string(),
  gapAction: z.enum(gapActions),
  sortOrder: z.number().int(),
  /** Local enterprises placed on this link. */
  enterpriseCount: z.number().int(),
  /** Target companies on this link. */
  targetCount: z.number().int(),
  /** 缺链: no local enterprise on the link or below it. */
  gap: z.boolean(),
});
export type MapNode = z.infer<typeof mapNodeSchema>;

export const chainMapSchema = z.object({
  chain: chainSchema,
  nodes: z.array(mapNodeSchema),
  segments: z.array(
    z.object({
      segment: z.enum(chainSegments),
      links: z.number().int(),
      gaps: z.number().int(),
      enterprises: z.number().int(),
      targets: z.number().int(),
    }),
  ),
});
export type ChainMap = z.infer<typeof chainMapSchema>;

export const targetStatuses = ['new', 'contacting', 'negotiating', 'converted', 'dropped'] as const;
export const priorities = ['A', 'B', 'C'] as const;

export const targetCompanyInputSchema = z.object({
  name: z.string().trim().min(2).max(100),
  chainId: z.uuid().nullable().default(null),
  linkId: z.uuid().nullable().default(null),
  region: z.string().trim().max(50).default(''),
  industry: z.string().trim().max(50).default(''),
  contactName: z.string().trim().max(30).default(''),
  contactPhone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[0-9+\-() ]*$/, { message: 'INVALID_TEL' })
    .default(''),
  priority: z.enum(priorities).default('B'),
  status: z.enum(targetStatuses).default('new'),
  fortune500: z.boolean().default(false),
  listed: z.boolean().default(false),
  notes: z.string().trim().max(1000).default(''),
});
export type TargetCompanyInput = z.infer<typeof targetCompanyInputSchema>;

export const targetCompanySchema = targetCompanyInputSchema.extend({
  id: z.uuid(),
  chainName: z.string().nullable(),
  linkName: z.string().nullable(),
  segment: z.enum(chainSegments).nullable(),
  projectId: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TargetCompany = z.infer<typeof targetCompanySchema>;

export const targetListQuerySchema = pageQuerySchema.extend({
  chainId: z.uuid().optional(),
  linkId: z.uuid().optional(),
  status: z.enum(targetStatuses).optional(),
  priority: z.enum(priorities).optional(),
});
export type TargetListQuery = z.infer<typeof targetListQuerySchema>;

/** Turn a target into a pipeline lead. */
export const convertInputSchema = z.object({
  name: z.string().trim().min(2).max(100),
  type: z.enum(['industrial', 'service', 'headquarters']),
  teamId: z.uuid().nullable().default(null),
});
export type ConvertInput = z.infer<typeof convertInputSchema>;

export const linkEnterpriseInputSchema = z.object({ enterpriseId: z.uuid(), chainLeader: z.boolean().default(false) });

export const linkDetailSchema = z.object({
  link: mapNodeSchema,
  enterprises: z.array(z.object({ id: z.uuid(), name: z.string(), creditCode: z.string(), chainLeader: z.boolean() })),
  targets: z.array(targetCompanySchema),
});

export const activityKinds = ['outbound', 'inbound', 'event', 'call', 'negotiation'] as const;
export type ActivityKind = (typeof activityKinds)[number];

export const activityInputSchema = z.object({
  kind: z.enum(activityKinds),
  title: z.string().trim().min(2).max(100),
  heldOn: z.iso.date(),
  place: z.string().trim().max(100).default(''),
  teamId: z.uuid().nullable().default(null),
  projectId: z.uuid().nullable().default(null),
  targetCompanyId: z.uuid().nullable().default(null),
  participants: z.array(z.string().trim().min(1).max(30)).min(1).max(30),
  counterparts: z.string().trim().max(200).default(''),
  outcome: z.string().trim().max(2000).default(''),
});
export type ActivityInput = z.infer<typeof activityInputSchema>;

export const activitySchema = activityInputSchema.extend({
  id: z.uuid(),
  teamName: z.string().nullable(),
  projectName: z.string().nullable(),
  targetCompanyName: z.string().nullable(),
  recordedByName: z.string(),
  createdAt: z.string(),
});
export type Activity = z.infer<typeof activitySchema>;

export const activityListQuerySchema = pageQuerySchema.extend({
  kind: z.enum(activityKinds).optional(),
  projectId: z.uuid().optional(),
  targetCompanyId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type ActivityListQuery = z.infer<typeof activityListQuerySchema>;

export const activitySummarySchema = z.object({
  year: z.number().int(),
  byKind: z.array(z.object({ kind: z.enum(activityKinds), count: z.number().int() })),
  total: z.number().int(),
});

export const greenCardInputSchema = z.object({
  holderName: z.string().trim().min(2).max(30),
  holderPhone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[0-9+\-() ]*$/, { message: 'INVALID_TEL' })
    .default(''),
  specialistName: z.string().trim().min(2).max(30),
  specialistPhone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[0-9+\-() ]*$/, { message: 'INVALID_TEL' })
    .default(''),
  privileges: z.array(z.string().trim().min(1).max(50)).min(1).max(20),
  issuedOn: z.iso.date(),
  validUntil: z.iso.date(),
});
export type GreenCardInput = z.infer<typeof greenCardInputSchema>;

export const greenCardSchema = greenCardInputSchema.extend({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  cardNo: z.string(),
  status: z.enum(['active', 'revoked']),
  /** Active and today within issuedOn..validUntil (China time). */
  valid: z.boolean(),
  revokedReason: z.string(),
  issuedByName: z.string(),
});
export type GreenCard = z.infer<typeof greenCardSchema>;

export const greenCardListQuerySchema = pageQuerySchema.extend({
  projectId: z.uuid().optional(),
  status: z.enum(['active', 'revoked']).optional(),
});

export const revokeSchema = z.object({ reason: z.string().trim().min(2).max(500) });

/** Default privileges a 服务绿卡 grants (editable per card). */
export const DEFAULT_GREEN_CARD_PRIVILEGES = ['审批绿色通道', '专员全程帮代办', '优先安排要素保障', '子女入学协调'];
