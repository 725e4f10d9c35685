import { randomUUID } from 'node:crypto';
import { asc, sql } from 'drizzle-orm';
import { doublePrecision, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB } from '../../test/harness';
import { copyMany, insertMany } from './bulk';
import { type Database, openDatabase } from './index';

const name = `bulk_test_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
const t = pgTable(name, {
  n: integer('n').notNull(),
  label: text('label'),
  values: doublePrecision('vals').array().notNull(),
  tags: text('tags').array(),
  doc: jsonb('doc').$type<unknown>().notNull(),
  at: timestamp('at', { withTimezone: true }),
});

describe(`copyMany / insertMany (${TEST_DB})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase(
      TEST_DB === 'postgres' ? { url: process.env.TEST_DATABASE_URL!, poolSize: 2 } : { dataDir: 'memory://' },
    );
    await database.db.execute(
      sql.raw(`create table ${name} (n int not null, label text, vals float8[] not null, tags text[],
        doc jsonb not null, at timestamptz)`),
    );
  });
  afterAll(async () => {
    await database.db.execute(sql.raw(`drop table if exists ${name}`));
    await database.close();
  });

  const awkward = [
    {
      n: 1,
      label: 'tab\there, new\nline, back\\slash, "quote", 亩均',
      values: [1.5, null, -2e-7, 0] as number[],
      tags: ['a,b', 'say "hi"', 'back\\slash', '{x}'],
      doc: { s: 'tab\t\\ "q"\n', list: [] },
      at: new Date('2026-01-02T03:04:05.678Z'),
    },
    { n: 2, label: null, values: [], tags: null, doc: [], at: null },
    { n: 3, label: '\\N', values: [3], tags: [], doc: { a: null }, at: null },
  ];

  it('writes awkward text, arrays (empty, with NULL), JSON ([] stays an array) and dates exactly, in a transaction', async () => {
    await database.db.transaction(async (tx) => {
      expect(await copyMany(tx, t, awkward)).toBe(3);
    });
    const back = await database.db.select().from(t).orderBy(asc(t.n));
    expect(back).toEqual(awkward);
  });

  it('is all-or-nothing with the transaction', async () => {
    await database.db.execute(sql.raw(`truncate ${name}`));
    await expect(
      database.db.transaction(async (tx) => {
        await copyMany(tx, t, awkward);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await database.db.select().from(t)).toEqual([]);
  });

  it('outside a transaction falls back to insertMany slices and gives the same rows', async () => {
    await database.db.execute(sql.raw(`truncate ${name}`));
    const many = Array.from({ length: 25 }, (_, i) => ({ ...awkward[0]!, n: i }));
    expect(await copyMany(database.db, t, many, 10)).toBe(25);
    const rowsBack = await database.db.select().from(t).orderBy(asc(t.n));
    expect(rowsBack).toHaveLength(25);
    expect(rowsBack[24]).toEqual(many[24]);
    await database.db.execute(sql.raw(`truncate ${name}`));
    await insertMany(database.db, t, awkward);
    expect(await database.db.select().from(t).orderBy(asc(t.n))).toEqual(awkward);
  });
});
