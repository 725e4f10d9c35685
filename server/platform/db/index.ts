import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm/relations';
import pg from 'pg';
import { PreparingClient, SerialClient } from './prepared';
import * as schema from './schema';

export { schema };
export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Raw PostgreSQL pool when kind is 'postgres' (for COPY and pg-boss). */
  pool?: pg.Pool;
  /** Embedded engine when kind is 'pglite'. */
  pglite?: PGlite;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL. When absent the embedded PGlite engine is used. */
  url?: string;
  /** PGlite data directory, or 'memory://' for an in-memory database. */
  dataDir?: string;
  poolSize?: number;
  /** Named server-side prepared statements (PreparingClient); default true. */
  preparedStatements?: boolean;
  /** plan_cache_mode of every connection; default: the server's setting. */
  planCacheMode?: 'auto' | 'force_custom_plan' | 'force_generic_plan';
}

// numeric → JS number is handled per column (mode: 'number'); bigint counts come back as strings from pg.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      Client: options.preparedStatements === false ? SerialClient : PreparingClient,
      ...(options.planCacheMode ? { options: `-c plan_cache_mode=${options.planCacheMode}` } : {}),
    });
    pool.on('error', () => {
      // Idle client errors (server restart) are surfaced on the next query; do not crash the process.
    });
    // A client checked out for a transaction sits between queries without an active one; if PostgreSQL goes away
    // then (shutdown, failover: 57P01) pg emits 'error' on the client itself, and with no listener that would end
    // the process. The failure still reaches the transaction as a rejected query and the pool drops the client.
    pool.on('connect', (client) => {
      client.on('error', () => {});
    });
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      pool,
      ping: async () => {
        await pool.query('select 1');
      },
      close: () => pool.end(),
    };
  }
  const pglite = await PGlite.create(options.dataDir ?? 'memory://');
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pglite.close(),
  };
}

/** Rows of a raw query, whichever driver ran it. */
export async function rows<T>(executor: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Serialises the transactions that hand out the next number of a per-zone series (max + 1: 诉求编号, 吹哨编号, 绿卡编号 …)
 * until they commit, so concurrent creations get distinct numbers instead of a unique-constraint 409.
 */
export async function lockSeries(tx: Tx, zoneId: string, series: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`zoneos:series:${series}:${zoneId}`}))`);
}
