import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  cockpitQuerySchema,
  provinceCockpitQuerySchema,
  provinceCockpitSchema,
  zoneCockpitSchema,
} from '../../../shared/cockpit';
import { errorBodySchema } from '../../../shared/common';
import { sendXlsxBuffer } from '../../platform/excel/export';
import { scopeOf } from '../../platform/http/crud';
import { requireActor } from '../../platform/http/guard';
import { provinceCockpit } from './cockpit.province';
import { monthlyReport } from './cockpit.report';
import * as service from './cockpit.service';

const tags = ['cockpit'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/** Leadership cockpit (驾驶舱): one read-only screen per zone and one for the province. */
export async function cockpitRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  app.get(
    '/api/cockpit/zone',
    {
      config: { access: 'cockpit.read' },
      schema: {
        tags,
        summary: 'Zone cockpit: key indicators with targets and trend, funnel, lights, approval, demands, 亩均, league',
        querystring: cockpitQuerySchema,
        response: { 200: zoneCockpitSchema, ...errors },
      },
    },
    async (req) => service.zoneCockpit(db, await scopeOf(app, req), req.query),
  );

  app.get(
    '/api/cockpit/province',
    {
      config: { access: 'cockpit.province' },
      schema: {
        tags,
        summary: 'Province cockpit: every zone ranked by an indicator’s YoY with position and change since last month',
        querystring: provinceCockpitQuerySchema,
        response: { 200: provinceCockpitSchema, ...errors },
      },
    },
    async (req) => provinceCockpit(db, requireActor(req), req.query),
  );

  app.get(
    '/api/cockpit/zone/report.xlsx',
    {
      config: { access: 'cockpit.read' },
      schema: {
        tags,
        summary: '经济运行月报 as .xlsx: indicators, key work and department league, from the cockpit’s own figures',
        querystring: cockpitQuerySchema,
        response: errors,
      },
    },
    async (req, reply) => {
      const c = await service.zoneCockpit(db, await scopeOf(app, req), req.query);
      const name =
        req.locale === 'zh-CN'
          ? `${c.zoneName}-${c.year}年${c.month}月经济运行月报`
          : `monthly-report-${c.year}-${c.month}`;
      return sendXlsxBuffer(reply, `${name}.xlsx`, await monthlyReport(c, req.locale));
    },
  );
}
