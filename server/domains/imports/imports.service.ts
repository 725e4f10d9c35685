import { randomUUID } from 'node:crypto';
import type { Locale } from '../../../shared/auth';
import type { ImportIssue, ImportStatus } from '../../../shared/imports';
import { DEPARTMENT_ROLES } from '../../../shared/roles';
import type { Actor, ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { pgErrorInfo } from '../../platform/errors';
import { commitImport } from '../../platform/excel/commit';
import type { AnyImportKind } from '../../platform/excel/kind';
import { readSheet, SheetReadError } from '../../platform/excel/reader';
import { type ValidationOutcome, validateSheet } from '../../platform/excel/validate';
import { type MessageKey, t } from '../../platform/i18n';
import type { JobMeta, Jobs } from '../../platform/jobs';
import { getImportKind } from './imports.registry';
import * as repo from './imports.repository';
import type { ImportRequester } from './imports.tables';

export const IMPORT_QUEUE = 'imports';
const HEARTBEAT_MS = 15_000;
const ABANDONED_AFTER_S = 90;

export interface UploadedFile {
  bytes: Buffer;
  fileName: string;
  format: 'xlsx' | 'csv';
}

/**
 * Stores the file with a queued job and its audit event in one transaction, then enqueues the pg-boss job (same
 * id, so a re-send is harmless). If the process dies in between, the queue's start-up sweep re-sends it.
 */
export async function createImport(
  db: Db,
  jobs: Jobs,
  scope: ZoneScope,
  kind: AnyImportKind,
  file: UploadedFile,
  locale: Locale,
): Promise<string> {
  const a = scope.actor;
  const requestedBy: ImportRequester = {
    userId: a.userId,
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    zoneId: a.zoneId,
    provinceId: a.provinceId,
    departmentId: a.departmentId,
    enterpriseId: a.enterpriseId,
    ip: a.ip,
  };
  const id = await db.transaction(async (tx) => {
    const jobId = await repo.insertJob(tx, {
      zoneId: scope.zoneId,
      kind: kind.kind,
      fileName: file.fileName,
      fileFormat: file.format,
      bytes: file.bytes,
      locale,
      requestedBy,
    });
    await recordAudit(tx, {
      actor: a,
      zoneId: scope.zoneId,
      action: 'upload',
      entity: 'import_job',
      entityId: jobId,
      after: { kind: kind.kind, fileName: file.fileName, fileSize: file.bytes.length },
    });
    return jobId;
  });
  await jobs.send(IMPORT_QUEUE, { importJobId: id }, { id });
  return id;
}

/** The uploader's scope, rebuilt on whichever server works the job. */
function scopeOf(zoneId: string, r: ImportRequester, locale: Locale): ZoneScope {
  const actor: Actor = { ...r, locale, mustChangePassword: false, sessionId: '', csrfToken: '' };
  return {
    zoneId,
    actor,
    departmentId: DEPARTMENT_ROLES.includes(r.role) ? r.departmentId : null,
    enterpriseId: r.role === 'enterprise' ? r.enterpriseId : null,
  };
}

const fileIssue = (locale: Locale, code: MessageKey): ImportIssue => ({
  row: null,
  column: '',
  code,
  message: t(locale, code),
});

function refused(outcome: ValidationOutcome): repo.JobOutcome {
  return {
    status: 'failed_validation',
    totalRows: outcome.totalRows,
    processedRows: outcome.totalRows,
    errorCount: outcome.issueCount,
    errors: outcome.issues,
    errorRows: { headers: outcome.headers, rows: outcome.badRows },
  };
}

/**
 * The pg-boss handler: claim the job, read and validate every row (progress about every 1,000 rows), then either
 * store the problems (nothing written) or commit all rows, the audit event and the job's success in ONE transaction.
 * Idempotent: a finished job is skipped, and a stale attempt (another attempt claimed the job) cannot commit.
 */
export async function runImport(
  db: Db,
  importJobId: string,
  meta: JobMeta,
): Promise<{ status: ImportStatus | 'skipped' }> {
  const token = randomUUID();
  const job = await repo.claimJob(db, importJobId, token);
  if (!job) return { status: 'skipped' };
  const scope = scopeOf(job.zoneId, job.requestedBy, job.locale);
  const finish = (outcome: repo.JobOutcome) => repo.finishJob(db, importJobId, token, outcome);
  // Heartbeat while this attempt works, so the sweep can tell a slow job from one whose server died.
  const heartbeat = setInterval(() => void repo.touchJob(db, importJobId, token).catch(() => {}), HEARTBEAT_MS);
  heartbeat.unref();
  try {
    const kind = getImportKind(job.kind);
    if (!kind) throw new Error(`import kind ${job.kind} is not registered on this server`);
    const bytes = await repo.loadFile(db, importJobId);
    const data = kind.setup ? await kind.setup(db, scope) : undefined;
    let outcome: ValidationOutcome;
    try {
      outcome = await validateSheet({
        rows: readSheet(bytes, job.fileFormat),
        kind,
        scope,
        ex: db,
        locale: job.locale,
        data,
        onProgress: (n) => repo.setProgress(db, importJobId, token, n),
      });
    } catch (err) {
      if (!(err instanceof SheetReadError)) throw err;
      const issue = fileIssue(job.locale, 'IMPORT_FILE_UNREADABLE');
      await finish({ status: 'failed_validation', errorCount: 1, errors: [issue], errorRows: null });
      return { status: 'failed_validation' };
    }
    if (outcome.issueCount > 0) {
      await finish(refused(outcome));
      return { status: 'failed_validation' };
    }
    await repo.setProgress(db, importJobId, token, outcome.totalRows);
    try {
      await commitImport(db, {
        kind,
        scope,
        rows: outcome.rows,
        data,
        source: { id: importJobId, fileName: job.fileName },
        finish: async (tx, result) => {
          const ok = await repo.finishJob(tx, importJobId, token, {
            status: 'succeeded',
            totalRows: outcome.totalRows,
            processedRows: outcome.totalRows,
            summary: result,
          });
          // Another attempt claimed the job meanwhile: roll everything back, that attempt does the work.
          if (!ok) throw new StaleAttempt();
        },
      });
    } catch (err) {
      if (err instanceof StaleAttempt) return { status: 'skipped' };
      // A unique key taken by someone typing the same record in the meantime: refuse the file like a bad row.
      if (pgErrorInfo(err)?.code !== '23505') throw err;
      const issue = fileIssue(job.locale, 'IMPORT_COMMIT_CONFLICT');
      await finish({ status: 'failed_validation', totalRows: outcome.totalRows, errorCount: 1, errors: [issue] });
      return { status: 'failed_validation' };
    }
    return { status: 'succeeded' };
  } catch (err) {
    // pg-boss retries the job; the last attempt records the failure for the user (no rows were written).
    const last = meta.retryCount >= meta.retryLimit;
    const issue = fileIssue(job.locale, 'IMPORT_JOB_FAILED');
    await finish(
      last ? { status: 'failed', errorCount: 1, errors: [issue], errorRows: null } : { status: 'queued' },
    ).catch(() => {});
    throw err;
  } finally {
    clearInterval(heartbeat);
  }
}

class StaleAttempt extends Error {}

/** Queue definition for app.ctx.jobs: one worker per server works import jobs one at a time. */
export function importQueue(db: Db, jobs: Jobs) {
  return {
    name: IMPORT_QUEUE,
    retryLimit: 2,
    retryDelaySeconds: 10,
    expireInSeconds: 60 * 60,
    handler: (data: { importJobId: string }, meta: JobMeta) => runImport(db, data.importJobId, meta),
    // Every 30 s on working servers: re-send queued jobs whose enqueue was lost, and jobs left 'running' by a server
    // that died (no heartbeat for 90 s) under a new pg-boss id — the claim token keeps a late original from committing.
    repeatOnStartSeconds: 30,
    onStart: async () => {
      for (const id of await repo.staleQueuedJobs(db, 120)) await jobs.send(IMPORT_QUEUE, { importJobId: id }, { id });
      for (const id of await repo.abandonedRunningJobs(db, ABANDONED_AFTER_S)) {
        await jobs.send(IMPORT_QUEUE, { importJobId: id }, { id: randomUUID() });
      }
    },
  };
}
