import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every setting of the server, parsed once at boot. A bad value stops the process with a message naming it. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Attachment bytes (photos, evidence, materials); default <DATA_DIR>/files. */
  FILES_DIR: z.string().min(1).optional(),
  /** Where attachment bytes go: the disk (FILES_DIR) or an S3-compatible object store (S3_* below). */
  FILES_STORAGE: z.enum(['disk', 's3']).default('disk'),
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_PREFIX: z.string().default(''),
  /** Path-style URLs (endpoint/bucket/key; MinIO and most S3-compatible servers) or virtual-hosted (bucket.endpoint). */
  S3_PATH_STYLE: bool.default(true),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * Run parameterised statements as named server-side prepared statements (platform/db/prepared.ts). Turn off behind
   * a pooler that cannot carry them (PgBouncer in transaction mode before 1.21).
   */
  DB_PREPARED_STATEMENTS: bool.default(true),
  /** PostgreSQL plan_cache_mode for the app's connections; unset keeps the server's setting (auto). */
  DB_PLAN_CACHE_MODE: z.enum(['auto', 'force_custom_plan', 'force_generic_plan']).optional(),
  /**
   * How responses are written (platform/http/serializer.ts): `fast` (fast-json-stringify from the route's schema) or
   * `checked` (zod checks every response and the fast output is compared with it). Default: fast in production,
   * checked otherwise (tests, development).
   */
  RESPONSE_SERIALIZER: z.enum(['fast', 'checked']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool.default(false),
  /**
   * Public address of the web app (e.g. https://zone.example.gov.cn), used in links printed on paper such as the
   * enterprise code's QR; when unset, the address the request came in on.
   */
  PUBLIC_BASE_URL: z
    .url()
    .regex(/^https?:\/\//, 'must start with http:// or https://')
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(480),
  /** Seconds a resolved session is kept in the app server's memory (0: look it up on every request). */
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  ARGON2_MEMORY_KIB: z.coerce.number().int().min(1024).max(1048576).default(19456),
  ARGON2_TIME_COST: z.coerce.number().int().min(1).max(10).default(2),
  DEMO_SEED: bool.default(true),
  WEB_DIST: z.string().default('./dist/web'),
  /** pg-boss schema (background jobs live in the database, so every app server sees the same queues). */
  JOBS_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,49}$/, 'must be a lower-case SQL identifier')
    .default('pgboss'),
  /** Work background jobs on this server (false: only enqueue them, e.g. a web-only node). */
  JOBS_WORKER: bool.default(true),
  /** How often idle workers poll for jobs enqueued by other servers. */
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  /**
   * Seconds between planner-statistics sweeps (ANALYZE of tables that grew), on databases no autovacuum looks after:
   * PGlite, or PostgreSQL with autovacuum off. 0 turns the sweep off. Default 60, and 0 in tests.
   */
  DB_STATISTICS_SECONDS: z.coerce.number().int().min(0).max(86_400).optional(),
});
export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema
    .superRefine((v, ctx) => {
      if (v.FILES_STORAGE !== 's3') return;
      for (const name of ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
        if (!v[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'required when FILES_STORAGE=s3' });
      }
    })
    .safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid configuration (environment variables):\n${lines.join('\n')}`);
  }
  return parsed.data;
}
