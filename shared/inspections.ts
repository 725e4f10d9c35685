import { z } from 'zod';
import { pageQuerySchema } from './common';

/**
 * 一码护商 / 涉企检查码 (DOMAIN.md §6): every enterprise gets a code (printed as a QR card at its door); a department
 * registers an inspection by scanning or typing that code, so the enterprise sees every inspection, too-frequent
 * inspections are flagged and separate inspections of the same enterprise suggest a joint one (进一次门、查多项事).
 */

/** routine 日常检查 counts towards the per-department yearly limit; complaint (投诉举报) and special (专项) do not. */
export const inspectionKinds = ['routine', 'complaint', 'special'] as const;
export type InspectionKind = (typeof inspectionKinds)[number];
export const inspectionResults = ['no_issue', 'rectify', 'penalty'] as const;
export type InspectionResult = (typeof inspectionResults)[number];

/** Flags the rules put on an inspection when it is registered. */
export const inspectionFlags = ['dept_over_limit', 'frequent'] as const;
export type InspectionFlag = (typeof inspectionFlags)[number];

/** Code alphabet without look-alikes (0/O, 1/I/L); 10 characters. */
export const ENTERPRISE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const enterpriseCodePattern = /^[2-9A-HJKMNP-Z]{10}$/;

export const enterpriseCodeSchema = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  code: z.string(),
  issuedAt: z.string(),
});
export type EnterpriseCode = z.infer<typeof enterpriseCodeSchema>;

/** The code as read from a scanned card URL (/inspect/<code>): lower case, spaces and dashes forgiven. */
export const enterpriseCodeParamsSchema = z.object({
  code: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s-]/g, '').toUpperCase())
    .pipe(z.string().regex(enterpriseCodePattern, 'INVALID_FORMAT')),
});

/** What the inspector's phone shows after scanning: whose code it is (before registering the inspection). */
export const enterpriseByCodeSchema = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  code: z.string(),
});
export type EnterpriseByCode = z.infer<typeof enterpriseByCodeSchema>;

/** The web page a scanned enterprise code card opens (absolute: the QR leaves the app). */
export const inspectPath = (code: string) => `/inspect/${encodeURIComponent(code)}`;

const text = (max: number) => z.string().trim().max(max);

export const inspectionInputSchema = z.object({
  /** The enterprise code read from the QR (or typed from the card); lower case and spaces are forgiven. */
  code: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s-]/g, '').toUpperCase())
    .pipe(z.string().regex(enterpriseCodePattern, 'INVALID_FORMAT')),
  inspectedOn: z.iso.date(),
  /** Leaders and admin say which department inspected; department roles always register for their own. */
  departmentId: z.uuid().optional(),
  /** Other departments inspecting together (联合检查): one visit, one entry, counted once for the enterprise. */
  jointDepartmentIds: z
    .array(z.uuid())
    .max(10)
    .default([])
    .transform((ids) => [...new Set(ids)]),
  inspectors: text(200).min(2),
  kind: z.enum(inspectionKinds).default('routine'),
  purpose: text(500).min(2),
  result: z.enum(inspectionResults),
  resultNote: text(2000).default(''),
});
export type InspectionInput = z.infer<typeof inspectionInputSchema>;

export const inspectionSchema = z.object({
  id: z.uuid(),
  zoneId: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  jointDepartmentIds: z.array(z.uuid()),
  jointDepartmentNames: z.array(z.string()),
  inspectedOn: z.string(),
  inspectors: z.string(),
  kind: z.enum(inspectionKinds),
  purpose: z.string(),
  result: z.enum(inspectionResults),
  resultNote: z.string(),
  flags: z.array(z.enum(inspectionFlags)),
  createdAt: z.string(),
});
export type Inspection = z.infer<typeof inspectionSchema>;

/** Departments that inspected the same enterprise separately within the window: next time, go together. */
export const jointSuggestionSchema = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  departments: z.array(z.object({ departmentId: z.uuid(), departmentName: z.string(), lastOn: z.string() })),
});
export type JointSuggestion = z.infer<typeof jointSuggestionSchema>;

export const inspectionCreatedSchema = z.object({
  inspection: inspectionSchema,
  /** Other departments that inspected this enterprise separately within the window (suggest a joint inspection). */
  jointSuggestion: jointSuggestionSchema.shape.departments,
});

export const inspectionListQuerySchema = pageQuerySchema.extend({
  enterpriseId: z.uuid().optional(),
  departmentId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  flagged: z.enum(['yes', 'no']).optional(),
  kind: z.enum(inspectionKinds).optional(),
});
export type InspectionListQuery = z.infer<typeof inspectionListQuerySchema>;

export const jointSuggestionQuerySchema = z.object({ asOf: z.iso.date().optional() });

/** Inspections per enterprise in a year (metrics: 检查次数 per enterprise, flagged ones). */
export const inspectionStatsRowSchema = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  inspections: z.number().int(),
  departments: z.number().int(),
  flagged: z.number().int(),
  lastOn: z.string(),
});
export const inspectionStatsQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
