/**
 * The main list endpoints under load, on PostgreSQL at province scale (135 zones, ≥ 200,000 enterprises, the approval
 * cases and investment pipeline of the province seed): enterprise list, approval case list, investment project list.
 *
 *   BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/zoneos_bench) — seeded with
 *   `seed --scale province` first when it holds fewer than 200,000 enterprises.
 *
 * Starts the real app (child process, logged in through the API as a zone leader), bare Fastify + pg routes running
 * the same SQL as the app's repositories (child processes too: unnamed statements, and the app's prepared-statement
 * client) and Directus, all at once, then measures each endpoint on every side in turn with autocannon: warm-up, one
 * connection alone, then 3 rounds × 6 s of 50 connections going through the sides in rotating order, medians printed
 * (a machine whose speed drifts during the run then weighs on every side alike). One filtered, paged query per list:
 *   enterprise list  GET /api/enterprises — scale=above & subParkId=… & sortField=name & pageSize=20 & current=3, as
 *                    the leader of the zone with the largest sub-park of 规上 enterprises;
 *   case list        GET /api/approval/cases — leadDepartmentId=… & sortField=submittedOn (descend) & page 2 of 20,
 *                    as the leader of the zone with the most cases, for its lead department with the most cases
 *                    (the app also computes every case's live clock and names its items);
 *   project list     GET /api/investment/projects — type=… & sortField=agreedInvestmentFen (descend) & page 2 of 20
 *                    (1 when the type has ≤ 20), same zone and leader, for its type with the most projects.
 *   zone cockpit     GET /api/cockpit/zone as that leader; province cockpit GET /api/cockpit/province?indicator=… as a
 *                    province viewer (PostgreSQL only). Not one list query: the bare route replays the statements one
 *                    app request sends, recorded on an in-process app (bench/replay.helper.ts); no Directus side.
 * Before loading a side, one probe checks it serves the same page (same rows in the same order, same total) as the
 * bare route; prints requests/s and p99 of each side and the ratios, one table per endpoint. Target: app p99 < 50 ms
 * on every list. Loopback only; exits by itself (under 3 minutes with Directus installed).
 * Then (b) Directus (bench/directus.helper.ts: npm package in a scratch folder, on the same database and tables) serving
 * the same lists — same filters, sort, page, joined names (not the cases' item names, held in a uuid[] column, nor the
 * projects' key project and pending move), filter count — under the same load.
 * BENCH_DIRECTUS=off skips it. BENCH_CPU_PROF=<dir> writes a CPU profile of the app process. BENCH_SIDES=app,directus
 * (any of bare, bare-prepared, app, directus) runs only those sides, for quick iterations; the tables need bare and app.
 *
 * `npm run bench -- enterprise-list pglite`: the same lists on the embedded engine (the default of `npm start`), in a
 * PGlite data directory (BENCH_PGLITE_DIR, default .tmp/bench-pglite) seeded with the same province on first use; the
 * baseline is bare Fastify sending the same SQL to the same in-process PGlite (no prepared-statement or Directus side).
 */
import type { ChildProcess } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { count, sql } from 'drizzle-orm';
import { users } from '../server/domains/auth/auth.tables';
import { enterprises } from '../server/domains/enterprises/enterprises.tables';
import { hashPassword } from '../server/platform/auth/password';
import { type Database, openDatabase, rows } from '../server/platform/db';
import { migrate } from '../server/platform/db/migrate';
import { PROVINCE_MIN_ENTERPRISES, seedProvince } from '../server/seed/province';
import { DIRECTUS_TOKEN, DIRECTUS_VERSION, ensureDirectus, startDirectus } from './directus.helper';
import { ensureDatabase } from './ensure-db.helper';
import {
  CONNECTIONS,
  type Figures,
  login,
  measureSides,
  type Page,
  printTable,
  probe,
  probeOk,
  ROUND_S,
  ROUNDS,
  startChild,
  stopChild,
  type Target,
} from './read-load.helper';
import { recordStatements } from './replay.helper';

const URL_DEFAULT = 'postgres://postgres@127.0.0.1:5432/zoneos_bench';
const USER = 'bench.leader';
/** Zone leader of the zone with the most approval cases (case and project lists). */
const BUSY_USER = 'bench.leader.busiest';
/** Province viewer of the province (province cockpit). */
const PROVINCE_USER = 'bench.province';
const PASSWORD = 'Bench-password-2026';
const TARGET_P99_MS = 50;

/** One list endpoint measured on the three sides: the path + query of each, and who the app serves it to. */
interface Endpoint {
  name: string;
  user: string;
  /** The app's path and query (the bare and Directus ones serve the same page). */
  app: string;
  bare: string;
  /** Absent where Directus has no equivalent (the cockpits). */
  directus?: string;
  /** A list page (probed row by row on every side) or a figures endpoint (the cockpits: bare replays its statements). */
  kind: 'list' | 'figures';
  reference?: Page;
  figures: { app?: Figures; bare?: Figures; barePrepared?: Figures; directus?: Figures };
}

async function ensureLeader(database: Database, username: string, zoneId: string, passwordHash: string) {
  await database.db
    .insert(users)
    .values({ username, displayName: 'Benchmark leader', role: 'zone_leader', passwordHash, zoneId })
    .onConflictDoUpdate({
      target: users.username,
      set: { zoneId, passwordHash, disabled: false, role: 'zone_leader' },
    });
}

/** Picks the data of the three queries (printing their sizes) and makes their zone leaders. */
async function prepare(url: string): Promise<Endpoint[]> {
  const dataDir = url.startsWith('pglite:') ? url.slice('pglite:'.length) : undefined;
  if (!dataDir) await ensureDatabase(url);
  const database = await openDatabase(dataDir ? { dataDir } : { url, poolSize: 4 });
  try {
    await migrate(database.db);
    const [{ n } = { n: 0 }] = await database.db.select({ n: count() }).from(enterprises);
    if (n < PROVINCE_MIN_ENTERPRISES) {
      console.log(`${n} enterprises in ${url.replace(/\/\/[^@]*@/, '//')}: seeding the province first…`);
      const res = await seedProvince(database.db, { log: (l) => console.log(l) });
      console.log(`seeded ${res.enterprisesAdded} enterprises in ${(res.ms / 1000).toFixed(1)} s`);
    }
    const [{ n: total } = { n: 0 }] = await database.db.select({ n: count() }).from(enterprises);
    // The zone and sub-park with the most 规上 enterprises, so page 3 of 20 is a full page.
    const [pick] = await rows<{ zone_id: string; sub_park_id: string; n: number }>(
      database.db,
      sql`select zone_id, sub_park_id, count(*)::int as n from enterprises
          where scale = 'above' and sub_park_id is not null group by 1, 2 order by 3 desc, 1, 2 limit 1`,
    );
    if (!pick) throw new Error('no enterprises to list');
    const zoneId = pick.zone_id;
    const subParkId = pick.sub_park_id;
    const [zoneSize] = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from enterprises where zone_id = ${zoneId}`,
    );
    console.log(
      `data: ${total} enterprises; zone ${zoneId} has ${zoneSize?.n}; the filtered list (sub-park, 规上) has ${pick.n} rows`,
    );

    // The zone with the most approval cases, its lead department with the most cases, its commonest project type.
    const [caseTotal] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from approval_cases`);
    const [busy] = await rows<{ zone_id: string; n: number }>(
      database.db,
      sql`select zone_id, count(*)::int as n from approval_cases group by 1 order by 2 desc, 1 limit 1`,
    );
    if (!busy) throw new Error('no approval cases to list');
    const [dept] = await rows<{ id: string; n: number }>(
      database.db,
      sql`select lead_department_id as id, count(*)::int as n from approval_cases where zone_id = ${busy.zone_id}
          group by 1 order by 2 desc, 1 limit 1`,
    );
    if (!dept || dept.n <= 20)
      throw new Error(`the busiest zone's lead department has ${dept?.n ?? 0} cases, no page 2`);
    const [projectTotal] = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from investment_projects`,
    );
    const [type] = await rows<{ type: string; n: number }>(
      database.db,
      sql`select type, count(*)::int as n from investment_projects where zone_id = ${busy.zone_id}
          group by 1 order by 2 desc, 1 limit 1`,
    );
    if (!type) throw new Error('no investment projects to list in the zone with the most cases');
    console.log(
      `data: ${caseTotal?.n} approval cases, ${projectTotal?.n} investment projects; zone ${busy.zone_id} has ` +
        `${busy.n} cases, ${dept.n} led by one department, and ${type.n} ${type.type} projects`,
    );

    const passwordHash = await hashPassword(PASSWORD);
    await ensureLeader(database, USER, zoneId, passwordHash);
    await ensureLeader(database, BUSY_USER, busy.zone_id, passwordHash);

    // The cockpits (PostgreSQL): the busiest zone's leader screen and the province ranking by the indicator most zones
    // report; the bare side replays the statements one app request sends (bench/replay.helper.ts).
    const cockpits: Endpoint[] = [];
    if (!dataDir) {
      const [province] = await rows<{ province_id: string }>(
        database.db,
        sql`select province_id from zones where id = ${busy.zone_id}`,
      );
      await database.db
        .insert(users)
        .values({
          username: PROVINCE_USER,
          displayName: 'Benchmark province viewer',
          role: 'province_viewer',
          passwordHash,
          provinceId: province!.province_id,
        })
        .onConflictDoUpdate({
          target: users.username,
          set: { provinceId: province!.province_id, passwordHash, disabled: false, role: 'province_viewer' },
        });
      const [indicator] = await rows<{ code: string }>(
        database.db,
        sql`select code from econ_zone_figures group by code order by count(distinct zone_id) desc, code limit 1`,
      );
      const zonePath = '/api/cockpit/zone';
      const provincePath = `/api/cockpit/province?indicator=${indicator?.code ?? 'GYZCZ'}`;
      const file = `${tmpdir()}/zoneos-bench-replay-${process.pid}.json`;
      await recordStatements(
        url,
        [
          { name: 'zone', path: zonePath, username: BUSY_USER, password: PASSWORD },
          { name: 'province', path: provincePath, username: PROVINCE_USER, password: PASSWORD },
        ],
        file,
      );
      process.env.BENCH_REPLAY_FILE = file; // read by the bare child processes
      cockpits.push(
        { name: 'zone cockpit', user: BUSY_USER, app: zonePath, bare: '/replay/zone', kind: 'figures', figures: {} },
        {
          name: 'province cockpit',
          user: PROVINCE_USER,
          app: provincePath,
          bare: '/replay/province',
          kind: 'figures',
          figures: {},
        },
      );
    }

    const page = (current: number) => `pageSize=20&current=${current}`;
    const enterpriseQuery = `scale=above&subParkId=${subParkId}&sortField=name&sortOrder=ascend&${page(3)}`;
    const caseQuery = `leadDepartmentId=${dept.id}&sortField=submittedOn&sortOrder=descend&${page(2)}`;
    const projectPage = type.n > 20 ? 2 : 1;
    const projectQuery = `type=${type.type}&sortField=agreedInvestmentFen&sortOrder=descend&${page(projectPage)}`;
    const dxPage = (current: number) => `limit=20&offset=${(current - 1) * 20}&meta=filter_count`;
    return [
      {
        name: 'enterprise list',
        kind: 'list',
        user: USER,
        app: `/api/enterprises?${enterpriseQuery}`,
        bare: `/list?${enterpriseQuery}&zoneId=${zoneId}`,
        directus:
          `/items/enterprises?filter[zone_id][_eq]=${zoneId}` +
          `&filter[sub_park_id][_eq]=${subParkId}&filter[scale][_eq]=above&sort=name,id&${dxPage(3)}` +
          '&fields=*,sub_park_id.name,service_officer_id.name',
        figures: {},
      },
      {
        name: 'case list',
        kind: 'list',
        user: BUSY_USER,
        app: `/api/approval/cases?${caseQuery}`,
        bare: `/cases?${caseQuery}&zoneId=${busy.zone_id}`,
        directus:
          `/items/approval_cases?filter[zone_id][_eq]=${busy.zone_id}` +
          `&filter[lead_department_id][_eq]=${dept.id}&sort=-submitted_on,id&${dxPage(2)}` +
          '&fields=*,enterprise_id.name,lead_department_id.name,agent_user_id.display_name',
        figures: {},
      },
      {
        name: 'project list',
        kind: 'list',
        user: BUSY_USER,
        app: `/api/investment/projects?${projectQuery}`,
        bare: `/projects?${projectQuery}&zoneId=${busy.zone_id}`,
        directus:
          `/items/investment_projects?filter[zone_id][_eq]=${busy.zone_id}` +
          `&filter[type][_eq]=${type.type}&sort=-agreed_investment_fen,id&${dxPage(projectPage)}` +
          '&fields=*,team_id.name,sub_park_id.name',
        figures: {},
      },
      ...cockpits,
    ];
  } finally {
    await database.close();
  }
}

export default async function run(args: string[] = []): Promise<number> {
  const pglite = args[0] === 'pglite';
  const url = pglite
    ? `pglite:${process.env.BENCH_PGLITE_DIR ?? '.tmp/bench-pglite'}`
    : (process.env.BENCH_DATABASE_URL ?? URL_DEFAULT);
  const guard = setTimeout(() => {
    console.error('benchmark exceeded 25 minutes; giving up');
    process.exit(1);
  }, 25 * 60_000);
  guard.unref();

  const endpoints = await prepare(url);

  const sides = new Set((process.env.BENCH_SIDES ?? 'bare,bare-prepared,app,directus').split(','));
  if (process.env.BENCH_DIRECTUS === 'off' || pglite) sides.delete('directus');
  if (pglite) sides.delete('bare-prepared');

  // The sides of one endpoint, for the servers running now; probed before they are measured.
  type Servers = { bare?: number; barePrepared?: number; app?: number; directus?: number };
  const sessions = new Map<string, Record<string, string>>();
  async function targetsOf(e: Endpoint, servers: Servers): Promise<Target[]> {
    const targets: Target[] = [];
    const local = (port: number, path: string) => `http://127.0.0.1:${port}${path}`;
    const check = async (label: string, url: string, headers: Record<string, string>) => {
      if (e.kind === 'figures') await probeOk(`${e.name}, ${label}`, url, headers);
      else if (!e.reference) e.reference = await probe(`${e.name}, ${label}`, url, headers, undefined);
      else await probe(`${e.name}, ${label}`, url, headers, e.reference);
    };
    if (servers.bare) {
      const url = local(servers.bare, e.bare);
      await check('bare', url, {});
      targets.push({ side: 'bare', url, headers: {} });
    }
    if (servers.barePrepared) {
      const url = local(servers.barePrepared, e.bare);
      await check('bare (prepared statements)', url, {});
      targets.push({ side: 'barePrepared', url, headers: {} });
    }
    if (servers.app) {
      const base = `http://127.0.0.1:${servers.app}`;
      if (!sessions.has(e.user)) sessions.set(e.user, await login(base, e.user, PASSWORD));
      const headers = sessions.get(e.user)!;
      const url = `${base}${e.app}`;
      await check('app', url, headers);
      targets.push({ side: 'app', url, headers });
    }
    if (servers.directus && e.directus) {
      const headers = { authorization: `Bearer ${DIRECTUS_TOKEN}` };
      const url = local(servers.directus, e.directus);
      await check(`directus ${DIRECTUS_VERSION}`, url, headers);
      targets.push({ side: 'directus', url, headers });
    }
    return targets;
  }
  const measure = async (servers: Servers) => {
    for (const e of endpoints) {
      sessions.clear();
      const figures = await measureSides(await targetsOf(e, servers));
      Object.assign(e.figures, figures);
    }
  };

  // (b) Directus serving the same lists from the same tables: filter, sort, page, joined names, filter count. A failure
  // of the peer (install, bootstrap) is reported after the tables instead of losing the other figures.
  let directusFailure: string | undefined;
  if (pglite) {
    // One owner per PGlite folder: the sides take turns.
    for (const mode of (['bare', 'app'] as const).filter((m) => sides.has(m))) {
      const child = await startChild(mode, url);
      try {
        await measure({ [mode]: child.port });
      } finally {
        await stopChild(child.child);
      }
    }
  } else {
    // Every side up at once (idle servers cost nothing), measured in turns endpoint by endpoint.
    const children: ChildProcess[] = [];
    const servers: Servers = {};
    try {
      for (const [mode, key] of [
        ['bare', 'bare'],
        ['bare-prepared', 'barePrepared'],
        ['app', 'app'],
      ] as const) {
        if (!sides.has(mode)) continue;
        const c = await startChild(mode, url);
        children.push(c.child);
        servers[key] = c.port;
      }
      if (sides.has('directus')) {
        try {
          const port = 3411;
          children.push(await startDirectus(ensureDirectus(), url, port));
          servers.directus = port;
        } catch (err) {
          directusFailure = (err as Error).message.split('\n')[0];
        }
      }
      await measure(servers);
    } finally {
      for (const c of children) await stopChild(c);
    }
  }

  const missed: string[] = [];
  for (const e of endpoints) {
    const a = e.figures.app;
    printTable(
      `${e.name}${pglite ? ' (PGlite)' : ''}, ${CONNECTIONS} connections, median of ${ROUNDS} × ${ROUND_S} s, GET ${e.app}`,
      {
        bare: e.figures.bare,
        barePrepared: e.figures.barePrepared,
        app: a,
        directus: e.figures.directus,
        directusName: `Directus ${DIRECTUS_VERSION}`,
        bareName: pglite ? 'bare Fastify + PGlite' : undefined,
      },
    );
    if (a && e.kind === 'list' && !(a.p99 < TARGET_P99_MS && a.non2xx + a.errors === 0)) missed.push(e.name);
  }
  if (directusFailure) console.log(`\nDirectus side FAILED: ${directusFailure}`);
  console.log(
    `\nload average after the run: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} on ${cpus().length} CPUs`,
  );
  if (endpoints.some((e) => e.figures.app))
    console.log(
      `target app p99 < ${TARGET_P99_MS} ms: ${missed.length === 0 ? 'met' : `NOT met (${missed.join(', ')})`}`,
    );
  return missed.length === 0 && !directusFailure ? 0 : 1;
}
