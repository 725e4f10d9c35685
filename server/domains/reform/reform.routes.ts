import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, okSchema, pageOf } from '../../../shared/common';
import {
  authorityDiffQuerySchema,
  authorityDiffSchema,
  authorityItemInputSchema,
  authorityItemListQuerySchema,
  authorityItemSchema,
  authorityVersionInputSchema,
  authorityVersionSchema,
  contractStaffInputSchema,
  contractStaffListQuerySchema,
  contractStaffSchema,
  dispositionSummarySchema,
  districtDepartmentInputSchema,
  districtDepartmentSchema,
  orgComparisonSchema,
  orgPhases,
  orgSnapshotInputSchema,
  orgSnapshotSchema,
  reformTaskInputSchema,
  reformTaskListQuerySchema,
  reformTaskSchema,
  whistleCloseSchema,
  whistleInputSchema,
  whistleLeagueQuerySchema,
  whistleLeagueRowSchema,
  whistleListQuerySchema,
  whistleRespondSchema,
  whistleSchema,
} from '../../../shared/reform';
import { notFound } from '../../platform/errors';
import { pages, sendXlsx } from '../../platform/excel/export';
import { crudRoutes, idParams, scopeOf } from '../../platform/http/crud';
import { present } from '../../platform/http/present';
import { registerImportKind } from '../imports/imports.registry';
import { authorityExportColumns, authorityImport } from './reform.authority.import';
import * as authRepo from './reform.authority.repository';
import * as authority from './reform.authority.service';
import { dashboardColumns, dashboardRows } from './reform.dashboard';
import * as disposition from './reform.disposition';
import { dutyListRoutes } from './reform.lists.routes';
import * as org from './reform.org.service';
import { platformRoutes } from './reform.platform.routes';
import * as tasks from './reform.tasks';
import { whistleExportColumns } from './reform.whistle.export';
import * as whistleRepo from './reform.whistle.repository';
import * as whistle from './reform.whistle.service';

const tags = ['reform'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const R = 'reform.read' as const;
const W = 'reform.write' as const;
const WH = 'reform.whistle' as const;

/** 体制改革: authority lists (versioned), 园区吹哨, organisation before/after. */
export async function reformRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;
  registerImportKind(authorityImport);
  whistle.registerWhistleRecomputer();

  // ---- 权责清单 versions ----
  const V = '/api/reform/authority/versions';
  app.get(
    V,
    {
      config: { access: R },
      schema: {
        tags,
        summary: 'Authority-list versions, newest first, with counts',
        response: { 200: z.array(authorityVersionSchema), ...errors },
      },
    },
    async (req) => (await authRepo.listVersions(db, await scopeOf(app, req))).map(present),
  );
  app.post(
    V,
    {
      config: { access: W },
      schema: {
        tags,
        summary: 'Start a draft version (a copy of the latest published one; one draft at a time)',
        body: authorityVersionInputSchema,
        response: { 200: authorityVersionSchema, ...errors },
      },
    },
    async (req) => present(await authority.createDraft(db, await scopeOf(app, req), req.body)),
  );
  app.get(
    `${V}/:id`,
    {
      config: { access: R },
      schema: { tags, summary: 'One version', params: idParams, response: { 200: authorityVersionSchema, ...errors } },
    },
    async (req) => {
      const v = await authRepo.getVersion(db, await scopeOf(app, req), req.params.id);
      if (!v) throw notFound();
      return present(v);
    },
  );
  app.put(
    `${V}/:id`,
    {
      config: { access: W },
      schema: {
        tags,
        summary: 'Edit a draft version',
        params: idParams,
        body: authorityVersionInputSchema,
        response: { 200: authorityVersionSchema, ...errors },
      },
    },
    async (req) => present(await authority.updateDraft(db, await scopeOf(app, req), req.params.id, req.body)),
  );
  app.delete(
    `${V}/:id`,
    {
      config: { access: W },
      schema: { tags, summary: 'Discard a draft version', params: idParams, response: { 200: okSchema, ...errors } },
    },
    async (req) => {
      await authority.deleteDraft(db, await scopeOf(app, req), req.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    `${V}/:id/publish`,
    {
      config: { access: W },
      schema: {
        tags,
        summary: 'Publish a draft (it becomes immutable)',
        params: idParams,
        response: { 200: authorityVersionSchema, ...errors },
      },
    },
    async (req) => present(await authority.publishVersion(db, await scopeOf(app, req), req.params.id)),
  );
  app.get(
    `${V}/:id/items`,
    {
      config: { access: R },
      schema: {
        tags,
        summary: 'Items of a version (paged, filtered, sorted)',
        params: idParams,
        querystring: authorityItemListQuerySchema,
        response: { 200: pageOf(authorityItemSchema), ...errors },
      },
    },
    async (req) => {
      const scope = await scopeOf(app, req);
      if (!(await authRepo.getVersion(db, scope, req.params.id))) throw notFound();
      const { data, total } = await authRepo.listItems(db, scope, req.params.id, req.query);
      return { data, total, current: req.query.current, pageSize: req.query.pageSize };
    },
  );
  app.get(
    `${V}/:id/items/export.xlsx`,
    {
      config: { access: R },
      schema: {
        tags,
        summary: 'Export the items of a version as .xlsx (same filters and sort; importable into a draft)',
        params: idParams,
        querystring: authorityItemListQuerySchema,
        response: errors,
      },
    },
    async (req, reply) => {
      const scope = await scopeOf(app, req);
      const v = await authRepo.getVersion(db, scope, req.params.id);
      if (!v) throw notFound();
      const { current: _c, pageSize: _p, ...filters } = req.query;
      const title = req.locale === 'zh-CN' ? `权责清单-V${v.versionNo}` : `Authority list v${v.versionNo}`;
      return sendXlsx(reply, {
        fileName: title,
        sheet: req.locale === 'zh-CN' ? '权责清单' : 'Authority list',
        columns: authorityExportColumns,
        rows: pages((offset, limit) => authRepo.itemPage(db, scope, v.id, filters, offset, limit)),
        locale: req.locale,
      });
    },
  );
  app.post(
    `${V}/:id/items`,
    {
      config: { access: W },
      schema: {
        tags,
        summary: 'Add an item to a draft',
        params: idParams,
        body: authorityItemInputSchema,
        response: { 200: authorityItemSchema, ...errors },
      },
    },
    async (req) => authority.createItem(db, await scopeOf(app, req), req.params.id, req.body),
  );
  app.put(
    '/api/reform/authority/items/:id',
    {
      config: { access: W },
      schema: {
        tags,
        summary: 'Edit an item of a draft',
        params: idParams,
        body: authorityItemInputSchema,
        response: { 200: authorityItemSchema, ...errors },
      },
    },
    async (req) => authority.updateItem(db, await scopeOf(app, req), req.params.id, req.body),
  );
  app.delete(
    '/api/reform/authority/items/:id',
    {
      config: { access: W },
      schema: {
        tags,
        summary: 'Remove an item from a draft',
        params: idParams,
        response: { 200: okSchema, ...errors },
      },
    },
    async (req) => {
      await authority.deleteItem(db, await scopeOf(app, req), req.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/reform/authority/diff',
    {
      config: { access: R },
      schema: {
        tags,
        summary: 'Diff two versions by item code: retained / added / cancelled (counts and lists)',
        querystring: authorityDiffQuerySchema,
        response: { 200: authorityDiffSchema, ...errors },
      },
    },
    async (req) => authority.diffVersions(db, await scopeOf(app, req), req.query.from, req.query.to),
  );

  // ---- 园区吹哨、部门报到 ----
  const D = '/api/reform/district-departments';
  app.get(
    D,
    {
      config: { access: R },
      schema: {
        tags,
        summary: 'District departments (outside bodies)',
        response: { 200: z.array(districtDepartmentSchema), ...errors },
      },
    },
    async (req) => (await whistleRepo.listDepartments(db, await scopeOf(app, req))).map(present),
  );
  app.post(
    D,
    {
      config: { access: W },
      schema: {
        tags,
        summary: 'Add a district department',
        body: districtDepartmentInputSchema,
        response: { 200: districtDepartmentSchema, ...errors },
      },
    },
    async (req) => present(await whistle.createDepartment(db, await scopeOf(app, req), req.body)),
  );
  app.put(
    `${D}/:id`,
    {
      config: { access: W },
      schema: {
        tags,
        summary: 'Edit a district department',
        params: idParams,
        body: districtDepartmentInputSchema,
        response: { 200: districtDepartmentSchema, ...errors },
      },
    },
    async (req) => present(await whistle.updateDepartment(db, await scopeOf(app, req), req.params.id, req.body)),
  );
  app.delete(
    `${D}/:id`,
    {
      config: { access: W },
      schema: {
        tags,
        summary: 'Delete a district department (not while matters name it)',
        params: idParams,
        response: { 200: okSchema, ...errors },
      },
    },
    async (req) => {
      await whistle.deleteDepartment(db, await scopeOf(app, req), req.params.id);
      return { ok: true as const };
    },
  );

  const M = '/api/reform/whistles';
  app.get(
    M,
    {
      config: { access: R },
      schema: {
        tags,
        summary: 'Whistle matters (paged, filtered, sorted)',
        querystring: whistleListQuerySchema,
        response: { 200: pageOf(whistleSchema), ...errors },
      },
    },
    async (req) => {
      const q = req.query;
      const { data, total } = await whistleRepo.listWhistles(
        db,
        await scopeOf(app, req),
        q,
        whistleRepo.todayInChina(),
      );
      return { data: data.map(present), total, current: q.current, pageSize: q.pageSize };
    },
  );
  app.get(
    `${M}/export.xlsx`,
    {
      config: { access: R },
      schema: {
        tags,
        summary: 'Export whistle matters as .xlsx (same filters and sort)',
        querystring: whistleListQuerySchema,
        response: errors,
      },
    },
    async (req, reply) => {
      const scope = await scopeOf(app, req);
      const { current: _c, pageSize: _p, ...filters } = req.query;
      const today = whistleRepo.todayInChina();
      const title = req.locale === 'zh-CN' ? '园区吹哨事项' : 'Whistle matters';
      return sendXlsx(reply, {
        fileName: `${title}-${today}`,
        sheet: title,
        columns: whistleExportColumns,
        rows: pages((offset, limit) => whistleRepo.whistlePage(db, scope, filters, today, offset, limit)),
        locale: req.locale,
      });
    },
  );
  app.get(
    `${M}/league`,
    {
      config: { access: R },
      schema: {
        tags,
        summary: 'Department league table (response, on-time rate, overdue)',
        querystring: whistleLeagueQuerySchema,
        response: { 200: z.array(whistleLeagueRowSchema), ...errors },
      },
    },
    async (req) => whistle.whistleLeague(db, await scopeOf(app, req), req.query.year),
  );
  app.post(
    M,
    {
      config: { access: WH },
      schema: {
        tags,
        summary: 'Raise a matter (deadline in working days)',
        body: whistleInputSchema,
        response: { 200: whistleSchema, ...errors },
      },
    },
    async (req) => present(await whistle.createWhistle(db, await scopeOf(app, req), req.body)),
  );
  app.get(
    `${M}/:id`,
    {
      config: { access: R },
      schema: { tags, summary: 'One whistle matter', params: idParams, response: { 200: whistleSchema, ...errors } },
    },
    async (req) => {
      const row = await whistleRepo.getWhistle(db, await scopeOf(app, req), req.params.id, whistleRepo.todayInChina());
      if (!row) throw notFound();
      return present(row);
    },
  );
  app.post(
    `${M}/:id/respond`,
    {
      config: { access: WH },
      schema: {
        tags,
        summary: "Record the department's response",
        params: idParams,
        body: whistleRespondSchema,
        response: { 200: whistleSchema, ...errors },
      },
    },
    async (req) => present(await whistle.respondWhistle(db, await scopeOf(app, req), req.params.id, req.body)),
  );
  app.post(
    `${M}/:id/close`,
    {
      config: { access: WH },
      schema: {
        tags,
        summary: 'Close a responded matter',
        params: idParams,
        body: whistleCloseSchema,
        response: { 200: whistleSchema, ...errors },
      },
    },
    async (req) => present(await whistle.closeWhistle(db, await scopeOf(app, req), req.params.id, req.body)),
  );

  app.get(
    '/api/reform/dashboard/export.xlsx',
    {
      config: { access: R },
      schema: {
        tags,
        summary: 'The reform dashboard figures as .xlsx (organisation, authority list, whistles)',
        querystring: whistleLeagueQuerySchema,
        response: errors,
      },
    },
    async (req, reply) => {
      const scope = await scopeOf(app, req);
      const year = req.query.year ?? Number(whistleRepo.todayInChina().slice(0, 4));
      const rows = await dashboardRows(db, scope, year);
      const title = req.locale === 'zh-CN' ? '改革成效' : 'Reform dashboard';
      return sendXlsx(reply, {
        fileName: `${title}-${whistleRepo.todayInChina()}`,
        sheet: title,
        columns: dashboardColumns,
        rows: pages(async (offset, limit) => rows.slice(offset, offset + limit)),
        locale: req.locale,
      });
    },
  );

  // ---- 七个一批 roster and the reform task checklist ----
  registerImportKind(disposition.contractStaffImport);
  app.get(
    '/api/reform/contract-staff/summary',
    {
      config: { access: R },
      schema: {
        tags,
        summary: '七个一批: people per channel and the sum check against the before/after counts',
        response: { 200: dispositionSummarySchema, ...errors },
      },
    },
    async (req) => disposition.dispositionSummary(db, await scopeOf(app, req)),
  );
  app.get(
    '/api/reform/contract-staff/export.xlsx',
    {
      config: { access: R },
      schema: {
        tags,
        summary: 'Export the disposition roster as .xlsx (same filters; importable)',
        querystring: contractStaffListQuerySchema,
        response: errors,
      },
    },
    async (req, reply) => {
      const scope = await scopeOf(app, req);
      const { current: _c, pageSize: _p, ...filters } = req.query;
      const title = req.locale === 'zh-CN' ? '编外人员分流' : 'Contract-staff disposition';
      return sendXlsx(reply, {
        fileName: title,
        sheet: title,
        columns: disposition.contractStaffExportColumns,
        rows: pages((offset, limit) => disposition.contractStaffPage(db, scope, filters, offset, limit)),
        locale: req.locale,
      });
    },
  );
  crudRoutes(app, {
    path: '/api/reform/contract-staff',
    tag: 'reform',
    noun: 'contract-staff disposition',
    read: R,
    write: W,
    listQuery: contractStaffListQuerySchema,
    input: contractStaffInputSchema,
    output: contractStaffSchema,
    list: (scope, q) => disposition.listContractStaff(db, scope, q),
    get: (scope, id) => disposition.getContractStaff(db, scope, id),
    create: (scope, input) => disposition.createContractStaff(db, scope, input),
    update: (scope, id, input) => disposition.updateContractStaff(db, scope, id, input),
    remove: (scope, id) => disposition.deleteContractStaff(db, scope, id),
  });

  app.get(
    '/api/reform/tasks/export.xlsx',
    {
      config: { access: R },
      schema: {
        tags,
        summary: 'Export the reform task checklist as .xlsx (same filters and sort)',
        querystring: reformTaskListQuerySchema,
        response: errors,
      },
    },
    async (req, reply) => {
      const scope = await scopeOf(app, req);
      const { current: _c, pageSize: _p, ...filters } = req.query;
      const title = req.locale === 'zh-CN' ? '改革任务清单' : 'Reform tasks';
      return sendXlsx(reply, {
        fileName: title,
        sheet: title,
        columns: tasks.taskExportColumns,
        rows: pages((offset, limit) => tasks.taskPage(db, scope, filters, offset, limit)),
        locale: req.locale,
      });
    },
  );
  crudRoutes(app, {
    path: '/api/reform/tasks',
    tag: 'reform',
    noun: 'reform task',
    read: R,
    write: W,
    listQuery: reformTaskListQuerySchema,
    input: reformTaskInputSchema,
    output: reformTaskSchema,
    list: (scope, q) => tasks.listTasks(db, scope, q),
    get: (scope, id) => tasks.getTask(db, scope, id),
    create: (scope, input) => tasks.createTask(db, scope, input),
    update: (scope, id, input) => tasks.updateTask(db, scope, id, input),
    remove: (scope, id) => tasks.deleteTask(db, scope, id),
  });

  dutyListRoutes(app);
  platformRoutes(app);

  // ---- organisation before/after ----
  app.get(
    '/api/reform/org/comparison',
    {
      config: { access: R },
      schema: {
        tags,
        summary: 'Before/after counts with reduction rates and cost saved',
        response: { 200: orgComparisonSchema, ...errors },
      },
    },
    async (req) => org.orgComparison(db, await scopeOf(app, req)),
  );
  app.put(
    '/api/reform/org/snapshots/:phase',
    {
      config: { access: W },
      schema: {
        tags,
        summary: 'Enter the raw counts of the before or after phase',
        params: z.object({ phase: z.enum(orgPhases) }),
        body: orgSnapshotInputSchema,
        response: { 200: orgSnapshotSchema, ...errors },
      },
    },
    async (req) => present(await org.saveSnapshot(db, await scopeOf(app, req), req.params.phase, req.body)),
  );
}
