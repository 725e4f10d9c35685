/**
 * Durability under kill -9, on the embedded PGlite database and on PostgreSQL.
 *
 *   npm run bench -- crash-recovery                 # both engines
 *   npm run bench -- crash-recovery pglite|postgres # one of them
 *
 * For each engine: start the real server (`tsx server/main.ts`, demo zone seeded), sign in, then
 *   1. write load: 8 concurrent writers create enterprises for ~6 s; SIGKILL the server mid-load;
 *   2. restart it on the same data; every enterprise whose create was acknowledged (HTTP 200) must be there, and the
 *      audit hash chain must verify;
 *   3. an import of 3,000 rows is uploaded and the server is SIGKILLed while the job runs; after the restart the job
 *      finishes (pg-boss retry or the stale-job sweep) or is refused, and its rows are present all or none.
 * Loopback only (127.0.0.1, a scratch PostgreSQL database `zoneos_crash` recreated per run, a temp PGlite folder);
 * bounded (each phase has a timeout); exits non-zero when a check fails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { ensureDatabase } from './ensure-db.helper';
import { guard, Harness, kill9 } from './harness.helper';

const PG_URL = process.env.CRASH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/zoneos_crash';
const h = new Harness(Number(process.env.CRASH_PORT ?? 3291));
const BASE = h.base;
const check = h.check.bind(h);
const start = (env: Record<string, string>) => h.start(env);
const waitHealthy = () => h.waitHealthy();
const login = (u: string) => h.login(u);
const headers = h.headers.bind(h);
const creditCode = h.creditCode.bind(h);
type Session = Awaited<ReturnType<typeof login>>;

async function exists(s: Session, code: string): Promise<boolean> {
  const res = await fetch(`${BASE}/api/enterprises?q=${code}&pageSize=5`, { headers: headers(s) });
  if (!res.ok) throw new Error(`list: ${res.status}`);
  return ((await res.json()).data as { creditCode: string }[]).some((e) => e.creditCode === code);
}

async function importFile(codes: string[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk, _e, cb) {
      chunks.push(chunk as Buffer);
      cb();
    },
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink });
  const ws = wb.addWorksheet('企业');
  ws.addRow(['统一社会信用代码', '企业名称', '行业代码', '规模']).commit();
  for (const [i, c] of codes.entries()) {
    ws.addRow([c, `崩溃恢复测试企业${i}有限公司`, '382', i % 2 ? '规上' : '规下']).commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

async function run(engine: 'pglite' | 'postgres'): Promise<void> {
  console.log(`\n== ${engine} ==`);
  const dataDir = mkdtempSync(join(tmpdir(), 'zoneos-crash-'));
  let env: Record<string, string>;
  if (engine === 'postgres') {
    await ensureDatabase(PG_URL);
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query('drop schema if exists public cascade; create schema public; drop schema if exists pgboss cascade');
    await c.end();
    env = { DATABASE_URL: PG_URL, DATA_DIR: dataDir, FILES_DIR: join(dataDir, 'files') };
  } else {
    env = { DATABASE_URL: '', DATA_DIR: dataDir };
  }

  // 1. Write load, then SIGKILL mid-load.
  let server = start(env);
  await waitHealthy();
  let s = await login('leader');
  const acknowledged: string[] = [];
  let attempted = 0;
  let stop = false;
  const writer = async (w: number) => {
    while (!stop) {
      const code = creditCode(w + 1);
      attempted++;
      try {
        const res = await fetch(`${BASE}/api/enterprises`, {
          method: 'POST',
          headers: headers(s, { 'content-type': 'application/json' }),
          body: JSON.stringify({
            creditCode: code,
            name: `崩溃测试企业${code.slice(-6)}有限公司`,
            industryCode: '382',
            scale: 'below',
            tags: [],
          }),
        });
        if (res.status === 200) acknowledged.push(code);
        else await res.body?.cancel();
      } catch {
        return; // the server died under us
      }
    }
  };
  const writers = Array.from({ length: 8 }, (_, w) => writer(w));
  await new Promise((r) => setTimeout(r, 6000));
  await kill9(server);
  stop = true;
  await Promise.all(writers);
  console.log(`${attempted} creates sent, ${acknowledged.length} acknowledged before SIGKILL`);

  // 2. Restart: every acknowledged write is there; the audit chain verifies.
  server = start(env);
  await waitHealthy();
  s = await login('leader');
  const missing: string[] = [];
  for (const code of acknowledged) if (!(await exists(s, code))) missing.push(code);
  check(
    acknowledged.length > 0 && missing.length === 0,
    `all ${acknowledged.length} acknowledged creates present after restart (missing: ${missing.length})`,
  );
  const auditor = await login('auditor');
  const verify = await fetch(`${BASE}/api/audit/verify`, { headers: headers(auditor) });
  const v = (await verify.json()) as { ok?: boolean; valid?: boolean };
  check(
    verify.ok && (v.ok ?? v.valid) !== false,
    `audit hash chain verifies after the crash (${JSON.stringify(v).slice(0, 120)})`,
  );

  // 3. SIGKILL during an import job: all rows or none, and the job does not stay stuck.
  const codes = Array.from({ length: 3000 }, () => creditCode(9));
  const file = await importFile(codes);
  const up = await fetch(`${BASE}/api/imports/enterprises?filename=crash.xlsx`, {
    method: 'POST',
    headers: headers(s, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    body: new Uint8Array(file),
  });
  check(up.status === 202, `import accepted (${up.status})`);
  const job = (await up.json()) as { id: string };
  // Kill as soon as the job is running (or after 3 s at most).
  const until = Date.now() + 3000;
  while (Date.now() < until) {
    const j = (await (await fetch(`${BASE}/api/imports/jobs/${job.id}`, { headers: headers(s) })).json()) as {
      status: string;
    };
    if (j.status !== 'queued') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await kill9(server);
  server = start(env);
  await waitHealthy();
  s = await login('leader');
  let status = 'queued';
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    const j = (await (await fetch(`${BASE}/api/imports/jobs/${job.id}`, { headers: headers(s) })).json()) as {
      status: string;
    };
    status = j.status;
    if (!['queued', 'running'].includes(status)) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  let present = 0;
  for (const code of [codes[0]!, codes[1499]!, codes[2999]!]) if (await exists(s, code)) present++;
  check(
    status !== 'queued' && status !== 'running',
    `the interrupted import finished after restart (status ${status})`,
  );
  check(
    (status === 'succeeded' && present === 3) || (status !== 'succeeded' && present === 0),
    `import rows all-or-none (${present}/3 sampled rows present, status ${status})`,
  );
  await kill9(server);
  rmSync(dataDir, { recursive: true, force: true });
}

export default async function main(args: string[]): Promise<number> {
  guard('crash-recovery', 15);
  const one = args[0] === 'pglite' || args[0] === 'postgres' ? args[0] : undefined;
  const engines: ('pglite' | 'postgres')[] = one ? [one] : ['pglite', 'postgres'];
  for (const e of engines) await run(e);
  console.log(h.failed ? `\n${h.failed} check(s) failed` : '\nall checks passed');
  return h.failed ? 1 : 0;
}
