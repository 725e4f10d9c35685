import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changePasswordSchema, loginSchema, profileUpdateSchema, sessionSchema } from '../../../shared/auth';
import { errorBodySchema, okSchema } from '../../../shared/common';
import { SESSION_COOKIE } from '../../platform/auth/sessions';
import { requireActor } from '../../platform/http/guard';
import { changePassword, login, logout, sessionInfo, updateProfile } from './auth.service';

const tags = ['auth'];

export async function authRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, env } = app.ctx;
  const db = database.db;

  const cookieOptions = (secure: boolean) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    maxAge: env.SESSION_MAX_DAYS * 86400,
  });
  const isSecure = (protocol: string) =>
    env.COOKIE_SECURE === 'auto' ? protocol === 'https' : env.COOKIE_SECURE === 'true';
  const clearCookie = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' });

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', csrf: false },
      schema: {
        tags,
        summary: 'Sign in with username and password; sets the session cookie',
        body: loginSchema,
        response: { 200: sessionSchema, 401: errorBodySchema, 403: errorBodySchema, 429: errorBodySchema },
      },
    },
    async (req, reply) => {
      const { token, actor } = await login(db, env, {
        username: req.body.username,
        password: req.body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(isSecure(req.protocol)));
      return sessionInfo(db, actor);
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The signed-in user, permissions, zones and CSRF token',
        response: { 200: sessionSchema },
      },
    },
    async (req) => sessionInfo(db, requireActor(req)),
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'End this session', response: { 200: okSchema } } },
    async (req, reply) => {
      await logout(db, requireActor(req), false);
      clearCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/logout-all',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'End every session of this user (logout everywhere)', response: { 200: okSchema } },
    },
    async (req, reply) => {
      await logout(db, requireActor(req), true);
      clearCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Change own password; other sessions are ended',
        body: changePasswordSchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await changePassword(db, requireActor(req), req.body.currentPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );

  app.put(
    '/api/auth/profile',
    {
      config: { access: 'profile.self' },
      schema: {
        tags,
        summary: 'Update own display name and language',
        body: profileUpdateSchema,
        response: { 200: sessionSchema },
      },
    },
    async (req) => sessionInfo(db, await updateProfile(db, requireActor(req), req.body)),
  );
}
