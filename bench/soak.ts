/**
 * Soak: steady mixed load on the real server for a while; no errors and memory growth under 10%.
 *
 *   npm run bench -- soak                  # 10 minutes on PostgreSQL (database zoneos_soak, recreated)
 *   npm run bench -- soak 2 pglite         # minutes, engine
 *   npm run bench -- soak 1                # the short version `npm test` runs: errors only
 *
 * 6 clients loop over the main read endpoints (enterprise list and detail, approval cases, key projects, demands,
 * investment projects, whistles) and 1 client creates an enterprise every 200 ms, so the audit chain, the session
 * cache and the pools all turn over. The server's resident memory (/proc/<pid>/status VmRSS) is sampled every
 * 5 s; after one minute of warm-up, the mean of the last minute must be within 10% of the mean of the first
 * minute after warm-up (judged on runs of 3 minutes or more; shorter runs check errors only). Loopback only; bounded;
 * exits non-zero when a check fails.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ensureDatabase } from './ensure-db.helper';
import { guard, Harness, kill9, percentile } from './harness.helper';

const PG_URL = process.env.SOAK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/zoneos_soak';
const h = new Harness(Number(process.env.SOAK_PORT ?? 3293));

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export default async function main(args: string[]): Promise<number> {
  const minutes = Number(args[0] ?? 10);
  const engine = args[1] === 'pglite' ? 'pglite' : 'postgres';
  if (!(minutes >= 1 && minutes <= 60)) throw new Error('minutes must be between 1 and 60');
  guard('soak', minutes + 6);
  const dir = mkdtempSync(join(tmpdir(), 'zoneos-soak-'));
  let env: Record<string, string> = { DATABASE_URL: '', DATA_DIR: dir };
  if (engine === 'postgres') {
    await ensureDatabase(PG_URL);
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query('drop schema if exists public cascade; create schema public; drop schema if exists pgboss cascade');
    await c.end();
    env = { DATABASE_URL: PG_URL, DATA_DIR: dir, FILES_DIR: join(dir, 'files') };
  }
  console.log(`soak: ${minutes} min on ${engine}`);
  const server = h.start(env);
  try {
    await h.waitHealthy();
    const s = await h.login('leader');
    const first = (await (await fetch(`${h.base}/api/enterprises?pageSize=50`, { headers: h.headers(s) })).json()) as {
      data: { id: string }[];
    };
    const ids = first.data.map((e) => e.id);
    const reads = [
      () => `/api/enterprises?pageSize=20&current=${1 + Math.floor(Math.random() * 20)}`,
      () =>
        `/api/enterprises?q=${encodeURIComponent(['科技', '新材料', '电子', 'hn'][Math.floor(Math.random() * 4)]!)}`,
      () => `/api/enterprises/${ids[Math.floor(Math.random() * ids.length)]}`,
      () => '/api/approval/cases?pageSize=20',
      () => '/api/projects/key?pageSize=20',
      () => '/api/services/demands?pageSize=20',
      () => '/api/investment/projects?pageSize=20',
      () => '/api/reform/whistles?pageSize=20',
    ];
    const latencies: number[] = [];
    const errors: string[] = [];
    let requests = 0;
    let stop = false;
    const call = async (path: string, init?: RequestInit) => {
      const t0 = performance.now();
      try {
        const res = await fetch(`${h.base}${path}`, { headers: h.headers(s), ...init });
        await res.arrayBuffer();
        if (!res.ok && errors.length < 20) errors.push(`${res.status} ${path}`);
        else if (!res.ok) errors.push('');
      } catch (e) {
        errors.push(`${(e as Error).message} ${path}`);
      }
      latencies.push(performance.now() - t0);
      requests++;
    };
    const reader = async () => {
      while (!stop) await call(reads[Math.floor(Math.random() * reads.length)]!());
    };
    const writer = async () => {
      while (!stop) {
        const code = h.creditCode(1);
        await call('/api/enterprises', {
          method: 'POST',
          headers: h.headers(s, { 'content-type': 'application/json' }),
          body: JSON.stringify({
            creditCode: code,
            name: `浸泡测试企业${code.slice(-6)}有限公司`,
            industryCode: '382',
            scale: 'below',
            tags: [],
          }),
        });
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const memory: { at: number; mib: number }[] = [];
    const t0 = Date.now();
    const sampler = setInterval(() => {
      memory.push({ at: Date.now() - t0, mib: rssMiB(server.pid!) });
    }, 5000);
    const load = [...Array.from({ length: 6 }, () => reader()), writer()];
    const progress = setInterval(() => {
      const last = memory.at(-1);
      console.log(
        `${((Date.now() - t0) / 60000).toFixed(1)} min: ${requests} requests, ${errors.length} errors, RSS ${last?.mib.toFixed(0) ?? '?'} MiB`,
      );
    }, 60_000);
    await new Promise((r) => setTimeout(r, minutes * 60_000));
    stop = true;
    await Promise.all(load);
    clearInterval(sampler);
    clearInterval(progress);

    const warm = memory.filter((m) => m.at >= 60_000 && m.at < 120_000).map((m) => m.mib);
    const last = memory.filter((m) => m.at >= (minutes - 1) * 60_000).map((m) => m.mib);
    const growth = (mean(last) / mean(warm) - 1) * 100;
    console.log(
      `${requests} requests in ${minutes} min (${(requests / (minutes * 60)).toFixed(0)} req/s), p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms`,
    );
    h.check(requests > 0, `the load ran (${requests} requests)`);
    h.check(
      errors.length === 0,
      `no errors (${errors.length}${errors.length ? `: ${errors.slice(0, 5).join('; ')}` : ''})`,
    );
    if (minutes >= 3) {
      console.log(
        `RSS after warm-up ${mean(warm).toFixed(0)} MiB, last minute ${mean(last).toFixed(0)} MiB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%), peak ${Math.max(...memory.map((m) => m.mib)).toFixed(0)} MiB`,
      );
      h.check(growth < 10, `memory growth under 10% (${growth.toFixed(1)}%)`);
    } else {
      console.log(
        `RSS ${memory.map((m) => m.mib.toFixed(0)).join(' → ')} MiB (growth is judged on runs of 3 minutes or more)`,
      );
    }
  } finally {
    await kill9(server);
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(h.failed ? `\n${h.failed} check(s) failed` : '\nall checks passed');
  return h.failed ? 1 : 0;
}
