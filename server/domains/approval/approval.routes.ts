import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  approvalRulesSchema,
  authorityLinkSchema,
  caseActionInputSchema,
  caseActions,
  caseEventSchema,
  caseInputSchema,
  caseListQuerySchema,
  caseSchema,
  itemInputSchema,
  itemListQuerySchema,
  itemSchema,
  metricsSchema,
  noticeSchema,
  publicCaseSchema,
  rulesInForceSchema,
} from '../../../shared/approval';
import { errorBodySchema, pageOf } from '../../../shared/common';
import { pages, sendXlsx } from '../../platform/excel/export';
import { crudRoutes, idParams, scopeOf } from '../../platform/http/crud';
import { registerImportKind } from '../imports/imports.registry';
import { caseExportColumns, itemExportColumns, itemImport } from './approval.import';
import * as metricsService from './approval.metrics';
import * as repo from './approval.repository';
import * as service from './approval.service';

const tags = ['approval'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const caseDetailSchema = caseSchema.extend({
  events: z.array(caseEventSchema),
  actions: z.array(z.enum(caseActions)),
  notices: z.array(noticeSchema),
});
const isoDate = z.iso.date({ message: 'INVALID_DATE' });

/** 一站式审批: service catalogue, cases and their state machine, project view, metrics, public status lookup. */
export async function approvalRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  registerImportKind(itemImport);

  app.get(
    '/api/approval/items/export.xlsx',
    {
      config: { access: 'approval.read' },
      schema: {
        tags,
        summary: 'Export the service catalogue as .xlsx (same filters and sort as the list; re-importable)',
        querystring: itemListQuerySchema,
        response: { 400: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (req, reply) => {
      const scope = await scopeOf(app, req);
      const { current: _c, pageSize: _p, ...filters } = req.query;
      const title = req.locale === 'zh-CN' ? '审批事项' : 'Approval items';
      return sendXlsx(reply, {
        fileName: `${title}-${repo.todayInChina()}`,
        sheet: title,
        columns: itemExportColumns,
        rows: pages((offset, limit) => repo.itemPage(db, scope, filters, offset, limit)),
        locale: req.locale,
      });
    },
  );

  crudRoutes(app, {
    path: '/api/approval/items',
    tag: 'approval',
    noun: 'service catalogue item (事项)',
    read: 'approval.read',
    write: 'approval.catalog',
    listQuery: itemListQuerySchema,
    input: itemInputSchema,
    output: itemSchema,
    list: (scope, q) => repo.listItems(db, scope, q),
    get: (scope, id) => repo.getItem(db, scope, id),
    create: (scope, input) => service.createItem(db, scope, input),
    update: (scope, id, input) => service.updateItem(db, scope, id, input),
    remove: (scope, id) => service.deleteItem(db, scope, id),
  });

  app.get(
    '/api/approval/authority-items',
    {
      config: { access: 'approval.read' },
      schema: {
        tags,
        summary: "Powers of the zone's currently published authority list an item may derive from (权责清单)",
        response: { 200: z.array(authorityLinkSchema), ...errors },
      },
    },
    async (req) => {
      const scope = await scopeOf(app, req);
      return [...(await repo.publishedPowers(db, scope.zoneId)).values()];
    },
  );

  app.get(
    '/api/approval/rules',
    {
      config: { access: 'approval.read' },
      schema: {
        tags,
        summary: 'Rule parameters in force for a year (thresholds, caps, extension days; defaults when none saved)',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: rulesInForceSchema, ...errors },
      },
    },
    async (req) => {
      const scope = await scopeOf(app, req);
      return service.rulesView(db, scope, req.query.year ?? Number(repo.todayInChina().slice(0, 4)));
    },
  );

  app.put(
    '/api/approval/rules',
    {
      config: { access: 'approval.rules' },
      schema: {
        tags,
        summary:
          'Save the rule parameters of a year (in force from that year until a later year is saved; open cases are recomputed)',
        body: z.object({ year: z.number().int().min(2000).max(2100), params: approvalRulesSchema }),
        response: { 200: rulesInForceSchema, ...errors },
      },
    },
    async (req) => service.saveRules(db, await scopeOf(app, req), req.body.year, req.body.params),
  );

  app.get(
    '/api/approval/cases/export.xlsx',
    {
      config: { access: 'approval.read' },
      schema: {
        tags,
        summary: 'Export the case list as .xlsx (same filters, sort and scope as the list)',
        querystring: caseListQuerySchema,
        response: { 400: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (req, reply) => {
      const scope = await scopeOf(app, req);
      const { current: _c, pageSize: _p, ...filters } = req.query;
      const title = req.locale === 'zh-CN' ? '办件' : 'Cases';
      return sendXlsx(reply, {
        fileName: `${title}-${repo.todayInChina()}`,
        sheet: title,
        columns: caseExportColumns,
        rows: pages(async (offset, limit) => {
          const rows = await repo.casePage(db, scope, filters, offset, limit);
          return rows.map((r) => ({
            ...r.c,
            enterpriseName: r.enterpriseName,
            leadDepartmentName: r.leadDepartmentName,
          }));
        }),
        locale: req.locale,
      });
    },
  );

  app.get(
    '/api/approval/cases',
    {
      config: { access: 'approval.read' },
      schema: {
        tags,
        summary: 'List cases (办件) with their live clocks; scoped to what the caller may see',
        querystring: caseListQuerySchema,
        response: { 200: pageOf(caseSchema), ...errors },
      },
    },
    async (req) => {
      const q = req.query;
      const { data, total } = await service.listCases(db, await scopeOf(app, req), q);
      return { data, total, current: q.current, pageSize: q.pageSize };
    },
  );

  app.post(
    '/api/approval/cases',
    {
      config: { access: 'approval.act' },
      schema: {
        tags,
        summary: 'Apply: one item or a 一件事 bundle of several (one form, deduplicated materials); submits by default',
        body: caseInputSchema,
        response: { 200: caseDetailSchema, ...errors },
      },
    },
    async (req) => service.createCase(db, await scopeOf(app, req), req.body),
  );

  app.get(
    '/api/approval/cases/:id',
    {
      config: { access: 'approval.read' },
      schema: {
        tags,
        summary: 'One case with its steps',
        params: idParams,
        response: { 200: caseDetailSchema, ...errors },
      },
    },
    async (req) => service.getCase(db, await scopeOf(app, req), req.params.id),
  );

  app.post(
    '/api/approval/cases/:id/actions',
    {
      config: { access: 'approval.act' },
      schema: {
        tags,
        summary: 'Take one step of the state machine (refused with a clear message when not allowed now)',
        params: idParams,
        body: caseActionInputSchema,
        response: { 200: caseDetailSchema, ...errors },
      },
    },
    async (req) => service.actOnCase(db, await scopeOf(app, req), req.params.id, req.body),
  );

  app.put(
    '/api/approval/cases/:id/agent',
    {
      config: { access: 'approval.handle' },
      schema: {
        tags,
        summary: '帮代办: assign (or clear) the zone agent handling the filing for the enterprise',
        params: idParams,
        body: z.object({ agentUserId: z.uuid().nullable() }),
        response: { 200: caseDetailSchema, ...errors },
      },
    },
    async (req) => service.assignAgent(db, await scopeOf(app, req), req.params.id, req.body.agentUserId),
  );

  app.get(
    '/api/approval/metrics',
    {
      config: { access: 'approval.read' },
      schema: {
        tags,
        summary:
          'Online rate, compression, average/P90 handling time, on-time rate, bundle savings; per department/item',
        querystring: z.object({ from: isoDate.optional(), to: isoDate.optional() }),
        response: { 200: metricsSchema, ...errors },
      },
    },
    async (req) => metricsService.metrics(db, await scopeOf(app, req), req.query),
  );

  app.get(
    '/api/approval/projects',
    {
      config: { access: 'approval.read' },
      schema: {
        tags,
        summary: 'Construction projects (项目代码) with case counts',
        response: {
          200: z.array(
            z.object({
              projectCode: z.string(),
              projectName: z.string().nullable(),
              cases: z.number().int(),
              stages: z.number().int(),
              firstOn: z.string().nullable(),
              lastOn: z.string().nullable(),
            }),
          ),
          ...errors,
        },
      },
    },
    async (req) => metricsService.listProjects(db, await scopeOf(app, req)),
  );

  const span = z.object({
    startOn: z.string().nullable(),
    endOn: z.string().nullable(),
    workdays: z.number().int(),
    open: z.boolean(),
  });
  app.get(
    '/api/approval/project',
    {
      config: { access: 'approval.read' },
      schema: {
        tags,
        summary: 'One construction project: its cases across the four stages and whole-process working days',
        querystring: z.object({ code: z.string().trim().min(1).max(40) }),
        response: {
          200: z.object({
            projectCode: z.string(),
            projectName: z.string().nullable(),
            cases: z.array(caseSchema),
            stages: z.array(span.extend({ stage: z.number().int(), cases: z.number().int() })),
            total: span,
            targetWorkdays: z.number().int(),
          }),
          ...errors,
        },
      },
    },
    async (req) => metricsService.projectView(db, await scopeOf(app, req), req.query.code),
  );

  app.get(
    '/api/public/approval/cases/:caseNo',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Public status lookup by case number, without login (no enterprise or personal data)',
        params: z.object({ caseNo: z.string().trim().min(6).max(40) }),
        security: [],
        response: { 200: publicCaseSchema, 400: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (req) => metricsService.publicStatus(db, req.params.caseNo.toUpperCase()),
  );
}
