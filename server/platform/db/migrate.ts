import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { type Db, rows } from './index';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));

export interface MigrateResult {
  applied: string[];
  total: number;
}

/**
 * The one migration runner (tests, `npm start`, `zoneos migrate`): applies the drizzle-kit SQL stream in order,
 * all pending files in one transaction under an advisory lock, so concurrent app servers cannot race and a
 * failing file leaves the database as it was. Throws on failure; callers exit non-zero.
 */
export async function migrate(db: Db, folder = MIGRATIONS_FOLDER): Promise<MigrateResult> {
  const migrations = readMigrationFiles({ migrationsFolder: folder });
  await db.execute(sql`create table if not exists zoneos_migrations (
    id serial primary key,
    hash text not null,
    created_at bigint not null unique,
    applied_at timestamptz not null default now()
  )`);
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(730001)`);
    const done = await rows<{ created_at: number | string }>(tx, sql`select created_at from zoneos_migrations`);
    const doneSet = new Set(done.map((r) => Number(r.created_at)));
    for (const m of migrations) {
      if (doneSet.has(m.folderMillis)) continue;
      for (const statement of m.sql) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(sql`insert into zoneos_migrations (hash, created_at) values (${m.hash}, ${m.folderMillis})`);
      applied.push(String(m.folderMillis));
    }
  });
  return { applied, total: migrations.length };
}
