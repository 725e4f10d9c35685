import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/common';
import {
  officerMetricsQuerySchema,
  officerMetricsRowSchema,
  portfolioItemSchema,
  understandingCardSchema,
} from '../../../shared/officers';
import { idParams, scopeOf } from '../../platform/http/crud';
import { understandingCard } from './card.service';
import * as service from './officers.service';

const tags = ['services'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/** 首席服务官: per-officer metrics and portfolios. */
export async function officersRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;
  app.get(
    '/api/services/officers/metrics',
    {
      config: { access: 'services.metrics' },
      schema: {
        tags,
        summary: 'Per chief service officer: portfolio, visits, coverage, ratings, demands of the portfolio',
        querystring: officerMetricsQuerySchema,
        response: { 200: z.array(officerMetricsRowSchema), ...errors },
      },
    },
    async (req) => service.officerMetrics(db, await scopeOf(app, req), req.query),
  );
  app.get(
    '/api/services/officers/:id/portfolio',
    {
      config: { access: 'services.metrics' },
      schema: {
        tags,
        summary: "One officer's portfolio with last visit and open demands",
        params: idParams,
        querystring: officerMetricsQuerySchema,
        response: { 200: z.array(portfolioItemSchema), ...errors },
      },
    },
    async (req) => service.officerPortfolio(db, await scopeOf(app, req), req.params.id, req.query),
  );
  app.get(
    '/api/services/enterprises/:id/card',
    {
      config: { access: 'inspections.read' },
      schema: {
        tags,
        summary: '明白卡: policies the enterprise may claim, its officer, whom to call (an enterprise: its own)',
        params: idParams,
        response: { 200: understandingCardSchema, ...errors },
      },
    },
    async (req) => understandingCard(db, await scopeOf(app, req), req.params.id),
  );
}
