import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import type { Database } from '../db';
import { TrackedJobDb } from './job-db';

export interface JobMeta {
  id: string;
  /** 0 on the first attempt. */
  retryCount: number;
  retryLimit: number;
}

/** A queue and the handler that works its jobs. The payload is JSON (ids, not big blobs). */
export interface QueueDefinition<T extends object> {
  name: string;
  /** Throwing fails the attempt; pg-boss retries until retryLimit, then marks the job failed. */
  handler(data: T, meta: JobMeta): Promise<unknown>;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** An attempt running longer than this is failed by pg-boss (default 15 minutes). */
  expireInSeconds?: number;
  /** Runs once the queue exists (e.g. re-send work whose enqueue was lost in a crash). */
  onStart?(): Promise<void>;
  /** Repeat onStart every this many seconds on working servers (e.g. pick up work a crashed server left running). */
  repeatOnStartSeconds?: number;
}

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export interface JobStatus {
  state: JobState;
  output: unknown;
}

export interface JobsOptions {
  /** PostgreSQL schema of pg-boss's tables (default pgboss). */
  schema?: string;
  /** Work queues on this server (false: only enqueue, e.g. a web-only node). */
  work?: boolean;
  /** How often idle workers look for jobs enqueued by other servers (local sends wake them at once). */
  pollingIntervalSeconds?: number;
  /** Concurrent jobs per queue on this server (PostgreSQL only; PGlite has one connection, so 1). */
  concurrency?: number;
  /** How long stop() waits for running jobs before pg-boss fails them (they are retried later). */
  shutdownTimeoutMs?: number;
  onError?(err: unknown): void;
}

/** The background job runner of the app (app.ctx.jobs). Jobs live in the database, so any app server works them. */
export interface Jobs {
  readonly started: boolean;
  define<T extends object>(def: QueueDefinition<T>): Promise<void>;
  start(): Promise<void>;
  /** Enqueue; `id` makes the send idempotent (a second send with the same id is ignored). */
  send<T extends object>(queue: string, data: T, options?: { id?: string }): Promise<string>;
  /** Wake this server's idle workers of a queue (send does this itself). */
  wake(queue: string): void;
  status(queue: string, id: string): Promise<JobStatus | null>;
  /** Resolves once the job completed, failed for good or was cancelled (tests, CLI). */
  waitFor(queue: string, id: string, options?: { timeoutMs?: number }): Promise<JobStatus>;
  stop(): Promise<void>;
}

const FINAL: ReadonlySet<JobState> = new Set(['completed', 'failed', 'cancelled']);

class JobRunner implements Jobs {
  readonly #boss: PgBoss;
  readonly #db: TrackedJobDb;
  readonly #options: Required<Omit<JobsOptions, 'onError' | 'schema'>> & Pick<JobsOptions, 'onError'>;
  readonly #defs = new Map<string, QueueDefinition<object>>();
  readonly #workers = new Map<string, string[]>();
  readonly #timers: NodeJS.Timeout[] = [];
  #started = false;
  #stopping = false;
  #running = 0;

  constructor(database: Database, options: JobsOptions) {
    const pglite = database.kind === 'pglite';
    this.#options = {
      work: options.work ?? true,
      pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
      concurrency: pglite ? 1 : Math.max(1, options.concurrency ?? 2),
      shutdownTimeoutMs: options.shutdownTimeoutMs ?? 8000,
      onError: options.onError,
    };
    this.#db = new TrackedJobDb(database);
    this.#boss = new PgBoss({
      db: this.#db as PgBoss.Db,
      schema: options.schema ?? 'pgboss',
      migrate: true,
      // Maintenance (expire timed-out jobs, archive, purge) is a few short statements; on PGlite they queue behind
      // app transactions on the one connection, so they run less often there.
      supervise: true,
      maintenanceIntervalSeconds: pglite ? 600 : 120,
      // No cron schedules yet: the timekeeper would add a poller and a clock-skew query for nothing.
      schedule: false,
      archiveCompletedAfterSeconds: 24 * 3600,
      deleteAfterDays: 14,
    });
    this.#boss.on('error', (err) => {
      if (!this.#stopping) this.#options.onError?.(err);
    });
  }

  get started(): boolean {
    return this.#started;
  }

  async define<T extends object>(def: QueueDefinition<T>): Promise<void> {
    this.#defs.set(def.name, def as unknown as QueueDefinition<object>);
    if (this.#started) await this.#install(def as unknown as QueueDefinition<object>);
  }

  async start(): Promise<void> {
    if (this.#started) return;
    await this.#boss.start();
    this.#started = true;
    for (const def of this.#defs.values()) await this.#install(def);
  }

  async #install(def: QueueDefinition<object>): Promise<void> {
    const queue: PgBoss.Queue = {
      name: def.name,
      retryLimit: def.retryLimit ?? 2,
      retryDelay: def.retryDelaySeconds ?? 5,
      expireInSeconds: def.expireInSeconds ?? 15 * 60,
    };
    await this.#boss.createQueue(def.name, queue);
    await this.#boss.updateQueue(def.name, queue);
    if (this.#options.work && !this.#workers.has(def.name)) {
      const ids: string[] = [];
      for (let i = 0; i < this.#options.concurrency; i++) {
        ids.push(
          await this.#boss.work<object>(
            def.name,
            { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: this.#options.pollingIntervalSeconds },
            async ([job]) => (job ? this.#run(def, job) : undefined),
          ),
        );
      }
      this.#workers.set(def.name, ids);
    }
    // Recovery is best effort: a failing sweep is reported but does not stop the app from starting.
    await def.onStart?.().catch((err: unknown) => this.#options.onError?.(err));
    if (def.onStart && def.repeatOnStartSeconds && this.#options.work) {
      const timer = setInterval(() => {
        if (this.#stopping) return;
        def.onStart!().catch((err: unknown) => this.#options.onError?.(err));
      }, def.repeatOnStartSeconds * 1000);
      timer.unref();
      this.#timers.push(timer);
    }
  }

  async #run(def: QueueDefinition<object>, job: PgBoss.JobWithMetadata<object>): Promise<unknown> {
    this.#running++;
    try {
      return await def.handler(job.data, { id: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit });
    } finally {
      this.#running--;
    }
  }

  async send<T extends object>(queue: string, data: T, options: { id?: string } = {}): Promise<string> {
    const id = await this.#boss.send(queue, data, options.id ? { id: options.id } : {});
    this.wake(queue);
    const result = id ?? options.id;
    if (!result) throw new Error(`job not enqueued on ${queue}`);
    return result;
  }

  wake(queue: string): void {
    for (const id of this.#workers.get(queue) ?? []) this.#boss.notifyWorker(id);
  }

  async status(queue: string, id: string): Promise<JobStatus | null> {
    const job = await this.#boss.getJobById<object>(queue, id, { includeArchive: true });
    return job ? { state: job.state, output: job.output } : null;
  }

  async waitFor(queue: string, id: string, options: { timeoutMs?: number } = {}): Promise<JobStatus> {
    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    for (;;) {
      const s = await this.status(queue, id);
      if (s && FINAL.has(s.state)) return s;
      if (Date.now() > deadline) throw new Error(`job ${queue}/${id} still ${s?.state ?? 'missing'} after timeout`);
      await sleep(20);
    }
  }

  /**
   * Graceful: workers stop fetching, running jobs get up to shutdownTimeoutMs to finish (pg-boss then fails them
   * and they are retried later), and we wait for the last statements pg-boss fires without awaiting (job
   * completion) before closing the adapter, so the database can be closed right after.
   */
  async stop(): Promise<void> {
    if (!this.#started || this.#stopping) return;
    this.#stopping = true;
    for (const t of this.#timers.splice(0)) clearInterval(t);
    const timeout = this.#options.shutdownTimeoutMs;
    await this.#boss.stop({ graceful: true, wait: true, close: false, timeout });
    const deadline = Date.now() + timeout;
    // A fetch in flight when stop() began may still hand over a job; let it finish and be marked complete.
    while ((this.#running > 0 || this.#db.inFlight > 0) && Date.now() < deadline) await sleep(10);
    this.#db.close();
    this.#started = false;
  }
}

export function createJobs(database: Database, options: JobsOptions = {}): Jobs {
  return new JobRunner(database, options);
}
