import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * A pg client that runs parameterised statements as named (server-side) prepared statements, one per distinct SQL
 * text and connection. PostgreSQL then parses and analyses each of Drizzle's statements once per connection instead
 * of once per request — on the list endpoints that was a large share of the database's CPU (the statements name
 * every column, table-qualified). Plans are still made per execution unless PostgreSQL finds a generic plan as good
 * (plan_cache_mode, see openDatabase).
 *
 * Left unnamed: statements without parameters (DDL, migrations, `select 1`), submittable calls (COPY, cursors), long texts and many parameters (bulk inserts, big IN lists — each distinct and rarely repeated), and
 * anything past the per-connection cap, so a connection's prepared statements stay bounded.
 *
 * If a statement's result columns change under it (a migration adding a column to a table read with `*` while this
 * server runs), PostgreSQL refuses the old statement once (0A000, "cached plan must not change result type"); that
 * text then runs unnamed on this connection. Everything else behaves as with unnamed statements.
 */
/** Statement name of each SQL text seen (sha1 of a long text per query was a measurable share of a list request). */
const names = new Map<string, string>();
const MAX_NAMES = 10_000;

function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= MAX_NAMES) names.clear();
    name = `zs_${createHash('sha1').update(text).digest('base64url')}`;
    names.set(text, name);
  }
  return name;
}

/**
 * A pg client that sends one query at a time. A transaction holds one client, and code that reads several things at
 * once (`Promise.all` over an Executor that may be a transaction) sends a query while another is running: pg 8 queues
 * it internally but deprecates that (removed in pg 9). Queries wait here for the previous one to settle instead, in
 * the order they were sent, which is what pg did. Submittables (COPY streams, cursors) are returned by pg synchronously,
 * so they pass straight through; their callers never overlap them with other queries.
 */
export class SerialClient extends pg.Client {
  /** Settles when the last query sent (or waiting to be sent) has settled. */
  #tail: Promise<void> = Promise.resolve();
  /** Queries sent or waiting that have not settled yet. */
  #busy = 0;

  // biome-ignore lint/suspicious/noExplicitAny: pg's query() is a set of overloads; this forwards them unchanged.
  override query(...args: any[]): any {
    const config = args[0];
    if (config && typeof config === 'object' && typeof (config as { submit?: unknown }).submit === 'function') {
      return super.query(...(args as [string]));
    }
    const previous = this.#tail;
    const wait = this.#busy > 0;
    this.#busy++;
    let release!: () => void;
    this.#tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    const finish = () => {
      this.#busy--;
      release();
    };
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      // Callback style (pg-pool's own query()).
      const callback = args[last] as (...r: unknown[]) => void;
      const send = () => {
        try {
          super.query(...(args.slice(0, last) as [string]), (...r: unknown[]) => {
            finish();
            callback(...r);
          });
        } catch (err) {
          finish();
          throw err;
        }
      };
      if (wait) previous.then(send);
      else send();
      return undefined;
    }
    const send = () => {
      let result: Promise<unknown>;
      try {
        result = super.query(...(args as [string])) as Promise<unknown>;
      } catch (err) {
        finish();
        throw err;
      }
      result.then(finish, finish);
      return result;
    };
    return wait ? previous.then(send) : send();
  }
}

export class PreparingClient extends SerialClient {
  static MAX_TEXT = 16_000;
  static MAX_PARAMS = 256;
  static MAX_PER_CONNECTION = 2_000;
  readonly #named = new Set<string>();
  readonly #retired = new Set<string>();

  /** Statement names this connection has prepared (tests). */
  get preparedCount(): number {
    return this.#named.size;
  }

  // biome-ignore lint/suspicious/noExplicitAny: pg's query() is a set of overloads; this forwards them unchanged.
  override query(...args: any[]): any {
    const [config, values, callback] = args;
    const name = this.#nameFor(config, values, callback);
    if (!name) return super.query(...(args as [string]));
    const named: pg.QueryConfig =
      typeof config === 'string' ? { text: config, name, values } : { ...(config as pg.QueryConfig), name, values };
    const retire = (err: { code?: string } | null | undefined) => {
      if (err?.code === '0A000') {
        // The prepared statement's result type no longer matches its tables: run this text unnamed from now on.
        this.#retired.add(named.text);
        this.#named.delete(name);
      }
    };
    if (typeof callback === 'function') {
      // pg-pool's own query() (Drizzle's path through the pool) passes a callback.
      const done = (err: Error, result: pg.QueryResult) => {
        retire(err as { code?: string });
        callback(err, result);
      };
      return super.query(named, done);
    }
    return (super.query(named) as Promise<pg.QueryResult>).catch((err: { code?: string }) => {
      retire(err);
      throw err;
    });
  }

  #nameFor(config: unknown, values: unknown, callback: unknown): string | undefined {
    if (typeof values === 'function' || (callback !== undefined && typeof callback !== 'function')) return undefined;
    if (
      !Array.isArray(values) ||
      values.length === 0 ||
      values.length > (this.constructor as typeof PreparingClient).MAX_PARAMS
    )
      return undefined;
    let text: string;
    if (typeof config === 'string') text = config;
    else if (config && typeof config === 'object' && !('submit' in config)) {
      const c = config as { text?: unknown; name?: unknown };
      if (c.name || typeof c.text !== 'string') return undefined;
      text = c.text;
    } else return undefined;
    const limits = this.constructor as typeof PreparingClient;
    if (text.length > limits.MAX_TEXT || this.#retired.has(text)) return undefined;
    const name = statementName(text);
    if (this.#named.has(name)) return name;
    if (this.#named.size >= limits.MAX_PER_CONNECTION) return undefined;
    this.#named.add(name);
    return name;
  }
}
