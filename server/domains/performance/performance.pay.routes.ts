import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, okSchema, pageOf } from '../../../shared/common';
import { payLineQuerySchema, payLineSchema, payRunInputSchema, payRunSchema } from '../../../shared/performance';
import { notFound } from '../../platform/errors';
import { pages, sendXlsx } from '../../platform/excel/export';
import { idParams, scopeOf } from '../../platform/http/crud';
import { present } from '../../platform/http/present';
import { payExportColumns } from './performance.pay.export';
import * as pay from './performance.pay.service';
import * as repo from './performance.repository';

const tags = ['performance'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

/** 绩效工资: pay runs (quarterly advances, year-end settlements), their lines and the payroll export. */
export function payRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

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
