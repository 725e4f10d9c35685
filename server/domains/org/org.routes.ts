import type { FastifyInstance } from 'fastify';
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
import { crudRoutes } from '../../platform/http/crud';
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
}
