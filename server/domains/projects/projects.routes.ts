import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, pageOf, pageQuerySchema } from '../../../shared/common';
import { yearQuerySchema } from '../../../shared/investment';
import {
  closeIssueSchema,
  issueInputSchema,
  issueListQuerySchema,
  issueSchema,
  keyProjectDetailSchema,
  keyProjectInputSchema,
  keyProjectListQuerySchema,
  meetingInputSchema,
  meetingSchema,
  metricsSchema,
  minutesInputSchema,
  monthInputSchema,
  recomputeSchema,
} from '../../../shared/projects';
import { notFound } from '../../platform/errors';
import { pages, sendXlsx } from '../../platform/excel/export';
import { crudRoutes, idParams, scopeOf } from '../../platform/http/crud';
import { present } from '../../platform/http/present';
import { registerImportKind } from '../imports/imports.registry';
import { monthImport, registerIssueDeadlines, registerProjectTimeline } from './projects.hooks';
import { metrics } from './projects.metrics';
import { photoRoutes } from './projects.photos';
import * as repo from './projects.repository';
import * as service from './projects.service';

const tags = ['projects'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const fen = (v: number) => v / 100;

/** 重大项目调度: key projects with traffic lights, monthly investment, dispatch meetings and their issues, metrics. */
// Once per process, like the other domains' recomputers: several apps may live in one process (tests, workers).
registerIssueDeadlines();

export async function projectsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  registerImportKind(monthImport);
  registerProjectTimeline();
  photoRoutes(app);

  app.get(
    '/api/projects/key/export.xlsx',
    {
      config: { access: 'projects.read' },
      schema: {
        tags,
        summary: 'Export the key projects as .xlsx (same filters and sort as the list)',
        querystring: keyProjectListQuerySchema,
        response: { 400: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (req, reply) => {
      const scope = await scopeOf(app, req);
      const { current: _c, pageSize: _p, ...filters } = req.query;
      const title = req.locale === 'zh-CN' ? '重点项目' : 'Key projects';
      const col = (key: string, zh: string, en: string, type: 'string' | 'decimal' = 'string') => ({
        key,
        header: { 'zh-CN': zh, 'en-US': en },
        type,
      });
      return sendXlsx(reply, {
        fileName: `${title}-${new Date().toISOString().slice(0, 10)}`,
        sheet: title,
        columns: [
          { column: col('code', '编号', 'Code'), value: (r) => r.code },
          { column: col('name', '项目名称', 'Name'), value: (r) => r.name },
          { column: col('level', '级别', 'Level'), value: (r) => r.level },
          { column: col('light', '亮灯', 'Light'), value: (r) => r.light },
          { column: col('leader', '挂点领导', 'Leader'), value: (r) => r.leaderName },
          { column: col('unit', '责任单位', 'Unit'), value: (r) => r.unitName },
          { column: col('total', '总投资(元)', 'Total (CNY)', 'decimal'), value: (r) => fen(r.totalInvestmentFen) },
          { column: col('plan', '年度计划(元)', 'Year plan (CNY)', 'decimal'), value: (r) => fen(r.yearPlannedFen) },
          { column: col('done', '年度完成(元)', 'Year done (CNY)', 'decimal'), value: (r) => fen(r.yearCompletedFen) },
        ],
        rows: pages((offset, limit) => repo.keyProjectPage(db, scope, filters, offset, limit)),
        locale: req.locale,
      });
    },
  );

  crudRoutes(app, {
    path: '/api/projects/key',
    tag: 'projects',
    noun: 'key project',
    read: 'projects.read',
    write: 'projects.write',
    listQuery: keyProjectListQuerySchema,
    input: keyProjectInputSchema,
    output: keyProjectDetailSchema,
    list: async (scope, q) => {
      const r = await repo.listKeyProjects(db, scope, q);
      return { ...r, data: r.data.map((d) => ({ ...d, annualPlans: [], months: [] })) };
    },
    get: (scope, id) => repo.getKeyProject(db, scope, id),
    create: (scope, input) => service.createKeyProject(db, scope, input),
    update: (scope, id, input) => service.updateKeyProject(db, scope, id, input),
    remove: (scope, id) => service.deleteKeyProject(db, scope, id),
  });

  app.put(
    '/api/projects/key/:id/months',
    {
      config: { access: 'projects.write' },
      schema: {
        tags,
        summary: "Record one month's completed investment (replaces that month) and re-evaluate the light",
        params: idParams,
        body: monthInputSchema,
        response: { 200: keyProjectDetailSchema, ...errors },
      },
    },
    async (req) =>
      present(await service.putMonth(db, await scopeOf(app, req), req.params.id, req.body)) as z.infer<
        typeof keyProjectDetailSchema
      >,
  );

  app.post(
    '/api/projects/lights/recompute',
    {
      config: { access: 'projects.write' },
      schema: {
        tags,
        summary: 'Re-evaluate every key project light as of a day (Asia/Shanghai calendar day)',
        body: recomputeSchema,
        response: {
          200: z.object({ asOf: z.string(), evaluated: z.number().int(), changed: z.number().int() }),
          ...errors,
        },
      },
    },
    async (req) => service.recomputeLights(db, await scopeOf(app, req), req.body.asOf),
  );

  app.get(
    '/api/projects/meetings',
    {
      config: { access: 'projects.read' },
      schema: {
        tags,
        summary: 'Dispatch meetings, newest first',
        querystring: pageQuerySchema,
        response: { 200: pageOf(meetingSchema), ...errors },
      },
    },
    async (req) => {
      const r = await repo.listMeetings(db, await scopeOf(app, req), req.query);
      return { ...r, current: req.query.current, pageSize: req.query.pageSize };
    },
  );
  app.get(
    '/api/projects/meetings/:id',
    {
      config: { access: 'projects.read' },
      schema: { tags, summary: 'One dispatch meeting', params: idParams, response: { 200: meetingSchema, ...errors } },
    },
    async (req) => {
      const m = await repo.getMeeting(db, await scopeOf(app, req), req.params.id);
      if (!m) throw notFound();
      return m;
    },
  );
  app.post(
    '/api/projects/meetings',
    {
      config: { access: 'projects.write' },
      schema: {
        tags,
        summary: 'Call a dispatch meeting: lights evaluated as of its day; agenda = red/yellow projects + open issues',
        body: meetingInputSchema,
        response: { 201: meetingSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createMeeting(db, await scopeOf(app, req), req.body)),
  );
  app.put(
    '/api/projects/meetings/:id/minutes',
    {
      config: { access: 'projects.write' },
      schema: {
        tags,
        summary: 'Save the minutes of a meeting',
        params: idParams,
        body: minutesInputSchema,
        response: { 200: meetingSchema, ...errors },
      },
    },
    async (req) => service.saveMinutes(db, await scopeOf(app, req), req.params.id, req.body.minutes),
  );
  app.post(
    '/api/projects/meetings/:id/issues',
    {
      config: { access: 'projects.write' },
      schema: {
        tags,
        summary: 'Raise an issue at a meeting: owner and a working-day deadline counted from the meeting day',
        params: idParams,
        body: issueInputSchema,
        response: { 201: issueSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.addIssue(db, await scopeOf(app, req), req.params.id, req.body)),
  );

  app.get(
    '/api/projects/issues',
    {
      config: { access: 'projects.read' },
      schema: {
        tags,
        summary: 'Issues of dispatch meetings (消项 list), by deadline',
        querystring: issueListQuerySchema,
        response: { 200: pageOf(issueSchema), ...errors },
      },
    },
    async (req) => {
      const r = await repo.listIssues(db, await scopeOf(app, req), req.query);
      return { ...r, current: req.query.current, pageSize: req.query.pageSize };
    },
  );
  app.post(
    '/api/projects/issues/:id/close',
    {
      config: { access: 'projects.write' },
      schema: {
        tags,
        summary: 'Close one issue (消项) with a note',
        params: idParams,
        body: closeIssueSchema,
        response: { 200: issueSchema, ...errors },
      },
    },
    async (req) => service.closeIssue(db, await scopeOf(app, req), req.params.id, req.body.note),
  );

  app.get(
    '/api/projects/metrics',
    {
      config: { access: 'projects.read' },
      schema: {
        tags,
        summary: 'Year figures: signed vs target, funds in place, starts, production, completion, issues, leaderboards',
        querystring: yearQuerySchema,
        response: { 200: metricsSchema, ...errors },
      },
    },
    async (req) => metrics(db, await scopeOf(app, req), req.query.year),
  );
}
