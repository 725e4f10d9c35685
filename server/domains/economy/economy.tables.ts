import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { econAggregations, econFrequencies, econStatuses } from '../../../shared/economy';
import { users } from '../auth/auth.tables';
import { departments } from '../org/org.tables';
import { subParks, zones } from '../tenancy/tenancy.tables';

/** 指标目录: what the zone reports every month (GDP, 规上工业产值, 固定资产投资, 税收…), with its alert lines. */
export const econIndicators = pgTable(
  'econ_indicators',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull().default(''),
    unit: text('unit').notNull(),
    unitEn: text('unit_en').notNull().default(''),
    ownerDepartmentId: uuid('owner_department_id').references(() => departments.id),
    frequency: text('frequency', { enum: econFrequencies }).notNull().default('monthly'),
    aggregation: text('aggregation', { enum: econAggregations }).notNull().default('sum'),
    alertBelowPct: numeric('alert_below_pct', { precision: 8, scale: 2, mode: 'number' }),
    excellentAbovePct: numeric('excellent_above_pct', { precision: 8, scale: 2, mode: 'number' }),
    jumpPct: numeric('jump_pct', { precision: 8, scale: 2, mode: 'number' }).notNull().default(50),
    higherIsBetter: boolean('higher_is_better').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(100),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('econ_indicators_zone_code_uq').on(t.zoneId, t.code)],
);

/**
 * Monthly values per zone (sub_park_id null) and sub-park. The sub-park key is folded into the unique index with
 * coalesce so "the whole zone" is one row too.
 */
export const econValues = pgTable(
  'econ_values',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => econIndicators.id, { onDelete: 'cascade' }),
    subParkId: uuid('sub_park_id').references(() => subParks.id),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    value: numeric('value', { precision: 20, scale: 4, mode: 'number' }).notNull(),
    reason: text('reason').notNull().default(''),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('econ_values_key_uq').on(
      t.zoneId,
      t.indicatorId,
      sql`coalesce(${t.subParkId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.year,
      t.month,
    ),
    index('econ_values_zone_year_idx').on(t.zoneId, t.year, t.month),
  ],
);

/** Annual targets per zone and sub-park. */
export const econTargets = pgTable(
  'econ_targets',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => econIndicators.id, { onDelete: 'cascade' }),
    subParkId: uuid('sub_park_id').references(() => subParks.id),
    year: smallint('year').notNull(),
    target: numeric('target', { precision: 20, scale: 4, mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('econ_targets_key_uq').on(
      t.zoneId,
      t.indicatorId,
      sql`coalesce(${t.subParkId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.year,
    ),
  ],
);

/**
 * Derived figures per zone, indicator and month (1–N月 cumulative, last year's, YoY, completion), rewritten in the
 * same transaction as the values or target they come from. The province cockpit ranks 135 zones from this table
 * with one indexed query instead of recomputing every zone's months on each request.
 */
export const econZoneFigures = pgTable(
  'econ_zone_figures',
  {
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => econIndicators.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    cumulative: numeric('cumulative', { precision: 20, scale: 4, mode: 'number' }),
    lastYearCumulative: numeric('last_year_cumulative', { precision: 20, scale: 4, mode: 'number' }),
    yoyPct: numeric('yoy_pct', { precision: 12, scale: 2, mode: 'number' }),
    completionPct: numeric('completion_pct', { precision: 12, scale: 2, mode: 'number' }),
    status: text('status', { enum: econStatuses }).notNull().default('none'),
  },
  (t) => [
    primaryKey({ columns: [t.zoneId, t.indicatorId, t.year, t.month] }),
    index('econ_zone_figures_code_idx').on(t.code, t.year, t.month),
  ],
);
