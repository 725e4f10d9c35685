/**
 * PostgreSQL stopped and restarted under load: the server answers 503 quickly during the outage and recovers by
 * itself, without a restart.
 *
 *   npm run bench -- pg-outage            # 8 s healthy, 10 s outage, up to 30 s recovery
 *
 * A throw-away PostgreSQL cluster is created for the run (initdb into a temp folder, port 5497 on 127.0.0.1, run as
 * the `postgres` user when started by root) so the shared server on 5432 is never stopped. The real app server
 * (`tsx server/main.ts`, demo zone) runs against it while 8 clients read the enterprise list and 2 write enterprises.
 * Checks (exit 1 when one fails):
 *   - before the outage every request succeeds;
 *   - during the outage: only 503 (DB_UNAVAILABLE) or connection-level answers from the app, no 500, p99 < 1 s,
 *     /api/health says 503;
 *   - after PostgreSQL is back: requests succeed again within 15 s, the app process never exited;
 *   - no write answered 200 is missing after recovery.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { guard, Harness, kill9, percentile, type Session } from './harness.helper';

const PG_PORT = Number(process.env.OUTAGE_PG_PORT ?? 5497);
const h = new Harness(Number(process.env.OUTAGE_PORT ?? 3292));

function pgBin(name: string): string {
  const versions = readdirSync('/usr/lib/postgresql').sort();
  const bin = join('/usr/lib/postgresql', versions.at(-1)!, 'bin', name);
  if (!existsSync(bin)) throw new Error(`${bin} not found (install postgresql)`);
  return bin;
}

/**
 * Runs a PostgreSQL tool; as root it runs as the `postgres` user (initdb and postgres refuse root). Asynchronous, so
 * the load clients in this process keep running (and keep being timed) while pg_ctl waits.
 */
async function pgTool(name: string, args: string[]): Promise<void> {
  const cmd = [pgBin(name), ...args];
  if (process.getuid?.() === 0) {
    await promisify(execFile)('su', ['postgres', '-s', '/bin/sh', '-c', cmd.map((a) => `'${a}'`).join(' ')]);
  } else {
    await promisify(execFile)(cmd[0]!, cmd.slice(1));
  }
}

interface Sample {
  phase: 'before' | 'outage' | 'after';
  status: number; // 0 = connection error
  ms: number;
  at: number;
}

export default async function main(): Promise<number> {
  guard('pg-outage', 6);
  const dir = mkdtempSync(join(tmpdir(), 'zoneos-outage-'));
  const pgData = join(dir, 'pg');
  if (process.getuid?.() === 0) {
    chmodSync(dir, 0o755);
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  await pgTool('initdb', ['-D', pgData, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const pgStart = () =>
    pgTool('pg_ctl', [
      '-D',
      pgData,
      '-o',
      `-p ${PG_PORT} -k ${dir} -c listen_addresses=127.0.0.1`,
      '-l',
      join(dir, 'pg.log'),
      '-w',
      'start',
    ]);
  const pgStop = () => pgTool('pg_ctl', ['-D', pgData, '-m', 'fast', '-w', 'stop']);
  await pgStart();
  console.log(`scratch PostgreSQL on 127.0.0.1:${PG_PORT} (${pgData})`);

  const server = h.start({
    DATABASE_URL: `postgres://postgres@127.0.0.1:${PG_PORT}/postgres`,
    DATA_DIR: join(dir, 'data'),
    FILES_DIR: join(dir, 'files'),
  });
  let exited = false;
  server.once('exit', () => {
    exited = true;
  });
  try {
    await h.waitHealthy();
    const s: Session = await h.login('leader');
    let phase: Sample['phase'] = 'before';
    const samples: Sample[] = [];
    const acknowledged: string[] = [];
    let stop = false;
    const timed = async (fn: () => Promise<Response>): Promise<number> => {
      const t0 = performance.now();
      let status = 0;
      try {
        const res = await fn();
        status = res.status;
        await res.arrayBuffer();
      } catch {
        status = 0;
      }
      samples.push({ phase, status, ms: performance.now() - t0, at: Date.now() });
      return status;
    };
    const reader = async () => {
      while (!stop) {
        await timed(() => fetch(`${h.base}/api/enterprises?pageSize=20&sort=name`, { headers: h.headers(s) }));
      }
    };
    const writer = async (w: number) => {
      while (!stop) {
        const code = h.creditCode(w + 1);
        const status = await timed(() =>
          fetch(`${h.base}/api/enterprises`, {
            method: 'POST',
            headers: h.headers(s, { 'content-type': 'application/json' }),
            body: JSON.stringify({
              creditCode: code,
              name: `断库测试企业${code.slice(-6)}有限公司`,
              industryCode: '382',
              scale: 'below',
              tags: [],
            }),
          }),
        );
        if (status === 200) acknowledged.push(code);
        if (status !== 200) await new Promise((r) => setTimeout(r, 50));
      }
    };
    const load = [...Array.from({ length: 8 }, () => reader()), writer(0), writer(1)];

    await new Promise((r) => setTimeout(r, 8000));
    phase = 'outage';
    const stoppedAt = Date.now();
    await pgStop();
    console.log(`PostgreSQL stopped (${Date.now() - stoppedAt} ms)`);
    await new Promise((r) => setTimeout(r, 2000));
    const health = await fetch(`${h.base}/api/health`).catch(() => undefined);
    h.check(health?.status === 503, `/api/health answers 503 during the outage (${health?.status ?? 'no answer'})`);
    await new Promise((r) => setTimeout(r, 8000));
    phase = 'after';
    const restartedAt = Date.now();
    await pgStart();
    console.log('PostgreSQL started again');
    let recoveredAt = 0;
    while (Date.now() - restartedAt < 30_000) {
      const ok = samples.filter((x) => x.at > restartedAt && x.status === 200).length;
      if (ok >= 20) {
        recoveredAt = samples.find((x) => x.at > restartedAt && x.status === 200)!.at;
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 3000));
    stop = true;
    await Promise.all(load);

    const by = (p: Sample['phase']) => samples.filter((x) => x.phase === p);
    const count = (xs: Sample[]) =>
      Object.entries(
        xs.reduce<Record<string, number>>((m, x) => {
          m[x.status] = (m[x.status] ?? 0) + 1;
          return m;
        }, {}),
      )
        .map(([k, v]) => `${k === '0' ? 'conn-error' : k}×${v}`)
        .join(' ');
    const before = by('before');
    // Requests already in flight when PostgreSQL stopped may still complete; judge the outage after 1 s.
    const outage = by('outage').filter((x) => x.at > stoppedAt + 1000);
    const after = by('after').filter((x) => recoveredAt && x.at >= recoveredAt + 1000);
    console.log(
      `before : ${before.length} requests, ${count(before)}, p99 ${percentile(
        before.map((x) => x.ms),
        99,
      ).toFixed(0)} ms`,
    );
    console.log(
      `outage : ${outage.length} requests, ${count(outage)}, p99 ${percentile(
        outage.map((x) => x.ms),
        99,
      ).toFixed(0)} ms`,
    );
    console.log(
      `after  : ${after.length} requests, ${count(after)}, recovered ${recoveredAt ? `${recoveredAt - restartedAt} ms` : 'never'} after restart`,
    );

    h.check(before.length > 0 && before.every((x) => x.status === 200), 'every request succeeds before the outage');
    h.check(
      outage.length > 0 && outage.every((x) => x.status === 503 || x.status === 200),
      'during the outage every request is answered 503 or, if PostgreSQL still took it, 200 (no 500, no dropped connection)',
    );
    h.check(
      percentile(
        outage.map((x) => x.ms),
        99,
      ) < 1000,
      'outage answers come quickly (p99 < 1 s)',
    );
    h.check(recoveredAt > 0 && recoveredAt - restartedAt < 15_000, 'requests succeed again within 15 s of the restart');
    h.check(after.length > 0 && after.every((x) => x.status === 200), 'every request succeeds once recovered');
    h.check(!exited, 'the app server never exited');

    const missing: string[] = [];
    for (const code of acknowledged) {
      const res = await fetch(`${h.base}/api/enterprises?q=${code}&pageSize=5`, { headers: h.headers(s) });
      const body = (await res.json()) as { data: { creditCode: string }[] };
      if (!body.data.some((e) => e.creditCode === code)) missing.push(code);
    }
    h.check(
      missing.length === 0,
      `all ${acknowledged.length} acknowledged writes are present (missing ${missing.length})`,
    );
  } finally {
    await kill9(server);
    try {
      await pgStop();
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(h.failed ? `\n${h.failed} check(s) failed` : '\nall checks passed');
  return h.failed ? 1 : 0;
}
