import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/common';
import {
  econIndicatorInputSchema,
  econIndicatorListQuerySchema,
  econIndicatorSchema,
  econSummaryQuerySchema,
  econSummaryRowSchema,
  econTargetInputSchema,
  econTrendSchema,
  econValueInputSchema,
  subParkRankingQuerySchema,
  subParkRankingRowSchema,
  zoneRankingQuerySchema,
  zoneRankingRowSchema,
} from '../../../shared/economy';
import { crudRoutes, idParams, scopeOf } from '../../platform/http/crud';
import { registerImportKind } from '../imports/imports.registry';
import { econValueImport } from './economy.import';
import * as repo from './economy.repository';
import * as service from './economy.service';

const tags = ['economy'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/** Economic monitoring: indicator catalogue, monthly values and targets, derived YoY/cumulative/completion, rankings. */
export async function economyRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;
  registerImportKind(econValueImport);

  crudRoutes(app, {
    path: '/api/economy/indicators',
    tag: 'economy',
    noun: 'economic indicator',
    read: 'economy.read',
    write: 'economy.manage',
    listQuery: econIndicatorListQuerySchema,
    input: econIndicatorInputSchema,
    output: econIndicatorSchema,
    list: (scope, q) => repo.listIndicators(db, scope, q),
    get: (scope, id) => repo.getIndicator(db, scope, id),
    create: (scope, input) => service.createIndicator(db, scope, input),
    update: (scope, id, input) => service.updateIndicator(db, scope, id, input),
    remove: (scope, id) => service.deleteIndicator(db, scope, id),
  });

  app.put(
    '/api/economy/values',
    {
      config: { access: 'economy.write' },
      schema: {
        tags,
        summary: 'Enter or correct one month’s value (a jump beyond the indicator’s limit needs a reason)',
        body: econValueInputSchema,
        response: { 200: econValueInputSchema.extend({ previous: z.number().nullable() }), ...errors },
      },
    },
    async (req) => service.setValue(db, await scopeOf(app, req), req.body),
  );

  app.put(
    '/api/economy/targets',
    {
      config: { access: 'economy.manage' },
      schema: {
        tags,
        summary: 'Set the annual target of an indicator (zone or sub-park)',
        body: econTargetInputSchema,
        response: { 200: econTargetInputSchema, ...errors },
      },
    },
    async (req) => service.setTarget(db, await scopeOf(app, req), req.body),
  );

  app.get(
    '/api/economy/summary',
    {
      config: { access: 'economy.read' },
      schema: {
        tags,
        summary: 'Month table: value, 1–N月 cumulative, YoY, target completion and alert flag per indicator',
        querystring: econSummaryQuerySchema,
        response: { 200: z.array(econSummaryRowSchema), ...errors },
      },
    },
    async (req) => service.summary(db, await scopeOf(app, req), req.query),
  );

  app.get(
    '/api/economy/indicators/:id/trend',
    {
      config: { access: 'economy.read' },
      schema: {
        tags,
        summary: 'Monthly and cumulative series of an indicator, this year and last',
        params: idParams,
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100), subParkId: z.uuid().optional() }),
        response: { 200: econTrendSchema, ...errors },
      },
    },
    async (req) =>
      service.trend(db, await scopeOf(app, req), req.params.id, req.query.year, req.query.subParkId ?? null),
  );

  app.get(
    '/api/economy/rankings/sub-parks',
    {
      config: { access: 'economy.read' },
      schema: {
        tags,
        summary: '学比争看: sub-parks ranked by weighted target completion of chosen indicators',
        querystring: subParkRankingQuerySchema,
        response: { 200: z.array(subParkRankingRowSchema), ...errors },
      },
    },
    async (req) => service.subParkRanking(db, await scopeOf(app, req), req.query),
  );

  app.get(
    '/api/economy/rankings/zones',
    {
      config: { access: 'economy.read' },
      schema: {
        tags,
        summary: 'Zones of the province ranked by YoY growth of one indicator, with the move since last month',
        querystring: zoneRankingQuerySchema,
        response: { 200: z.array(zoneRankingRowSchema), ...errors },
      },
    },
    async (req) => service.zoneRanking(db, await scopeOf(app, req), req.query),
  );
}
