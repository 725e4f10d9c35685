import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './index';

/**
 * Multi-row INSERT for imports: the rows travel as ONE json parameter expanded by json_to_recordset, instead of
 * rows × columns bind parameters. Same result as `insert(table).values(rows)`, about 2–3× faster on both engines
 * (binding 10,000 parameters per statement is what costs, in PGlite especially) and no 65,535-parameter limit.
 * Every row must set the same columns (a column left out gets its default only if no row sets it).
 */
export async function insertMany<T extends PgTable>(
  ex: Executor,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = getTableColumns(table);
  const keys = Object.keys(columns).filter((k) => (rows[0] as Record<string, unknown>)[k] !== undefined);
  const payload = rows.map((row, i) => {
    const r = row as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      if (r[k] === undefined) throw new Error(`insertMany: row ${i} leaves ${k} undefined but row 0 sets it`);
      out[columns[k]!.name] = r[k] instanceof Date ? (r[k] as Date).toISOString() : r[k];
    }
    return out;
  });
  const names = sql.join(
    keys.map((k) => sql.identifier(columns[k]!.name)),
    sql`, `,
  );
  const types: SQL[] = keys.map((k) => sql`${sql.identifier(columns[k]!.name)} ${sql.raw(columns[k]!.getSQLType())}`);
  await ex.execute(
    sql`insert into ${table} (${names}) select ${names} from json_to_recordset(${JSON.stringify(payload)}::json) as x(${sql.join(types, sql`, `)})`,
  );
  return rows.length;
}
