import type { Locale } from '../../../shared/auth';
import type { Permission } from '../../../shared/roles';
import type { Env } from '../../env';
import type { Actor } from '../access';
import type { Database } from '../db';
import type { Jobs } from '../jobs';
import type { FileStore } from '../storage';

/** What a route requires: a permission, any signed-in user, or nothing (public). Every /api route must say. */
export type RouteAccess = Permission | 'authenticated' | 'public';

export interface AppContext {
  database: Database;
  env: Env;
  version: string;
  /** Background jobs (pg-boss): started when the app is ready, stopped when it closes. */
  jobs: Jobs;
  /** Attachment bytes (metadata in the `files` table). */
  files: FileStore;
}

/**
 * For routes whose permission depends on a path parameter (e.g. `/api/imports/:kind`, where each import kind has
 * its own permission). The route's static `access` is checked first, then the guard resolves this per request:
 * an unknown value is a 404, a value whose permission the role lacks a 403.
 */
export interface ParamAccess {
  param: string;
  permissionOf(value: string): Permission | undefined;
  /** A value that exists, so generic tests (the role × route matrix) can call the route. */
  sample(): string | undefined;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    paramAccess?: ParamAccess;
    /** Skip the CSRF token check (only for login, which has no session yet and is guarded by Origin). */
    csrf?: false;
  }
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
  }
  interface FastifyInstance {
    ctx: AppContext;
    apiRoutes: import('./guard').ApiRoute[];
  }
}
