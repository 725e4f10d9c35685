import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Locale } from '../../../shared/auth';
import type { ImportIssue, ImportJobSummary, ImportStatus } from '../../../shared/imports';
import type { ZoneScope } from '../../platform/access';
import { type Executor, rows } from '../../platform/db';
import { users } from '../auth/auth.tables';
import { type ImportRequester, importJobs } from './imports.tables';

/** Everything but the file and the stored errors (those are fetched only where needed). */
const jobColumns = {
  id: importJobs.id,
  zoneId: importJobs.zoneId,
  kind: importJobs.kind,
  fileName: importJobs.fileName,
  fileFormat: importJobs.fileFormat,
  fileSize: importJobs.fileSize,
  status: importJobs.status,
  totalRows: importJobs.totalRows,
  processedRows: importJobs.processedRows,
  errorCount: importJobs.errorCount,
  summary: importJobs.summary,
  createdBy: importJobs.createdBy,
  createdByName: users.displayName,
  createdAt: importJobs.createdAt,
  startedAt: importJobs.startedAt,
  finishedAt: importJobs.finishedAt,
};

export interface NewImportJob {
  zoneId: string;
  kind: string;
  fileName: string;
  fileFormat: 'xlsx' | 'csv';
  bytes: Buffer;
  locale: Locale;
  requestedBy: ImportRequester;
}

export async function insertJob(ex: Executor, job: NewImportJob): Promise<string> {
  const [row] = await ex
    .insert(importJobs)
    .values({
      zoneId: job.zoneId,
      kind: job.kind,
      fileName: job.fileName,
      fileFormat: job.fileFormat,
      fileSize: job.bytes.length,
      // base64 text decoded by the server: PGlite binds big binary parameters slowly.
      fileBytes: sql`decode(${job.bytes.toString('base64')}, 'base64')` as unknown as Buffer,
      locale: job.locale,
      requestedBy: job.requestedBy,
      createdBy: job.requestedBy.userId,
    })
    .returning({ id: importJobs.id });
  return row!.id;
}

export async function getJob(ex: Executor, scope: ZoneScope, id: string, kinds: string[]) {
  if (kinds.length === 0) return undefined;
  const [row] = await ex
    .select({ ...jobColumns, errors: sql<ImportIssue[]>`jsonb_path_query_array(${importJobs.errors}, '$[0 to 199]')` })
    .from(importJobs)
    .innerJoin(users, eq(users.id, importJobs.createdBy))
    .where(and(eq(importJobs.zoneId, scope.zoneId), eq(importJobs.id, id), inArray(importJobs.kind, kinds)));
  return row;
}

export async function getJobErrors(ex: Executor, scope: ZoneScope, id: string, kinds: string[]) {
  if (kinds.length === 0) return undefined;
  const [row] = await ex
    .select({
      fileName: importJobs.fileName,
      errorCount: importJobs.errorCount,
      errors: importJobs.errors,
      errorRows: importJobs.errorRows,
    })
    .from(importJobs)
    .where(and(eq(importJobs.zoneId, scope.zoneId), eq(importJobs.id, id), inArray(importJobs.kind, kinds)));
  return row;
}

export async function listJobs(
  ex: Executor,
  scope: ZoneScope,
  kinds: string[],
  page: { current: number; pageSize: number },
) {
  if (kinds.length === 0) return { data: [], total: 0 };
  const cond = and(eq(importJobs.zoneId, scope.zoneId), inArray(importJobs.kind, kinds)) as SQL;
  const [data, [total]] = await Promise.all([
    ex
      .select(jobColumns)
      .from(importJobs)
      .innerJoin(users, eq(users.id, importJobs.createdBy))
      .where(cond)
      .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
      .limit(page.pageSize)
      .offset((page.current - 1) * page.pageSize),
    ex.select({ n: count() }).from(importJobs).where(cond),
  ]);
  return { data, total: total?.n ?? 0 };
}

export async function getJobById(ex: Executor, id: string) {
  const [row] = await ex
    .select(jobColumns)
    .from(importJobs)
    .innerJoin(users, eq(users.id, importJobs.createdBy))
    .where(eq(importJobs.id, id));
  return row;
}

// ---- worker side: by id, guarded by the attempt's run token -------------------------------------------------

/** Claims a queued (or crashed-while-running) job for this attempt; undefined when it already finished. */
export async function claimJob(ex: Executor, id: string, token: string) {
  const [row] = await ex
    .update(importJobs)
    .set({
      status: 'running',
      runToken: token,
      attempts: sql`${importJobs.attempts} + 1`,
      processedRows: 0,
      startedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(importJobs.id, id), inArray(importJobs.status, ['queued', 'running'])))
    .returning({
      id: importJobs.id,
      zoneId: importJobs.zoneId,
      kind: importJobs.kind,
      fileName: importJobs.fileName,
      fileFormat: importJobs.fileFormat,
      locale: importJobs.locale,
      requestedBy: importJobs.requestedBy,
    });
  return row;
}

export async function loadFile(ex: Executor, id: string): Promise<Buffer> {
  const [row] = await rows<{ b64: string }>(
    ex,
    sql`select encode(${importJobs.fileBytes}, 'base64') as b64 from ${importJobs} where ${importJobs.id} = ${id}`,
  );
  if (!row) throw new Error(`import job ${id} has no file`);
  // PostgreSQL wraps base64 output every 76 characters; Buffer.from skips the line breaks.
  return Buffer.from(row.b64, 'base64');
}

export async function setProgress(ex: Executor, id: string, token: string, processedRows: number): Promise<void> {
  await ex
    .update(importJobs)
    .set({ processedRows, updatedAt: sql`now()` })
    .where(and(eq(importJobs.id, id), eq(importJobs.runToken, token)));
}

export interface JobOutcome {
  status: ImportStatus;
  totalRows?: number | null;
  processedRows?: number;
  errorCount?: number;
  errors?: ImportIssue[];
  errorRows?: { headers: string[]; rows: Record<string, unknown[]> } | null;
  summary?: ImportJobSummary | null;
}

/** Records the attempt's outcome; false when another attempt has claimed the job since (nothing changed). */
export async function finishJob(ex: Executor, id: string, token: string, outcome: JobOutcome): Promise<boolean> {
  const final = outcome.status !== 'queued' && outcome.status !== 'running';
  const done = await ex
    .update(importJobs)
    .set({ ...outcome, updatedAt: sql`now()`, ...(final ? { finishedAt: sql`now()` } : {}) })
    .where(and(eq(importJobs.id, id), eq(importJobs.runToken, token), eq(importJobs.status, 'running')))
    .returning({ id: importJobs.id });
  return done.length === 1;
}

/** Jobs whose enqueue was lost (crash between the upload's commit and the send): still queued after a while. */
/** Liveness of a running attempt: a job whose heartbeat stops (its server died) is picked up again by the sweep. */
export async function touchJob(ex: Executor, id: string, token: string): Promise<void> {
  await ex
    .update(importJobs)
    .set({ updatedAt: sql`now()` })
    .where(and(eq(importJobs.id, id), eq(importJobs.runToken, token), eq(importJobs.status, 'running')));
}

/** Running jobs whose attempt has not shown a sign of life for this long (the server working it died). */
export async function abandonedRunningJobs(ex: Executor, silentSeconds: number): Promise<string[]> {
  const list = await ex
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(
      and(
        eq(importJobs.status, 'running'),
        sql`${importJobs.updatedAt} < now() - make_interval(secs => ${silentSeconds})`,
      ),
    )
    .limit(1000);
  return list.map((r) => r.id);
}

export async function staleQueuedJobs(ex: Executor, olderThanSeconds: number): Promise<string[]> {
  const list = await ex
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(
      and(
        eq(importJobs.status, 'queued'),
        sql`${importJobs.createdAt} < now() - make_interval(secs => ${olderThanSeconds})`,
      ),
    )
    .limit(1000);
  return list.map((r) => r.id);
}
