import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness';
import { rows } from './index';
import { analyzeStale, needsStatisticsSweep, staleTables, statisticsQueue } from './statistics';

let ctx: TestContext;
// A schema of its own: the PostgreSQL test database is shared by every test file.
const schema = `stats_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const table = sql.raw(`${schema}.probe`);

beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.database.db.execute(sql.raw(`create schema ${schema}`));
  await ctx.database.db.execute(sql`create table ${table} (id int primary key, zone int not null, note text)`);
  await ctx.database.db.execute(sql`create index on ${table} (zone)`);
});
afterAll(async () => {
  await ctx.database.db.execute(sql.raw(`drop schema if exists ${schema} cascade`));
  await ctx.close();
});

const fill = (from: number, to: number) =>
  ctx.database.db.execute(
    sql`insert into ${table} select g, g % 3, repeat('x', 200) from generate_series(${from}::int, ${to}::int) g`,
  );

describe('planner statistics sweep', () => {
  it('an empty table is not stale; one that never was analyzed is; ANALYZE clears it; growth by a tenth brings it back', async () => {
    expect(await staleTables(ctx.database.db, schema)).toEqual([]);
    await fill(1, 2000); // ≈ 60 pages
    const before = await staleTables(ctx.database.db, schema);
    expect(before).toEqual([expect.objectContaining({ table: 'probe', analyzedPages: null })]);

    expect(await analyzeStale(ctx.database, schema)).toEqual(['probe']);
    expect(await staleTables(ctx.database.db, schema)).toEqual([]);
    const [r] = await rows<{ reltuples: number }>(
      ctx.database.db,
      sql`select reltuples from pg_class where oid = ${`${schema}.probe`}::regclass`,
    );
    expect(Number(r?.reltuples)).toBe(2000);

    await fill(2001, 2050); // a few rows more: under a tenth, still fresh
    expect(await staleTables(ctx.database.db, schema)).toEqual([]);
    await fill(2051, 2400); // +20 %: stale again, with the pages it had when analyzed
    const grown = await staleTables(ctx.database.db, schema);
    expect(grown).toHaveLength(1);
    expect(grown[0]!.analyzedPages).toBe(before[0]!.pages);
    expect(grown[0]!.pages).toBeGreaterThan(before[0]!.pages);
    expect(await analyzeStale(ctx.database, schema)).toEqual(['probe']);
  });

  it('runs on PGlite always and on PostgreSQL only where autovacuum is off', async () => {
    const expected =
      ctx.database.kind === 'pglite' ||
      (await rows<{ a: string }>(ctx.database.db, sql`select current_setting('autovacuum') as a`))[0]?.a !== 'on';
    expect(await needsStatisticsSweep(ctx.database)).toBe(expected);
  });

  it('as a queue: a job runs one sweep and reports the tables it analyzed', async () => {
    const queue = statisticsQueue(ctx.database, 60, { info: () => {}, error: () => {} });
    expect(queue).toMatchObject({ name: 'db-statistics', repeatOnStartSeconds: 60 });
    const out = (await queue.handler({}, { id: 'x', retryCount: 0, retryLimit: 0 })) as { analyzed: string[] };
    if (!(await needsStatisticsSweep(ctx.database))) {
      expect(out.analyzed).toEqual([]); // autovacuum's work
      return;
    }
    // The app's own schema: on a fresh PGlite the calendar the boot seeded (never analyzed) is among them.
    if (ctx.database.kind === 'pglite') expect(out.analyzed).toContain('calendar_years');
    for (const t of out.analyzed) {
      const [r] = await rows<{ reltuples: number }>(
        ctx.database.db,
        sql`select reltuples from pg_class where oid = ${t}::regclass`,
      );
      expect(Number(r?.reltuples), t).toBeGreaterThanOrEqual(0);
    }
  });
});
