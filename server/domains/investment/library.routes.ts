import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, pageOf, pageQuerySchema } from '../../../shared/common';
import { yearQuerySchema } from '../../../shared/investment';
import {
  activityInputSchema,
  activityListQuerySchema,
  activitySchema,
  activitySummarySchema,
  chainInputSchema,
  chainMapSchema,
  chainSchema,
  convertInputSchema,
  greenCardInputSchema,
  greenCardListQuerySchema,
  greenCardSchema,
  linkDetailSchema,
  linkEnterpriseInputSchema,
  linkInputSchema,
  mapNodeSchema,
  revokeSchema,
  targetCompanyInputSchema,
  targetCompanySchema,
  targetListQuerySchema,
} from '../../../shared/investment-library';
import { notFound } from '../../platform/errors';
import { pages, sendXlsx } from '../../platform/excel/export';
import { crudRoutes, idParams, scopeOf } from '../../platform/http/crud';
import { registerImportKind } from '../imports/imports.registry';
import { targetExportColumns, targetImport } from './library.import';
import * as repo from './library.repository';
import * as service from './library.service';

const tags = ['investment'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

/** 招商图谱 (chains, links, enterprises on links, gaps), 招商目标库 (with Excel import/export), 招商活动, 服务绿卡. */
export async function investmentLibraryRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;
  registerImportKind(targetImport);

  // ------------------------------------------------------------ chains and the map
  crudRoutes(app, {
    path: '/api/investment/chains',
    tag: 'investment',
    noun: 'industry chain',
    read: 'investment.read',
    write: 'investment.approve',
    listQuery: pageQuerySchema,
    input: chainInputSchema,
    output: chainSchema,
    list: (scope, q) => repo.listChains(db, scope, q),
    get: (scope, id) => repo.getChain(db, scope, id),
    create: (scope, input) => service.saveChain(db, scope, null, input),
    update: (scope, id, input) => service.saveChain(db, scope, id, input),
    remove: (scope, id) => service.deleteChain(db, scope, id),
  });

  app.get(
    '/api/investment/chains/:id/map',
    {
      config: { access: 'investment.read' },
      schema: {
        tags,
        summary: 'The chain map: every link with its enterprises, targets and gap flag, and totals per segment',
        params: idParams,
        response: { 200: chainMapSchema, ...errors },
      },
    },
    async (req) => {
      const map = await repo.chainMap(db, await scopeOf(app, req), req.params.id);
      if (!map) throw notFound();
      return map;
    },
  );

  app.post(
    '/api/investment/chains/:id/links',
    {
      config: { access: 'investment.approve' },
      schema: {
        tags,
        summary: 'Add a link (环节) to a chain, optionally under a parent link of the same segment',
        params: idParams,
        body: linkInputSchema,
        response: { 201: mapNodeSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.saveLink(db, await scopeOf(app, req), req.params.id, null, req.body)),
  );

  const linkParams = z.object({ id: z.uuid(), linkId: z.uuid() });
  app.put(
    '/api/investment/chains/:id/links/:linkId',
    {
      config: { access: 'investment.approve' },
      schema: {
        tags,
        summary: 'Update a link (name, segment, parent, 补链/延链/强链 action, order)',
        params: linkParams,
        body: linkInputSchema,
        response: { 200: mapNodeSchema, ...errors },
      },
    },
    async (req) => service.saveLink(db, await scopeOf(app, req), req.params.id, req.params.linkId, req.body),
  );

  app.delete(
    '/api/investment/chain-links/:id',
    {
      config: { access: 'investment.approve' },
      schema: {
        tags,
        summary: 'Delete a link with its sub-links (targets on it keep their chain)',
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await service.deleteLink(db, await scopeOf(app, req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/investment/chain-links/:id',
    {
      config: { access: 'investment.read' },
      schema: {
        tags,
        summary: 'One link of the map: its local enterprises and target companies',
        params: idParams,
        response: { 200: linkDetailSchema, ...errors },
      },
    },
    async (req) => {
      const detail = await repo.linkDetail(db, await scopeOf(app, req), req.params.id);
      if (!detail) throw notFound();
      return detail;
    },
  );

  app.post(
    '/api/investment/chain-links/:id/enterprises',
    {
      config: { access: 'investment.write' },
      schema: {
        tags,
        summary: "Place one of the zone's enterprises on a link (again: update its 链主 flag)",
        params: idParams,
        body: linkEnterpriseInputSchema,
        response: { 200: linkDetailSchema, ...errors },
      },
    },
    async (req) => service.placeEnterprise(db, await scopeOf(app, req), req.params.id, req.body),
  );

  app.delete(
    '/api/investment/chain-links/:id/enterprises/:enterpriseId',
    {
      config: { access: 'investment.write' },
      schema: {
        tags,
        summary: 'Take an enterprise off a link',
        params: z.object({ id: z.uuid(), enterpriseId: z.uuid() }),
        response: { 200: linkDetailSchema, ...errors },
      },
    },
    async (req) => service.removeEnterprise(db, await scopeOf(app, req), req.params.id, req.params.enterpriseId),
  );

  // ------------------------------------------------------------ target library
  app.get(
    '/api/investment/target-companies/export.xlsx',
    {
      config: { access: 'investment.read' },
      schema: {
        tags,
        summary: 'Export the target library as .xlsx (same filters as the list; re-importable columns)',
        querystring: targetListQuerySchema,
        response: { 400: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (req, reply) => {
      const scope = await scopeOf(app, req);
      const { current: _c, pageSize: _p, ...filters } = req.query;
      const title = req.locale === 'zh-CN' ? '招商目标库' : 'Target companies';
      return sendXlsx(reply, {
        fileName: `${title}-${new Date().toISOString().slice(0, 10)}`,
        sheet: title,
        columns: targetExportColumns,
        rows: pages((offset, limit) => repo.targetPage(db, scope, filters, offset, limit)),
        locale: req.locale,
      });
    },
  );

  crudRoutes(app, {
    path: '/api/investment/target-companies',
    tag: 'investment',
    noun: 'target company',
    read: 'investment.read',
    write: 'investment.write',
    listQuery: targetListQuerySchema,
    input: targetCompanyInputSchema,
    output: targetCompanySchema,
    list: (scope, q) => repo.listTargets(db, scope, q),
    get: (scope, id) => repo.getTarget(db, scope, id),
    create: (scope, input) => service.saveTarget(db, scope, null, input),
    update: (scope, id, input) => service.saveTarget(db, scope, id, input),
    remove: (scope, id) => service.deleteTarget(db, scope, id),
  });

  app.post(
    '/api/investment/target-companies/:id/convert',
    {
      config: { access: 'investment.write' },
      schema: {
        tags,
        summary: 'Turn a target company into a pipeline lead (once); the target is marked converted',
        params: idParams,
        body: convertInputSchema,
        response: { 200: targetCompanySchema, ...errors },
      },
    },
    async (req) => service.convertTarget(db, await scopeOf(app, req), req.params.id, req.body),
  );

  // ------------------------------------------------------------ activities
  app.get(
    '/api/investment/activities/summary',
    {
      config: { access: 'investment.read' },
      schema: {
        tags,
        summary: 'Activities of a year by kind (outbound trips, inbound visits, events, calls, negotiations)',
        querystring: yearQuerySchema,
        response: { 200: activitySummarySchema, ...errors },
      },
    },
    async (req) => repo.activitySummary(db, await scopeOf(app, req), req.query.year),
  );

  crudRoutes(app, {
    path: '/api/investment/activities',
    tag: 'investment',
    noun: 'investment activity',
    read: 'investment.read',
    write: 'investment.write',
    listQuery: activityListQuerySchema,
    input: activityInputSchema,
    output: activitySchema,
    list: (scope, q) => repo.listActivities(db, scope, q),
    get: (scope, id) => repo.getActivity(db, scope, id),
    create: (scope, input) => service.saveActivity(db, scope, null, input),
    update: (scope, id, input) => service.saveActivity(db, scope, id, input),
    remove: (scope, id) => service.deleteActivity(db, scope, id),
  });

  // ------------------------------------------------------------ 服务绿卡
  app.get(
    '/api/investment/green-cards',
    {
      config: { access: 'investment.read' },
      schema: {
        tags,
        summary: '服务绿卡 of the zone',
        querystring: greenCardListQuerySchema,
        response: { 200: pageOf(greenCardSchema), ...errors },
      },
    },
    async (req) => {
      const { data, total } = await repo.listGreenCards(db, await scopeOf(app, req), req.query);
      return { data, total, current: req.query.current, pageSize: req.query.pageSize };
    },
  );

  app.post(
    '/api/investment/projects/:id/green-card',
    {
      config: { access: 'investment.approve' },
      schema: {
        tags,
        summary: 'Issue a 服务绿卡 to a signed project (one active card per project)',
        params: idParams,
        body: greenCardInputSchema,
        response: { 201: greenCardSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.issueGreenCard(db, await scopeOf(app, req), req.params.id, req.body)),
  );

  app.post(
    '/api/investment/green-cards/:id/revoke',
    {
      config: { access: 'investment.approve' },
      schema: {
        tags,
        summary: 'Revoke a green card with the reason',
        params: idParams,
        body: revokeSchema,
        response: { 200: greenCardSchema, ...errors },
      },
    },
    async (req) => service.revokeGreenCard(db, await scopeOf(app, req), req.params.id, req.body.reason),
  );
}
