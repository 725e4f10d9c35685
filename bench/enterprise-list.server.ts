/**
 * Child process of bench/enterprise-list.ts (so the load generator does not share the server's event loop).
 *   app  — the real ZoneOS app (buildApp + listen on 127.0.0.1), same settings as production minus logging.
 *   bare — bare Fastify + pg routes running the SQL the repositories run for the same filters, one route per list:
 *          /list (enterprises), /cases (approval cases), /projects (investment pipeline); unnamed statements.
 *   bare-prepared — the same routes on a pool of the app's PreparingClient (named server-side prepared statements,
 *          as the app runs them), so the app is also compared with the best this stack does.
 *          With BENCH_REPLAY_FILE (bench/replay.helper.ts), also /replay/<name>: the statements one app request sends
 *          (the cockpits), replayed with the same values, all at once on the pool.
 * The database is a postgres:// URL, or `pglite:<data dir>` for the embedded engine (app on PGlite; bare routes
 * sending the same SQL to the same in-process PGlite).
 * Prints `READY <port>` on stdout once listening; exits on SIGTERM.
 */

import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../server/app';
import { loadEnv } from '../server/env';
import { openDatabase } from '../server/platform/db';
import { PreparingClient } from '../server/platform/db/prepared';
import type { Statement } from './replay.helper';

const [mode, url] = process.argv.slice(2);
if (!url || (mode !== 'app' && mode !== 'bare' && mode !== 'bare-prepared')) {
  console.error('usage: enterprise-list.server.ts app|bare|bare-prepared <postgres url | pglite:dir>');
  process.exit(2);
}
const POOL = 10; // the app's default DB_POOL_SIZE
const PGLITE_DIR = url.startsWith('pglite:') ? url.slice('pglite:'.length) : undefined;

/** What the bare routes need of a database: pg's pool, or the embedded engine behind the same call. */
interface Queryable {
  // biome-ignore lint/suspicious/noExplicitAny: the bare routes read rows untyped, as pg's own query() returns them
  query<R = any>(text: string | Statement, values?: unknown[]): Promise<{ rows: R[] }>;
  end(): Promise<void>;
}

async function bareDatabase(): Promise<Queryable> {
  if (PGLITE_DIR) {
    const lite = await PGlite.create(PGLITE_DIR);
    return {
      query: <R>(text: string | Statement, values?: unknown[]) =>
        typeof text === 'string' ? lite.query<R>(text, values) : lite.query<R>(text.text, text.values),
      end: () => lite.close(),
    };
  }
  return new pg.Pool({
    connectionString: url,
    max: POOL,
    Client: mode === 'bare-prepared' ? PreparingClient : pg.Client,
  }) as unknown as Queryable;
}

// The repository's list for zone + sub-park + scale, sorted by name (tie-break id), one page, plus the count.
const DATA_SQL = `select e.*, sp.name as sub_park_name, s.name as service_officer_name
  from enterprises e
  left join sub_parks sp on sp.id = e.sub_park_id
  left join staff s on s.id = e.service_officer_id
  where e.zone_id = $1 and e.sub_park_id = $2 and e.scale = $3
  order by e.name asc, e.id asc limit $4 offset $5`;
const COUNT_SQL = 'select count(*)::int as n from enterprises where zone_id = $1 and sub_park_id = $2 and scale = $3';

// The approval case list for zone + lead department, sorted by submitted date descending (tie-break id): what
// listCases sends — page, count, the calendar's version check and the zone's rules at once, then the page's item names.
const CASES_SQL = `select c.*, e.name as enterprise_name, d.name as lead_department_name, u.display_name as agent_name
  from approval_cases c
  inner join enterprises e on e.id = c.enterprise_id
  left join departments d on d.id = c.lead_department_id
  left join users u on u.id = c.agent_user_id
  where c.zone_id = $1 and c.lead_department_id = $2
  order by coalesce(c.submitted_on, '0001-01-01'::date) desc, c.id asc limit $3 offset $4`;
const CASES_COUNT_SQL = `select count(*)::int as n from approval_cases c inner join enterprises e on e.id = c.enterprise_id
  where c.zone_id = $1 and c.lead_department_id = $2`;
const CALENDAR_VERSION_SQL = 'select count(*), max(published_at)::text from calendar_years';
const RULES_SQL = `select year, params from approval_rules where zone_id = $1 and year <= $2
  order by year desc limit 1`;

// The investment pipeline for zone + type, sorted by agreed investment descending (tie-break id): what listPipeline
// sends — the zone's settings, page (team and sub-park names, key project and pending move) and count at once.
const SETTINGS_SQL = 'select zone_id, stage_sets, light_params, updated_at from investment_settings where zone_id = $1';
const PROJECTS_SQL = `select p.*, t.name as team_name, sp.name as sub_park_name,
    (select k.id from key_projects k where k.pipeline_project_id = p.id limit 1) as key_project_id,
    (select m.id from investment_stage_moves m where m.project_id = p.id and m.status = 'pending') as pending_move_id
  from investment_projects p
  left join investment_teams t on t.id = p.team_id
  left join sub_parks sp on sp.id = p.sub_park_id
  where p.zone_id = $1 and p.type = $2
  order by p.agreed_investment_fen desc, p.id asc limit $3 offset $4`;
const PROJECTS_COUNT_SQL = 'select count(*)::int as n from investment_projects where zone_id = $1 and type = $2';

function paging(q: Record<string, string | undefined>) {
  const current = Math.max(1, Number(q.current ?? 1));
  const pageSize = Math.min(500, Math.max(1, Number(q.pageSize ?? 20)));
  return { current, pageSize, offset: (current - 1) * pageSize };
}

async function startBare(): Promise<number> {
  const pool = await bareDatabase();
  const app = Fastify({ logger: false });
  app.get('/list', async (req) => {
    const q = req.query as Record<string, string | undefined>;
    const { current, pageSize, offset } = paging(q);
    const args = [q.zoneId, q.subParkId, q.scale];
    const [data, total] = await Promise.all([
      pool.query(DATA_SQL, [...args, pageSize, offset]),
      pool.query(COUNT_SQL, args),
    ]);
    return { data: data.rows, total: total.rows[0].n, current, pageSize };
  });
  app.get('/cases', async (req) => {
    const q = req.query as Record<string, string | undefined>;
    const { current, pageSize, offset } = paging(q);
    const args = [q.zoneId, q.leadDepartmentId];
    const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
    const [data, total] = await Promise.all([
      pool.query(CASES_SQL, [...args, pageSize, offset]),
      pool.query(CASES_COUNT_SQL, args),
      pool.query(CALENDAR_VERSION_SQL),
      pool.query(RULES_SQL, [q.zoneId, year]),
    ]);
    const ids = [...new Set(data.rows.flatMap((r: { item_ids: string[] }) => r.item_ids))];
    const names = new Map<string, string>();
    if (ids.length > 0) {
      const items = await pool.query<{ id: string; name: string }>(
        `select id, name from approval_items where id in (${ids.map((_, i) => `$${i + 1}`).join(', ')})`,
        ids,
      );
      for (const i of items.rows) names.set(i.id, i.name);
    }
    const rows = data.rows.map((r: { item_ids: string[] }) => ({
      ...r,
      item_names: r.item_ids.map((i) => names.get(i) ?? ''),
    }));
    return { data: rows, total: total.rows[0].n, current, pageSize };
  });
  app.get('/projects', async (req) => {
    const q = req.query as Record<string, string | undefined>;
    const { current, pageSize, offset } = paging(q);
    const args = [q.zoneId, q.type];
    const [, data, total] = await Promise.all([
      pool.query(SETTINGS_SQL, [q.zoneId]),
      pool.query(PROJECTS_SQL, [...args, pageSize, offset]),
      pool.query(PROJECTS_COUNT_SQL, args),
    ]);
    return { data: data.rows, total: total.rows[0].n, current, pageSize };
  });
  const replay = process.env.BENCH_REPLAY_FILE
    ? (JSON.parse(readFileSync(process.env.BENCH_REPLAY_FILE, 'utf8')) as Record<string, Statement[]>)
    : {};
  app.get('/replay/:name', async (req, reply) => {
    const statements = replay[(req.params as { name: string }).name];
    if (!statements) return reply.code(404).send({ error: 'no such recording' });
    const results = await Promise.all(statements.map((s) => pool.query(s)));
    return { results: results.map((r) => r.rows) };
  });
  app.addHook('onClose', () => pool.end());
  await app.listen({ host: '127.0.0.1', port: 0 });
  process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
  return (app.server.address() as { port: number }).port;
}

async function startApp(): Promise<number> {
  const env = loadEnv({
    ...process.env,
    NODE_ENV: 'production',
    ...(PGLITE_DIR ? { DATA_DIR: PGLITE_DIR, DATABASE_URL: undefined } : { DATABASE_URL: url }),
    DB_POOL_SIZE: String(POOL),
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'false',
    WEB_DIST: './.no-web',
    JOBS_WORKER: 'false',
  });
  const database = await openDatabase(PGLITE_DIR ? { dataDir: PGLITE_DIR } : { url, poolSize: POOL });
  const app = await buildApp({ database, env, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  process.once('SIGTERM', () =>
    app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0)),
  );
  return (app.server.address() as { port: number }).port;
}

const port = mode === 'app' ? await startApp() : await startBare();
console.log(`READY ${port}`);
