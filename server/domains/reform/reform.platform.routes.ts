import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Locale } from '../../../shared/auth';
import { errorBodySchema } from '../../../shared/common';
import {
  cooperationInputSchema,
  cooperationListQuerySchema,
  cooperationSchema,
  financingInputSchema,
  financingListQuerySchema,
  financingSchema,
  matterDecisionSchema,
  matterExecuteSchema,
  matterInputSchema,
  matterListQuerySchema,
  matterSchema,
  matterSubmitSchema,
  platformSummarySchema,
} from '../../../shared/reform-platform';
import type { Permission } from '../../../shared/roles';
import { type ExportColumn, pages, sendXlsx } from '../../platform/excel/export';
import { crudRoutes, idParams, scopeOf } from '../../platform/http/crud';
import { present } from '../../platform/http/present';
import { registerImportKind } from '../imports/imports.registry';
import { cooperationExportColumns, financingExportColumns, matterExportColumns } from './reform.platform.export';
import { cooperationImport, financingImport, matterImport } from './reform.platform.import';
import * as matters from './reform.platform.matters';
import * as reg from './reform.platform.registers';

const tags = ['reform'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const R = 'reform.read' as const;
const W = 'reform.write' as const;
const P = 'reform.platform' as const;

/** 管委会+公司: major matters (with the committee's decision), cooperation list, financing records. */
export function platformRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;
  const base = '/api/reform/platform';
  registerImportKind(matterImport);
  registerImportKind(cooperationImport);
  registerImportKind(financingImport);

  app.get(
    `${base}/summary`,
    {
      config: { access: R },
      schema: {
        tags,
        summary: 'Platform company: matters by status, commissioned vs market work, financing and interest saved',
        response: { 200: platformSummarySchema, ...errors },
      },
    },
    async (req) => reg.platformSummary(db, await scopeOf(app, req)),
  );

  function exportRoute<Q extends z.ZodType, T>(
    path: string,
    query: Q,
    title: Record<Locale, string>,
    columns: ExportColumn<T>[],
    page: (
      scope: Awaited<ReturnType<typeof scopeOf>>,
      q: Record<string, unknown>,
      o: number,
      l: number,
    ) => Promise<T[]>,
  ) {
    app.get(
      `${path}/export.xlsx`,
      {
        config: { access: R },
        schema: {
          tags,
          summary: `Export ${title['en-US']} as .xlsx (same filters and sort)`,
          querystring: query,
          response: errors,
        },
      },
      async (req, reply) => {
        const scope = await scopeOf(app, req);
        const { current: _c, pageSize: _p, ...filters } = req.query as Record<string, unknown>;
        const name = title[req.locale];
        return sendXlsx(reply, {
          fileName: name,
          sheet: name,
          columns,
          rows: pages((offset, limit) => page(scope, filters, offset, limit)),
          locale: req.locale,
        });
      },
    );
  }

  // ---- major matters ----
  const M = `${base}/matters`;
  exportRoute(
    M,
    matterListQuerySchema,
    { 'zh-CN': '平台公司重大事项', 'en-US': 'Platform major matters' },
    matterExportColumns,
    (s, q, o, l) => matters.matterPage(db, s, q, o, l),
  );
  const action = <B extends z.ZodType>(
    name: string,
    access: Permission,
    summary: string,
    body: B,
    run: (scope: Awaited<ReturnType<typeof scopeOf>>, id: string, b: z.infer<B>) => Promise<matters.MatterRow>,
  ) =>
    app.post(
      `${M}/:id/${name}`,
      {
        config: { access },
        schema: { tags, summary, params: idParams, body, response: { 200: matterSchema, ...errors } },
      },
      async (req) => present(await run(await scopeOf(app, req), req.params.id, req.body as z.infer<B>)),
    );
  action('submit', P, 'The platform company submits a draft matter to the committee', matterSubmitSchema, (s, id, b) =>
    matters.submitMatter(db, s, id, b.submittedOn),
  );
  action(
    'decide',
    W,
    'The committee approves or rejects a submitted matter, with the meeting record',
    matterDecisionSchema,
    (s, id, b) => matters.decideMatter(db, s, id, b),
  );
  action(
    'execute',
    P,
    'The platform company records carrying out an approved matter',
    matterExecuteSchema,
    (s, id, b) => matters.executeMatter(db, s, id, b),
  );
  crudRoutes(app, {
    path: M,
    tag: 'reform',
    noun: 'platform major matter',
    read: R,
    write: P,
    listQuery: matterListQuerySchema,
    input: matterInputSchema,
    output: matterSchema,
    list: (scope, q) => matters.listMatters(db, scope, q),
    get: (scope, id) => matters.getMatter(db, scope, id),
    create: (scope, input) => matters.createMatter(db, scope, input),
    update: (scope, id, input) => matters.updateMatter(db, scope, id, input),
    remove: (scope, id) => matters.deleteMatter(db, scope, id),
  });

  // ---- cooperation list ----
  const C = `${base}/cooperation`;
  exportRoute(
    C,
    cooperationListQuerySchema,
    { 'zh-CN': '管委会与平台公司合作事项', 'en-US': 'Platform cooperation' },
    cooperationExportColumns,
    (s, q, o, l) => reg.cooperationPage(db, s, q, o, l),
  );
  crudRoutes(app, {
    path: C,
    tag: 'reform',
    noun: 'platform cooperation item',
    read: R,
    write: P,
    listQuery: cooperationListQuerySchema,
    input: cooperationInputSchema,
    output: cooperationSchema,
    list: (scope, q) => reg.listCooperation(db, scope, q),
    get: (scope, id) => reg.getCooperation(db, scope, id),
    create: (scope, input) => reg.saveCooperation(db, scope, null, input),
    update: (scope, id, input) => reg.saveCooperation(db, scope, id, input),
    remove: (scope, id) => reg.deleteCooperation(db, scope, id),
  });

  // ---- financing ----
  const F = `${base}/financing`;
  exportRoute(
    F,
    financingListQuerySchema,
    { 'zh-CN': '平台公司融资台账', 'en-US': 'Platform financing' },
    financingExportColumns,
    (s, q, o, l) => reg.financingPage(db, s, q, o, l),
  );
  crudRoutes(app, {
    path: F,
    tag: 'reform',
    noun: 'platform financing record',
    read: R,
    write: P,
    listQuery: financingListQuerySchema,
    input: financingInputSchema,
    output: financingSchema,
    list: (scope, q) => reg.listFinancing(db, scope, q),
    get: (scope, id) => reg.getFinancing(db, scope, id),
    create: (scope, input) => reg.saveFinancing(db, scope, null, input),
    update: (scope, id, input) => reg.saveFinancing(db, scope, id, input),
    remove: (scope, id) => reg.deleteFinancing(db, scope, id),
  });
}
