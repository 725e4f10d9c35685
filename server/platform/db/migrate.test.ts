import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, rows } from './index';
import { MIGRATIONS_FOLDER, migrate } from './migrate';

describe('migrations', () => {
  it('apply the whole stream once and are idempotent', async () => {
    const database = await openDatabase({ dataDir: 'memory://' });
    try {
      const first = await migrate(database.db);
      expect(first.applied.length).toBe(first.total);
      expect((await migrate(database.db)).applied).toEqual([]);
      const tables = await rows<{ table_name: string }>(
        database.db,
        sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
      );
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining([
          'zones',
          'sub_parks',
          'departments',
          'posts',
          'staff',
          'users',
          'sessions',
          'audit_events',
          'import_jobs',
        ]),
      );
    } finally {
      await database.close();
    }
  });

  it('every business table carries zone_id', async () => {
    const database = await openDatabase({ dataDir: 'memory://' });
    try {
      await migrate(database.db);
      const platformTables = [
        'provinces',
        'zones',
        'users',
        'sessions',
        'login_attempts',
        'audit_events',
        'audit_chain_heads',
        'calendar_years',
        'calendar_days',
        'zoneos_migrations',
      ];
      const missing = await rows<{ table_name: string }>(
        database.db,
        sql`select t.table_name from information_schema.tables t where t.table_schema = 'public'
            and not exists (select 1 from information_schema.columns c where c.table_name = t.table_name and c.column_name = 'zone_id')`,
      );
      expect(missing.map((m) => m.table_name).filter((t) => !platformTables.includes(t))).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('a failing migration throws and leaves nothing half-applied', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'zoneos-mig-'));
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalPath = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
    const last = journal.entries.at(-1);
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_broken' });
    writeFileSync(journalPath, JSON.stringify(journal));
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, '9999_broken.sql'),
      'CREATE TABLE half_done (id int);\n--> statement-breakpoint\nSELECT * FROM no_such_table;',
    );
    const database = await openDatabase({ dataDir: 'memory://' });
    try {
      await expect(migrate(database.db, folder)).rejects.toThrow();
      const found = await rows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from information_schema.tables where table_name in ('half_done', 'zones')`,
      );
      expect(found[0]!.n).toBe(0);
    } finally {
      await database.close();
    }
  });
});
