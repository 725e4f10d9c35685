import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, pageOf } from '../../../shared/common';
import {
  visitCreatedSchema,
  visitInputSchema,
  visitListQuerySchema,
  visitRateInputSchema,
  visitSchema,
} from '../../../shared/services';
import { notFound } from '../../platform/errors';
import { idParams, scopeOf } from '../../platform/http/crud';
import { present } from '../../platform/http/present';
import * as service from './visits.service';

const tags = ['services'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

/** 走访: the visit log (with duplicate-visit warnings across departments) and the enterprise's anonymous rating. */
export async function visitsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;
  const base = '/api/services/visits';

  app.get(
    base,
    {
      config: { access: 'visits.read' },
      schema: {
        tags,
        summary: 'List visits (an enterprise: the visits it received)',
        querystring: visitListQuerySchema,
        response: { 200: pageOf(visitSchema), ...errors },
      },
    },
    async (req) => {
      const { data, total } = await service.listVisits(db, await scopeOf(app, req), req.query);
      return { data: data.map(present), total, current: req.query.current, pageSize: req.query.pageSize };
    },
  );

  app.post(
    base,
    {
      config: { access: 'visits.write' },
      schema: {
        tags,
        summary: 'Log a visit; answers with warnings when other departments visited the enterprise recently',
        body: visitInputSchema,
        response: { 200: visitCreatedSchema, ...errors },
      },
    },
    async (req) => {
      const { visit, warnings } = await service.createVisit(db, await scopeOf(app, req), req.body);
      return { visit: present(visit), warnings };
    },
  );

  app.get(
    `${base}/:id`,
    {
      config: { access: 'visits.read' },
      schema: { tags, summary: 'One visit', params: idParams, response: { 200: visitSchema, ...errors } },
    },
    async (req) => {
      const v = await service.getVisit(db, await scopeOf(app, req), req.params.id);
      if (!v) throw notFound();
      return present(v);
    },
  );

  app.post(
    `${base}/:id/rate`,
    {
      config: { access: 'visits.rate' },
      schema: {
        tags,
        summary: 'The enterprise rates a visit it received (once, anonymously)',
        params: idParams,
        body: visitRateInputSchema,
        response: { 200: visitSchema, ...errors },
      },
    },
    async (req) => present(await service.rateVisit(db, await scopeOf(app, req), req.params.id, req.body)),
  );
}
