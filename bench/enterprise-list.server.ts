/**
 * Child process of bench/enterprise-list.ts (so the load generator does not share the server's event loop).
 *   app  — the real ZoneOS app (buildApp + listen on 127.0.0.1), same settings as production minus logging.
 *   bare — a bare Fastify + pg route running the SQL the enterprise repository runs for the same filters.
 * Prints `READY <port>` on stdout once listening; exits on SIGTERM.
 */
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../server/app';
import { loadEnv } from '../server/env';
import { openDatabase } from '../server/platform/db';

const [mode, url] = process.argv.slice(2);
if (!url || (mode !== 'app' && mode !== 'bare')) {
  console.error('usage: enterprise-list.server.ts app|bare <postgres url>');
  process.exit(2);
}
const POOL = 10; // the app's default DB_POOL_SIZE

// The repository's list for zone + sub-park + scale, sorted by name (tie-break id), one page, plus the count.
const DATA_SQL = `select e.*, sp.name as sub_park_name, s.name as service_officer_name
  from enterprises e
  left join sub_parks sp on sp.id = e.sub_park_id
  left join staff s on s.id = e.service_officer_id
  where e.zone_id = $1 and e.sub_park_id = $2 and e.scale = $3
  order by e.name asc, e.id asc limit $4 offset $5`;
const COUNT_SQL = 'select count(*)::int as n from enterprises where zone_id = $1 and sub_park_id = $2 and scale = $3';

async function startBare(): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: POOL });
  const app = Fastify({ logger: false });
  app.get('/list', async (req) => {
    const q = req.query as Record<string, string | undefined>;
    const current = Math.max(1, Number(q.current ?? 1));
    const pageSize = Math.min(500, Math.max(1, Number(q.pageSize ?? 20)));
    const args = [q.zoneId, q.subParkId, q.scale];
    const [data, total] = await Promise.all([
      pool.query(DATA_SQL, [...args, pageSize, (current - 1) * pageSize]),
      pool.query(COUNT_SQL, args),
    ]);
    return { data: data.rows, total: total.rows[0].n, current, pageSize };
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
    DATABASE_URL: url,
    DB_POOL_SIZE: String(POOL),
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'false',
    WEB_DIST: './.no-web',
    JOBS_WORKER: 'false',
  });
  const database = await openDatabase({ url, poolSize: POOL });
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
