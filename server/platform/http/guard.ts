import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, type Role } from '../../../shared/roles';
import type { Actor } from '../access';
import { resolveSession, SESSION_COOKIE } from '../auth/sessions';
import { AppError } from '../errors';
import { localeFromHeader } from '../i18n';
import type { ParamAccess, RouteAccess } from './types';

/** Every /api route with its declared access; the role × route test walks this list. */
export interface ApiRoute {
  method: string;
  url: string;
  access: RouteAccess;
  /** Set when the permission depends on a path parameter (see ParamAccess). */
  paramAccess?: ParamAccess;
  hasBody: boolean;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError(401, 'UNAUTHENTICATED');
  return req.actor;
}

/** The zone the client works in (zone switcher). Ignored for zone-bound accounts unless it differs (then 403). */
export function requestedZone(req: FastifyRequest): string | undefined {
  const h = req.headers['x-zone-id'];
  const value = Array.isArray(h) ? h[0] : h;
  return value && /^[0-9a-f-]{36}$/i.test(value) ? value : undefined;
}

/**
 * Default deny: every /api route must declare `config.access`; the app refuses to boot otherwise.
 * Each request: resolve the session, then check authentication, permission and CSRF before the handler.
 */
export function registerGuard(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'zh-CN');

  app.decorate('apiRoutes', [] as ApiRoute[]);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no config.access (default deny)`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        app.apiRoutes.push({
          method,
          url: route.url,
          access,
          paramAccess: route.config?.paramAccess,
          hasBody: Boolean(route.schema?.body),
        });
    }
  });

  // Authentication, permission and CSRF are checked before body validation, so a caller without access
  // learns nothing about a route's schema.
  app.addHook('onRequest', async (req) => {
    req.locale = localeFromHeader(req.headers['accept-language']);
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const env = app.ctx.env;
      req.actor = await resolveSession(
        app.ctx.database.db,
        token,
        {
          idleMinutes: env.SESSION_IDLE_MINUTES,
          maxDays: env.SESSION_MAX_DAYS,
          cacheSeconds: env.SESSION_CACHE_SECONDS,
        },
        req.ip,
      );
    }
    const config = req.routeOptions.config;
    const access = config?.access;
    if (!access || access === 'public') {
      if (UNSAFE.has(req.method) && config?.csrf === false) checkOrigin(req);
      return;
    }
    const actor = requireActor(req);
    if (access !== 'authenticated' && !can(actor.role, access)) throw new AppError(403, 'FORBIDDEN');
    if (config.paramAccess) checkParamAccess(req, actor.role, config.paramAccess);
    if (UNSAFE.has(req.method) && config?.csrf !== false) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, actor.csrfToken)) throw new AppError(403, 'CSRF_FAILED');
    }
  });
}

function checkParamAccess(req: FastifyRequest, role: Role, spec: ParamAccess): void {
  const value = (req.params as Record<string, string | undefined>)[spec.param];
  const permission = value === undefined ? undefined : spec.permissionOf(value);
  if (!permission) throw new AppError(404, 'NOT_FOUND');
  if (!can(role, permission)) throw new AppError(403, 'FORBIDDEN');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** For routes without a session (login): a cross-site Origin is refused. */
function checkOrigin(req: FastifyRequest): void {
  const origin = req.headers.origin;
  if (!origin) return;
  const host = req.headers['x-forwarded-host'] ?? req.headers.host;
  try {
    if (new URL(origin).host !== host) throw new AppError(403, 'CSRF_FAILED');
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(403, 'CSRF_FAILED');
  }
}
