import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/common';
import {
  appealDecisionSchema,
  appealInputSchema,
  calibrationInputSchema,
  scoreSchema,
} from '../../../shared/performance';
import { idParams, scopeOf } from '../../platform/http/crud';
import { present } from '../../platform/http/present';
import * as appraisal from './performance.appraisal.service';
import { cycleLoader } from './performance.cycles.routes';
import * as repo from './performance.repository';

const tags = ['performance'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

const scoreQuerySchema = z.object({
  subject: z.enum(['department', 'staff']).default('staff'),
  class: z.enum(['A', 'B']).optional(),
  departmentId: z.uuid().optional(),
});
const calibrationSchema = z.object({
  id: z.uuid(),
  scoreId: z.uuid(),
  staffName: z.string().nullable(),
  fromGrade: z.string(),
  toGrade: z.string(),
  reason: z.string(),
  byName: z.string(),
  at: z.string(),
});
const appealSchema = z.object({
  id: z.uuid(),
  scoreId: z.uuid(),
  staffName: z.string().nullable(),
  grade: z.string().nullable(),
  reason: z.string(),
  status: z.enum(['pending', 'upheld', 'rejected']),
  reply: z.string(),
  filedBy: z.string(),
  decidedBy: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});

/** Results of a cycle: scores and grades, grade calibrations, appeals against grades. */
export function resultRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;
  const cycleOf = cycleLoader(app);

  app.get(
    '/api/performance/cycles/:id/scores',
    {
      config: { access: 'performance.read' },
      schema: {
        tags,
        summary: 'Scores: department league tables by class, or personal scores with grades (department roles: own)',
        params: idParams,
        querystring: scoreQuerySchema,
        response: { 200: z.array(scoreSchema), ...errors },
      },
    },
    async (req) => {
      await cycleOf(req, req.params.id);
      const rows = await repo.listScores(db, await scopeOf(app, req), req.params.id, req.query);
      return rows.map(({ zoneId: _z, cycleId: _c, ...r }) => r);
    },
  );

  app.get(
    '/api/performance/cycles/:id/calibrations',
    {
      config: { access: 'performance.read' },
      schema: {
        tags,
        summary: 'Grade calibrations with reasons',
        params: idParams,
        response: { 200: z.array(calibrationSchema), ...errors },
      },
    },
    async (req) => {
      await cycleOf(req, req.params.id);
      const rows = await repo.listCalibrations(db, await scopeOf(app, req), req.params.id);
      return rows.map(({ c, staffName }) => ({
        id: c.id,
        scoreId: c.scoreId,
        staffName,
        fromGrade: c.fromGrade,
        toGrade: c.toGrade,
        reason: c.reason,
        byName: c.byName,
        at: c.at.toISOString(),
      }));
    },
  );

  app.get(
    '/api/performance/cycles/:id/appeals',
    {
      config: { access: 'performance.read' },
      schema: {
        tags,
        summary: 'Appeals against grades',
        params: idParams,
        response: { 200: z.array(appealSchema), ...errors },
      },
    },
    async (req) => {
      await cycleOf(req, req.params.id);
      const rows = await repo.listAppeals(db, await scopeOf(app, req), req.params.id);
      return rows.map(({ a, staffName, grade }) => ({ ...present(a), staffName, grade, zoneId: undefined }));
    },
  );

  app.post(
    '/api/performance/scores/:id/calibrate',
    {
      config: { access: 'performance.manage' },
      schema: {
        tags,
        summary: 'Calibrate a grade with a written reason (quotas still enforced)',
        params: idParams,
        body: calibrationInputSchema,
        response: { 200: scoreSchema, ...errors },
      },
    },
    async (req) => {
      const {
        zoneId: _z,
        cycleId: _c,
        ...s
      } = await appraisal.calibrate(db, await scopeOf(app, req), req.params.id, req.body.grade, req.body.reason);
      return s;
    },
  );

  app.post(
    '/api/performance/scores/:id/appeal',
    {
      config: { access: 'performance.appeal' },
      schema: {
        tags,
        summary: 'Appeal a grade of a closed cycle (own department)',
        params: idParams,
        body: appealInputSchema,
        response: { 200: z.object({ id: z.uuid(), status: z.string() }), ...errors },
      },
    },
    async (req) => {
      const a = await appraisal.fileAppeal(db, await scopeOf(app, req), req.params.id, req.body.reason);
      return { id: a.id, status: a.status };
    },
  );

  app.post(
    '/api/performance/appeals/:id/decide',
    {
      config: { access: 'performance.manage' },
      schema: {
        tags,
        summary: 'Decide an appeal: upheld with a new grade (within quotas) or rejected, with a written reply',
        params: idParams,
        body: appealDecisionSchema,
        response: { 200: z.object({ id: z.uuid(), status: z.string() }), ...errors },
      },
    },
    async (req) => {
      const a = await appraisal.decideAppeal(db, await scopeOf(app, req), req.params.id, req.body);
      return { id: a.id, status: a.status };
    },
  );
}
