import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, pageOf } from '../../../shared/common';
import {
  IMPORT_CONTENT_TYPES,
  IMPORT_MAX_MB,
  importJobDetailSchema,
  importJobListQuerySchema,
  importJobSchema,
  importUploadQuerySchema,
} from '../../../shared/imports';
import { can } from '../../../shared/roles';
import { AppError, notFound } from '../../platform/errors';
import { sendXlsxBuffer } from '../../platform/excel/export';
import { buildErrorReport } from '../../platform/excel/report';
import { buildTemplate } from '../../platform/excel/template';
import { idParams, scopeOf } from '../../platform/http/crud';
import { requireActor } from '../../platform/http/guard';
import { present } from '../../platform/http/present';
import { getImportKind, importKinds, kindAccess } from './imports.registry';
import * as repo from './imports.repository';
import { createImport, importQueue } from './imports.service';
import { checkUpload, MAX_BYTES } from './imports.upload';

const tags = ['imports'];
const kindParams = z.object({ kind: z.string().min(1).max(40) });
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
/** Kind routes: any signed-in user passes the first check; the guard then requires the kind's own permission. */
const byKind = { access: 'authenticated' as const, paramAccess: kindAccess };

/** Kinds whose jobs the caller may see (those whose permission the role has). */
function visibleKinds(req: FastifyRequest, only?: string): string[] {
  const role = requireActor(req).role;
  return importKinds()
    .filter((k) => can(role, k.permission) && (!only || k.kind === only))
    .map((k) => k.kind);
}

/** Excel/CSV imports: template download, upload (queued as a background job), progress, error report. */
export async function importsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  await app.ctx.jobs.define(importQueue(db, app.ctx.jobs));

  // The upload body is the raw file; these parsers exist only inside this plugin.
  app.addContentTypeParser([...IMPORT_CONTENT_TYPES], { parseAs: 'buffer', bodyLimit: MAX_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/api/imports/:kind/template',
    {
      config: byKind,
      schema: { tags, summary: 'Download the .xlsx import template of a kind', params: kindParams, response: errors },
    },
    async (req, reply) => {
      const kind = getImportKind(req.params.kind)!;
      const scope = await scopeOf(app, req);
      const lists = kind.templateLists ? await kind.templateLists(db, scope) : undefined;
      const file = await buildTemplate(
        { title: kind.title, columns: kind.columns, lists, maxMb: IMPORT_MAX_MB },
        req.locale,
      );
      return sendXlsxBuffer(reply, `${kind.title[req.locale]}-template.xlsx`, file);
    },
  );

  app.post(
    '/api/imports/:kind',
    {
      config: byKind,
      bodyLimit: MAX_BYTES,
      onRequest: async (req) => {
        const length = Number(req.headers['content-length'] ?? 0);
        if (length > MAX_BYTES) throw new AppError(413, 'IMPORT_FILE_TOO_LARGE', { maxMb: IMPORT_MAX_MB });
      },
      schema: {
        tags,
        summary: 'Upload a filled-in .xlsx or .csv (raw body, ?filename=); answers 202 with the queued job',
        description: `Body: the file itself (${IMPORT_CONTENT_TYPES.join(', ')}), at most ${IMPORT_MAX_MB} MB. The rows are validated in the background; poll GET /api/imports/jobs/{id}.`,
        params: kindParams,
        querystring: importUploadQuerySchema,
        response: { 202: importJobSchema, ...errors, 413: errorBodySchema, 415: errorBodySchema },
      },
    },
    async (req, reply) => {
      const kind = getImportKind(req.params.kind)!;
      const file = checkUpload(req.body, req.headers['content-type'], req.query.filename);
      const scope = await scopeOf(app, req);
      const id = await createImport(db, app.ctx.jobs, scope, kind, file, req.locale);
      const job = await repo.getJob(db, scope, id, [kind.kind]);
      return reply.code(202).send(present(job!));
    },
  );

  app.get(
    '/api/imports/jobs',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Recent import jobs of the zone (kinds the caller may import)',
        querystring: importJobListQuerySchema,
        response: { 200: pageOf(importJobSchema), ...errors },
      },
    },
    async (req) => {
      const q = req.query;
      const { data, total } = await repo.listJobs(db, await scopeOf(app, req), visibleKinds(req, q.kind), q);
      return { data: data.map(present), total, current: q.current, pageSize: q.pageSize };
    },
  );

  app.get(
    '/api/imports/jobs/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Status, progress and the first 200 problems of an import job',
        params: idParams,
        response: { 200: importJobDetailSchema, ...errors },
      },
    },
    async (req) => {
      const job = await repo.getJob(db, await scopeOf(app, req), req.params.id, visibleKinds(req));
      if (!job) throw notFound();
      return present(job);
    },
  );

  app.get(
    '/api/imports/jobs/:id/errors.xlsx',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Error report (.xlsx): row, column, problem and the row’s original values',
        params: idParams,
        response: errors,
      },
    },
    async (req, reply) => {
      const job = await repo.getJobErrors(db, await scopeOf(app, req), req.params.id, visibleKinds(req));
      if (!job) throw notFound();
      const file = await buildErrorReport(
        {
          issues: job.errors,
          issueCount: job.errorCount,
          headers: job.errorRows?.headers ?? [],
          badRows: (job.errorRows?.rows ?? {}) as Record<string, (string | number | boolean | null)[]>,
        },
        req.locale,
      );
      const base = job.fileName.replace(/\.(xlsx|csv)$/i, '');
      return sendXlsxBuffer(reply, `${base}-errors.xlsx`, file);
    },
  );
}
