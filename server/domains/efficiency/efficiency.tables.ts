import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
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
import type { Adjustment, EfficiencyParams, PolicyItem } from '../../../shared/efficiency';
import { enterprises } from '../enterprises/enterprises.tables';
import { zones } from '../tenancy/tenancy.tables';

const num = (name: string) => numeric(name, { precision: 18, scale: 4, mode: 'number' });

/**
 * 亩均 yearly data of one enterprise (Excel import or entry): amounts in 万元, energy in tce, electricity in 万kWh,
 * emission in t. One row per zone, year and enterprise; a run copies the rows it evaluates onto its results.
 */
export const efficiencyData = pgTable(
  'efficiency_data',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    year: integer('year').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    landMu: num('land_mu'),
    leasedM2: num('leased_m2'),
    tax: num('tax'),
    revenue: num('revenue'),
    valueAdded: num('value_added'),
    energyTce: num('energy_tce'),
    electricityMwh: num('electricity_mwh'),
    emissionT: num('emission_t'),
    rdExpense: num('rd_expense'),
    employees: integer('employees'),
    scale: text('scale', { enum: ['above', 'below'] }).notNull(),
    newlyAbove: boolean('newly_above').notNull().default(false),
    leasedOut: boolean('leased_out').notNull().default(false),
    incident: boolean('incident').notNull().default(false),
    veto: boolean('veto').notNull().default(false),
    tClass: text('t_class', { enum: ['utility', 'new', 'construction'] }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('efficiency_data_zone_year_enterprise_uq').on(t.zoneId, t.year, t.enterpriseId),
    index('efficiency_data_zone_enterprise_idx').on(t.zoneId, t.enterpriseId, t.year),
  ],
);

/** An evaluation run: parameters, and once computed the frozen benchmarks; draft → computed → published → final. */
export const efficiencyRuns = pgTable(
  'efficiency_runs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: ['draft', 'computed', 'published', 'final'] })
      .notNull()
      .default('draft'),
    params: jsonb('params').$type<EfficiencyParams>().notNull(),
    benchmarks: jsonb('benchmarks').$type<Record<string, Record<string, number | null>>>(),
    /** Per group and indicator: the lowest and highest value of the run (the min–max method's range). */
    ranges: jsonb('ranges').$type<Record<string, Record<string, { min: number; max: number } | null>>>(),
    population: integer('population').notNull().default(0),
    classCounts: jsonb('class_counts').$type<Record<string, number>>(),
    computedAt: timestamp('computed_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    objectionEndsOn: date('objection_ends_on'),
    objectionEndsProvisional: boolean('objection_ends_provisional').notNull().default(false),
    finalizedAt: timestamp('finalized_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('efficiency_runs_zone_year_idx').on(t.zoneId, t.year, t.createdAt)],
);

/**
 * One evaluated enterprise of a run: score, rank, class, its indicator lines and its frozen inputs.
 *
 * Written only by the engine, in bulk (COPY on PostgreSQL: 200,000 rows per run at province scale), so two choices
 * keep a run within seconds (docs/ARCHITECTURE.md, bench/efficiency.ts):
 * - the breakdown is stored compactly as two arrays in the order of the run's indicators of the group — each line's
 *   value and points; indicator, weight, benchmark, min/max and basis are the run's own (params, benchmarks, ranges,
 *   frozen with it; changing the parameters discards the results) and are put back on read (`expandBreakdown`);
 * - no foreign keys: a per-row RI check on zone, run and enterprise tripled the write time. Rows come from the
 *   run and from efficiency_data (whose enterprise key is checked) in the same transaction, and deleting or
 *   re-parameterising a run deletes its results explicitly.
 */
export const efficiencyResults = pgTable(
  'efficiency_results',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id').notNull(),
    runId: uuid('run_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    group: text('grp', { enum: ['above', 'below'] }).notNull(),
    baseScore: numeric('base_score', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    score: numeric('score', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    rank: integer('rank').notNull(),
    groupSize: integer('group_size').notNull(),
    percentile: numeric('percentile', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    cls: text('cls', { enum: ['A', 'B', 'C', 'D'] }).notNull(),
    consecutiveD: integer('consecutive_d').notNull().default(0),
    /** Indicator values (null: missing), in the order of params.indicators[grp]. */
    lineValues: doublePrecision('line_values').array().notNull(),
    /** Indicator points (missing lines: the group average or zero, by the run's rule), same order. */
    linePoints: doublePrecision('line_points').array().notNull(),
    adjustments: jsonb('adjustments').$type<Adjustment[]>().notNull(),
    policies: jsonb('policies').$type<PolicyItem[]>().notNull(),
    inputs: jsonb('inputs').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    unique('efficiency_results_run_enterprise_uq').on(t.runId, t.enterpriseId),
    index('efficiency_results_zone_run_idx').on(t.zoneId, t.runId, t.group, t.rank),
    index('efficiency_results_zone_enterprise_idx').on(t.zoneId, t.enterpriseId),
  ],
);
