/**
 * Child process of bench/write-path.ts: the bare baseline for writes. A bare Fastify route per table that inserts one
 * row copied from a template row (new id, new unique number) with a single INSERT … SELECT: no validation, no
 * transaction around several statements, no audit entry, no child rows. On PostgreSQL through a pg pool of 10; on
 * PGlite on the data folder the app used (the app is stopped first). Prints `READY <port>`; exits on SIGTERM.
 */
import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';
import pg from 'pg';

const [engine, target, demandId, caseId] = process.argv.slice(2);
if (!target || !demandId || !caseId || (engine !== 'postgres' && engine !== 'pglite')) {
  console.error('usage: write-path.server.ts postgres|pglite <url|dir> <template demand id> <template case id>');
  process.exit(2);
}

type Query = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
let query: Query;
let close: () => Promise<void>;
if (engine === 'postgres') {
  const pool = new pg.Pool({ connectionString: target, max: 10 });
  query = (text, values) => pool.query(text, values);
  close = () => pool.end();
} else {
  const db = await PGlite.create(target);
  query = (text, values) => db.query(text, values) as Promise<{ rows: Record<string, unknown>[] }>;
  close = () => db.close();
}

/** INSERT … SELECT copying every column of the template except id; the unique number column gets a fresh value. */
async function copier(table: string, uniqueColumn: string): Promise<string> {
  const cols = (
    await query(
      `select column_name from information_schema.columns
        where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position`,
      [table],
    )
  ).rows.map((r) => r.column_name as string);
  const copied = cols.filter((c) => c !== 'id');
  const select = copied.map((c) => (c === uniqueColumn ? `'B' || substr(md5(random()::text), 1, 15)` : `"${c}"`));
  return `insert into ${table} (${copied.map((c) => `"${c}"`).join(', ')})
    select ${select.join(', ')} from ${table} where id = $1 returning id`;
}

const demandSql = await copier('demands', 'serial');
const caseSql = await copier('approval_cases', 'case_no');
const app = Fastify({ logger: false });
app.post('/demand', async () => (await query(demandSql, [demandId])).rows[0]);
app.post('/case', async () => (await query(caseSql, [caseId])).rows[0]);
await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`READY ${(app.server.address() as { port: number }).port}`);
process.once('SIGTERM', () =>
  app
    .close()
    .then(close)
    .then(() => process.exit(0)),
);
