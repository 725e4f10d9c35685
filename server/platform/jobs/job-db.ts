import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Database } from '../db';

/** What pg-boss needs from a database (its `db` constructor option). */
export interface JobDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

type Run = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

/**
 * pg-boss wraps schema creation, migrations and maintenance as one multi-statement text
 * `BEGIN; SET LOCAL …; SELECT pg_advisory_xact_lock(…); …; COMMIT;` (plans.locked). If a statement in the middle
 * fails, the simple-query protocol leaves the session inside an aborted transaction. On a shared connection
 * (PGlite has exactly one; the app pool hands clients back) that would poison the next app query, so these texts
 * run in a transaction we own and roll back on error.
 */
const LOCKED = /^\s*BEGIN;([\s\S]*)COMMIT;\s*$/;

function lastRows(result: unknown): unknown[] {
  const last = Array.isArray(result) ? result.at(-1) : result;
  return (last as { rows?: unknown[] } | undefined)?.rows ?? [];
}

/**
 * PGlite: one in-process connection. Every call below goes through PGlite's own mutex (query, exec and
 * transaction all take it), so pg-boss statements interleave with app transactions instead of running inside
 * them: a pg-boss poll simply waits while an app transaction is open, and vice versa.
 */
function pgliteRunner(pglite: PGlite): Run {
  return async (text, values) => {
    if (!values || values.length === 0) {
      const locked = LOCKED.exec(text);
      if (locked) {
        const results = await pglite.transaction((tx) => tx.exec(locked[1]!));
        return { rows: lastRows(results) };
      }
      // Plain text without parameters may hold several statements: the simple protocol (exec) runs them all.
      return { rows: lastRows(await pglite.exec(text)) };
    }
    const result = await pglite.query(text, values);
    return { rows: result.rows };
  };
}

/** PostgreSQL: the app's pool (pg-boss needs no pool of its own). */
function poolRunner(pool: pg.Pool): Run {
  return async (text, values) => {
    if ((!values || values.length === 0) && LOCKED.test(text)) {
      const client = await pool.connect();
      try {
        return { rows: lastRows(await client.query(text)) };
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    }
    const result = await pool.query(text, values);
    return { rows: result.rows };
  };
}

/**
 * The adapter handed to pg-boss. It counts statements in flight so shutdown can wait for the last ones (pg-boss
 * completes jobs without awaiting the call), and refuses new ones once closed, before the database itself closes.
 */
export class TrackedJobDb implements JobDb {
  #inFlight = 0;
  #closed = false;
  readonly #run: Run;

  constructor(database: Database) {
    if (database.kind === 'pglite' && database.pglite) this.#run = pgliteRunner(database.pglite);
    else if (database.pool) this.#run = poolRunner(database.pool);
    else throw new Error('job runner: the database has neither a PGlite instance nor a pool');
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  async executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
    if (this.#closed) throw new Error('job runner stopped');
    this.#inFlight++;
    try {
      return await this.#run(text, values);
    } finally {
      this.#inFlight--;
    }
  }

  close(): void {
    this.#closed = true;
  }
}
