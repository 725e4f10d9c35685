/**
 * Zone and province cockpit latency on PostgreSQL at province scale (135 zones with two years of monthly indicators).
 *
 *   BENCH_COCKPIT_URL (default postgres://postgres@127.0.0.1:5432/zt_cockpit_bench) — migrated and seeded here on
 *   first use: the demo (益阳高新区 with every domain's data) plus 133 zones with the economy catalogue, values and
 *   targets (econ_zone_figures kept by the same code as production).
 *
 * The real app in process (app.inject, logged in as the demo leader and the province viewer), 200 serial requests
 * each after 20 warm-ups; beside each, the bare SQL of the same figure through the same pool (baseline): for the
 * zone, the seven domain counts; for the province, the ranking query. Prints p50/p95 ms. Targets: zone p95 < 150 ms,
 * province p95 < 500 ms. Loopback only; well under two minutes after the first seed.
 */
import { count, eq, sql } from 'drizzle-orm';
import { zones } from '../server/domains/tenancy/tenancy.tables';
import { openDatabase } from '../server/platform/db';
import { migrate } from '../server/platform/db/migrate';
import { seedDemo } from '../server/seed/demo';
import { seedEconomy } from '../server/seed/economy';
import { Random } from '../server/seed/random';
import { ensureDatabase } from './ensure-db.helper';
import { inProcessApp } from './in-process.helper';

const URL_DEFAULT = 'postgres://postgres@127.0.0.1:5432/zt_cockpit_bench';
const N = 200;
const WARM = 20;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10;
};

async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARM; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  return { p50: pct(xs, 50), p95: pct(xs, 95) };
}

export default async function main(): Promise<number> {
  const url = process.env.BENCH_COCKPIT_URL ?? URL_DEFAULT;
  await ensureDatabase(url);
  const database = await openDatabase({ url, poolSize: 5 });
  await migrate(database.db);
  const db = database.db;
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(zones);
  if (n === 0) {
    const t0 = performance.now();
    await seedDemo(db);
    const [province] = await db.select({ id: zones.provinceId }).from(zones).limit(1);
    const r = new Random(135);
    await db.transaction(async (tx) => {
      for (let i = 3; i <= 135; i++) {
        const [z] = await tx
          .insert(zones)
          .values({
            provinceId: province!.id,
            code: `hn-${i}`,
            name: `第${i}园区`,
            nameEn: `Zone ${i}`,
            level: 'provincial',
          })
          .returning({ id: zones.id });
        await seedEconomy(
          tx,
          r,
          { zoneId: z!.id, deptByCode: new Map(), parks: [] },
          { year: 2026, reportedMonths: 10, pace: (r.next() - 0.5) * 0.2 },
        );
      }
    });
    console.log(`seeded 135 zones in ${Math.round(performance.now() - t0)} ms`);
  }
  const { app, cookieOf } = await inProcessApp(database, url);
  const leader = await cookieOf('leader');
  const province = await cookieOf('province');
  const get = (url: string, cookie: string) => async () => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  };
  const [yiyang] = await db.select().from(zones).where(eq(zones.code, 'yiyang-hitech'));
  const z = yiyang!.id;
  const p = yiyang!.provinceId;

  const zoneApp = await time(get('/api/cockpit/zone', leader));
  const zoneBare = await time(() =>
    db.execute(sql`select
      (select count(*) from econ_values where zone_id = ${z} and year in (2025, 2026) and sub_park_id is null),
      (select count(*) from investment_projects where zone_id = ${z}),
      (select json_agg(x) from (select light, count(*) from key_projects where zone_id = ${z} group by light) x),
      (select count(*) filter (where overdue) from approval_cases where zone_id = ${z}),
      (select count(*) filter (where status in ('resolved','closed')) from demands where zone_id = ${z}),
      (select json_agg(x) from (select cls, count(*) from efficiency_results where zone_id = ${z} group by cls) x),
      (select count(*) from perf_scores where zone_id = ${z} and subject = 'department')`),
  );
  const provinceApp = await time(get('/api/cockpit/province?indicator=GYZCZ', province));
  const provinceBare = await time(() =>
    db.execute(sql`select f.zone_id, rank() over (order by f.yoy_pct desc) from econ_zone_figures f
      join zones zz on zz.id = f.zone_id where zz.province_id = ${p} and f.code = 'GYZCZ' and f.year = 2026
      and f.month = 10 and f.yoy_pct is not null`),
  );
  const [{ zonesInProvince } = { zonesInProvince: 0 }] = await db
    .select({ zonesInProvince: count() })
    .from(zones)
    .where(eq(zones.provinceId, p));
  console.log(`zones in province: ${zonesInProvince}; ${N} serial requests after ${WARM} warm-ups`);
  console.log(
    `zone cockpit     app p50 ${zoneApp.p50} ms  p95 ${zoneApp.p95} ms  | bare SQL p50 ${zoneBare.p50} ms  p95 ${zoneBare.p95} ms  (target p95 < 150)`,
  );
  console.log(
    `province cockpit app p50 ${provinceApp.p50} ms  p95 ${provinceApp.p95} ms  | bare SQL p50 ${provinceBare.p50} ms  p95 ${provinceBare.p95} ms  (target p95 < 500)`,
  );
  await app.close();
  await database.close();
  return zoneApp.p95 < 150 && provinceApp.p95 < 500 ? 0 : 1;
}
