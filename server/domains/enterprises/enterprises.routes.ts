import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/common';
import {
  enterpriseInputSchema,
  enterpriseListQuerySchema,
  enterpriseSchema,
  enterpriseSelfInputSchema,
  industrySectionSchema,
  timelineItemSchema,
} from '../../../shared/enterprises';
import { INDUSTRY_TREE } from '../../../shared/industry-codes';
import { pages, sendXlsx } from '../../platform/excel/export';
import { crudRoutes, idParams, scopeOf } from '../../platform/http/crud';
import { present } from '../../platform/http/present';
import { registerImportKind } from '../imports/imports.registry';
import { enterpriseExportColumns, enterpriseImport } from './enterprises.import';
import * as repo from './enterprises.repository';
import * as service from './enterprises.service';

const tags = ['enterprises'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

/** 企业库: the zone's enterprise registry, its timeline, and the GB/T 4754-2017 industry code table. */
export async function enterprisesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  registerImportKind(enterpriseImport);

  // Registered before crudRoutes so the static path is declared next to the list it mirrors.
  app.get(
    '/api/enterprises/export.xlsx',
    {
      config: { access: 'enterprises.read' },
      schema: {
        tags,
        summary: 'Export the enterprise list as .xlsx (same filters, sort and scope as the list; paging ignored)',
        querystring: enterpriseListQuerySchema,
        response: { 400: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (req, reply) => {
      const scope = await scopeOf(app, req);
      const { current: _c, pageSize: _p, ...filters } = req.query;
      const title = req.locale === 'zh-CN' ? '企业' : 'Enterprises';
      return sendXlsx(reply, {
        fileName: `${title}-${new Date().toISOString().slice(0, 10)}`,
        sheet: title,
        columns: enterpriseExportColumns,
        rows: pages((offset, limit) => repo.enterprisePage(db, scope, filters, offset, limit)),
        locale: req.locale,
      });
    },
  );

  crudRoutes(app, {
    path: '/api/enterprises',
    tag: 'enterprises',
    noun: 'enterprise',
    read: 'enterprises.read',
    write: 'enterprises.write',
    listQuery: enterpriseListQuerySchema,
    input: enterpriseInputSchema,
    output: enterpriseSchema,
    list: (scope, q) => repo.listEnterprises(db, scope, q),
    get: (scope, id) => repo.getEnterprise(db, scope, id),
    create: (scope, input) => service.createEnterprise(db, scope, input),
    update: (scope, id, input) => service.updateEnterprise(db, scope, id, input),
    remove: (scope, id) => service.deleteEnterprise(db, scope, id),
  });

  app.put(
    '/api/enterprises/:id/self',
    {
      config: { access: 'enterprises.self' },
      schema: {
        tags,
        summary: 'An enterprise user updates its own contacts, building footprint and legal representative',
        params: idParams,
        body: enterpriseSelfInputSchema,
        response: { 200: enterpriseSchema, ...errors },
      },
    },
    async (req) => present(await service.updateOwnEnterprise(db, await scopeOf(app, req), req.params.id, req.body)),
  );

  app.get(
    '/api/enterprises/:id/timeline',
    {
      config: { access: 'enterprises.read' },
      schema: {
        tags,
        summary: 'Events about one enterprise (registry audit log + sources registered by other domains), newest first',
        params: idParams,
        response: { 200: z.array(timelineItemSchema), ...errors },
      },
    },
    async (req) => service.enterpriseTimeline(db, await scopeOf(app, req), req.params.id),
  );

  app.get(
    '/api/reference/industries',
    {
      config: { access: 'tenancy.read' },
      schema: {
        tags,
        summary: 'GB/T 4754-2017 industry codes as a tree (门类 → 大类 → 中类 where shipped; no 小类)',
        response: { 200: z.array(industrySectionSchema) },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'private, max-age=3600');
      return INDUSTRY_TREE as z.infer<typeof industrySectionSchema>[];
    },
  );
}
