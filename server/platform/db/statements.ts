import { type Placeholder, sql } from 'drizzle-orm';

/**
 * Hot list queries built once per shape instead of once per request. Drizzle spends far more time turning a query
 * builder into SQL text (≈ 0.1–0.2 ms for a list page and its count) than the rest of the request's own code; a list
 * query's text depends only on which filters are present and the sort, so it is built with placeholders the first
 * time a shape is seen, prepared, and executed with the request's values after that.
 *
 *   const b = binder();                        // collects the values, hands out placeholders
 *   const where = eq(t.zoneId, b.v('zoneId', scope.zoneId));
 *   const page = cachedStatement(ex, `list|${b.shape()}|${sort}`, () => ex.select()…where(where).prepare(''));
 *   await page.execute(b.values);
 *
 * The key must name everything that changes the SQL text other than the bound values: `b.shape()` (the names bound, in
 * order) plus whatever else the caller varies (sort column and direction, the caller's role branch). Statements are
 * cached per executor (the database object; a transaction's cache goes with it), at most MAX_SHAPES per executor,
 * oldest dropped first. The empty name leaves statement naming to the driver (PreparingClient on PostgreSQL).
 */
export interface Executable<T> {
  execute(values?: Record<string, unknown>): Promise<T>;
}

const MAX_SHAPES = 500;
const caches = new WeakMap<object, Map<string, Executable<unknown>>>();

export function cachedStatement<T>(executor: object, key: string, build: () => Executable<T>): Executable<T> {
  let cache = caches.get(executor);
  if (!cache) {
    cache = new Map();
    caches.set(executor, cache);
  }
  let statement = cache.get(key) as Executable<T> | undefined;
  if (!statement) {
    if (cache.size >= MAX_SHAPES) cache.delete(cache.keys().next().value!);
    statement = build();
    cache.set(key, statement as Executable<unknown>);
  }
  return statement;
}

export interface Binder {
  /** A placeholder for `value` under `name` (the value goes into `values`). */
  v(name: string, value: unknown): Placeholder;
  /** Records a branch of the query that binds no value (e.g. a fixed condition), so the shape tells it apart. */
  mark(name: string): void;
  values: Record<string, unknown>;
  /** The names bound so far, in order: part of the statement's cache key. */
  shape(): string;
}

export function binder(): Binder {
  const values: Record<string, unknown> = {};
  const bind = (name: string, value: unknown) => {
    if (name in values) throw new Error(`placeholder ${name} bound twice`);
    values[name] = value;
  };
  return {
    v(name, value) {
      bind(name, value);
      return sql.placeholder(name);
    },
    mark: (name) => bind(name, true),
    values,
    shape: () => Object.keys(values).join(','),
  };
}

/** `b.v` when there is a binder, the value itself otherwise: one query function serves cached and one-off statements. */
export function bindWith(b: Binder | undefined) {
  return <T>(name: string, value: T): T | Placeholder => (b ? b.v(name, value) : value);
}
