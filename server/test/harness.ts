import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { seedCalendar } from '../domains/calendar/calendar.seed';
import { loadEnv } from '../env';
import { type Database, openDatabase } from '../platform/db';
import { migrate } from '../platform/db/migrate';
import type { JobStatus } from '../platform/jobs';

export const TEST_DB: 'pglite' | 'postgres' = process.env.ZONEOS_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/**
 * A real app on real migrations: in-process PGlite (default) or the PostgreSQL at TEST_DATABASE_URL
 * (ZONEOS_TEST_DB=postgres). One per test file; tests isolate themselves by creating their own zone.
 */
export async function createTestContext(envOverrides: Record<string, string> = {}): Promise<TestContext> {
  const url = TEST_DB === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;
  if (TEST_DB === 'postgres' && !url) throw new Error('ZONEOS_TEST_DB=postgres needs TEST_DATABASE_URL');
  const database = await openDatabase(url ? { url, poolSize: 5 } : { dataDir: 'memory://' });
  await migrate(database.db);
  await seedCalendar(database.db); // as openAndMigrate() does at boot
  // On the shared PostgreSQL every test file gets its own pg-boss schema, so its jobs are worked by its own app
  // (and test-only import kinds, known only in that process, are never picked up by another file's workers).
  const jobsSchema = url ? `pgboss_t${randomUUID().replaceAll('-', '').slice(0, 12)}` : undefined;
  const env = loadEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ARGON2_MEMORY_KIB: '1024',
    ARGON2_TIME_COST: '1',
    DEMO_SEED: 'false',
    WEB_DIST: './.no-web',
    FILES_DIR: join(tmpdir(), `zoneos-files-${randomUUID()}`),
    ...(jobsSchema ? { JOBS_SCHEMA: jobsSchema } : {}),
    ...envOverrides,
  });
  const app = await buildApp({ database, env, logger: false });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      if (jobsSchema) await database.db.execute(sql.raw(`drop schema if exists ${jobsSchema} cascade`));
      await database.close();
    },
  };
}

/** Resolves once a background job completed or failed for good (jobs run in the app's own workers). */
export function awaitJob(app: FastifyInstance, queue: string, id: string, timeoutMs = 30_000): Promise<JobStatus> {
  return app.ctx.jobs.waitFor(queue, id, { timeoutMs });
}

/** A signed-in client: cookie + CSRF token applied to every request. */
export class Client {
  constructor(
    readonly app: FastifyInstance,
    readonly cookie: string,
    readonly csrfToken: string,
    readonly zoneId?: string,
  ) {}

  request(opts: InjectOptions & { zone?: string | null; csrf?: string | null }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { cookie: this.cookie, ...(opts.headers as Record<string, string>) };
    const method = (opts.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && opts.csrf !== null) headers['x-csrf-token'] = opts.csrf ?? this.csrfToken;
    const zone = opts.zone === undefined ? this.zoneId : opts.zone;
    if (zone) headers['x-zone-id'] = zone;
    const { zone: _z, csrf: _c, ...rest } = opts;
    return this.app.inject({ ...rest, headers });
  }
  get(url: string, extra: Partial<InjectOptions> & { zone?: string | null; csrf?: string | null } = {}) {
    return this.request({ method: 'GET', url, ...extra });
  }
  post(
    url: string,
    payload?: unknown,
    extra: Partial<InjectOptions> & { zone?: string | null; csrf?: string | null } = {},
  ) {
    return this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'], ...extra });
  }
  put(
    url: string,
    payload?: unknown,
    extra: Partial<InjectOptions> & { zone?: string | null; csrf?: string | null } = {},
  ) {
    return this.request({ method: 'PUT', url, payload: payload as InjectOptions['payload'], ...extra });
  }
  delete(url: string, extra: Partial<InjectOptions> & { zone?: string | null; csrf?: string | null } = {}) {
    return this.request({ method: 'DELETE', url, ...extra });
  }
}

export async function login(
  app: FastifyInstance,
  username: string,
  password: string,
  zoneId?: string,
): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('zoneos_sid='));
  if (!cookie) throw new Error('no session cookie');
  return new Client(app, cookie.split(';')[0]!, res.json().csrfToken, zoneId);
}
