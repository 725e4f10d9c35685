import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../../shared/common';
import { FILE_CONTENT_TYPES, FILE_MAX_MB, fileSchema, fileUploadQuerySchema, isImage } from '../../../shared/files';
import { AppError, notFound } from '../../platform/errors';
import { attachment } from '../../platform/excel/export';
import { idParams, scopeOf } from '../../platform/http/crud';
import { present } from '../../platform/http/present';
import { checkFile, FILE_MAX_BYTES, getFile, uploadFile } from './files.service';

const tags = ['files'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

function toMeta(row: NonNullable<Awaited<ReturnType<typeof getFile>>>) {
  const { storageKey: _key, ...rest } = row;
  return present(rest);
}

/** Attachments: upload (raw body), metadata, download. Domains keep the returned ids on their own rows. */
export async function filesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const store = app.ctx.files;

  app.addContentTypeParser(
    [...FILE_CONTENT_TYPES],
    { parseAs: 'buffer', bodyLimit: FILE_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/api/files',
    {
      config: { access: 'files.upload' },
      bodyLimit: FILE_MAX_BYTES,
      onRequest: async (req) => {
        if (Number(req.headers['content-length'] ?? 0) > FILE_MAX_BYTES) {
          throw new AppError(413, 'FILE_TOO_LARGE', { maxMb: FILE_MAX_MB });
        }
      },
      schema: {
        tags,
        summary: 'Upload an attachment (raw body, ?filename=); answers its id and metadata',
        description: `Body: the file itself (images, PDF, Word, Excel, PowerPoint, text), at most ${FILE_MAX_MB} MB. The type is checked by extension and content.`,
        querystring: fileUploadQuerySchema,
        response: { 201: fileSchema, ...errors, 413: errorBodySchema, 415: errorBodySchema },
      },
    },
    async (req, reply) => {
      const file = checkFile(req.body, req.query.filename);
      const scope = await scopeOf(app, req);
      const row = await uploadFile(db, store, scope, file, req.query.enterpriseId);
      return reply.code(201).send(toMeta(row));
    },
  );

  app.get(
    '/api/files/:id/meta',
    {
      config: { access: 'files.read' },
      schema: {
        tags,
        summary: 'Metadata of an attachment',
        params: idParams,
        response: { 200: fileSchema, ...errors },
      },
    },
    async (req) => {
      const row = await getFile(db, await scopeOf(app, req), req.params.id);
      if (!row) throw notFound();
      return toMeta(row);
    },
  );

  app.get(
    '/api/files/:id',
    {
      config: { access: 'files.read' },
      schema: {
        tags,
        summary: 'Download an attachment (images and PDF inline, other types as a download)',
        params: idParams,
        response: errors,
      },
    },
    async (req, reply) => {
      const row = await getFile(db, await scopeOf(app, req), req.params.id);
      if (!row) throw notFound();
      const bytes = await store.get(row.storageKey);
      const inline = isImage(row.mime) || row.mime === 'application/pdf';
      const out: FastifyReply = reply;
      return out
        .header('content-type', row.mime)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600')
        .header(
          'content-disposition',
          inline ? attachment(row.name).replace(/^attachment/, 'inline') : attachment(row.name),
        )
        .send(bytes);
    },
  );
}
