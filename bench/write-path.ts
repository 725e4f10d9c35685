/**
 * Write path: demand creation and approval-case creation through the real app (validation, transaction, audit
 * entry with hash chain, child rows, working-day clock) against a bare INSERT of the same main row.
 *
 *   npm run bench -- write-path              # PostgreSQL (database zoneos_write, recreated) and PGlite
 *   npm run bench -- write-path postgres|pglite
 *
 * The app runs as its own process (`tsx server/main.ts`, demo zone); the enterprise demo user creates demands and
 * one-item applications with autocannon, 10 connections × 10 s each. The baseline (bench/write-path.server.ts) is a
 * bare Fastify route doing one INSERT … SELECT of a template row into the same table on the same database. Prints
 * requests/s and p99 of both and the ratio. Loopback only; bounded; exits by itself.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { ensureDatabase } from './ensure-db.helper';
import { guard, Harness, kill9 } from './harness.helper';

const PG_URL = process.env.WRITE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/zoneos_write';
const h = new Harness(Number(process.env.WRITE_PORT ?? 3294));
const CONNECTIONS = 10;
const DURATION_S = 10;

interface Figure {
  rps: number;
  p99: number;
  non2xx: number;
  /** Server process CPU (user + sys) per request, µs; null where /proc is not there. */
  cpuUs: number | null;
}

/** User + system CPU of a process so far, in ms (Linux /proc; clock ticks of 10 ms). */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

async function load(url: string, body: string, headers: Record<string, string>, pid?: number): Promise<Figure> {
  const before = cpuMs(pid);
  const r = await autocannon({ url, method: 'POST', body, headers, connections: CONNECTIONS, duration: DURATION_S });
  const after = cpuMs(pid);
  const cpuUs = before === null || after === null ? null : ((after - before) * 1000) / Math.max(1, r.requests.total);
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx + r.errors + r.timeouts, cpuUs };
}

function startBare(args: string[]): Promise<{ child: ChildProcess; port: number }> {
  const file = fileURLToPath(new URL('./write-path.server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bare server did not start within 180 s')), 180_000);
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^READY (\d+)$/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    });
  });
}

async function run(engine: 'postgres' | 'pglite'): Promise<void> {
  console.log(`\n== ${engine} ==`);
  const dir = mkdtempSync(join(tmpdir(), 'zoneos-write-'));
  let env: Record<string, string> = { DATABASE_URL: '', DATA_DIR: dir };
  if (engine === 'postgres') {
    await ensureDatabase(PG_URL);
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query('drop schema if exists public cascade; create schema public; drop schema if exists pgboss cascade');
    await c.end();
    env = { DATABASE_URL: PG_URL, DATA_DIR: dir, FILES_DIR: join(dir, 'files') };
  }
  const server = h.start({ ...env, SESSION_CACHE_SECONDS: '5' });
  let bare: ChildProcess | undefined;
  try {
    await h.waitHealthy();
    const s = await h.login('enterprise');
    const headers = h.headers(s, { 'content-type': 'application/json' });
    const session = (await (await fetch(`${h.base}/api/auth/session`, { headers })).json()) as {
      user: { enterpriseId: string };
    };
    const enterpriseId = session.user.enterpriseId;
    const items = (await (await fetch(`${h.base}/api/approval/items?pageSize=50`, { headers })).json()) as {
      data: { id: string; online?: boolean; status?: string }[];
    };
    const demandBody = JSON.stringify({
      enterpriseId,
      title: '压测诉求：厂区道路照明',
      content: '园区三号路夜间照明不足，影响夜班通勤，请协调路灯安装。',
      tags: ['infrastructure'],
    });
    // The first item the enterprise may apply for online (some need a bundle or are window-only).
    let caseBody = '';
    let firstCase = '';
    for (const item of items.data) {
      const body = JSON.stringify({ itemIds: [item.id], enterpriseId, projectName: '压测项目', submit: true });
      const res = await fetch(`${h.base}/api/approval/cases`, { method: 'POST', headers, body });
      if (res.ok) {
        caseBody = body;
        firstCase = ((await res.json()) as { id: string }).id;
        break;
      }
      await res.arrayBuffer();
    }
    if (!caseBody) throw new Error('no approval item accepted an online application from the demo enterprise');
    const d = await fetch(`${h.base}/api/services/demands`, { method: 'POST', headers, body: demandBody });
    if (!d.ok) throw new Error(`demand create: ${d.status} ${await d.text()}`);
    const firstDemand = ((await d.json()) as { id: string }).id;

    const appDemand = await load(`${h.base}/api/services/demands`, demandBody, headers, server.pid);
    const appCase = await load(`${h.base}/api/approval/cases`, caseBody, headers, server.pid);

    let target = PG_URL;
    if (engine === 'pglite') {
      await kill9(server); // PGlite is single-process: the bare baseline opens the same folder after the app
      target = dir;
    }
    const b = await startBare([engine, target, firstDemand, firstCase]);
    bare = b.child;
    const json = { 'content-type': 'application/json' };
    const bareDemand = await load(`http://127.0.0.1:${b.port}/demand`, '{}', json, b.child.pid);
    const bareCase = await load(`http://127.0.0.1:${b.port}/case`, '{}', json, b.child.pid);
    const cpu = (f: Figure) => (f.cpuUs === null ? '' : `, ${f.cpuUs.toFixed(0)} µs CPU/req`);
    const line = (what: string, app: Figure, base: Figure) =>
      console.log(
        `${what.padEnd(16)} app ${app.rps.toFixed(0).padStart(5)} req/s p99 ${String(app.p99).padStart(4)} ms (non-2xx ${app.non2xx}${cpu(app)}) | bare insert ${base.rps.toFixed(0).padStart(5)} req/s p99 ${String(base.p99).padStart(4)} ms${cpu(base)} | app/bare ${((100 * app.rps) / base.rps).toFixed(0)}%`,
      );
    line('create demand', appDemand, bareDemand);
    line('create case', appCase, bareCase);
    h.check(appDemand.non2xx === 0 && appCase.non2xx === 0, 'every app write answered 2xx');
  } finally {
    if (bare) {
      bare.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      await kill9(bare);
    }
    await kill9(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function main(args: string[]): Promise<number> {
  guard('write-path', 10);
  const engines: ('postgres' | 'pglite')[] =
    args[0] === 'pglite' || args[0] === 'postgres' ? [args[0]] : ['postgres', 'pglite'];
  for (const e of engines) await run(e);
  console.log(h.failed ? `\n${h.failed} check(s) failed` : '\nall checks passed');
  return h.failed ? 1 : 0;
}
