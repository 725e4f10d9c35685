import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Locale } from '../../../shared/auth';
import { type ImportIssue, type ImportJobSummary, importStatuses } from '../../../shared/imports';
import type { Role } from '../../../shared/roles';
import { users } from '../auth/auth.tables';
import { zones } from '../tenancy/tenancy.tables';

/**
 * Raw file bytes. Never selected with the row (repositories pick columns); written and read as base64 text
 * (encode/decode in SQL), which PGlite moves an order of magnitude faster than a binary parameter.
 */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** Who uploaded, as the worker needs it to act for them (scope and audit) on any app server. */
export interface ImportRequester {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  zoneId: string | null;
  provinceId: string | null;
  departmentId: string | null;
  enterpriseId: string | null;
  ip: string;
}

/**
 * An upload and its background job. The file lives in the database so whichever app server picks the pg-boss job
 * can read it; errors keep the first 10,000 problems (error_count counts all) and the original cells of those rows.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zones.id),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    fileFormat: text('file_format', { enum: ['xlsx', 'csv'] }).notNull(),
    fileSize: integer('file_size').notNull(),
    fileBytes: bytea('file_bytes').notNull(),
    status: text('status', { enum: importStatuses }).notNull().default('queued'),
    totalRows: integer('total_rows'),
    processedRows: integer('processed_rows').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    errors: jsonb('errors').$type<ImportIssue[]>().notNull().default([]),
    errorRows: jsonb('error_rows').$type<{ headers: string[]; rows: Record<string, unknown[]> }>(),
    summary: jsonb('summary').$type<ImportJobSummary>(),
    /** Language of the uploader: messages in errors are written in it. */
    locale: text('locale').$type<Locale>().notNull(),
    requestedBy: jsonb('requested_by').$type<ImportRequester>().notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    attempts: integer('attempts').notNull().default(0),
    /** Set when an attempt claims the job; the commit checks it so two attempts can never both write. */
    runToken: uuid('run_token'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('import_jobs_zone_created_idx').on(t.zoneId, t.createdAt),
    index('import_jobs_status_idx').on(t.status, t.createdAt),
  ],
);
