import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, okSchema, pageOf } from '../../../shared/common';
import {
  resetPasswordSchema,
  userCreateSchema,
  userListQuerySchema,
  userSchema,
  userUpdateSchema,
} from '../../../shared/users';
import { notFound } from '../../platform/errors';
import { idParams } from '../../platform/http/crud';
import { requireActor } from '../../platform/http/guard';
import { present } from '../../platform/http/present';
import { getUser, listUsers } from './users.repository';
import { createUser, resetPassword, updateUser } from './users.service';

const tags = ['users'];
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

/** Account and role administration (platform admin). */
export async function usersRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;
  const config = { access: 'users.manage' as const };

  app.get(
    '/api/users',
    {
      config,
      schema: {
        tags,
        summary: 'List accounts',
        querystring: userListQuerySchema,
        response: { 200: pageOf(userSchema), ...errors },
      },
    },
    async (req) => {
      const { data, total } = await listUsers(db, req.query);
      return { data: data.map(present), total, current: req.query.current, pageSize: req.query.pageSize };
    },
  );

  app.get(
    '/api/users/:id',
    {
      config,
      schema: { tags, summary: 'Get one account', params: idParams, response: { 200: userSchema, ...errors } },
    },
    async (req) => {
      const u = await getUser(db, req.params.id);
      if (!u) throw notFound();
      return present(u);
    },
  );

  app.post(
    '/api/users',
    {
      config,
      schema: {
        tags,
        summary: 'Create an account (must change password at first login)',
        body: userCreateSchema,
        response: { 200: userSchema, ...errors },
      },
    },
    async (req) => present(await createUser(db, requireActor(req), req.body)),
  );

  app.put(
    '/api/users/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change role, scope or disable an account',
        params: idParams,
        body: userUpdateSchema,
        response: { 200: userSchema, ...errors },
      },
    },
    async (req) => present(await updateUser(db, requireActor(req), req.params.id, req.body)),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      config,
      schema: {
        tags,
        summary: 'Set a new password and end the account’s sessions',
        params: idParams,
        body: resetPasswordSchema,
        response: { 200: okSchema, ...errors },
      },
    },
    async (req) => {
      await resetPassword(db, requireActor(req), req.params.id, req.body.password);
      return { ok: true as const };
    },
  );
}
