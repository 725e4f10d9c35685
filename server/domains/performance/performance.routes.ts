import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, okSchema, pageOf } from '../../../shared/common';
import {
  appealDecisionSchema,
  appealInputSchema,
  applicantInputSchema,
  appointmentInputSchema,
  appointmentListQuerySchema,
  appointmentSchema,
  calibrationInputSchema,
  cycleInputSchema,
  cycleListQuerySchema,
  cycleSchema,
  indicatorSchema,
  indicatorSetSchema,
  myKpisSchema,
  payLineQuerySchema,
  payLineSchema,
  payRunInputSchema,
  payRunSchema,
  roundInputSchema,
  roundSchema,
  roundScoresSchema,
  scoreSchema,
  valueInputSchema,
  valueSchema,
} from '../../../shared/performance';
import { notFound } from '../../platform/errors';
import { pages, sendXlsx } from '../../platform/excel/export';
import { idParams, scopeOf } from '../../platform/http/crud';
import { present } from '../../platform/http/present';
import * as appointmentsSvc from './performance.appointments';
import * as appraisal from './performance.appraisal.service';
import { indicatorSources } from './performance.indicators';
import { myKpis } from './performance.me';
import { payExportColumns } from './performance.pay.export';
import * as pay from './performance.pay.service';
import * as repo from './performance.repository';
import * as rounds from './performance.rounds';

const tags = ['performance'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

const sourceSchema = z.object({
  key: z.string(),
  label: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
  unit: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
  query: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
  targets: z.array(z.enum(['department', 'staff'])),
});
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

/** 考核与薪酬: appraisal cycles, indicators (manual or from the indicator-source registry), scores, grades, pay runs. */
export async function performanceRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;
  const cycleOf = async (req: Parameters<typeof scopeOf>[1], id: string) => {
    const c = await repo.getCycle(db, await scopeOf(app, req), id);
    if (!c) throw notFound();
    return c;
  };

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

  // ---------------------------------------------------------------- appointments (聘任)

  app.get(
    '/api/performance/appointments',
    {
      config: { access: 'performance.read' },
      schema: {
        tags,
        summary:
          'Appointment terms: a person’s history with archive rank beside appointed post (双轨), or expiry alerts',
        querystring: appointmentListQuerySchema,
        response: { 200: z.array(appointmentSchema), ...errors },
      },
    },
    async (req) => appointmentsSvc.listAppointments(db, await scopeOf(app, req), req.query),
  );

  app.post(
    '/api/performance/appointments',
    {
      config: { access: 'performance.manage' },
      schema: {
        tags,
        summary:
          'Appoint a person to a post for a term; beyond the consecutive-term limit a committee decision is required',
        body: appointmentInputSchema,
        response: { 200: appointmentSchema, ...errors },
      },
    },
    async (req) => appointmentsSvc.appoint(db, await scopeOf(app, req), req.body),
  );

  // ---------------------------------------------------------------- pay

  // 竞聘上岗 rounds: leaders run them; every performance reader sees them (results are public by design: 公示).
  app.get(
    '/api/performance/rounds',
    {
      config: { access: 'performance.read' },
      schema: { tags, summary: 'Competitive appointment rounds', response: { 200: z.array(roundSchema), ...errors } },
    },
    async (req) => rounds.listRounds(db, await scopeOf(app, req)),
  );
  app.post(
    '/api/performance/rounds',
    {
      config: { access: 'performance.manage' },
      schema: {
        tags,
        summary: 'Open a round: posts on offer with seats, score weights, pass score, publicity days',
        body: roundInputSchema,
        response: { 200: roundSchema, ...errors },
      },
    },
    async (req) => rounds.createRound(db, await scopeOf(app, req), req.body),
  );
  app.get(
    '/api/performance/rounds/:id',
    {
      config: { access: 'performance.read' },
      schema: {
        tags,
        summary: 'One round with applicants',
        params: idParams,
        response: { 200: roundSchema, ...errors },
      },
    },
    async (req) => {
      const r = await rounds.getRound(db, await scopeOf(app, req), req.params.id);
      if (!r) throw notFound();
      return r;
    },
  );
  app.post(
    '/api/performance/rounds/:id/applicants',
    {
      config: { access: 'performance.manage' },
      schema: {
        tags,
        summary: 'Register an applicant for one post (one post per person per round)',
        params: idParams,
        body: applicantInputSchema,
        response: { 200: roundSchema, ...errors },
      },
    },
    async (req) => rounds.addApplicant(db, await scopeOf(app, req), req.params.id, req.body),
  );
  app.put(
    '/api/performance/rounds/:id/scores',
    {
      config: { access: 'performance.manage' },
      schema: {
        tags,
        summary: 'Record written and interview scores (totals recomputed)',
        params: idParams,
        body: roundScoresSchema,
        response: { 200: roundSchema, ...errors },
      },
    },
    async (req) => rounds.saveScores(db, await scopeOf(app, req), req.params.id, req.body.scores),
  );
  app.post(
    '/api/performance/rounds/:id/publish',
    {
      config: { access: 'performance.manage' },
      schema: {
        tags,
        summary: 'Rank per post, select within seats and pass score, open the publicity period',
        params: idParams,
        response: { 200: roundSchema, ...errors },
      },
    },
    async (req) => rounds.publishRound(db, await scopeOf(app, req), req.params.id),
  );
  app.post(
    '/api/performance/rounds/:id/finalize',
    {
      config: { access: 'performance.manage' },
      schema: {
        tags,
        summary: 'After publicity: appoint the selected applicants (term rules apply)',
        params: idParams,
        response: { 200: roundSchema, ...errors },
      },
    },
    async (req) => rounds.finalizeRound(db, await scopeOf(app, req), req.params.id),
  );

  app.get(
    '/api/pay/runs',
    {
      config: { access: 'pay.read' },
      schema: {
        tags,
        summary: 'Pay runs (quarterly advances and year-end settlements)',
        response: { 200: z.array(payRunSchema), ...errors },
      },
    },
    async (req) =>
      (await repo.listPayRuns(db, await scopeOf(app, req))).map(({ zoneId, ...r }) => present({ zoneId, ...r })),
  );

  app.post(
    '/api/pay/runs',
    {
      config: { access: 'pay.manage' },
      schema: {
        tags,
        summary: 'Split the pool: departments by Σ post × department coefficient, people by post × grade coefficient',
        body: payRunInputSchema,
        response: { 200: payRunSchema, ...errors },
      },
    },
    async (req) => present(await pay.createPayRun(db, await scopeOf(app, req), req.body)),
  );

  app.get(
    '/api/pay/runs/:id',
    {
      config: { access: 'pay.read' },
      schema: { tags, summary: 'One pay run', params: idParams, response: { 200: payRunSchema, ...errors } },
    },
    async (req) => {
      const run = await repo.getPayRun(db, await scopeOf(app, req), req.params.id);
      if (!run) throw notFound();
      return present(run);
    },
  );

  app.delete(
    '/api/pay/runs/:id',
    {
      config: { access: 'pay.manage' },
      schema: {
        tags,
        summary: 'Withdraw a pay run (not an advance a settlement builds on)',
        params: idParams,
        response: { 200: okSchema, ...errors },
      },
    },
    async (req) => {
      await pay.deletePayRun(db, await scopeOf(app, req), req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/pay/runs/:id/lines',
    {
      config: { access: 'pay.read' },
      schema: {
        tags,
        summary: 'Lines of a pay run with each person’s derivation (department heads: own department)',
        params: idParams,
        querystring: payLineQuerySchema,
        response: { 200: pageOf(payLineSchema), ...errors },
      },
    },
    async (req) => {
      const scope = await scopeOf(app, req);
      if (!(await repo.getPayRun(db, scope, req.params.id))) throw notFound();
      const { data, total } = await repo.listPayLines(db, scope, req.params.id, req.query);
      return { data: data.map(toLine), total, current: req.query.current, pageSize: req.query.pageSize };
    },
  );

  app.get(
    '/api/pay/runs/:id/export.xlsx',
    {
      config: { access: 'pay.read' },
      schema: {
        tags,
        summary: 'The run as .xlsx for the payroll office (same filter as the lines; paging ignored)',
        params: idParams,
        querystring: payLineQuerySchema,
        response: { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (req, reply) => {
      const scope = await scopeOf(app, req);
      const run = await repo.getPayRun(db, scope, req.params.id);
      if (!run) throw notFound();
      const { current: _c, pageSize: _p, ...filters } = req.query;
      const zh = req.locale === 'zh-CN';
      const title =
        run.kind === 'advance'
          ? zh
            ? `绩效工资-${run.year}年第${run.quarter}季度预发`
            : `Performance pay ${run.year} Q${run.quarter} advance`
          : zh
            ? `绩效工资-${run.year}年度清算`
            : `Performance pay ${run.year} settlement`;
      return sendXlsx(reply, {
        fileName: title,
        sheet: zh ? '绩效工资' : 'Performance pay',
        columns: payExportColumns,
        rows: pages((offset, limit) => repo.payLinePage(db, scope, run.id, filters, offset, limit)),
        locale: req.locale,
      });
    },
  );
}

function toLine(l: repo.PayLineRow) {
  return {
    id: l.id,
    departmentId: l.departmentId,
    departmentName: l.departmentName,
    departmentCoefficient: l.departmentCoefficient,
    departmentWeight: l.departmentWeight,
    departmentShareFen: l.departmentShareFen,
    staffId: l.staffId,
    staffName: l.staffName,
    employeeNo: l.employeeNo,
    postName: l.postName,
    postCoefficient: l.postCoefficient,
    grade: l.grade,
    gradeCoefficient: l.gradeCoefficient,
    weight: l.weight,
    departmentWeightSum: l.departmentWeightSum,
    shareFen: l.shareFen,
    extraFen: l.extraFen,
    advancesFen: l.advancesFen,
    amountFen: l.amountFen,
    flags: l.flags,
  };
}
