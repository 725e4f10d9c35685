import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, pageOf } from '../../../shared/common';
import {
  enterpriseCodeSchema,
  inspectionCreatedSchema,
  inspectionInputSchema,
  inspectionListQuerySchema,
  inspectionSchema,
  inspectionStatsQuerySchema,
  inspectionStatsRowSchema,
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
