import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { seedCalendar } from './domains/calendar/calendar.seed';
import type { Env } from './env';
import { type Database, openDatabase } from './platform/db';
import { migrate } from './platform/db/migrate';

/** Open the configured database (PostgreSQL when DATABASE_URL is set, embedded PGlite under DATA_DIR otherwise). */
export async function openConfiguredDatabase(env: Env): Promise<Database> {
  if (env.DATABASE_URL)
    return openDatabase({
      url: env.DATABASE_URL,
      poolSize: env.DB_POOL_SIZE,
      preparedStatements: env.DB_PREPARED_STATEMENTS,
      planCacheMode: env.DB_PLAN_CACHE_MODE,
    });
  const dir = resolve(env.DATA_DIR, 'pglite');
  mkdirSync(dir, { recursive: true });
  return openDatabase({ dataDir: dir });
}

export async function openAndMigrate(env: Env): Promise<{ database: Database; applied: number }> {
  const database = await openConfiguredDatabase(env);
  try {
    const result = await migrate(database.db);
    // Reference data every deployment needs (idempotent: only when the calendar is empty).
    await seedCalendar(database.db);
    return { database, applied: result.applied.length };
  } catch (err) {
    await database.close().catch(() => {});
    throw err;
  }
}
