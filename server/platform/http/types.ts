import type { Locale } from '../../../shared/auth';
import type { Permission } from '../../../shared/roles';
import type { Env } from '../../env';
import type { Actor } from '../access';
import type { Database } from '../db';

/** What a route requires: a permission, any signed-in user, or nothing (public). Every /api route must say. */
export type RouteAccess = Permission | 'authenticated' | 'public';

export interface AppContext {
  database: Database;
  env: Env;
  version: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
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
