import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, okSchema, type PageQuery, pageOf } from '../../../shared/common';
import type { Permission } from '../../../shared/roles';
import { type ZoneScope, zoneScope } from '../access';
import { notFound } from '../errors';
import { requestedZone, requireActor } from './guard';
import { present } from './present';

export const idParams = z.object({ id: z.uuid() });

/** The zone scope of a request: actor + zone switcher header, checked. */
export async function scopeOf(app: FastifyInstance, req: FastifyRequest): Promise<ZoneScope> {
  return zoneScope(app.ctx.database.db, requireActor(req), requestedZone(req));
}

const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

export interface CrudSpec<Q extends PageQuery, I, Row extends Record<string, unknown>> {
  path: string;
  tag: string;
  /** e.g. 'department' — used in summaries. */
  noun: string;
  read: Permission;
  write: Permission;
  listQuery: z.ZodType<Q>;
  input: z.ZodType<I>;
  output: z.ZodType;
  list(scope: ZoneScope, q: Q): Promise<{ data: Row[]; total: number }>;
  get(scope: ZoneScope, id: string): Promise<Row | undefined>;
  create(scope: ZoneScope, input: I): Promise<Row>;
  update(scope: ZoneScope, id: string, input: I): Promise<Row>;
  remove(scope: ZoneScope, id: string): Promise<void>;
}

/**
 * The five zone-scoped routes of a register (list, get, create, update, delete): validate → scope → service →
 * present. Lists follow the Ant Design Pro table contract {data,total,current,pageSize}.
 */
export function crudRoutes<Q extends PageQuery, I, Row extends Record<string, unknown>>(
  fastify: FastifyInstance,
  spec: CrudSpec<Q, I, Row>,
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = [spec.tag];
  const item = `${spec.path}/:id`;

  app.get(
    spec.path,
    {
      config: { access: spec.read },
      schema: {
        tags,
        summary: `List ${spec.noun} records`,
        querystring: spec.listQuery,
        response: { 200: pageOf(spec.output), ...errors },
      },
    },
    async (req) => {
      const q = req.query as Q;
      const { data, total } = await spec.list(await scopeOf(app, req), q);
      return { data: data.map(present), total, current: q.current, pageSize: q.pageSize };
    },
  );

  app.get(
    item,
    {
      config: { access: spec.read },
      schema: { tags, summary: `Get one ${spec.noun}`, params: idParams, response: { 200: spec.output, ...errors } },
    },
    async (req) => {
      const row = await spec.get(await scopeOf(app, req), req.params.id);
      if (!row) throw notFound();
      return present(row);
    },
  );

  app.post(
    spec.path,
    {
      config: { access: spec.write },
      schema: { tags, summary: `Create a ${spec.noun}`, body: spec.input, response: { 200: spec.output, ...errors } },
    },
    async (req) => present(await spec.create(await scopeOf(app, req), req.body as I)),
  );

  app.put(
    item,
    {
      config: { access: spec.write },
      schema: {
        tags,
        summary: `Replace a ${spec.noun}`,
        params: idParams,
        body: spec.input,
        response: { 200: spec.output, ...errors },
      },
    },
    async (req) => present(await spec.update(await scopeOf(app, req), req.params.id, req.body as I)),
  );

  app.delete(
    item,
    {
      config: { access: spec.write },
      schema: { tags, summary: `Delete a ${spec.noun}`, params: idParams, response: { 200: okSchema, ...errors } },
    },
    async (req) => {
      await spec.remove(await scopeOf(app, req), req.params.id);
      return { ok: true as const };
    },
  );
}
