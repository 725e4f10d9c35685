/**
 * Directus (the open-source data platform) as a peer for the list benchmarks: installed from npm into a scratch folder
 * outside the project (reused by later runs), bootstrapped on the benchmark database (it adds its directus_* tables
 * there and serves the existing tables as collections, relations taken from their foreign keys), started as its own
 * process on loopback, queried as its admin through a static token.
 *
 * Directus 10.10.0, the newest line that runs on Node 20 and resolves on this registry (11 needs Node 22; 12's
 * @directus/app is missing here). Installed with --ignore-scripts: its one native build, isolated-vm (the sandbox of
 * the "Run Script" flow operation), would compile for many minutes on 2 cores and is replaced by a stub that throws
 * when used; nothing on the read path (REST items, filters, sort, relational fields, counts) touches it.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const DIRECTUS_VERSION = '10.10.0';
export const DIRECTUS_TOKEN = 'zoneos-bench-directus-token';
// Directus validates the address (a `.local` one is refused by its bootstrap since its validator's TLD list).
const ADMIN_EMAIL = 'bench@zoneos.example.com';

const ISOLATED_VM_STUB = `// ZoneOS bench: isolated-vm is not compiled (see bench/directus.helper.ts); using it throws.
class Unavailable { constructor() { throw new Error('isolated-vm is not built in this benchmark install'); } }
module.exports = { Isolate: Unavailable, Context: Unavailable, Reference: Unavailable, ExternalCopy: Unavailable,
  Callback: Unavailable, Script: Unavailable, Module: Unavailable };
`;

/** The scratch install, made on first use (≈ 2 minutes, npm registry). */
export function ensureDirectus(): string {
  const dir = process.env.BENCH_DIRECTUS_DIR ?? join(tmpdir(), `zoneos-directus-${DIRECTUS_VERSION}`);
  const cli = join(dir, 'node_modules', 'directus', 'cli.js');
  if (!existsSync(cli)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'zoneos-directus-bench', private: true }));
    console.log(`installing directus@${DIRECTUS_VERSION} into ${dir} (first run only)…`);
    const r = spawnSync(
      'npm',
      ['install', `directus@${DIRECTUS_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
      { cwd: dir, stdio: 'inherit' },
    );
    if (r.status !== 0 || !existsSync(cli)) throw new Error(`npm install directus@${DIRECTUS_VERSION} failed`);
  }
  writeFileSync(join(dir, 'node_modules', 'isolated-vm', 'isolated-vm.js'), ISOLATED_VM_STUB);
  return dir;
}

function envFor(dbUrl: string, port: number, dir: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DB_CLIENT: 'pg',
    DB_CONNECTION_STRING: dbUrl,
    DB_POOL__MIN: '0',
    DB_POOL__MAX: '10', // as the app's pool
    KEY: 'zoneos-bench-key',
    SECRET: 'zoneos-bench-secret',
    ADMIN_EMAIL,
    ADMIN_PASSWORD: 'Zoneos-bench-2026',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'error',
    TELEMETRY: 'false',
    CACHE_ENABLED: 'false', // both sides answer from the database on every request
    RATE_LIMITER_ENABLED: 'false',
    STORAGE_LOCAL_ROOT: join(dir, 'uploads'),
    EXTENSIONS_PATH: join(dir, 'extensions'),
    NODE_ENV: 'production',
  };
}

/** Bootstraps Directus on the database (idempotent), gives its admin a static token, starts it; resolves when healthy. */
export async function startDirectus(dir: string, dbUrl: string, port: number): Promise<ChildProcess> {
  const env = envFor(dbUrl, port, dir);
  mkdirSync(join(dir, 'uploads'), { recursive: true });
  mkdirSync(join(dir, 'extensions'), { recursive: true });
  const cli = join(dir, 'node_modules', 'directus', 'cli.js');
  const boot = spawnSync(process.execPath, [cli, 'bootstrap'], { cwd: dir, env, encoding: 'utf8' });
  if (boot.status !== 0) throw new Error(`directus bootstrap failed: ${boot.stderr || boot.stdout}`);
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    // The bootstrap's own admin needs argon2's native build (skipped with the install scripts), so the admin is made
    // here: a user of the admin role with a static token (the read path never hashes a password).
    await client.query(
      `insert into directus_users (id, email, status, role, token)
       select gen_random_uuid(), $2, 'active', id, $1 from directus_roles where admin_access order by name limit 1
       on conflict (email) do update set token = excluded.token, status = 'active', role = excluded.role`,
      [DIRECTUS_TOKEN, ADMIN_EMAIL],
    );
  } finally {
    await client.end();
  }
  const child = spawn(process.execPath, [cli, 'start'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`directus exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/server/health`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGKILL');
  throw new Error('directus did not become healthy within 120 s');
}
