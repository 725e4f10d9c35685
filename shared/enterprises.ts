import { z } from 'zod';
import { pageQuerySchema } from './common';
import { checkCreditCode, describeCreditCodeProblem } from './credit-code';
import { INDUSTRY_SECTIONS, isEnterpriseIndustryCode } from './industry-codes';

/** 规上 (above designated size) / 规下. */
export const enterpriseScales = ['above', 'below'] as const;
/** 在营 / 停业 / 迁出 / 注销. */
export const enterpriseStatuses = ['operating', 'suspended', 'moved_out', 'deregistered'] as const;
/** The fixed tag list (DOMAIN.md §6). */
export const enterpriseTags = [
  '高新技术企业',
  '科技型中小企业',
  '专精特新',
  '小巨人',
  '单项冠军',
  '链主',
  '500强',
] as const;
export type EnterpriseTag = (typeof enterpriseTags)[number];

/**
 * 统一社会信用代码, checked with GB 32100-2015's rules. The issue names the offending character in both
 * languages (params {zh, en}); the server picks the request's language, the web form its UI language.
 */
export const creditCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const problem = checkCreditCode(value);
    if (!problem) return;
    ctx.addIssue({
      code: 'custom',
      message: describeCreditCodeProblem(problem, 'zh-CN'),
      params: { zh: describeCreditCodeProblem(problem, 'zh-CN'), en: describeCreditCodeProblem(problem, 'en-US') },
    });
  });

/** A 大类 or shipped 中类 of GB/T 4754-2017 (see shared/industry-codes.ts). */
export const industryCodeSchema = z
  .string()
  .trim()
  .refine(isEnterpriseIndustryCode, { message: 'UNKNOWN_INDUSTRY_CODE' });

const phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, { message: 'INVALID_PHONE' });

export const contactSchema = z.object({
  name: z.string().trim().min(1).max(30),
  phone,
  role: z.string().trim().max(30).default(''),
});
export type Contact = z.infer<typeof contactSchema>;

const area = z.number().min(0).max(100_000_000).multipleOf(0.01);

const legalRep = z.string().trim().max(30);
const contacts = z.array(contactSchema).max(20);

/** What the enterprise itself may change (PUT /api/enterprises/:id/self replaces all three; other keys refused). */
export const enterpriseSelfInputSchema = z.strictObject({
  legalRep,
  buildingM2: area.nullable(),
  contacts,
});
export type EnterpriseSelfInput = z.infer<typeof enterpriseSelfInputSchema>;

/** The registry record as staff edit it. */
export const enterpriseInputSchema = z.object({
  legalRep: legalRep.default(''),
  buildingM2: area.nullable().default(null),
  contacts: contacts.default([]),
  creditCode: creditCodeSchema,
  name: z.string().trim().min(2).max(100),
  subParkId: z.uuid().nullable().default(null),
  industryCode: industryCodeSchema,
  scale: z.enum(enterpriseScales).default('below'),
  tags: z
    .array(z.enum(enterpriseTags))
    .max(enterpriseTags.length)
    .default([])
    .transform((t) => [...new Set(t)]),
  landMu: area.nullable().default(null),
  serviceOfficerId: z.uuid().nullable().default(null),
  establishedOn: z.iso.date().nullable().default(null),
  status: z.enum(enterpriseStatuses).default('operating'),
});
export type EnterpriseInput = z.infer<typeof enterpriseInputSchema>;

export const enterpriseSchema = z.object({
  id: z.uuid(),
  zoneId: z.uuid(),
  creditCode: z.string(),
  name: z.string(),
  namePinyin: z.string(),
  nameInitials: z.string(),
  subParkId: z.uuid().nullable(),
  subParkName: z.string().nullable(),
  industryCode: z.string(),
  industrySection: z.string(),
  industryName: z.string(),
  scale: z.enum(enterpriseScales),
  tags: z.array(z.enum(enterpriseTags)),
  landMu: z.number().nullable(),
  buildingM2: z.number().nullable(),
  legalRep: z.string(),
  contacts: z.array(z.object({ name: z.string(), phone: z.string(), role: z.string() })),
  serviceOfficerId: z.uuid().nullable(),
  serviceOfficerName: z.string().nullable(),
  establishedOn: z.string().nullable(),
  status: z.enum(enterpriseStatuses),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;

/** Sortable columns of the list (anything else falls back to name). */
export const enterpriseSortFields = [
  'name',
  'creditCode',
  'industryCode',
  'landMu',
  'buildingM2',
  'establishedOn',
  'updatedAt',
] as const;

export const enterpriseListQuerySchema = pageQuerySchema.extend({
  subParkId: z.uuid().optional(),
  /** A 门类 letter (A–T) or a code prefix ('38', '382'). */
  industry: z
    .string()
    .trim()
    .regex(/^([A-T]|\d{2,4})$/)
    .optional(),
  scale: z.enum(enterpriseScales).optional(),
  tag: z.enum(enterpriseTags).optional(),
  status: z.enum(enterpriseStatuses).optional(),
  serviceOfficerId: z.uuid().optional(),
});
export type EnterpriseListQuery = z.infer<typeof enterpriseListQuerySchema>;

/** One entry of an enterprise's timeline: audit events of the registry plus sources other domains register. */
export const timelineItemSchema = z.object({
  id: z.string(),
  at: z.string(),
  /** 'registry' (audit log of the record), later 'visits', 'demands', … */
  source: z.string(),
  /** e.g. create / update / delete / self_update / established */
  action: z.string(),
  actorName: z.string().nullable(),
  /** Changed fields for updates. */
  fields: z.array(z.string()).default([]),
  summary: z.string().nullable().default(null),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

/** GB/T 4754-2017 as a tree: 门类 → 大类 → 中类 (three fixed levels, so no recursive schema). */
const industryGroupSchema = z.object({ code: z.string(), name: z.string() });
const industryDivisionSchema = industryGroupSchema.extend({ children: z.array(industryGroupSchema).optional() });
export const industrySectionSchema = industryGroupSchema.extend({ children: z.array(industryDivisionSchema) });

export { INDUSTRY_SECTIONS };
