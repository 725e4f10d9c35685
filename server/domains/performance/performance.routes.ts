import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/common';
import { myKpisSchema } from '../../../shared/performance';
import { scopeOf } from '../../platform/http/crud';
import { appointmentRoutes } from './performance.appointments.routes';
import { cycleRoutes } from './performance.cycles.routes';
import { indicatorSources } from './performance.indicators';
import { myKpis } from './performance.me';
import { payRoutes } from './performance.pay.routes';
import { resultRoutes } from './performance.results.routes';

const tags = ['performance'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

const sourceSchema = z.object({
  key: z.string(),
  label: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
  unit: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
  query: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
  targets: z.array(z.enum(['department', 'staff'])),
});

/**
 * 考核与薪酬: appraisal cycles, indicators (manual or from the indicator-source registry), scores, grades, pay runs.
 * The routes are registered in this order (the OpenAPI document lists them so): sources and My KPIs here, then
 * cycles, results, appointments and rounds, pay.
 */
export async function performanceRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  app.get(
    '/api/performance/sources',
    {
      config: { access: 'performance.read' },
      schema: {
        tags,
        summary: 'Automatic indicator sources registered by the domains',
        response: { 200: z.array(sourceSchema) },
      },
    },
    async () =>
      indicatorSources().map(({ key, label, unit, query, targets }) => ({
        key,
        label,
        unit,
        query,
        targets: [...targets],
      })),
  );

  app.get(
    '/api/performance/me',
    {
      config: { access: 'performance.read' },
      schema: {
        tags,
        summary: 'My KPIs: the signed-in account’s own staff member (scores over time, indicator values, pay)',
        response: { 200: myKpisSchema, ...errors },
      },
    },
    async (req) => myKpis(db, await scopeOf(app, req)),
  );

  cycleRoutes(app);
  resultRoutes(app);
  appointmentRoutes(app);
  payRoutes(app);
}
