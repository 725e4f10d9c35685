/**
 * Planner statistics where nothing else keeps them.
 *
 * PostgreSQL's autovacuum analyzes a table once a tenth of it has changed. PGlite (the embedded default) is one
 * process in single-user mode: it runs no autovacuum, and its activity counters (`n_mod_since_analyze`) are not
 * kept either, so its tables are never analyzed; a PostgreSQL server with `autovacuum = off` (this project's CI
 * machines) neither. Without statistics the planner guesses, and guesses badly once a table grows: the write-path
 * bench found `getDemand` (zone, enterprise and primary key) walking every demand of the enterprise by the
 * (zone, enterprise, date) index — 3 ms instead of 0.05 — and the next 诉求编号 read by a bitmap scan of the zone.
 *
 * The sweep decides by size, which both engines know: a table is stale when it holds pages and was never analyzed,
 * or has grown by a tenth (at least 4 pages) since its last ANALYZE (`pg_class.relpages` is set by ANALYZE).
 * Only growth is seen; a table rewritten in place keeps its old statistics until it grows.
 */
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { QueueDefinition } from '../jobs';
import type { Database, Executor } from './index';
import { rows } from './index';

export interface StaleTable {
  schema: string;
  table: string;
  /** Pages now. */
  pages: number;
  /** Pages at the last ANALYZE (null: never analyzed). */
  analyzedPages: number | null;
}

/** Tables of the app's schema (or `schema`) whose statistics are missing or out of date by the size rule above. */
export async function staleTables(ex: Executor, schema?: string): Promise<StaleTable[]> {
  const list = await rows<{ schema: string; table: string; pages: string; relpages: number; reltuples: number }>(
    ex,
    sql`select n.nspname as "schema", c.relname as "table", c.relpages, c.reltuples,
          (pg_relation_size(c.oid) / current_setting('block_size')::int)::text as pages
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = coalesce(${schema ?? null}::text, current_schema()) and c.relkind = 'r'
        order by c.relname`,
  );
  const stale: StaleTable[] = [];
  for (const r of list) {
    const pages = Number(r.pages);
    const never = Number(r.reltuples) < 0;
    if (pages === 0) continue;
    if (never || pages >= r.relpages + Math.max(4, Math.ceil(r.relpages / 10))) {
      stale.push({ schema: r.schema, table: r.table, pages, analyzedPages: never ? null : r.relpages });
    }
  }
  return stale;
}

/** Does this database need the app to keep its statistics (no autovacuum working for it)? */
export async function needsStatisticsSweep(database: Database): Promise<boolean> {
  if (database.kind === 'pglite') return true;
  const [row] = await rows<{ autovacuum: string }>(
    database.db,
    sql`select current_setting('autovacuum') as autovacuum`,
  );
  return row?.autovacuum !== 'on';
}

/**
 * ANALYZE every stale table, in one transaction that first takes a try-lock, so app servers sharing a database do
 * not analyze the same tables at once (the one that does not get the lock skips this round). Returns the tables
 * analyzed.
 */
export async function analyzeStale(database: Database, schema?: string): Promise<string[]> {
  return database.db.transaction(async (tx) => {
    const [lock] = await rows<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(730002) as ok`);
    if (!lock?.ok) return [];
    const stale = await staleTables(tx, schema);
    for (const t of stale) await tx.execute(sql`analyze ${sql.identifier(t.schema)}.${sql.identifier(t.table)}`);
    return stale.map((t) => t.table);
  });
}

/**
 * The sweep as a queue of the job runner: every working app server checks on start and then every `everySeconds`
 * (not awaited at start, so a big first ANALYZE does not hold the server back); a job sent to `db-statistics` runs
 * one sweep now (after a bulk load, say).
 */
export function statisticsQueue(
  database: Database,
  everySeconds: number,
  log: Pick<FastifyBaseLogger, 'info' | 'error'>,
): QueueDefinition<object> {
  let needed: Promise<boolean> | undefined;
  const sweep = async () => {
    needed ??= needsStatisticsSweep(database).catch((err: unknown) => {
      needed = undefined; // ask again next round
      throw err;
    });
    if (!(await needed)) return [];
    const analyzed = await analyzeStale(database);
    if (analyzed.length > 0) log.info({ tables: analyzed }, 'planner statistics refreshed');
    return analyzed;
  };
  return {
    name: 'db-statistics',
    handler: async () => ({ analyzed: await sweep() }),
    onStart: async () => {
      sweep().catch((err: unknown) => log.error({ err }, 'planner statistics sweep failed'));
    },
    repeatOnStartSeconds: everySeconds,
    retryLimit: 0,
  };
}
