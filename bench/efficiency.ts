/**
 * 亩均论英雄 at scale on PostgreSQL: one evaluation run over 200,000 enterprises, end to end.
 *
 *   BENCH_EFFICIENCY_URL (default postgres://postgres@127.0.0.1:5432/zt_efficiency_bench) — migrated here; on first
 *   use a bench zone gets 200,000 enterprises and their yearly data (INSERT … SELECT generate_series, timed).
 *   BENCH_EFFICIENCY_N overrides the number of enterprises (only when the zone is created).
 *
 * The app: createRun + computeRun, the service functions behind POST /api/efficiency/runs and …/compute (read the
 * year's data, score, rank, class, write one result per enterprise with its breakdown, audit), default parameters.
 * The baseline, in the same run: one SQL statement computing the same scores (Σ value/benchmark × weight with the
 * benchmark = the group's Σnumerator/Σdenominator, missing → the group's average points, leased-out penalty) and the
 * class by rank percentile, into a temp table. Both are compared on every enterprise (score within 0.01, same rank
 * and class; ranks equal except between firms of equal score) and a sample is printed. Target: the app's compute < 10 s. Loopback only; bounded by a 25-minute guard (a loaded machine).
 */
import { eq, sql } from 'drizzle-orm';
import { computeRun, createRun } from '../server/domains/efficiency/efficiency.service';
import { efficiencyResults, efficiencyRuns } from '../server/domains/efficiency/efficiency.tables';
import { provinces, zones } from '../server/domains/tenancy/tenancy.tables';
import type { Actor, ZoneScope } from '../server/platform/access';
import { openDatabase } from '../server/platform/db';
import { migrate } from '../server/platform/db/migrate';
import { defaultEfficiencyParams } from '../shared/efficiency';
import { ensureDatabase } from './ensure-db.helper';
import { guard } from './harness.helper';

const URL_DEFAULT = 'postgres://postgres@127.0.0.1:5432/zt_efficiency_bench';
const ZONE_CODE = 'efficiency-bench';
const YEAR = 2025;
const TARGET_MS = 10_000;

const rowsOf = <T>(r: unknown): T[] => ((r as { rows?: T[] }).rows ?? (r as T[])) as T[];

export default async function main(): Promise<number> {
  guard('bench efficiency', 25);
  const url = process.env.BENCH_EFFICIENCY_URL ?? URL_DEFAULT;
  const n = Number(process.env.BENCH_EFFICIENCY_N ?? 200_000);
  await ensureDatabase(url);
  const database = await openDatabase({ url, poolSize: 4 });
  await migrate(database.db);
  const db = database.db;

  let [zone] = await db.select().from(zones).where(eq(zones.code, ZONE_CODE));
  if (!zone) {
    const t0 = performance.now();
    zone = await db.transaction(async (tx) => {
      const [province] = await tx
        .insert(provinces)
        .values({ code: 'BENCH', name: '基准省', nameEn: 'Bench' })
        .onConflictDoNothing()
        .returning();
      const [z] = await tx
        .insert(zones)
        .values({
          provinceId: province!.id,
          code: ZONE_CODE,
          name: '基准园区',
          nameEn: 'Bench zone',
          level: 'provincial',
        })
        .returning();
      await tx.execute(sql`insert into enterprises (zone_id, credit_code, name, industry_code, industry_section, scale, land_mu)
        select ${z!.id}, 'B' || lpad(g::text, 17, '0'), '基准企业' || g, 'C38', 'C',
          case when g % 5 = 0 then 'below' else 'above' end, 2 + (g * 7919 % 19800) / 100.0
        from generate_series(1, ${n}) g`);
      // Deterministic spread from the serial number: land 2–200 mu (some under the 3-mu scope), 10 % without emission
      // data (missing → group average), 2 % leasing out land (−5), tax and value added proportional to land × a factor.
      await tx.execute(sql`insert into efficiency_data (zone_id, year, enterprise_id, land_mu, tax, revenue, value_added,
          energy_tce, electricity_mwh, emission_t, rd_expense, employees, scale, leased_out)
        select e.zone_id, ${YEAR}, e.id, e.land_mu,
          round((e.land_mu * (1 + (g * 31 % 97) / 4.0))::numeric, 2),
          round((e.land_mu * (20 + (g * 53 % 211)))::numeric, 2),
          round((e.land_mu * (5 + (g * 17 % 89) / 2.0))::numeric, 2),
          round((e.land_mu * (0.5 + (g * 13 % 71) / 10.0))::numeric, 2),
          round((e.land_mu * (1 + (g * 29 % 83) / 5.0))::numeric, 2),
          case when g % 10 = 3 then null else round((e.land_mu * (0.01 + (g * 37 % 59) / 100.0))::numeric, 2) end,
          round((e.land_mu * (g * 41 % 67) / 10.0)::numeric, 2),
          5 + (g * 43 % 490),
          e.scale, g % 50 = 7
        from enterprises e cross join lateral (select substr(e.credit_code, 2)::int as g) s
        where e.zone_id = ${z!.id}`);
      return z!;
    });
    console.log(`prepared ${n} enterprises and their ${YEAR} data in ${Math.round(performance.now() - t0)} ms`);
  }
  const zoneId = zone.id;
  await db.delete(efficiencyResults).where(eq(efficiencyResults.zoneId, zoneId)); // no cascade: results carry no FK
  await db.delete(efficiencyRuns).where(eq(efficiencyRuns.zoneId, zoneId));
  await db.execute(sql`vacuum analyze efficiency_results`);
  await db.execute(sql`analyze efficiency_data`);
  const [{ population } = { population: 0 }] = rowsOf<{ population: number }>(
    await db.execute(
      sql`select count(*)::int as population from efficiency_data where zone_id = ${zoneId} and year = ${YEAR}`,
    ),
  );

  const actor: Actor = {
    userId: '00000000-0000-4000-8000-000000000001',
    username: 'bench',
    displayName: 'bench',
    role: 'zone_leader',
    locale: 'zh-CN',
    zoneId,
    provinceId: zone.provinceId,
    departmentId: null,
    enterpriseId: null,
    mustChangePassword: false,
    sessionId: 'bench',
    csrfToken: 'bench',
    ip: '127.0.0.1',
  };
  const scope: ZoneScope = { zoneId, actor, departmentId: null, enterpriseId: null };

  // The app: configure a run with the default parameters and compute it.
  const t0 = performance.now();
  const run = await createRun(db, scope, { year: YEAR, name: `基准 ${YEAR}`, params: defaultEfficiencyParams() });
  const computed = await computeRun(db, scope, run.id);
  const appMs = performance.now() - t0;

  // The baseline: the same scores and classes in one statement.
  const t1 = performance.now();
  await db.execute(sql`drop table if exists bench_baseline`);
  await db.execute(sql`create unlogged table bench_baseline as
    with p as (select params from efficiency_runs where id = ${run.id}),
    w as (
      select g.grp, x.indicator, x.weight
      from p, (values ('above'), ('below')) g(grp),
        jsonb_to_recordset(p.params -> 'indicators' -> g.grp) x(indicator text, weight float8)
    ),
    d as (
      select ed.enterprise_id, ed.scale as grp, ed.leased_out, ed.land_mu::float8 as land, ed.tax::float8 as tax,
        ed.revenue::float8 as revenue, ed.value_added::float8 as va, ed.energy_tce::float8 as energy,
        ed.electricity_mwh::float8 as elec, ed.emission_t::float8 as emission, ed.rd_expense::float8 as rd,
        ed.employees::float8 as employees
      from efficiency_data ed, p
      where ed.zone_id = ${zoneId} and ed.year = ${YEAR}
        and not ((p.params -> 'scope' ->> 'excludeTClass')::boolean and ed.t_class is not null)
        and ed.land_mu > 0 and ed.land_mu >= (p.params -> 'scope' ->> 'minLandMu')::float8
    ),
    v as (
      select d.enterprise_id, d.grp, d.leased_out, d.tax / d.land as tax_per_mu, w.indicator, w.weight, c.num, c.den,
        case w.indicator when 'rdShare' then 100.0 else 1.0 end as factor
      from d join w on w.grp = d.grp
      cross join lateral (select
        case w.indicator when 'taxPerMu' then d.tax when 'valueAddedPerMu' then d.va when 'revenuePerMu' then d.revenue
          when 'valueAddedPerEnergy' then d.va when 'valueAddedPerEmission' then d.va when 'laborProductivity' then d.va
          when 'rdShare' then d.rd when 'taxPerKwh' then d.tax end as num,
        case w.indicator when 'taxPerMu' then d.land when 'valueAddedPerMu' then d.land when 'revenuePerMu' then d.land
          when 'valueAddedPerEnergy' then d.energy when 'valueAddedPerEmission' then d.emission
          when 'laborProductivity' then d.employees when 'rdShare' then d.revenue when 'taxPerKwh' then d.elec end as den
      ) c
    ),
    b as (
      select grp, indicator,
        sum(num) filter (where num is not null and den > 0)
          / nullif(sum(den) filter (where num is not null and den > 0), 0) * max(factor) as benchmark
      from v group by grp, indicator
    ),
    pts as (
      select v.enterprise_id, v.grp, v.leased_out, v.tax_per_mu, v.indicator,
        case when v.num is null or v.den is null or v.den <= 0 then null
          when not (b.benchmark > 0) then 0
          else v.weight * least(v.num / v.den * v.factor / b.benchmark,
            coalesce((select (params ->> 'ratioCap')::float8 from p), 'Infinity'::float8)) end as pt
      from v join b using (grp, indicator)
    ),
    filled as (
      select enterprise_id, grp, leased_out, tax_per_mu,
        round(case when pt is not null then pt
          when (select params ->> 'missing' from p) = 'zero' then 0
          else coalesce(avg(pt) over (partition by grp, indicator), 0) end::numeric, 4) as pt
      from pts
    ),
    s as (
      select enterprise_id, grp, max(tax_per_mu) as tax_per_mu,
        sum(pt) + case when bool_or(leased_out)
          then (select (params -> 'adjustments' ->> 'leasedOutPoints')::numeric from p) else 0 end as score
      from filled group by enterprise_id, grp
    ),
    r as (
      select s.*, row_number() over (partition by grp order by score desc, coalesce(tax_per_mu, -1) desc, enterprise_id)
          as rank, count(*) over (partition by grp) as n
      from s
    ),
    bands as (select x.cls, x."upTo" as up_to from p, jsonb_to_recordset(p.params -> 'bands') x(cls text, "upTo" float8))
    select r.enterprise_id, r.grp, round(r.score::numeric, 2) as score, r.rank, r.n,
      (select cls from bands where r.rank * 100 <= bands.up_to * r.n + 1e-9 order by up_to limit 1) as cls
    from r`);
  const baseMs = performance.now() - t1;

  // Ranks may swap between firms of exactly the same score (the engine sums doubles, the SQL decimals; the generated
  // data has many identical firms): a rank differs only as a fault when its score has no twin.
  const [cmp] = rowsOf<{ app: number; base: number; both: number; bad: number; swaps: number }>(
    await db.execute(sql`with tied as (select grp, score from bench_baseline group by grp, score having count(*) > 1)
      select
      (select count(*)::int from efficiency_results where run_id = ${run.id}) as app,
      (select count(*)::int from bench_baseline) as base,
      count(*)::int as both,
      count(*) filter (where abs(x.score - b.score) > 0.011 or x.cls <> coalesce(b.cls, 'D')
        or (x.rank <> b.rank and t.score is null))::int as bad,
      count(*) filter (where x.rank <> b.rank and t.score is not null)::int as swaps
      from efficiency_results x join bench_baseline b on b.enterprise_id = x.enterprise_id
      left join tied t on t.grp = b.grp and t.score = b.score
      where x.zone_id = ${zoneId} and x.run_id = ${run.id}`),
  );
  const sample = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select e.credit_code, x.grp, x.score as app_score, b.score as sql_score, x.rank as app_rank,
        b.rank as sql_rank, x.cls as app_cls, b.cls as sql_cls
      from efficiency_results x join bench_baseline b on b.enterprise_id = x.enterprise_id
      join enterprises e on e.id = x.enterprise_id
      where x.run_id = ${run.id} and (x.rank in (1, 2) or x.rank % 40000 = 0) order by x.grp, x.rank`),
  );
  console.table(sample);
  console.log(
    `population ${population} rows of ${YEAR} data; evaluated ${computed.population} (classes ${JSON.stringify(computed.classCounts)})`,
  );
  console.log(
    `app (createRun + computeRun)  ${Math.round(appMs)} ms  | single-SQL baseline ${Math.round(baseMs)} ms  (target app < ${TARGET_MS})`,
  );
  const agree = cmp && cmp.app === cmp.base && cmp.both === cmp.app && cmp.bad === 0;
  console.log(
    `${agree ? 'ok  ' : 'FAIL'} app and baseline agree: ${cmp?.both} enterprises compared, ${cmp?.bad} differ in score, class or rank (app ${cmp?.app}, SQL ${cmp?.base}); ${cmp?.swaps} rank swaps between equal scores`,
  );
  await database.close();
  return agree && appMs < TARGET_MS ? 0 : 1;
}
