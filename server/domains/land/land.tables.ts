import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ParcelGeometry } from '../../../shared/land';
import { idleProposals, parcelStatuses, parcelUses, patrolFindings, reviewKinds } from '../../../shared/land';
import { users } from '../auth/auth.tables';
import { enterprises } from '../enterprises/enterprises.tables';
import { zones } from '../tenancy/tenancy.tables';

/** Money in fen (分): exact, and well inside a double's integer range for any land price. */
const fen = (name: string) => bigint(name, { mode: 'number' });
const num = (name: string) => numeric(name, { precision: 18, scale: 4, mode: 'number' });

/** A parcel (地块): polygon, geodesic area, use and status, owner; the idle-land verdict of the daily job. */
export const landParcels = pgTable(
  'land_parcels',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    code: text('code').notNull(),
    name: text('name').notNull().default(''),
    use: text('use', { enum: parcelUses }).notNull(),
    status: text('status', { enum: parcelStatuses }).notNull(),
    geometry: jsonb('geometry').$type<ParcelGeometry>().notNull(),
    areaM2: numeric('area_m2', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    areaMu: numeric('area_mu', { precision: 14, scale: 4, mode: 'number' }).notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    landPriceFen: fen('land_price_fen'),
    deliveredOn: date('delivered_on'),
    note: text('note').notNull().default(''),
    idle: boolean('idle').notNull().default(false),
    idleReason: text('idle_reason', { enum: ['not_started', 'suspended'] }),
    idleSince: date('idle_since'),
    idleProposal: text('idle_proposal', { enum: idleProposals }).notNull().default('none'),
    idleFeeFen: fen('idle_fee_fen').notNull().default(0),
    idleEvaluatedOn: date('idle_evaluated_on'),
    /** The day an idle parcel stopped being idle (盘活). */
    revitalisedOn: date('revitalised_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('land_parcels_zone_code_uq').on(t.zoneId, t.code),
    index('land_parcels_zone_status_idx').on(t.zoneId, t.status),
    index('land_parcels_zone_enterprise_idx').on(t.zoneId, t.enterpriseId),
  ],
);

/** A standard-land (标准地) contract: commitments, agreed dates from the build-period rules, progress. */
export const landContracts = pgTable(
  'land_contracts',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    parcelId: uuid('parcel_id')
      .notNull()
      .references(() => landParcels.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    contractNo: text('contract_no').notNull(),
    signedOn: date('signed_on').notNull(),
    landPriceFen: fen('land_price_fen').notNull(),
    areaMu: numeric('area_mu', { precision: 14, scale: 4, mode: 'number' }).notNull(),
    investment: num('investment').notNull(),
    plotRatio: num('plot_ratio').notNull(),
    taxPerMu: num('tax_per_mu').notNull(),
    energyPerOutput: num('energy_per_output'),
    emission: num('emission'),
    rdShare: num('rd_share'),
    agreedStartOn: date('agreed_start_on').notNull(),
    buildMonths: integer('build_months').notNull(),
    productionMonths: integer('production_months').notNull(),
    extensionMonths: integer('extension_months').notNull().default(0),
    agreedCompletionOn: date('agreed_completion_on').notNull(),
    agreedProductionOn: date('agreed_production_on').notNull(),
    latePenaltyPpm: integer('late_penalty_ppm').notNull().default(1000),
    startedOn: date('started_on'),
    completedOn: date('completed_on'),
    suspendedSince: date('suspended_since'),
    developedPercent: num('developed_percent').notNull().default(0),
    investedPercent: num('invested_percent').notNull().default(0),
    governmentCauseDays: integer('government_cause_days').notNull().default(0),
    governmentCause: text('government_cause').notNull().default(''),
    accruedPenaltyFen: fen('accrued_penalty_fen').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('land_contracts_parcel_uq').on(t.parcelId),
    unique('land_contracts_zone_no_uq').on(t.zoneId, t.contractNo),
    index('land_contracts_zone_enterprise_idx').on(t.zoneId, t.enterpriseId),
  ],
);

export interface StoredLine {
  label: string;
  formula: string;
  fen: number;
}
export interface StoredCheck {
  indicator: string;
  agreed: number | null;
  actual: number | null;
  met: boolean;
}

/** 竣工验收 / 达产复核 of a contract: the actuals, the checks against the commitments and the penalty lines. */
export const landReviews = pgTable(
  'land_reviews',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => landContracts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: reviewKinds }).notNull(),
    reviewedOn: date('reviewed_on').notNull(),
    actuals: jsonb('actuals').$type<Record<string, string | number | null>>().notNull(),
    lines: jsonb('lines').$type<StoredLine[]>().notNull(),
    checks: jsonb('checks').$type<StoredCheck[]>().notNull(),
    totalPenaltyFen: fen('total_penalty_fen').notNull(),
    passed: boolean('passed').notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('land_reviews_zone_contract_idx').on(t.zoneId, t.contractId, t.reviewedOn)],
);

/** A patrol (巡查) of a parcel with photos. */
export const landPatrols = pgTable(
  'land_patrols',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    parcelId: uuid('parcel_id')
      .notNull()
      .references(() => landParcels.id, { onDelete: 'cascade' }),
    patrolledOn: date('patrolled_on').notNull(),
    finding: text('finding', { enum: patrolFindings }).notNull(),
    note: text('note').notNull().default(''),
    photoFileIds: uuid('photo_file_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('land_patrols_zone_parcel_idx').on(t.zoneId, t.parcelId, t.patrolledOn)],
);
