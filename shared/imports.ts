import { z } from 'zod';

/**
 * queued → running → succeeded (all rows written) | failed_validation (nothing written; see errors) |
 * failed (nothing written; the job itself broke, e.g. the database went away, after its retries).
 */
export const importStatuses = ['queued', 'running', 'failed_validation', 'succeeded', 'failed'] as const;
export type ImportStatus = (typeof importStatuses)[number];

export const importIssueSchema = z.object({
  /** 1-based row number as shown in Excel; null for a problem with the whole file. */
  row: z.number().int().nullable(),
  /** The column's header as written in the file. */
  column: z.string(),
  code: z.string(),
  /** In the uploader's language. */
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

export const importJobSummarySchema = z.object({ inserted: z.number().int() });
export type ImportJobSummary = z.infer<typeof importJobSummarySchema>;

export const importJobSchema = z.object({
  id: z.uuid(),
  zoneId: z.uuid(),
  kind: z.string(),
  fileName: z.string(),
  fileFormat: z.enum(['xlsx', 'csv']),
  fileSize: z.number().int(),
  status: z.enum(importStatuses),
  /** Known once the file has been read to the end. */
  totalRows: z.number().int().nullable(),
  /** Rows validated so far (updated about every 1,000 rows while running). */
  processedRows: z.number().int(),
  errorCount: z.number().int(),
  summary: importJobSummarySchema.nullable(),
  createdBy: z.uuid(),
  createdByName: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const importJobDetailSchema = importJobSchema.extend({
  /** The first 200 problems (the error report has up to 10,000). */
  errors: z.array(importIssueSchema),
});
export type ImportJobDetail = z.infer<typeof importJobDetailSchema>;

export const importJobListQuerySchema = z.object({
  kind: z.string().trim().max(40).optional(),
  current: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const importUploadQuerySchema = z.object({
  /** Original file name (its extension picks the format when the content type does not). */
  filename: z.string().trim().min(1).max(200).optional(),
});

/** Content types accepted by POST /api/imports/:kind (the body is the raw file). */
export const IMPORT_CONTENT_TYPES = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'application/csv',
  'application/vnd.ms-excel',
  'application/octet-stream',
] as const;

export const IMPORT_MAX_MB = 50;
