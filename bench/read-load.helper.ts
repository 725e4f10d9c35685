/**
 * Shared by the read benchmarks (bench/enterprise-list.ts): the app / bare child processes of
 * bench/enterprise-list.server.ts, the autocannon load with its figures, the probe that checks that every side serves
 * the same page, and the printed table.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon, { type Result as AutocannonResult } from 'autocannon';

export const CONNECTIONS = 50;
/** Rounds per side and seconds per round (bench/enterprise-list.ts prints medians of the rounds). */
export const ROUNDS = 3;
export const ROUND_S = 6;

export interface Figures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** One connection, one request at a time: the per-request cost without queueing. */
  serialP50: number;
  serialP99: number;
}

export function startChild(
  mode: 'app' | 'bare' | 'bare-prepared',
  url: string,
): Promise<{ child: ChildProcess; port: number }> {
  const file = fileURLToPath(new URL('./enterprise-list.server.ts', import.meta.url));
  // BENCH_CPU_PROF=<dir>: the app writes a V8 CPU profile there on exit (open it in Chrome DevTools).
  const prof =
    process.env.BENCH_CPU_PROF && mode === 'app' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', file, mode, url], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
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

export function stopChild(child: ChildProcess): Promise<void> {
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

/** Logs in through the app's API; the session cookie to send with every request. */
export async function login(base: string, username: string, password: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login of ${username} failed: ${res.status} ${await res.text()}`);
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]! };
}

/** One side of a comparison: where to send the endpoint's request, with which headers. */
export interface Target {
  side: string;
  url: string;
  headers: Record<string, string>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * Measures one endpoint on every side, interleaved so that a machine whose speed drifts during the run (other tenants,
 * a slow minute) weighs on every side alike: each side is warmed up (connections, JIT, plan cache) and timed alone on
 * one connection, then ROUNDS rounds of CONNECTIONS connections × ROUND_S seconds go through the sides in turn (the
 * order rotates each round). Requests/s and latencies are the medians of the rounds.
 */
export async function measureSides(targets: Target[]): Promise<Record<string, Figures>> {
  const serial = new Map<string, AutocannonResult>();
  for (const t of targets) {
    await autocannon({ url: t.url, connections: 10, duration: 2, headers: t.headers });
    serial.set(t.side, await autocannon({ url: t.url, connections: 1, duration: 3, headers: t.headers }));
  }
  const rounds = new Map<string, AutocannonResult[]>(targets.map((t) => [t.side, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < targets.length; i++) {
      const t = targets[(i + r) % targets.length]!;
      const res = await autocannon({ url: t.url, connections: CONNECTIONS, duration: ROUND_S, headers: t.headers });
      rounds.get(t.side)!.push(res);
    }
  }
  const out: Record<string, Figures> = {};
  for (const t of targets) {
    const rs = rounds.get(t.side)!;
    const one = serial.get(t.side)!;
    out[t.side] = {
      rps: median(rs.map((x) => x.requests.average)),
      p50: median(rs.map((x) => x.latency.p50)),
      p99: median(rs.map((x) => x.latency.p99)),
      non2xx: rs.reduce((a, x) => a + x.non2xx, one.non2xx),
      errors: rs.reduce((a, x) => a + x.errors + x.timeouts, one.errors + one.timeouts),
      serialP50: one.latency.p50,
      serialP99: one.latency.p99,
    };
  }
  return out;
}

/** What one side served for the probe: the ids of the page in order and the filtered total. */
export interface Page {
  ids: string[];
  total: number;
}

/**
 * One request before the load: prints the page size and total, and throws unless it is the same page (same rows in
 * the same order, same total) as the side probed first.
 */
export async function probe(
  label: string,
  url: string,
  headers: Record<string, string>,
  reference: Page | undefined,
): Promise<Page> {
  const res = await fetch(url, { headers });
  const body = (await res.json()) as { data: { id: string }[]; total?: number; meta?: { filter_count: number } };
  if (!res.ok) throw new Error(`${label} failed: ${res.status} ${JSON.stringify(body)}`);
  const page = { ids: body.data.map((r) => r.id), total: Number(body.total ?? body.meta?.filter_count) };
  console.log(`${label}: page has ${page.ids.length} rows of ${page.total}`);
  if (reference) {
    if (page.ids.length !== reference.ids.length || page.total !== reference.total) {
      throw new Error(
        `${label} serves ${page.ids.length} rows of ${page.total}, the first side ${reference.ids.length} of ${reference.total}`,
      );
    }
    const at = page.ids.findIndex((id, i) => id !== reference.ids[i]);
    if (at >= 0) throw new Error(`${label}: row ${at + 1} of the page differs from the first side's`);
  }
  return page;
}

/** One request before the load of an endpoint that is not a list page (the cockpits): it must answer 200. */
export async function probeOk(label: string, url: string, headers: Record<string, string>): Promise<void> {
  const res = await fetch(url, { headers });
  const body = await res.text();
  if (!res.ok) throw new Error(`${label} failed: ${res.status} ${body.slice(0, 300)}`);
  console.log(`${label}: ${body.length} bytes`);
}

/** One table: requests/s, latencies and failures of each side measured, then the ratios of the sides present. */
export function printTable(
  title: string,
  sides: {
    bare?: Figures;
    barePrepared?: Figures;
    app?: Figures;
    directus?: Figures;
    directusName: string;
    bareName?: string;
  },
): void {
  const { bare: b, barePrepared: bp, app: a, directus: d } = sides;
  const row = (name: string, f: Figures) =>
    `${name.padEnd(22)} ${f.rps.toFixed(0).padStart(8)} ${f.p50.toFixed(1).padStart(9)} ${f.p99.toFixed(1).padStart(9)} ${f.serialP50.toFixed(1).padStart(12)} ${f.serialP99.toFixed(1).padStart(12)} ${String(f.non2xx + f.errors).padStart(8)}`;
  console.log(`\n${title}`);
  console.log(
    `${''.padEnd(22)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'1-conn p50'.padStart(12)} ${'1-conn p99'.padStart(12)} ${'failed'.padStart(8)}`,
  );
  if (b) console.log(row(sides.bareName ?? 'bare Fastify + pg', b));
  if (bp) console.log(row('bare, prepared stmts', bp));
  if (a) console.log(row('ZoneOS app', a));
  if (d) console.log(row(sides.directusName, d));
  if (!a) return;
  if (b)
    console.log(
      `app / bare: ${((a.rps / b.rps) * 100).toFixed(0)}% of the throughput, p99 ×${(a.p99 / Math.max(b.p99, 0.1)).toFixed(2)} (goal ≥ 70%)`,
    );
  if (bp)
    console.log(
      `app / bare with prepared statements: ${((a.rps / bp.rps) * 100).toFixed(0)}% of the throughput, p99 ×${(a.p99 / Math.max(bp.p99, 0.1)).toFixed(2)} (goal ≥ 70%)`,
    );
  if (d)
    console.log(
      `app / Directus: ${(a.rps / d.rps).toFixed(2)}× the throughput, p99 ${(d.p99 / Math.max(a.p99, 0.1)).toFixed(2)}× lower (goal ≥ 3×)`,
    );
}
