import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../../shared/common';
import {
  departmentInputSchema,
  departmentListQuerySchema,
  departmentSchema,
  postInputSchema,
  postListQuerySchema,
  postSchema,
  staffInputSchema,
  staffListQuerySchema,
  staffSchema,
} from '../../../shared/org';
import { pages, sendXlsx } from '../../platform/excel/export';
import { crudRoutes, scopeOf } from '../../platform/http/crud';
import { registerImportKind } from '../imports/imports.registry';
import { staffExportColumns, staffImport } from './org.import';
import * as repo from './org.repository';
import * as service from './org.service';

/** Organisation: departments (class A/B), posts with coefficients, staff with 双轨 archive rank vs appointed post. */
export async function orgRoutes(app: FastifyInstance): Promise<void> {
  const db = app.ctx.database.db;

  crudRoutes(app, {
    path: '/api/org/departments',
    tag: 'org',
    noun: 'department',
    read: 'org.read',
    write: 'org.write',
    listQuery: departmentListQuerySchema,
    input: departmentInputSchema,
    output: departmentSchema,
    list: (scope, q) => repo.listDepartments(db, scope, q),
    get: (scope, id) => repo.getDepartment(db, scope, id),
    create: (scope, input) => service.createDepartment(db, scope, input),
    update: (scope, id, input) => service.updateDepartment(db, scope, id, input),
    remove: (scope, id) => service.deleteDepartment(db, scope, id),
  });

  crudRoutes(app, {
    path: '/api/org/posts',
    tag: 'org',
    noun: 'post',
    read: 'org.read',
    write: 'org.write',
    listQuery: postListQuerySchema,
    input: postInputSchema,
    output: postSchema,
    list: (scope, q) => repo.listPosts(db, scope, q),
    get: (scope, id) => repo.getPost(db, scope, id),
    create: (scope, input) => service.createPost(db, scope, input),
    update: (scope, id, input) => service.updatePost(db, scope, id, input),
    remove: (scope, id) => service.deletePost(db, scope, id),
  });

  crudRoutes(app, {
    path: '/api/org/staff',
    tag: 'org',
    noun: 'staff member',
    read: 'staff.read',
    write: 'staff.write',
    listQuery: staffListQuerySchema,
    input: staffInputSchema,
    output: staffSchema,
    list: (scope, q) => repo.listStaff(db, scope, q),
    get: (scope, id) => repo.getStaff(db, scope, id),
    create: (scope, input) => service.createStaff(db, scope, input),
    update: (scope, id, input) => service.updateStaff(db, scope, id, input),
    remove: (scope, id) => service.deleteStaff(db, scope, id),
  });

  registerImportKind(staffImport);

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/org/staff/export.xlsx',
    {
      config: { access: 'staff.read' },
      schema: {
        tags: ['org'],
        summary: 'Export the staff list as .xlsx (same filters and sort as the list; paging ignored)',
        querystring: staffListQuerySchema,
        response: { 400: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (req, reply) => {
      const scope = await scopeOf(app, req);
      const { current: _c, pageSize: _p, ...filters } = req.query;
      const title = req.locale === 'zh-CN' ? '人员' : 'Staff';
      return sendXlsx(reply, {
        fileName: `${title}-${new Date().toISOString().slice(0, 10)}`,
        sheet: title,
        columns: staffExportColumns,
        rows: pages((offset, limit) => repo.staffPage(db, scope, filters, offset, limit)),
        locale: req.locale,
      });
    },
  );
}
