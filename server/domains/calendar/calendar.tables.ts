import { sql } from 'drizzle-orm';
import { check, date, foreignKey, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables';

/**
 * The national working-day calendar: platform reference data (no zone_id, like provinces).
 *
 * One row per published version of a year's arrangement (国务院办公厅 notice). A new version replaces the
 * whole arrangement of that year (mid-year amendments such as the 2020 Spring Festival extension, or the
 * December days that the next year's notice adds); older versions stay for history. The current
 * arrangement of a year is its highest version. Versions are only ever added, never changed or deleted.
 */
export const calendarYears = pgTable(
  'calendar_years',
  {
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: ['published'] })
      .notNull()
      .default('published'),
    /** The notice, e.g. 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）. */
    source: text('source').notNull(),
    note: text('note').notNull().default(''),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    /** Null for the seeded versions. */
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    primaryKey({ name: 'calendar_years_pk', columns: [t.year, t.version] }),
    check('calendar_years_year_ck', sql`${t.year} between 1900 and 2200`),
    check('calendar_years_version_ck', sql`${t.version} >= 1`),
  ],
);

/** The days of one version: statutory holidays (放假) and make-up working days (调休上班) of that year. */
export const calendarDays = pgTable(
  'calendar_days',
  {
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    date: date('date').notNull(),
    kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
    /** The festival, e.g. 春节 or 国庆节、中秋节 (a make-up day carries the festival it belongs to). */
    name: text('name').notNull(),
  },
  (t) => [
    primaryKey({ name: 'calendar_days_pk', columns: [t.year, t.version, t.date] }),
    foreignKey({
      name: 'calendar_days_version_fk',
      columns: [t.year, t.version],
      foreignColumns: [calendarYears.year, calendarYears.version],
    }),
    check('calendar_days_in_year_ck', sql`extract(year from ${t.date}) = ${t.year}`),
  ],
);
