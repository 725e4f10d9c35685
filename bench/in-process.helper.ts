/**
 * The real app in the benchmark's own process (app.inject, no socket): production settings minus logging, jobs and
 * the web bundle, on the given database; `cookieOf` logs a demo user in and returns its session cookie.
 */
import { buildApp } from '../server/app';
import { loadEnv } from '../server/env';
import type { Database } from '../server/platform/db';
import { DEMO_PASSWORD } from '../server/seed/demo';

/** Production settings minus logging, jobs and the web bundle, on the database at `url`. */
export function benchEnv(url: string) {
  return loadEnv({
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'false',
    WEB_DIST: './.no-web',
    JOBS_WORKER: 'false',
  });
}

export async function inProcessApp(database: Database, url: string) {
  const app = await buildApp({ database, env: benchEnv(url), logger: false });
  await app.ready();
  const cookieOf = async (username: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: DEMO_PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode}`);
    return String([res.headers['set-cookie']].flat()[0]).split(';')[0]!;
  };
  return { app, cookieOf };
}
