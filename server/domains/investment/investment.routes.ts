import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/common';
import {
  decisionSchema,
  funnelQuerySchema,
  funnelSchema,
  historySchema,
  leaderboardQuerySchema,
  leaderboardSchema,
  moveRequestSchema,
  opinionInputSchema,
  opinionSchema,
  pipelineInputSchema,
  pipelineListQuerySchema,
  pipelineProjectSchema,
  stageMoveSchema,
  stageSetsSchema,
  targetInputSchema,
  teamInputSchema,
  teamSchema,
  yearQuerySchema,
} from '../../../shared/investment';
import { lightParamsSchema } from '../../../shared/projects';
import { notFound } from '../../platform/errors';
import { pages, sendXlsx } from '../../platform/excel/export';
import { crudRoutes, idParams, scopeOf } from '../../platform/http/crud';
import { present } from '../../platform/http/present';
import { leaderboard, leaderboardColumns } from './investment.leaderboard';
import * as repo from './investment.repository';
import * as service from './investment.service';
import { investmentTargets } from './investment.tables';

const tags = ['investment'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const settingsSchema = z.object({ stageSets: stageSetsSchema, lightParams: lightParamsSchema });
const targetSchema = targetInputSchema.extend({ id: z.uuid() });

/** 招商引资: the project pipeline with evidence-and-approval stage moves, opinions, teams, targets, funnel. */
export async function investmentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  app.get(
    '/api/investment/projects/export.xlsx',
    {
      config: { access: 'investment.read' },
      schema: {
        tags,
        summary: 'Export the pipeline as .xlsx (same filters and sort as the list)',
        querystring: pipelineListQuerySchema,
        response: { 400: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (req, reply) => {
      const scope = await scopeOf(app, req);
      const { current: _c, pageSize: _p, ...filters } = req.query;
      const zh = req.locale === 'zh-CN';
      const title = zh ? '招商项目' : 'Pipeline';
      const col = (key: string, zhName: string, en: string) => ({
        key,
        header: { 'zh-CN': zhName, 'en-US': en },
        type: 'string' as const,
      });
      return sendXlsx(reply, {
        fileName: `${title}-${new Date().toISOString().slice(0, 10)}`,
        sheet: title,
        columns: [
          { column: col('name', '项目名称', 'Name'), value: (r) => r.name },
          { column: col('type', '类型', 'Type'), value: (r) => r.type },
          { column: col('stage', '阶段', 'Stage'), value: (r) => r.stageName },
          { column: col('investor', '投资方', 'Investor'), value: (r) => r.investor },
          { column: col('team', '专班', 'Team'), value: (r) => r.teamName },
          { column: col('agreed', '协议投资(元)', 'Agreed (CNY)'), value: (r) => r.agreedInvestmentFen / 100 },
          { column: col('signedOn', '签约日期', 'Signed on'), value: (r) => r.signedOn },
        ],
        rows: pages((offset, limit) => repo.pipelinePage(db, scope, filters, offset, limit)),
        locale: req.locale,
      });
    },
  );

  crudRoutes(app, {
    path: '/api/investment/projects',
    tag: 'investment',
    noun: 'pipeline project',
    read: 'investment.read',
    write: 'investment.write',
    listQuery: pipelineListQuerySchema,
    input: pipelineInputSchema,
    output: pipelineProjectSchema,
    list: (scope, q) => repo.listPipeline(db, scope, q),
    get: (scope, id) => repo.getPipeline(db, scope, id),
    create: (scope, input) => service.createPipeline(db, scope, input),
    update: (scope, id, input) => service.updatePipeline(db, scope, id, input),
    remove: (scope, id) => service.deletePipeline(db, scope, id),
  });

  app.get(
    '/api/investment/projects/:id/history',
    {
      config: { access: 'investment.read' },
      schema: {
        tags,
        summary: 'Stage moves (with evidence and decisions) and the opinion log of one project, newest first',
        params: idParams,
        response: { 200: historySchema, ...errors },
      },
    },
    async (req) => {
      const scope = await scopeOf(app, req);
      if (!(await repo.getPipeline(db, scope, req.params.id))) throw notFound();
      return repo.history(db, scope, req.params.id);
    },
  );

  app.post(
    '/api/investment/projects/:id/moves',
    {
      config: { access: 'investment.write' },
      schema: {
        tags,
        summary: 'Ask to move a project into its next stage, with the evidence (signing also names the enterprise)',
        params: idParams,
        body: moveRequestSchema,
        response: { 201: stageMoveSchema, ...errors },
      },
    },
    async (req, reply) => {
      const move = await service.requestMove(db, await scopeOf(app, req), req.params.id, req.body);
      return reply.code(201).send(present(move) as z.infer<typeof stageMoveSchema>);
    },
  );

  for (const [verb, approve] of [
    ['approve', true],
    ['reject', false],
  ] as const) {
    app.post(
      `/api/investment/moves/:id/${verb}`,
      {
        config: { access: 'investment.approve' },
        schema: {
          tags,
          summary: approve
            ? 'Approve a pending stage move (not by its requester); signing creates/links the enterprise and a key project'
            : 'Reject a pending stage move with an opinion',
          params: idParams,
          body: decisionSchema,
          response: { 200: stageMoveSchema, ...errors },
        },
      },
      async (req) =>
        present(
          await service.decideMove(db, await scopeOf(app, req), req.params.id, approve, req.body.opinion),
        ) as z.infer<typeof stageMoveSchema>,
    );
  }

  app.post(
    '/api/investment/projects/:id/opinions',
    {
      config: { access: 'investment.write' },
      schema: {
        tags,
        summary: 'Add an opinion to the project log',
        params: idParams,
        body: opinionInputSchema,
        response: { 201: opinionSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.addOpinion(db, await scopeOf(app, req), req.params.id, req.body.text)),
  );

  app.get(
    '/api/investment/funnel',
    {
      config: { access: 'investment.read' },
      schema: {
        tags,
        summary: 'Funnel of one project type: per stage now / reached, conversion and average days in stage',
        querystring: funnelQuerySchema,
        response: { 200: funnelSchema, ...errors },
      },
    },
    async (req) => repo.funnel(db, await scopeOf(app, req), req.query.type, req.query.year),
  );

  app.get(
    '/api/investment/leaderboard',
    {
      config: { access: 'investment.read' },
      schema: {
        tags,
        summary: 'Leaderboard of a year by team or sub-park: signed count and amount, funds in place, each vs target',
        querystring: leaderboardQuerySchema,
        response: { 200: leaderboardSchema, ...errors },
      },
    },
    async (req) => leaderboard(db, await scopeOf(app, req), req.query),
  );
  app.get(
    '/api/investment/leaderboard/export.xlsx',
    {
      config: { access: 'investment.read' },
      schema: {
        tags,
        summary: 'Export the leaderboard as .xlsx (the rows and figures of GET /api/investment/leaderboard)',
        querystring: leaderboardQuerySchema,
        response: { 400: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (req, reply) => {
      const board = await leaderboard(db, await scopeOf(app, req), req.query);
      const zh = req.locale === 'zh-CN';
      const title =
        req.query.by === 'team' ? (zh ? '专班排行' : 'Team leaderboard') : zh ? '园区排行' : 'Sub-park leaderboard';
      async function* rows() {
        yield* board.rows;
      }
      return sendXlsx(reply, {
        fileName: `${title}-${req.query.year}`,
        sheet: title,
        columns: leaderboardColumns(req.query.by, zh),
        rows: rows(),
        locale: req.locale,
      });
    },
  );

  app.get(
    '/api/investment/teams',
    {
      config: { access: 'investment.read' },
      schema: { tags, summary: '招商专班 of the zone', response: { 200: z.array(teamSchema), ...errors } },
    },
    async (req) => repo.listTeams(db, await scopeOf(app, req)),
  );
  app.post(
    '/api/investment/teams',
    {
      config: { access: 'investment.approve' },
      schema: { tags, summary: 'Create a team', body: teamInputSchema, response: { 201: teamSchema, ...errors } },
    },
    async (req, reply) => reply.code(201).send(await service.saveTeam(db, await scopeOf(app, req), null, req.body)),
  );
  app.put(
    '/api/investment/teams/:id',
    {
      config: { access: 'investment.approve' },
      schema: {
        tags,
        summary: 'Update a team',
        params: idParams,
        body: teamInputSchema,
        response: { 200: teamSchema, ...errors },
      },
    },
    async (req) => service.saveTeam(db, await scopeOf(app, req), req.params.id, req.body),
  );

  app.get(
    '/api/investment/targets',
    {
      config: { access: 'investment.read' },
      schema: {
        tags,
        summary: 'Targets of every team for a year',
        querystring: yearQuerySchema,
        response: { 200: z.array(targetSchema), ...errors },
      },
    },
    async (req) => {
      const scope = await scopeOf(app, req);
      const rows = await db
        .select()
        .from(investmentTargets)
        .where(and(eq(investmentTargets.zoneId, scope.zoneId), eq(investmentTargets.year, req.query.year)));
      return rows.map(({ zoneId: _z, ...t }) => t);
    },
  );
  app.put(
    '/api/investment/targets',
    {
      config: { access: 'investment.approve' },
      schema: {
        tags,
        summary: 'Set the targets of one team for one year',
        body: targetInputSchema,
        response: { 200: targetSchema, ...errors },
      },
    },
    async (req) => {
      const { zoneId: _z, ...t } = await service.saveTarget(db, await scopeOf(app, req), req.body);
      return t;
    },
  );

  app.get(
    '/api/investment/settings',
    {
      config: { access: 'investment.read' },
      schema: {
        tags,
        summary: "The zone's stage sets per project type and traffic-light parameters (defaults if never set)",
        response: { 200: settingsSchema, ...errors },
      },
    },
    async (req) => repo.settingsOf(db, (await scopeOf(app, req)).zoneId),
  );
  app.put(
    '/api/investment/settings',
    {
      config: { access: 'investment.configure' },
      schema: {
        tags,
        summary: "Replace the zone's stage sets and light parameters",
        body: settingsSchema,
        response: { 200: settingsSchema, ...errors },
      },
    },
    async (req) => service.saveSettings(db, await scopeOf(app, req), req.body),
  );
}
