import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../errors';
import { openDatabase, rows } from '.';

describe('isDatabaseUnavailable', () => {
  it('recognises refused, dropped and shutting-down connections, also wrapped by Drizzle', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(new Error('Failed query: select 1', { cause: refused }))).toBe(true);
    const adminShutdown = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    expect(isDatabaseUnavailable(new Error('Failed query', { cause: adminShutdown }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Client has encountered a connection error and is not queryable'))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  });
});

// PostgreSQL only: the backend of a transaction's connection is terminated (as in a server shutdown or failover)
// while the app is between two statements. Before the fix pg emitted an unhandled 'error' on the checked-out client
// and the whole process ended (bench pg-outage found it).
describe.runIf(process.env.ZONEOS_TEST_DB === 'postgres')('a connection lost inside a transaction', () => {
  it('fails that transaction only; the process lives and the pool serves the next query', async () => {
    const database = await openDatabase({ url: process.env.TEST_DATABASE_URL!, poolSize: 2 });
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      const attempt = database.db.transaction(async (tx) => {
        const [row] = await rows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`);
        await admin.query('select pg_terminate_backend($1)', [row!.pid]);
        await new Promise((r) => setTimeout(r, 200)); // the FATAL arrives while no query is active
        await tx.execute(sql`select 1`);
      });
      const error = await attempt.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeDefined();
      expect(isDatabaseUnavailable(error)).toBe(true);
      await new Promise((r) => setTimeout(r, 100));
      expect(uncaught).toEqual([]);
      const [ok] = await rows<{ one: number }>(database.db, sql`select 1 as one`);
      expect(ok!.one).toBe(1);
    } finally {
      process.off('uncaughtException', onUncaught);
      await admin.end();
      await database.close();
    }
  });
});
