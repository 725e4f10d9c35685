/**
 * 审批效能 (approval metrics page) latency on PostgreSQL at province scale: ≥ 2,000,000 approval cases over 135 zones.
 *
 *   BENCH_APPROVAL_URL (default postgres://postgres@127.0.0.1:5432/zt_approval_bench) — migrated and loaded here on
 *   first use: `seedProvince` (the demo zones with their state-machine case histories, then the 133 other Hunan zones
 *   with ~1,500 enterprises each); every zone without a catalogue gets a copy of the demo catalogue (its lead
 *   departments included, a few items offline per zone); then 2,000,000 cases in one INSERT … SELECT generate_series
 *   (deterministic: setseed), interleaved over the zones the way a live province fills the table: skewed item
 *   popularity, 10% 一件事 bundles (deduplicated materials), 10% 告知承诺, 8% offline, every status (open cases
 *   received lately, a few stale ones past the statutory date), handling times around the committed limit with 12%
 *   late. A second run reuses the data when the count is already there. Bulk cases carry no step events (the metrics
 *   do not read them).
 *
 * The real app in process (app.inject), the one endpoint the metrics page calls (GET /api/approval/metrics, without
 * and with a one-year received range), as the demo zone leader (益阳高新区) and as the province viewer looking at
 * another zone (X-Zone-Id), 40 serial requests each after 5 warm-ups; beside each, the bare SQL of the same figures
 * (the four aggregates, run concurrently as the service does) through the same pool. Prints p50/p95 ms.
 * Target: app p95 < 300 ms. Loopback only; the first load takes a few minutes, later runs well under two.
 */
import { count, eq, sql } from 'drizzle-orm';
import { buildApp } from '../server/app';
import { approvalCases } from '../server/domains/approval/approval.tables';
import { zones } from '../server/domains/tenancy/tenancy.tables';
import { loadEnv } from '../server/env';
import { openDatabase, rows } from '../server/platform/db';
import { migrate } from '../server/platform/db/migrate';
import { DEMO_PASSWORD } from '../server/seed/demo';
import { seedProvince } from '../server/seed/province';
import { ensureDatabase } from './ensure-db.helper';
import { guard } from './harness.helper';

const URL_DEFAULT = 'postgres://postgres@127.0.0.1:5432/zt_approval_bench';
const TARGET_CASES = 2_000_000;
const N = 40;
const WARM = 5;
const TARGET_P95 = 300;

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

type Database = Awaited<ReturnType<typeof openDatabase>>;

/** Catalogue per zone (copied from the demo zone) and 2,000,000 generated cases; one transaction. */
async function loadCases(database: Database, provinceId: string, demoZoneId: string, existing: number) {
  const t0 = performance.now();
  const want = TARGET_CASES - existing;
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.2026)`);
    await tx.execute(sql`insert into departments (zone_id, code, name, name_en, class)
      select z.id, d.code, d.name, d.name_en, d.class from zones z
      cross join (select distinct d.code, d.name, d.name_en, d.class from departments d
        join approval_items i on i.lead_department_id = d.id where i.zone_id = ${demoZoneId}) d
      where z.province_id = ${provinceId} and not exists (select 1 from approval_items x where x.zone_id = z.id)
      on conflict do nothing`);
    await tx.execute(sql`insert into approval_items (zone_id, code, name, type, stage, lead_department_id,
        statutory_days, committed_days, limit_unit, modes, materials, prerequisite_codes, fees, online, active)
      select z.id, i.code, i.name, i.type, i.stage,
        coalesce((select nd.id from departments nd where nd.zone_id = z.id and nd.code = d.code),
                 (select nd.id from departments nd where nd.zone_id = z.id order by nd.code limit 1)),
        i.statutory_days, i.committed_days, i.limit_unit, i.modes, i.materials, i.prerequisite_codes, i.fees,
        i.online and abs(hashtext(z.code || i.code)) % 13 <> 0, true
      from zones z cross join approval_items i join departments d on d.id = i.lead_department_id
      where i.zone_id = ${demoZoneId} and z.province_id = ${provinceId}
        and not exists (select 1 from approval_items x where x.zone_id = z.id)`);
    await tx.execute(sql`create temp table bz on commit drop as
      select id, (row_number() over (order by code) - 1)::int zi from zones where province_id = ${provinceId}`);
    await tx.execute(sql`create temp table bi on commit drop as
      select z.zi, (row_number() over (partition by i.zone_id order by i.code) - 1)::int k, i.id,
        i.lead_department_id dept, i.committed_days c, i.statutory_days s, i.stage, i.materials, i.modes
      from approval_items i join bz z on z.id = i.zone_id where i.active`);
    await tx.execute(sql`create temp table bic on commit drop as select zi, count(*)::int n from bi group by zi`);
    await tx.execute(sql`create temp table be on commit drop as
      select z.zi, (row_number() over (partition by e.zone_id order by e.id) - 1)::int k, e.id
      from enterprises e join bz z on z.id = e.zone_id`);
    await tx.execute(sql`create temp table bec on commit drop as select zi, count(*)::int n from be group by zi`);
    await tx.execute(sql`analyze bz; analyze bi; analyze bic; analyze be; analyze bec`);
    const [{ nz } = { nz: 0 }] = await rows<{ nz: number }>(tx, sql`select count(*)::int nz from bz`);
    // x: one row per case with its random draws; y: item(s), enterprise, dates and status; the select sets columns.
    await tx.execute(sql`insert into approval_cases (zone_id, case_no, item_ids, enterprise_id, lead_department_id,
        stage, mode, online, joint, rongque_allowed, status, outcome, committed_days, statutory_days,
        materials_before_bundle, materials, supplied_materials, correction_list, submitted_on, accepted_on, decided_on,
        closed_on, last_on, committed_due, statutory_due, handling_days, committed_passed, overdue, created_at, updated_at)
      select zone_id, case_no, item_ids, enterprise_id, dept, stage, mode, online, joint, false, status, outcome, c, s,
        nm_before, materials, '{}', case when status = 'AWAITING_CORRECTION' or r7 < 0.1 then '{sqb}'::text[] else '{}' end,
        sub, acc, dec, clo, coalesce(clo, dec, acc, sub), acc + ceil(c * 1.4)::int, acc + ceil(s * 1.4)::int,
        hd, dec is not null and hd > c, dec is not null and hd > s, sub::timestamp + interval '9 hours',
        coalesce(clo, dec, acc, sub)::timestamp + interval '10 hours'
      from (
        select y.*,
          case when status in ('CLOSED','ISSUED','VERIFIED','DECIDED') then
            case when r7 < 0.12 then c + 1 + floor(r8 * 8)::int else greatest(1, c - floor(r8 * c * 0.8)::int) end
          end hd
        from (
          select x.*, bz.id zone_id, 'PB' || lpad(x.g::text, 9, '0') case_no, e.id enterprise_id, i.dept, i.stage,
            case when i2.id is null then array[i.id] else array[i.id, i2.id] end item_ids,
            i2.id is not null joint,
            case when i2.id is null then i.s else 45 end s, case when i2.id is null then i.c else greatest(i.c, i2.c) end c,
            case when r5 < 0.1 and 'commitment' = any(i.modes) then 'commitment' else 'normal' end mode,
            r6 > 0.08 online,
            jsonb_array_length(i.materials) + coalesce(jsonb_array_length(i2.materials), 0) nm_before,
            case when i2.id is null then i.materials
              else (select jsonb_agg(distinct m) from jsonb_array_elements(i.materials || i2.materials) m) end materials,
            case
              when r3 < 0.02 then 'NOT_ACCEPTED' when r3 < 0.035 then 'WITHDRAWN' when r3 < 0.04 then 'TERMINATED'
              when r3 > 0.996 then 'IN_REVIEW'
              when sub > current_date - 40 then (array['SUBMITTED','AWAITING_CORRECTION','ACCEPTED','IN_REVIEW',
                'IN_REVIEW','IN_REVIEW','SUSPENDED','CLOSED'])[1 + floor(r8 * 8)::int]
              when r3 < 0.09 then 'DECIDED' when r3 < 0.15 then 'VERIFIED' when r3 < 0.2 then 'ISSUED' else 'CLOSED'
            end status
          from (
            select g, g % ${nz} zi, random() r1, random() r2, random() r3, random() r5, random() r6, random() r7,
              random() r8, date '2023-01-02' + floor(power(random(), 0.8) * 1420)::int sub
            from generate_series(1, ${want}::int) g
          ) x
          join bz on bz.zi = x.zi
          join bic on bic.zi = x.zi
          join bi i on i.zi = x.zi and i.k = floor(power(x.r1, 1.7) * bic.n)::int
          left join bi i2 on x.r2 < 0.1 and i2.zi = x.zi and i2.k = (i.k + 1 + floor(x.r7 * (bic.n - 1))::int) % bic.n
          join bec on bec.zi = x.zi
          join be e on e.zi = x.zi and e.k = floor(x.r2 * 10 * bec.n)::int % bec.n
        ) y
      ) w
      cross join lateral (select case when status in ('SUBMITTED','AWAITING_CORRECTION','NOT_ACCEPTED','WITHDRAWN')
        then null else sub + floor(r5 * 2)::int end acc) a
      cross join lateral (select case when hd is not null then acc + ceil(hd * 1.4)::int end dec) d
      cross join lateral (select case when status = 'CLOSED' then dec + 2
          when status in ('NOT_ACCEPTED','WITHDRAWN','TERMINATED') then sub + 3 end clo,
        case when hd is null then null when status = 'DECIDED' then 'denied' else 'approved' end outcome) f`);
  });
  await database.db.execute(sql`vacuum analyze approval_cases`);
  await database.db.execute(sql`analyze approval_items`);
  console.log(`loaded ${want} cases in ${Math.round((performance.now() - t0) / 1000)} s`);
}

export default async function main(): Promise<number> {
  guard('approval-metrics', 40);
  const url = process.env.BENCH_APPROVAL_URL ?? URL_DEFAULT;
  await ensureDatabase(url);
  const database = await openDatabase({ url, poolSize: 5 });
  await migrate(database.db);
  const db = database.db;
  const [{ n: zonesNow } = { n: 0 }] = await db.select({ n: count() }).from(zones);
  if (zonesNow < 135) {
    const res = await seedProvince(db, { log: (l) => console.log(l) });
    console.log(`province seeded: ${res.zonesTotal} zones, ${res.enterprisesTotal} enterprises in ${res.ms} ms`);
  }
  const [yiyang] = await db.select().from(zones).where(eq(zones.code, 'yiyang-hitech'));
  const [other] = await db.select().from(zones).where(eq(zones.code, 'hn-001'));
  if (!yiyang || !other) throw new Error('demo zone or hn-001 missing');
  const [{ n: casesNow } = { n: 0 }] = await db.select({ n: count() }).from(approvalCases);
  if (casesNow < TARGET_CASES) await loadCases(database, yiyang.provinceId, yiyang.id, casesNow);

  const env = loadEnv({
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'false',
    WEB_DIST: './.no-web',
    JOBS_WORKER: 'false',
  });
  const app = await buildApp({ database, env, logger: false });
  await app.ready();
  const cookieOf = async (username: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: DEMO_PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode}`);
    return String([res.headers['set-cookie']].flat()[0]).split(';')[0]!;
  };
  const leader = await cookieOf('leader');
  const province = await cookieOf('province');
  const get = (url: string, cookie: string, zoneId?: string) => async () => {
    const res = await app.inject({
      method: 'GET',
      url,
      headers: { cookie, 'accept-language': 'zh-CN', ...(zoneId ? { 'x-zone-id': zoneId } : {}) },
    });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res;
  };
  /** The figures of approval.metrics.ts in plain SQL: catalogue, totals, per department, per item. */
  const bare = (zoneId: string, from?: string, to?: string) => {
    const range = sql`${from ? sql`and c.submitted_on >= ${from}::date` : sql``} ${to ? sql`and c.submitted_on <= ${to}::date` : sql``}`;
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    return () =>
      Promise.all([
        db.execute(sql`select count(*), count(*) filter (where online), sum(committed_days), sum(statutory_days)
          from approval_items where zone_id = ${zoneId} and active`),
        db.execute(sql`select count(*), count(handling_days),
            count(*) filter (where handling_days is not null and not committed_passed), avg(handling_days),
            percentile_cont(0.9) within group (order by handling_days),
            count(*) filter (where decided_on is null and closed_on is null and statutory_due < ${today}::date),
            sum(materials_before_bundle - jsonb_array_length(materials)) filter (where cardinality(item_ids) > 1)
          from approval_cases c where zone_id = ${zoneId} ${range}`),
        db.execute(sql`select c.lead_department_id, d.name, count(*), count(handling_days),
            count(*) filter (where handling_days is not null and not committed_passed), avg(handling_days)
          from approval_cases c join departments d on d.id = c.lead_department_id
          where c.zone_id = ${zoneId} ${range} group by 1, 2 order by 3 desc`),
        db.execute(sql`select i.id, i.name, count(*), count(handling_days),
            count(*) filter (where handling_days is not null and not committed_passed), avg(handling_days)
          from approval_cases c join approval_items i on i.id = any(c.item_ids)
          where c.zone_id = ${zoneId} ${range} group by i.id order by 3 desc`),
      ]);
  };
  const [{ total } = { total: 0 }] = await rows<{ total: number }>(
    db,
    sql`select count(*)::int total from approval_cases`,
  );
  const [{ zc } = { zc: 0 }] = await rows<{ zc: number }>(
    db,
    sql`select count(*)::int zc from zones where province_id = ${yiyang.provinceId}`,
  );
  const perZone = async (z: string) =>
    (await rows<{ n: number }>(db, sql`select count(*)::int n from approval_cases where zone_id = ${z}`))[0]?.n ?? 0;
  const sample = JSON.parse((await get('/api/approval/metrics', leader)()).body) as {
    cases: number;
    p90Workdays: number;
  };
  console.log(
    `${total} cases over ${zc} zones; 益阳高新区 ${await perZone(yiyang.id)} cases (metrics: ${sample.cases} cases, P90 ${sample.p90Workdays} workdays), hn-001 ${await perZone(other.id)}`,
  );
  console.log(`${N} serial requests after ${WARM} warm-ups each; target app p95 < ${TARGET_P95} ms`);
  const from = '2025-11-01';
  const to = '2026-10-31';
  const cases = [
    ['zone leader, all time', get('/api/approval/metrics', leader), bare(yiyang.id)],
    ['zone leader, one year', get(`/api/approval/metrics?from=${from}&to=${to}`, leader), bare(yiyang.id, from, to)],
    ['province → hn-001, all', get('/api/approval/metrics', province, other.id), bare(other.id)],
    [
      'province → hn-001, year',
      get(`/api/approval/metrics?from=${from}&to=${to}`, province, other.id),
      bare(other.id, from, to),
    ],
  ] as const;
  let worst = 0;
  for (const [label, appFn, bareFn] of cases) {
    const a = await time(appFn);
    const b = await time(bareFn);
    worst = Math.max(worst, a.p95);
    console.log(
      `${label.padEnd(26)} app p50 ${a.p50} ms  p95 ${a.p95} ms  | bare SQL p50 ${b.p50} ms  p95 ${b.p95} ms`,
    );
  }
  await app.close();
  await database.close();
  return worst < TARGET_P95 ? 0 : 1;
}
