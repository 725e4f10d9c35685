import pg from 'pg';

/**
 * PostgreSQL run only: start from an empty schema once, so the migrations under test are the only thing that
 * builds it. Each test then makes its own zone with factories; nothing is truncated between tests.
 */
export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('drop schema if exists public cascade; create schema public;');
  await client.query('drop table if exists zoneos_migrations');
  await client.end();
}
