import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/common';
import {
  provinceSchema,
  subParkInputSchema,
  subParkSchema,
  zoneInputSchema,
  zoneSchema,
} from '../../../shared/tenancy';
import { visibleZoneIds } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { notFound } from '../../platform/errors';
import { idParams, scopeOf } from '../../platform/http/crud';
import { registerConstraintField } from '../../platform/http/error-handler';
import { requireActor } from '../../platform/http/guard';
import { present } from '../../platform/http/present';
import { provinces, subParks, zones } from './tenancy.tables';

registerConstraintField('zones_code_unique', 'code');
registerConstraintField('sub_parks_zone_code_uq', 'code');
registerConstraintField('sub_parks_zone_name_uq', 'name');

const tags = ['tenancy'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

/** Province → zone → sub-park. Zones are listed as far as the actor may see them. */
export async function tenancyRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  app.get(
    '/api/tenancy/provinces',
    {
      config: { access: 'tenancy.read' },
      schema: { tags, summary: 'Provinces', response: { 200: z.array(provinceSchema) } },
    },
    async () =>
      db
        .select({ id: provinces.id, code: provinces.code, name: provinces.name, nameEn: provinces.nameEn })
        .from(provinces)
        .orderBy(asc(provinces.code)),
  );

  app.get(
    '/api/tenancy/zones',
    {
      config: { access: 'tenancy.read' },
      schema: { tags, summary: 'Zones visible to the caller', response: { 200: z.array(zoneSchema) } },
    },
    async (req) => {
      const visible = await visibleZoneIds(db, requireActor(req));
      const cols = {
        id: zones.id,
        provinceId: zones.provinceId,
        code: zones.code,
        name: zones.name,
        nameEn: zones.nameEn,
        level: zones.level,
      };
      if (visible === 'all') return db.select(cols).from(zones).orderBy(asc(zones.code));
      if (visible.length === 0) return [];
      return db.select(cols).from(zones).where(inArray(zones.id, visible)).orderBy(asc(zones.code));
    },
  );

  app.post(
    '/api/tenancy/zones',
    {
      config: { access: 'tenancy.write' },
      schema: {
        tags,
        summary: 'Create a zone (tenant)',
        body: zoneInputSchema,
        response: { 200: zoneSchema, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        const [p] = await tx.select({ id: provinces.id }).from(provinces).where(eq(provinces.id, req.body.provinceId));
        if (!p) throw notFound();
        const [row] = await tx.insert(zones).values(req.body).returning();
        await recordAudit(tx, {
          actor,
          zoneId: row!.id,
          action: 'create',
          entity: 'zone',
          entityId: row!.id,
          after: row,
        });
        const { createdAt: _c, ...zone } = row!;
        return zone;
      });
    },
  );

  app.get(
    '/api/tenancy/sub-parks',
    {
      config: { access: 'tenancy.read' },
      schema: {
        tags,
        summary: 'Sub-parks (园区/组团) of the current zone',
        response: { 200: z.array(subParkSchema), ...errors },
      },
    },
    async (req) => {
      const scope = await scopeOf(app, req);
      const list = await db
        .select()
        .from(subParks)
        .where(eq(subParks.zoneId, scope.zoneId))
        .orderBy(asc(subParks.code));
      return list.map(({ createdAt: _c, ...s }) => s);
    },
  );

  app.post(
    '/api/tenancy/sub-parks',
    {
      config: { access: 'tenancy.write' },
      schema: {
        tags,
        summary: 'Create a sub-park in the current zone',
        body: subParkInputSchema,
        response: { 200: subParkSchema, ...errors },
      },
    },
    async (req) => {
      const scope = await scopeOf(app, req);
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(subParks)
          .values({ ...req.body, focus: req.body.focus ?? null, zoneId: scope.zoneId })
          .returning();
        await recordAudit(tx, {
          actor: scope.actor,
          zoneId: scope.zoneId,
          action: 'create',
          entity: 'sub_park',
          entityId: row!.id,
          after: row,
        });
        const { createdAt: _c, ...s } = row!;
        return s;
      });
    },
  );

  app.put(
    '/api/tenancy/sub-parks/:id',
    {
      config: { access: 'tenancy.write' },
      schema: {
        tags,
        summary: 'Update a sub-park',
        params: idParams,
        body: subParkInputSchema,
        response: { 200: subParkSchema, ...errors },
      },
    },
    async (req) => {
      const scope = await scopeOf(app, req);
      return db.transaction(async (tx) => {
        const where = and(eq(subParks.zoneId, scope.zoneId), eq(subParks.id, req.params.id));
        const [before] = await tx.select().from(subParks).where(where);
        if (!before) throw notFound();
        const [row] = await tx
          .update(subParks)
          .set({ ...req.body, focus: req.body.focus ?? null })
          .where(where)
          .returning();
        await recordAudit(tx, {
          actor: scope.actor,
          zoneId: scope.zoneId,
          action: 'update',
          entity: 'sub_park',
          entityId: before.id,
          before: present(before),
          after: row,
        });
        const { createdAt: _c, ...s } = row!;
        return s;
      });
    },
  );
}
