import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../../shared/common';
import {
  dutyItemInputSchema,
  dutyItemListQuerySchema,
  dutyItemSchema,
  dutySummaryQuerySchema,
  dutySummarySchema,
} from '../../../shared/reform-lists';
import { pages, sendXlsx } from '../../platform/excel/export';
import { crudRoutes, scopeOf } from '../../platform/http/crud';
import { registerImportKind } from '../imports/imports.registry';
import * as duties from './reform.duties';
import { dutyExportColumns, dutyImport } from './reform.duties.import';

const tags = ['reform'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const R = 'reform.read' as const;
const W = 'reform.write' as const;

/** 两张清单 (职责清单, 剥离社会事务清单) and the 边界清单 with district departments. */
export function dutyListRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;
  registerImportKind(dutyImport);
  const P = '/api/reform/duty-items';
  app.get(
    '/api/reform/duty-items/summary',
    {
      config: { access: R },
      schema: {
        tags,
        summary: 'Counts of the duty, stripped and boundary lists in force on a date (default today)',
        querystring: dutySummaryQuerySchema,
        response: { 200: dutySummarySchema, ...errors },
      },
    },
    async (req) => duties.dutySummary(db, await scopeOf(app, req), req.query.asOf),
  );
  app.get(
    `${P}/export.xlsx`,
    {
      config: { access: R },
      schema: {
        tags,
        summary: 'Export the lists as .xlsx (same filters and sort; importable)',
        querystring: dutyItemListQuerySchema,
        response: errors,
      },
    },
    async (req, reply) => {
      const scope = await scopeOf(app, req);
      const { current: _c, pageSize: _p, ...filters } = req.query;
      const title = req.locale === 'zh-CN' ? '职责与边界清单' : 'Duty and boundary lists';
      return sendXlsx(reply, {
        fileName: title,
        sheet: title,
        columns: dutyExportColumns,
        rows: pages((offset, limit) => duties.dutyItemPage(db, scope, filters, offset, limit)),
        locale: req.locale,
      });
    },
  );
  crudRoutes(app, {
    path: P,
    tag: 'reform',
    noun: 'duty-list entry',
    read: R,
    write: W,
    listQuery: dutyItemListQuerySchema,
    input: dutyItemInputSchema,
    output: dutyItemSchema,
    list: (scope, q) => duties.listDutyItems(db, scope, q),
    get: (scope, id) => duties.getDutyItem(db, scope, id),
    create: (scope, input) => duties.createDutyItem(db, scope, input),
    update: (scope, id, input) => duties.updateDutyItem(db, scope, id, input),
    remove: (scope, id) => duties.deleteDutyItem(db, scope, id),
  });
}
