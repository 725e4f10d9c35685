import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { errorBodySchema, pageOf } from '../../../shared/common';
import {
  defaultEfficiencyParams,
  efficiencyParamsSchema,
  publishInputSchema,
  resultListQuerySchema,
  resultSchema,
  runInputSchema,
  runListQuerySchema,
  runSchema,
} from '../../../shared/efficiency';
import { notFound } from '../../platform/errors';
import { pages, sendXlsx } from '../../platform/excel/export';
import { crudRoutes, idParams, scopeOf } from '../../platform/http/crud';
import { present } from '../../platform/http/present';
import { registerImportKind } from '../imports/imports.registry';
import { efficiencyDataImport, resultExportColumns } from './efficiency.import';
import * as repo from './efficiency.repository';
import * as service from './efficiency.service';
import type { efficiencyRuns } from './efficiency.tables';

const tags = ['efficiency'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

/** 亩均论英雄: yearly evaluation runs (configure → compute → publish with an objection window → final) and results. */
export async function efficiencyRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  registerImportKind(efficiencyDataImport);

  app.get(
    '/api/efficiency/defaults',
    {
      config: { access: 'efficiency.read' },
      schema: {
        tags,
        summary: 'Default run parameters (DOMAIN.md §7: Huangyan-style weights, prior-year benchmarks, A20/B60/C95/D)',
        response: { 200: efficiencyParamsSchema },
      },
    },
    async () => defaultEfficiencyParams(),
  );

  crudRoutes(app, {
    path: '/api/efficiency/runs',
    tag: 'efficiency',
    noun: 'evaluation run',
    read: 'efficiency.read',
    write: 'efficiency.write',
    listQuery: runListQuerySchema,
    input: runInputSchema,
    output: runSchema,
    list: (scope, q) => repo.listRuns(db, scope, q),
    get: (scope, id) => repo.getRun(db, scope, id),
    create: (scope, input) => service.createRun(db, scope, input),
    update: (scope, id, input) => service.updateRun(db, scope, id, input),
    remove: (scope, id) => service.deleteRun(db, scope, id),
  });

  const action = (
    path: string,
    summary: string,
    run: (
      scope: Awaited<ReturnType<typeof scopeOf>>,
      id: string,
      body: unknown,
    ) => Promise<typeof efficiencyRuns.$inferSelect>,
    body?: z.ZodType,
  ) =>
    app.post(
      `/api/efficiency/runs/:id/${path}`,
      {
        config: { access: 'efficiency.write' },
        schema: { tags, summary, params: idParams, ...(body ? { body } : {}), response: { 200: runSchema, ...errors } },
      },
      async (req) => present(await run(await scopeOf(app, req), req.params.id, req.body)),
    );
  action(
    'compute',
    'Compute (or recompute) a run from the zone’s yearly data; freezes benchmarks and inputs',
    (s, id) => service.computeRun(db, s, id),
  );
  action(
    'publish',
    'Publish a computed run (public notice); the objection window ends after N working days',
    (s, id, body) => service.publishRun(db, s, id, (body as z.infer<typeof publishInputSchema>).objectionWorkdays),
    publishInputSchema,
  );
  action('finalize', 'Make a published run final once its objection window is over', (s, id) =>
    service.finalizeRun(db, s, id),
  );

  app.get(
    '/api/efficiency/runs/:id/results',
    {
      config: { access: 'efficiency.read' },
      schema: {
        tags,
        summary: 'Results of a run (score, rank, class, breakdown), by group and rank; enterprise users see their own',
        params: idParams,
        querystring: resultListQuerySchema,
        response: { 200: pageOf(resultSchema), ...errors },
      },
    },
    async (req) => {
      const scope = await scopeOf(app, req);
      if (!(await repo.getRun(db, scope, req.params.id))) throw notFound();
      const page = await repo.listResults(db, scope, req.params.id, req.query);
      return {
        ...page,
        data: page.data.map((r) => present(r)),
        current: req.query.current,
        pageSize: req.query.pageSize,
      };
    },
  );

  app.get(
    '/api/efficiency/runs/:id/results/export.xlsx',
    {
      config: { access: 'efficiency.read' },
      schema: {
        tags,
        summary: 'Export the results of a run as .xlsx (same filters as the list), with every indicator’s points',
        params: idParams,
        querystring: resultListQuerySchema,
        response: { 403: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (req, reply) => {
      const scope = await scopeOf(app, req);
      const run = await repo.getRun(db, scope, req.params.id);
      if (!run) throw notFound();
      const { current: _c, pageSize: _p, ...filters } = req.query;
      const keys = [
        ...new Set([...run.params.indicators.above, ...run.params.indicators.below].map((w) => w.indicator)),
      ];
      const title = req.locale === 'zh-CN' ? `亩均评价-${run.year}` : `Per-mu evaluation ${run.year}`;
      return sendXlsx(reply, {
        fileName: `${title}-${run.name}`,
        sheet: req.locale === 'zh-CN' ? '评价结果' : 'Results',
        columns: resultExportColumns(keys, req.locale),
        rows: pages((offset, limit) => repo.resultPage(db, scope, req.params.id, filters, offset, limit)),
        locale: req.locale,
      });
    },
  );

  app.get(
    '/api/efficiency/results/:id',
    {
      config: { access: 'efficiency.read' },
      schema: {
        tags,
        summary: 'One enterprise’s result: score broken down by indicator, adjustments, class and policies',
        params: idParams,
        response: { 200: resultSchema, ...errors },
      },
    },
    async (req) => {
      const row = await repo.getResult(db, await scopeOf(app, req), req.params.id);
      if (!row) throw notFound();
      return present(row);
    },
  );
}
