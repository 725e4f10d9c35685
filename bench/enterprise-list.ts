/**
 * Enterprise list under load, on PostgreSQL at province scale (135 zones, ≥ 200,000 enterprises).
 *
 *   BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/zoneos_bench) — seeded with
 *   `seed --scale province` first when it holds fewer than 200,000 enterprises.
 *
 * Starts the real app (child process, logged in through the API as a zone leader of the largest zone) and a bare
 * Fastify + pg route running the same SQL (child process too), then autocannon — 50 connections, 10 s each —
 * against a filtered, paged list: scale=above & subParkId=… & sortField=name & pageSize=20 & current=3.
 * Prints requests/s and p99 of both and the ratio. Target: app p99 < 50 ms. Loopback only; exits by itself.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { count, sql } from 'drizzle-orm';
import { users } from '../server/domains/auth/auth.tables';
import { enterprises } from '../server/domains/enterprises/enterprises.tables';
import { hashPassword } from '../server/platform/auth/password';
import { openDatabase, rows } from '../server/platform/db';
import { migrate } from '../server/platform/db/migrate';
import { PROVINCE_MIN_ENTERPRISES, seedProvince } from '../server/seed/province';
import { ensureDatabase } from './ensure-db.helper';

const URL_DEFAULT = 'postgres://postgres@127.0.0.1:5432/zoneos_bench';
const CONNECTIONS = 50;
const DURATION_S = 10;
const USER = 'bench.leader';
const PASSWORD = 'Bench-password-2026';
const TARGET_P99_MS = 50;

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** One connection, one request at a time: the per-request cost without queueing. */
  serialP50: number;
  serialP99: number;
}

function startChild(mode: 'app' | 'bare', url: string): Promise<{ child: ChildProcess; port: number }> {
  const file = fileURLToPath(new URL('./enterprise-list.server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', file, mode, url], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${mode} server did not start within 60 s`)), 60_000);
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^READY (\d+)$/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function load(url: string, headers: Record<string, string>): Promise<Figures> {
  // Warm-up (connections, JIT, plan cache) so both sides are measured hot.
  await autocannon({ url, connections: 10, duration: 2, headers });
  const serial = await autocannon({ url, connections: 1, duration: 4, headers });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx + serial.non2xx,
    errors: r.errors + r.timeouts + serial.errors + serial.timeouts,
    serialP50: serial.latency.p50,
    serialP99: serial.latency.p99,
  };
}

export default async function run(): Promise<number> {
  const url = process.env.BENCH_DATABASE_URL ?? URL_DEFAULT;
  const guard = setTimeout(() => {
    console.error('benchmark exceeded 15 minutes; giving up');
    process.exit(1);
  }, 15 * 60_000);
  guard.unref();

  await ensureDatabase(url);
  const database = await openDatabase({ url, poolSize: 4 });
  let zoneId: string;
  let subParkId: string;
  let total: number;
  try {
    await migrate(database.db);
    const [{ n } = { n: 0 }] = await database.db.select({ n: count() }).from(enterprises);
    if (n < PROVINCE_MIN_ENTERPRISES) {
      console.log(`${n} enterprises in ${url.replace(/\/\/[^@]*@/, '//')}: seeding the province first…`);
      const res = await seedProvince(database.db, { log: (l) => console.log(l) });
      console.log(`seeded ${res.enterprisesAdded} enterprises in ${(res.ms / 1000).toFixed(1)} s`);
    }
    [{ n: total } = { n: 0 }] = await database.db.select({ n: count() }).from(enterprises);
    // The zone and sub-park with the most 规上 enterprises, so page 3 of 20 is a full page.
    const [pick] = await rows<{ zone_id: string; sub_park_id: string; n: number }>(
      database.db,
      sql`select zone_id, sub_park_id, count(*)::int as n from enterprises
          where scale = 'above' and sub_park_id is not null group by 1, 2 order by 3 desc, 1, 2 limit 1`,
    );
    if (!pick) throw new Error('no enterprises to list');
    zoneId = pick.zone_id;
    subParkId = pick.sub_park_id;
    const [zoneSize] = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from enterprises where zone_id = ${zoneId}`,
    );
    console.log(
      `data: ${total} enterprises; zone ${zoneId} has ${zoneSize?.n}; the filtered list (sub-park, 规上) has ${pick.n} rows`,
    );
    const passwordHash = await hashPassword(PASSWORD);
    await database.db
      .insert(users)
      .values({ username: USER, displayName: 'Benchmark leader', role: 'zone_leader', passwordHash, zoneId })
      .onConflictDoUpdate({
        target: users.username,
        set: { zoneId, passwordHash, disabled: false, role: 'zone_leader' },
      });
  } finally {
    await database.close();
  }

  const query = `scale=above&subParkId=${subParkId}&sortField=name&sortOrder=ascend&pageSize=20&current=3`;
  const results: { app?: Figures; bare?: Figures } = {};

  const bare = await startChild('bare', url);
  try {
    const target = `http://127.0.0.1:${bare.port}/list?${query}&zoneId=${zoneId}`;
    const probe = (await (await fetch(target)).json()) as { data: unknown[]; total: number };
    console.log(`bare: page has ${probe.data.length} rows of ${probe.total}`);
    results.bare = await load(target, {});
  } finally {
    await stopChild(bare.child);
  }

  const app = await startChild('app', url);
  try {
    const base = `http://127.0.0.1:${app.port}`;
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: USER, password: PASSWORD }),
    });
    if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const headers = { cookie };
    const target = `${base}/api/enterprises?${query}`;
    const probe = await fetch(target, { headers });
    const page = (await probe.json()) as { data: unknown[]; total: number };
    if (!probe.ok) throw new Error(`app list failed: ${probe.status} ${JSON.stringify(page)}`);
    console.log(`app:  page has ${page.data.length} rows of ${page.total}`);
    results.app = await load(target, headers);
  } finally {
    await stopChild(app.child);
  }

  const a = results.app!;
  const b = results.bare!;
  const row = (name: string, f: Figures) =>
    `${name.padEnd(22)} ${f.rps.toFixed(0).padStart(8)} ${f.p50.toFixed(1).padStart(9)} ${f.p99.toFixed(1).padStart(9)} ${f.serialP50.toFixed(1).padStart(12)} ${f.serialP99.toFixed(1).padStart(12)} ${String(f.non2xx + f.errors).padStart(8)}`;
  console.log(`\nenterprise list, ${CONNECTIONS} connections × ${DURATION_S} s, GET …?${query}`);
  console.log(
    `${''.padEnd(22)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'1-conn p50'.padStart(12)} ${'1-conn p99'.padStart(12)} ${'failed'.padStart(8)}`,
  );
  console.log(row('bare Fastify + pg', b));
  console.log(row('ZoneOS app', a));
  console.log(
    `app / bare: ${((a.rps / b.rps) * 100).toFixed(0)}% of the throughput, p99 ×${(a.p99 / Math.max(b.p99, 0.1)).toFixed(2)}`,
  );
  console.log(
    `load average after the run: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} on ${cpus().length} CPUs`,
  );
  const ok = a.p99 < TARGET_P99_MS && a.non2xx + a.errors === 0;
  console.log(`target app p99 < ${TARGET_P99_MS} ms: ${ok ? 'met' : 'NOT met'}`);
  return ok ? 0 : 1;
}
