import { z } from 'zod';
import { pageQuerySchema } from './common';

/**
 * Land (DOMAIN.md §7): parcels with their polygon, standard-land (标准地) contracts with commitments and build
 * periods, completion acceptance and production review (达产复核) with penalties explained line by line, the idle-land
 * (53号令) evaluation and patrols (巡查). Money in the API is 元 with at most two decimals (stored in fen).
 */

/** 1 mu = 10000/15 m² (666.67 m²). */
export const M2_PER_MU = 10_000 / 15;

export const parcelUses = ['industrial', 'commercial', 'warehouse', 'residential', 'public', 'other'] as const;
export const parcelStatuses = ['reserve', 'supplied', 'construction', 'production', 'reclaimed'] as const;
export type ParcelStatus = (typeof parcelStatuses)[number];

const lngLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
/** A linear ring: at least 4 positions, closed (first = last). */
const ring = z
  .array(lngLat)
  .min(4)
  .max(5000)
  // Zod runs refinements after a failed length check too: guard short (even empty) rings.
  .refine((r) => r.length < 4 || (r[0]?.[0] === r.at(-1)?.[0] && r[0]?.[1] === r.at(-1)?.[1]), {
    message: 'LAND_RING_NOT_CLOSED',
  });
export const polygonSchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(50) });
export const multiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(ring).min(1).max(50)).min(1).max(50),
});
export const parcelGeometrySchema = z.discriminatedUnion('type', [polygonSchema, multiPolygonSchema]);
export type ParcelGeometry = z.infer<typeof parcelGeometrySchema>;

const yuan = z
  .number()
  .min(0)
  .max(1e12)
  .refine((v) => Math.round(v * 100) === Number((v * 100).toFixed(6)), { message: 'LAND_MONEY_DECIMALS' });
const isoDay = z.iso.date();

export const parcelInputSchema = z.object({
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().max(100).default(''),
  use: z.enum(parcelUses),
  status: z.enum(parcelStatuses),
  geometry: parcelGeometrySchema,
  enterpriseId: z.uuid().nullable().default(null),
  /** Contract price of the land (元). */
  landPrice: yuan.nullable().default(null),
  deliveredOn: isoDay.nullable().default(null),
  note: z.string().trim().max(1000).default(''),
});
export type ParcelInput = z.infer<typeof parcelInputSchema>;

export const idleProposals = ['none', 'idle_fee', 'reclaim'] as const;

export const parcelSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  use: z.enum(parcelUses),
  status: z.enum(parcelStatuses),
  geometry: parcelGeometrySchema,
  /** Geodesic area (WGS84 sphere), computed by the server from the polygon. */
  areaM2: z.number(),
  areaMu: z.number(),
  enterpriseId: z.uuid().nullable(),
  enterpriseName: z.string().nullable(),
  landPrice: z.number().nullable(),
  deliveredOn: z.string().nullable(),
  note: z.string(),
  idle: z.boolean(),
  idleReason: z.enum(['not_started', 'suspended']).nullable(),
  idleSince: z.string().nullable(),
  idleProposal: z.enum(idleProposals),
  idleFee: z.number(),
  idleEvaluatedOn: z.string().nullable(),
  revitalisedOn: z.string().nullable(),
  contractId: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Parcel = z.infer<typeof parcelSchema>;

export const parcelListQuerySchema = pageQuerySchema.extend({
  status: z.enum(parcelStatuses).optional(),
  use: z.enum(parcelUses).optional(),
  idle: z.enum(['true', 'false']).optional(),
  enterpriseId: z.uuid().optional(),
});

/** The parcel map: every parcel of the zone as a GeoJSON feature with what the map colours by. */
export const parcelMapSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: parcelGeometrySchema,
      properties: z.object({
        id: z.uuid(),
        code: z.string(),
        name: z.string(),
        status: z.enum(parcelStatuses),
        idle: z.boolean(),
        areaMu: z.number(),
        enterpriseName: z.string().nullable(),
        /** 亩均 class of the owner in the latest published or final evaluation run. */
        efficiencyClass: z.enum(['A', 'B', 'C', 'D']).nullable(),
      }),
    }),
  ),
});

/** GeoJSON import: a FeatureCollection whose features carry code (or 编号), and optionally name/use/status. */
export const parcelGeoJsonImportSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z
    .array(
      z.object({
        type: z.literal('Feature'),
        geometry: parcelGeometrySchema,
        properties: z.record(z.string(), z.unknown()).nullable().default({}),
      }),
    )
    .min(1)
    .max(5000),
});
export const parcelImportResultSchema = z.object({ created: z.number().int(), updated: z.number().int() });

// ---- standard-land contracts -------------------------------------------------------------------------------

export const contractInputSchema = z.object({
  parcelId: z.uuid(),
  enterpriseId: z.uuid(),
  contractNo: z.string().trim().min(1).max(60),
  signedOn: isoDay,
  landPrice: yuan,
  /** Commitments: total investment (万元), plot ratio, yearly tax per mu (万元/亩), energy per 万元 output (tce),
   * yearly main-pollutant emission (t), R&D share of revenue (%). Investment intensity follows from investment/mu. */
  investment: z.number().positive().max(1e9),
  plotRatio: z.number().min(0).max(20),
  taxPerMu: z.number().min(0).max(1e6),
  energyPerOutput: z.number().min(0).max(1e6).nullable().default(null),
  emission: z.number().min(0).max(1e9).nullable().default(null),
  rdShare: z.number().min(0).max(100).nullable().default(null),
  agreedStartOn: isoDay,
  /** One extension of at most 12 months (shifts the completion and production dates). */
  extensionMonths: z.number().int().min(0).max(12).default(0),
  /** Late start/completion penalty per day (‰ of the land price; default 1‰). */
  latePenaltyPermille: z.number().min(0).max(100).default(1),
  // Progress, kept up to date by patrols and the project's reports.
  startedOn: isoDay.nullable().default(null),
  completedOn: isoDay.nullable().default(null),
  suspendedSince: isoDay.nullable().default(null),
  /** Developed share of the area and invested share of the investment (%), for the idle-land rules. */
  developedPercent: z.number().min(0).max(100).default(0),
  investedPercent: z.number().min(0).max(100).default(0),
  /** Days of delay caused by the government (land not delivered, planning change, policy, relics…). */
  governmentCauseDays: z.number().int().min(0).max(3650).default(0),
  governmentCause: z.string().trim().max(500).default(''),
});
export type ContractInput = z.infer<typeof contractInputSchema>;

export const penaltyLineSchema = z.object({ label: z.string(), formula: z.string(), amount: z.number() });
export const checkLineSchema = z.object({
  indicator: z.string(),
  agreed: z.number().nullable(),
  actual: z.number().nullable(),
  met: z.boolean(),
});

export const contractSchema = contractInputSchema.extend({
  id: z.uuid(),
  parcelCode: z.string(),
  enterpriseName: z.string(),
  areaMu: z.number(),
  /** 万元/亩 */
  investmentIntensity: z.number(),
  buildMonths: z.number().int(),
  productionMonths: z.number().int(),
  agreedCompletionOn: z.string(),
  agreedProductionOn: z.string(),
  /** Late-start/completion penalty accrued so far (daily job), 元. */
  accruedPenalty: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contract = z.infer<typeof contractSchema>;

export const contractListQuerySchema = pageQuerySchema.extend({
  parcelId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
});

export const reviewKinds = ['completion', 'production'] as const;
/** 竣工验收 (completion): start/completion dates and plot ratio; 达产复核 (production): investment, tax, energy, R&D. */
export const reviewInputSchema = z.object({
  kind: z.enum(reviewKinds),
  reviewedOn: isoDay,
  startedOn: isoDay.nullable().default(null),
  completedOn: isoDay.nullable().default(null),
  actualPlotRatio: z.number().min(0).max(20).nullable().default(null),
  actualInvestment: z.number().min(0).max(1e9).nullable().default(null),
  actualTaxPerMu: z.number().min(0).max(1e6).nullable().default(null),
  actualEnergyPerOutput: z.number().min(0).max(1e6).nullable().default(null),
  actualEmission: z.number().min(0).max(1e9).nullable().default(null),
  actualRdShare: z.number().min(0).max(100).nullable().default(null),
  note: z.string().trim().max(1000).default(''),
});
export type ReviewInput = z.infer<typeof reviewInputSchema>;

export const reviewSchema = reviewInputSchema.extend({
  id: z.uuid(),
  contractId: z.uuid(),
  lines: z.array(penaltyLineSchema),
  checks: z.array(checkLineSchema),
  totalPenalty: z.number(),
  passed: z.boolean(),
  createdAt: z.string(),
});
export type Review = z.infer<typeof reviewSchema>;

// ---- patrols -------------------------------------------------------------------------------------------------

export const patrolFindings = ['normal', 'not_started', 'suspended', 'illegal_use', 'other'] as const;
export const patrolInputSchema = z.object({
  parcelId: z.uuid(),
  patrolledOn: isoDay,
  finding: z.enum(patrolFindings),
  note: z.string().trim().max(2000).default(''),
  photoFileIds: z.array(z.uuid()).max(12).default([]),
});
export type PatrolInput = z.infer<typeof patrolInputSchema>;
export const patrolSchema = patrolInputSchema.extend({
  id: z.uuid(),
  parcelCode: z.string(),
  inspectorName: z.string().nullable(),
  createdAt: z.string(),
});
export const patrolListQuerySchema = pageQuerySchema.extend({
  parcelId: z.uuid().optional(),
  finding: z.enum(patrolFindings).optional(),
});

/** Land statistics over a period: patrol coverage, start/completion default rates, idle and revitalised area. */
export const landStatsQuerySchema = z.object({ from: isoDay, to: isoDay });
export const landStatsSchema = z.object({
  parcels: z.number().int(),
  areaMu: z.number(),
  /** Parcels to patrol (supplied, under construction or idle) and those patrolled in the period. */
  toPatrol: z.number().int(),
  patrolled: z.number().int(),
  coverage: z.number().nullable(),
  contracts: z.number().int(),
  startDue: z.number().int(),
  startDefaults: z.number().int(),
  startDefaultRate: z.number().nullable(),
  completionDue: z.number().int(),
  completionDefaults: z.number().int(),
  completionDefaultRate: z.number().nullable(),
  idleParcels: z.number().int(),
  idleMu: z.number(),
  revitalisedMu: z.number(),
});
export const idleRunResultSchema = z.object({
  asOf: z.string(),
  evaluated: z.number().int(),
  idle: z.number().int(),
  revitalised: z.number().int(),
});
export type ParcelMap = z.infer<typeof parcelMapSchema>;
export type LandStats = z.infer<typeof landStatsSchema>;
export type Patrol = z.infer<typeof patrolSchema>;
