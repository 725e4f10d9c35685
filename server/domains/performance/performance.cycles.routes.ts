import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, pageOf } from '../../../shared/common';
import {
  cycleInputSchema,
  cycleListQuerySchema,
  cycleSchema,
  indicatorSchema,
  indicatorSetSchema,
  valueInputSchema,
  valueSchema,
} from '../../../shared/performance';
import { notFound } from '../../platform/errors';
import { idParams, scopeOf } from '../../platform/http/crud';
import { present } from '../../platform/http/present';
import * as appraisal from './performance.appraisal.service';
import * as repo from './performance.repository';

const tags = ['performance'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

/** The appraisal cycle `id` of the caller's zone, or 404. */
export function cycleLoader(app: FastifyInstance) {
  const db = app.ctx.database.db;
  return async (req: FastifyRequest, id: string) => {
    const c = await repo.getCycle(db, await scopeOf(app, req), id);
    if (!c) throw notFound();
    return c;
  };
}

/** Appraisal cycles: opening, the indicator set, indicator values, computing and closing. */
export function cycleRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;
  const cycleOf = cycleLoader(app);

  app.get(
    '/api/performance/cycles',
    {
      config: { access: 'performance.read' },
      schema: {
        tags,
        summary: 'Appraisal cycles',
        querystring: cycleListQuerySchema,
        response: { 200: pageOf(cycleSchema), ...errors },
      },
    },
    async (req) => {
      const { data, total } = await repo.listCycles(db, await scopeOf(app, req), req.query);
      return { data: data.map(present), total, current: req.query.current, pageSize: req.query.pageSize };
    },
  );

  app.post(
    '/api/performance/cycles',
    {
      config: { access: 'performance.manage' },
      schema: {
        tags,
        summary: 'Open an appraisal cycle',
        body: cycleInputSchema,
        response: { 200: cycleSchema, ...errors },
      },
    },
    async (req) => present(await appraisal.createCycle(db, await scopeOf(app, req), req.body)),
  );

  app.get(
    '/api/performance/cycles/:id',
    {
      config: { access: 'performance.read' },
      schema: { tags, summary: 'One appraisal cycle', params: idParams, response: { 200: cycleSchema, ...errors } },
    },
    async (req) => present(await cycleOf(req, req.params.id)),
  );

  app.get(
    '/api/performance/cycles/:id/indicators',
    {
      config: { access: 'performance.read' },
      schema: {
        tags,
        summary: 'Indicators of a cycle',
        params: idParams,
        response: { 200: z.array(indicatorSchema), ...errors },
      },
    },
    async (req) => {
      await cycleOf(req, req.params.id);
      return (await repo.listIndicators(db, await scopeOf(app, req), req.params.id)).map(
        ({ zoneId: _z, position: _p, ...i }) => i,
      );
    },
  );

  app.put(
    '/api/performance/cycles/:id/indicators',
    {
      config: { access: 'performance.manage' },
      schema: {
        tags,
        summary: 'Replace the indicator set (department templates by class A/B, individual KPIs); weights sum to 100',
        params: idParams,
        body: indicatorSetSchema,
        response: { 200: z.array(indicatorSchema), ...errors },
      },
    },
    async (req) =>
      (await appraisal.setIndicators(db, await scopeOf(app, req), req.params.id, req.body.indicators)).map(
        ({ zoneId: _z, position: _p, ...i }) => i,
      ),
  );

  app.get(
    '/api/performance/cycles/:id/values',
    {
      config: { access: 'performance.read' },
      schema: {
        tags,
        summary: 'Indicator values with their origin, evidence and the records behind automatic ones',
        params: idParams,
        response: { 200: z.array(valueSchema), ...errors },
      },
    },
    async (req) => {
      await cycleOf(req, req.params.id);
      return (await repo.listValues(db, await scopeOf(app, req), req.params.id)).map((v) => ({
        id: v.id,
        indicatorId: v.indicatorId,
        departmentId: v.departmentId,
        staffId: v.staffId,
        actual: v.actual,
        origin: v.origin,
        note: v.note,
        evidenceFileIds: v.evidenceFileIds,
        records: v.records,
        query: v.query,
      }));
    },
  );

  app.post(
    '/api/performance/cycles/:id/values',
    {
      config: { access: 'performance.values' },
      schema: {
        tags,
        summary: 'Enter a manual indicator value with evidence (department heads: own department only)',
        params: idParams,
        body: valueInputSchema,
        response: { 200: valueSchema, ...errors },
      },
    },
    async (req) => {
      const v = await appraisal.saveManualValue(db, await scopeOf(app, req), req.params.id, req.body);
      return { ...v, updatedAt: undefined };
    },
  );

  app.post(
    '/api/performance/cycles/:id/compute',
    {
      config: { access: 'performance.manage' },
      schema: {
        tags,
        summary: 'Recompute automatic values, scores, ranks and grades of an open cycle (reproducible)',
        params: idParams,
        response: { 200: cycleSchema, ...errors },
      },
    },
    async (req) => present(await appraisal.computeCycle(db, await scopeOf(app, req), req.params.id)),
  );

  app.post(
    '/api/performance/cycles/:id/close',
    {
      config: { access: 'performance.manage' },
      schema: {
        tags,
        summary: 'Close the cycle: last computation, then scores are frozen',
        params: idParams,
        response: { 200: cycleSchema, ...errors },
      },
    },
    async (req) => present(await appraisal.closeCycle(db, await scopeOf(app, req), req.params.id)),
  );
}
