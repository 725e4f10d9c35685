import { and, asc, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/common';
import { type PhotoInput, photoInputSchema, photoSchema } from '../../../shared/projects';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor } from '../../platform/db';
import { invalid, notFound } from '../../platform/errors';
import { idParams, scopeOf } from '../../platform/http/crud';
import { registerConstraintField } from '../../platform/http/error-handler';
import { assertFilesUsable } from '../files/files.service';
import { files } from '../files/files.tables';
import { todayInShanghai } from './projects.repository';
import { keyProjectPhotos, keyProjects } from './projects.tables';

registerConstraintField('key_project_photos_file_uq', 'fileIds');

async function keyProjectOf(ex: Executor, scope: ZoneScope, id: string) {
  const [p] = await ex
    .select({ id: keyProjects.id })
    .from(keyProjects)
    .where(and(eq(keyProjects.zoneId, scope.zoneId), eq(keyProjects.id, id)));
  return p;
}

export async function listPhotos(ex: Executor, scope: ZoneScope, keyProjectId: string) {
  const rows = await ex
    .select({ p: keyProjectPhotos, fileName: files.name })
    .from(keyProjectPhotos)
    .innerJoin(files, eq(files.id, keyProjectPhotos.fileId))
    .where(and(eq(keyProjectPhotos.zoneId, scope.zoneId), eq(keyProjectPhotos.keyProjectId, keyProjectId)))
    .orderBy(desc(keyProjectPhotos.takenOn), asc(keyProjectPhotos.createdAt));
  return rows.map(({ p: { zoneId: _z, ...p }, fileName }) => ({
    ...p,
    fileName,
    createdAt: p.createdAt.toISOString(),
  }));
}

/**
 * Attach progress photos (DOMAIN.md §5 "photos"): every file must be one the caller may use in this zone
 * (assertFilesUsable), a photo cannot be dated in the future (China time), and a file is attached once per project.
 */
export async function addPhotos(db: Db, scope: ZoneScope, keyProjectId: string, input: PhotoInput) {
  return db.transaction(async (tx) => {
    if (!(await keyProjectOf(tx, scope, keyProjectId))) throw notFound();
    if (input.takenOn > todayInShanghai()) throw invalid({ takenOn: 'DATE_IN_FUTURE' });
    await assertFilesUsable(tx, scope, input.fileIds, 'fileIds');
    const rows = await tx
      .insert(keyProjectPhotos)
      .values(
        [...new Set(input.fileIds)].map((fileId) => ({
          zoneId: scope.zoneId,
          keyProjectId,
          fileId,
          takenOn: input.takenOn,
          caption: input.caption,
          uploadedByName: scope.actor.displayName,
        })),
      )
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'add_photos',
      entity: 'key_project',
      entityId: keyProjectId,
      after: rows,
    });
    return listPhotos(tx, scope, keyProjectId);
  });
}

export async function removePhoto(db: Db, scope: ZoneScope, photoId: string) {
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(keyProjectPhotos)
      .where(and(eq(keyProjectPhotos.zoneId, scope.zoneId), eq(keyProjectPhotos.id, photoId)))
      .returning();
    if (!gone) throw notFound();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'remove_photo',
      entity: 'key_project',
      entityId: gone.keyProjectId,
      before: gone,
    });
  });
}

const tags = ['projects'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

export function photoRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;
  app.get(
    '/api/projects/key/:id/photos',
    {
      config: { access: 'projects.read' },
      schema: {
        tags,
        summary: 'Progress photos of a key project, newest first',
        params: idParams,
        response: { 200: z.array(photoSchema), ...errors },
      },
    },
    async (req) => {
      const scope = await scopeOf(app, req);
      if (!(await keyProjectOf(db, scope, req.params.id))) throw notFound();
      return listPhotos(db, scope, req.params.id);
    },
  );
  app.post(
    '/api/projects/key/:id/photos',
    {
      config: { access: 'projects.write' },
      schema: {
        tags,
        summary: 'Attach uploaded files as progress photos (same zone, not dated in the future)',
        params: idParams,
        body: photoInputSchema,
        response: { 201: z.array(photoSchema), ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await addPhotos(db, await scopeOf(app, req), req.params.id, req.body)),
  );
  app.delete(
    '/api/projects/photos/:id',
    {
      config: { access: 'projects.write' },
      schema: {
        tags,
        summary: 'Remove a progress photo (the file stays in the file store)',
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await removePhoto(db, await scopeOf(app, req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
