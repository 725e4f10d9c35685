import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, pageOf } from '../../../shared/common';
import {
  enterpriseByCodeSchema,
  enterpriseCodeParamsSchema,
  enterpriseCodeSchema,
  inspectionCreatedSchema,
  inspectionInputSchema,
  inspectionListQuerySchema,
  inspectionSchema,
  inspectionStatsQuerySchema,
  inspectionStatsRowSchema,
  inspectPath,
  jointSuggestionQuerySchema,
  jointSuggestionSchema,
} from '../../../shared/inspections';
import { notFound } from '../../platform/errors';
import { idParams, scopeOf } from '../../platform/http/crud';
import { present } from '../../platform/http/present';
import * as service from './inspections.service';
import { shanghaiToday } from './services.rules';

const tags = ['services'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

/** 一码护商: the enterprise code and the inspections registered against it. */
export async function inspectionsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;
  const codePath = '/api/services/enterprise-codes/:id';
  /** Where a printed card sends the inspector: PUBLIC_BASE_URL, or the address this request came in on. */
  const publicBase = (req: FastifyRequest) => app.ctx.env.PUBLIC_BASE_URL ?? `${req.protocol}://${req.host}`;

  app.get(
    codePath,
    {
      config: { access: 'inspections.read' },
      schema: {
        tags,
        summary: "The enterprise's code (issued on first request; an enterprise user: its own only)",
        params: idParams,
        response: { 200: enterpriseCodeSchema, ...errors },
      },
    },
    async (req) => present(await service.enterpriseCode(db, await scopeOf(app, req), req.params.id)),
  );
  app.get(
    `${codePath}/qr.svg`,
    {
      config: { access: 'inspections.read' },
      schema: {
        tags,
        summary: "The code card's QR (SVG) encoding the absolute URL of the inspection form for this enterprise",
        params: idParams,
        response: { 200: z.string().describe('image/svg+xml'), ...errors },
      },
    },
    async (req, reply) => {
      const c = await service.enterpriseCode(db, await scopeOf(app, req), req.params.id);
      const svg = await service.qrSvg(`${publicBase(req)}${inspectPath(c.code)}`);
      return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'private, no-cache').send(svg);
    },
  );
  app.get(
    '/api/services/enterprise-codes/by-code/:code',
    {
      config: { access: 'inspections.write' },
      schema: {
        tags,
        summary: 'Whose code this is (the page a scanned card opens shows it before the inspection is registered)',
        params: enterpriseCodeParamsSchema,
        response: { 200: enterpriseByCodeSchema, ...errors },
      },
    },
    async (req) => service.enterpriseByCode(db, await scopeOf(app, req), req.params.code),
  );
  app.post(
    `${codePath}/reissue`,
    {
      config: { access: 'inspections.reissue' },
      schema: {
        tags,
        summary: 'Replace the enterprise code (the old card stops working)',
        params: idParams,
        response: { 200: enterpriseCodeSchema, ...errors },
      },
    },
    async (req) => present(await service.enterpriseCode(db, await scopeOf(app, req), req.params.id, true)),
  );

  const base = '/api/services/inspections';
  app.get(
    base,
    {
      config: { access: 'inspections.read' },
      schema: {
        tags,
        summary: 'List inspections (an enterprise: every inspection of itself)',
        querystring: inspectionListQuerySchema,
        response: { 200: pageOf(inspectionSchema), ...errors },
      },
    },
    async (req) => {
      const { data, total } = await service.listInspections(db, await scopeOf(app, req), req.query);
      return { data: data.map(present), total, current: req.query.current, pageSize: req.query.pageSize };
    },
  );
  app.post(
    base,
    {
      config: { access: 'inspections.write' },
      schema: {
        tags,
        summary: 'Register an inspection by the enterprise code; answers with its flags and a joint-inspection hint',
        body: inspectionInputSchema,
        response: { 200: inspectionCreatedSchema, ...errors },
      },
    },
    async (req) => {
      const { inspection, jointSuggestion } = await service.createInspection(db, await scopeOf(app, req), req.body);
      return { inspection: present(inspection), jointSuggestion };
    },
  );
  app.get(
    `${base}/joint-suggestions`,
    {
      config: { access: 'inspections.plan' },
      schema: {
        tags,
        summary: 'Enterprises inspected separately by several departments within the window (plan a joint one)',
        querystring: jointSuggestionQuerySchema,
        response: { 200: z.array(jointSuggestionSchema), ...errors },
      },
    },
    async (req) => service.jointSuggestions(db, await scopeOf(app, req), req.query.asOf ?? shanghaiToday(new Date())),
  );
  app.get(
    `${base}/stats`,
    {
      config: { access: 'inspections.plan' },
      schema: {
        tags,
        summary: 'Inspections per enterprise in a year',
        querystring: inspectionStatsQuerySchema,
        response: { 200: z.array(inspectionStatsRowSchema), ...errors },
      },
    },
    async (req) =>
      service.inspectionStats(
        db,
        await scopeOf(app, req),
        req.query.year ?? Number(shanghaiToday(new Date()).slice(0, 4)),
      ),
  );
  app.get(
    `${base}/:id`,
    {
      config: { access: 'inspections.read' },
      schema: { tags, summary: 'One inspection', params: idParams, response: { 200: inspectionSchema, ...errors } },
    },
    async (req) => {
      const i = await service.getInspection(db, await scopeOf(app, req), req.params.id);
      if (!i) throw notFound();
      return present(i);
    },
  );
}
