import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB } from '../../test/harness';
import { openDatabase } from './index';
import { PreparingClient, SerialClient } from './prepared';

/** Named statements this connection holds on the server. */
async function prepared(client: pg.Client): Promise<string[]> {
  const res = await client.query<{ statement: string }>(
    'select statement from pg_prepared_statements order by statement',
  );
  return res.rows.map((r) => r.statement);
}

describe.skipIf(TEST_DB !== 'postgres')('PreparingClient (postgres)', () => {
  const url = process.env.TEST_DATABASE_URL!;
  let client: PreparingClient;
  beforeAll(async () => {
    client = new PreparingClient({ connectionString: url });
    await client.connect();
  });
  afterAll(() => client.end());

  it('prepares a parameterised statement once per connection and reuses it', async () => {
    const text = 'select $1::int + 1 as n';
    expect((await client.query(text, [1])).rows).toEqual([{ n: 2 }]);
    expect((await client.query({ text, values: [41] })).rows).toEqual([{ n: 42 }]);
    expect((await client.query({ text, rowMode: 'array' }, [9])).rows).toEqual([[10]]);
    expect(await prepared(client)).toEqual([text]);
    expect(client.preparedCount).toBe(1);
  });

  it('leaves statements without parameters, and callbacks, working as before', async () => {
    expect((await client.query('select 7 as n')).rows).toEqual([{ n: 7 }]);
    const viaCallback = await new Promise<unknown[]>((resolve, reject) =>
      client.query({ text: 'select $1::text as s', values: ['回调'] }, (err: Error | null, res: pg.QueryResult) =>
        err ? reject(err) : resolve(res.rows),
      ),
    );
    expect(viaCallback).toEqual([{ s: '回调' }]);
    expect(await prepared(client)).not.toContain('select 7 as n');
  });

  it('passes errors through and the connection keeps working', async () => {
    await expect(client.query('select $1::int as n', ['not a number'])).rejects.toMatchObject({ code: '22P02' });
    await expect(client.query('select nonsense from $1', [1])).rejects.toMatchObject({ code: '42601' });
    expect((await client.query('select $1::int as n', [5])).rows).toEqual([{ n: 5 }]);
  });

  it('runs a statement unnamed after its table changed shape under it (0A000), once refused', async () => {
    await client.query('create temp table shape_t (a int)');
    await client.query('insert into shape_t values (1)');
    const text = 'select * from shape_t where a = $1';
    expect((await client.query(text, [1])).rows).toEqual([{ a: 1 }]);
    await client.query('alter table shape_t add column b int');
    await expect(client.query(text, [1])).rejects.toMatchObject({ code: '0A000' });
    expect((await client.query(text, [1])).rows).toEqual([{ a: 1, b: null }]);
    expect((await client.query(text, [1])).rows).toEqual([{ a: 1, b: null }]);
  });

  it('stops naming new statements at the per-connection cap', async () => {
    class Capped extends PreparingClient {
      static override MAX_PER_CONNECTION = 2;
    }
    const capped = new Capped({ connectionString: url });
    await capped.connect();
    try {
      for (const k of [1, 2, 3, 4])
        expect((await capped.query(`select $1::int * ${k} as n`, [2])).rows[0].n).toBe(2 * k);
      expect(capped.preparedCount).toBe(2);
      expect(await prepared(capped)).toHaveLength(2);
    } finally {
      await capped.end();
    }
  });

  it('is what openDatabase pools use, and Drizzle queries run through it', async () => {
    const database = await openDatabase({ url, poolSize: 1 });
    try {
      for (const n of [1, 2, 3]) {
        const result = (await database.db.execute(sql`select ${n}::int as n`)) as unknown as { rows: unknown[] };
        expect(result.rows).toEqual([{ n }]);
      }
      const client = await database.pool!.connect();
      try {
        expect(client).toBeInstanceOf(PreparingClient);
        expect(await prepared(client as pg.Client)).toEqual(['select $1::int as n']);
      } finally {
        client.release();
      }
    } finally {
      await database.close();
    }
  });

  it('can be turned off', async () => {
    const database = await openDatabase({ url, poolSize: 1, preparedStatements: false });
    try {
      await database.db.execute(sql`select ${1}::int as n`);
      const client = await database.pool!.connect();
      try {
        expect(client).not.toBeInstanceOf(PreparingClient);
        expect(await prepared(client as pg.Client)).toEqual([]);
      } finally {
        client.release();
      }
    } finally {
      await database.close();
    }
  });

  it('sends one query at a time: overlapping queries on one client (a transaction read with Promise.all) run in order, without pg queueing them', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    const serial = new SerialClient({ connectionString: url });
    const prep = new PreparingClient({ connectionString: url });
    await Promise.all([serial.connect(), prep.connect()]);
    try {
      // In a transaction, sent together: the select sees the insert sent before it.
      await serial.query('begin');
      await serial.query('create temp table serial_t (n int)');
      const [insert, select] = await Promise.all([
        serial.query('insert into serial_t select generate_series(1, $1::int)', [3]),
        serial.query('select count(*)::int as n from serial_t'),
      ]);
      await serial.query('rollback');
      expect(insert.rowCount).toBe(3);
      expect(select.rows).toEqual([{ n: 3 }]);
      // A failing query does not hold up or break the ones sent after it; callback style waits its turn too.
      const [a, failed, b, viaCallback] = await Promise.all([
        serial.query('select $1::int as n', [1]),
        serial.query('select $1::int as n', ['x']).catch((e: { code?: string }) => e.code),
        serial.query('select $1::int as n', [2]),
        new Promise((resolve, reject) =>
          serial.query('select $1::text as s', ['回调'], (err: Error | null, res: pg.QueryResult) =>
            err ? reject(err) : resolve(res.rows),
          ),
        ),
      ]);
      expect([a.rows, failed, b.rows, viaCallback]).toEqual([[{ n: 1 }], '22P02', [{ n: 2 }], [{ s: '回调' }]]);
      const named = await Promise.all([7, 8, 9].map((n) => prep.query('select $1::int + 1 as n', [n])));
      expect(named.map((r) => r.rows[0].n)).toEqual([8, 9, 10]);
      expect(warnings.filter((w) => w.includes('already executing a query'))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      await Promise.all([serial.end(), prep.end()]);
    }
  });
});
