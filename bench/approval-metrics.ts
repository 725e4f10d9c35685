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
import { approvalCases } from '../server/domains/approval/approval.tables';
import { zones } from '../server/domains/tenancy/tenancy.tables';
import { openDatabase, rows } from '../server/platform/db';
import { migrate } from '../server/platform/db/migrate';
import { copyApprovalCatalogue, generateApprovalCases } from '../server/seed/approval-bulk';
import { seedProvince } from '../server/seed/province';
import { ensureDatabase } from './ensure-db.helper';
import { guard } from './harness.helper';
import { inProcessApp } from './in-process.helper';

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
    const ids = (await tx.select({ id: zones.id }).from(zones).where(eq(zones.provinceId, provinceId))).map(
      (z) => z.id,
    );
    await copyApprovalCatalogue(tx, demoZoneId, ids);
    await generateApprovalCases(tx, {
      zoneIds: ids,
      count: want,
      prefix: 'PB',
      firstDay: '2023-01-02',
      days: 1420,
      seed: 0.2026,
    });
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

  const { app, cookieOf } = await inProcessApp(database, url);
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
