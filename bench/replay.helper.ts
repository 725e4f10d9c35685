/**
 * "The same SQL" for endpoints that are not one list query (the cockpits run a dozen and more statements built by
 * several domains): the statements one app request sends are recorded on an in-process app, and the bare route
 * replays exactly those texts with the same values, all at once on its pool (the most any route could overlap them).
 * The second request of each path is recorded, so caches the app keeps warm (session, calendar) are as under load.
 */
import { writeFileSync } from 'node:fs';
import type pg from 'pg';
import { buildApp } from '../server/app';
import { openDatabase } from '../server/platform/db';
import { benchEnv } from './in-process.helper';

export interface Statement {
  text: string;
  values: unknown[];
  rowMode?: 'array';
}

export interface Recording {
  name: string;
  path: string;
  username: string;
  password: string;
}

/** Records the statements of each request and writes them to `file` as { name: Statement[] }. */
export async function recordStatements(url: string, requests: Recording[], file: string): Promise<void> {
  const database = await openDatabase({ url, poolSize: 4 });
  const pool = database.pool!;
  let recording: Statement[] | undefined;
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const [config, values] = args as [string | pg.QueryConfig, unknown[] | undefined];
    if (recording) {
      const c = typeof config === 'string' ? { text: config } : config;
      recording.push({
        text: c.text,
        values: (Array.isArray(values) ? values : (c.values ?? [])) as unknown[],
        ...((c as { rowMode?: string }).rowMode === 'array' ? { rowMode: 'array' as const } : {}),
      });
    }
    return query(...args);
  };
  const app = await buildApp({ database, env: benchEnv(url), logger: false });
  try {
    await app.ready();
    const out: Record<string, Statement[]> = {};
    for (const r of requests) {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: r.username, password: r.password },
      });
      if (login.statusCode !== 200) throw new Error(`login ${r.username}: ${login.statusCode} ${login.body}`);
      const cookie = String([login.headers['set-cookie']].flat()[0]).split(';')[0]!;
      const warm = await app.inject({ method: 'GET', url: r.path, headers: { cookie } });
      if (warm.statusCode !== 200) throw new Error(`${r.path}: ${warm.statusCode} ${warm.body}`);
      recording = [];
      await app.inject({ method: 'GET', url: r.path, headers: { cookie } });
      out[r.name] = recording;
      recording = undefined;
      console.log(`${r.name}: one request sends ${out[r.name]!.length} statements (replayed by the bare route)`);
    }
    writeFileSync(file, JSON.stringify(out));
  } finally {
    await app.close();
    await database.close();
  }
}
