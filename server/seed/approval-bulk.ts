import { sql } from 'drizzle-orm';
import type { Tx } from '../platform/db';
import { rows } from '../platform/db';

/**
 * Set-based approval data for many zones at once (province seed, approval-metrics bench): a copy of one zone's
 * catalogue per zone, then generated cases in one INSERT … SELECT generate_series. Deterministic for a seed
 * (setseed; random() keeps the plan serial) given the same zones, catalogue and enterprises.
 */

/** A PostgreSQL uuid[] literal, one parameter whatever the count. */
const uuids = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * Every listed zone without a catalogue gets a copy of `fromZoneId`'s (its lead departments included, matched by
 * code; a few items offline per zone).
 */
export async function copyApprovalCatalogue(tx: Tx, fromZoneId: string, zoneIds: readonly string[]): Promise<void> {
  if (!zoneIds.length) return;
  await tx.execute(sql`insert into departments (zone_id, code, name, name_en, class)
    select z.id, d.code, d.name, d.name_en, d.class from zones z
    cross join (select distinct d.code, d.name, d.name_en, d.class from departments d
      join approval_items i on i.lead_department_id = d.id where i.zone_id = ${fromZoneId}) d
    where z.id = any(${uuids(zoneIds)}) and not exists (select 1 from approval_items x where x.zone_id = z.id)
    on conflict do nothing`);
  await tx.execute(sql`insert into approval_items (zone_id, code, name, type, stage, lead_department_id,
      statutory_days, committed_days, limit_unit, modes, materials, prerequisite_codes, fees, online, active)
    select z.id, i.code, i.name, i.type, i.stage,
      coalesce((select nd.id from departments nd where nd.zone_id = z.id and nd.code = d.code),
               (select nd.id from departments nd where nd.zone_id = z.id order by nd.code limit 1)),
      i.statutory_days, i.committed_days, i.limit_unit, i.modes, i.materials, i.prerequisite_codes, i.fees,
      i.online and abs(hashtext(z.code || i.code)) % 13 <> 0, true
    from zones z cross join approval_items i join departments d on d.id = i.lead_department_id
    where i.zone_id = ${fromZoneId} and z.id = any(${uuids(zoneIds)})
      and not exists (select 1 from approval_items x where x.zone_id = z.id)`);
}

export interface CaseGeneration {
  /** Zones that receive cases, interleaved in code order (zones without active items or enterprises get none). */
  zoneIds: readonly string[];
  /** Cases in total, spread evenly over the zones. */
  count: number;
  /** case_no = prefix || 9-digit serial; case numbers are globally unique, so each generator has its own prefix. */
  prefix: string;
  /** Submission dates: firstDay + [0, days), skewed toward the recent end. */
  firstDay: string;
  days: number;
  /** setseed() argument in [-1, 1]. */
  seed: number;
}

/**
 * Generated cases the way a live zone fills the table: skewed item popularity, 10% 一件事 bundles (deduplicated
 * materials), 10% 告知承诺, 8% offline, every status (open cases received lately, a few stale ones past the
 * statutory date), handling times around the committed limit with 12% late. No step events (metrics do not read
 * them). Temporary tables are dropped at commit.
 */
export async function generateApprovalCases(tx: Tx, g: CaseGeneration): Promise<void> {
  if (!g.zoneIds.length || g.count <= 0) return;
  await tx.execute(sql`select setseed(${g.seed})`);
  await tx.execute(sql.raw('drop table if exists bz, bi, bic, be, bec'));
  await tx.execute(sql`create temp table bz on commit drop as
    select id, (row_number() over (order by code) - 1)::int zi from zones where id = any(${uuids(g.zoneIds)})`);
  await tx.execute(sql`create temp table bi on commit drop as
    select z.zi, (row_number() over (partition by i.zone_id order by i.code) - 1)::int k, i.id,
      i.lead_department_id dept, i.committed_days c, i.statutory_days s, i.stage, i.materials, i.modes
    from approval_items i join bz z on z.id = i.zone_id where i.active`);
  await tx.execute(sql`create temp table bic on commit drop as select zi, count(*)::int n from bi group by zi`);
  await tx.execute(sql`create temp table be on commit drop as
    select z.zi, (row_number() over (partition by e.zone_id order by e.id) - 1)::int k, e.id
    from enterprises e join bz z on z.id = e.zone_id`);
  await tx.execute(sql`create temp table bec on commit drop as select zi, count(*)::int n from be group by zi`);
  // One statement each (PGlite runs no multi-statement query).
  for (const t of ['bz', 'bi', 'bic', 'be', 'bec']) await tx.execute(sql.raw(`analyze ${t}`));
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
        select x.*, bz.id zone_id, ${g.prefix} || lpad(x.g::text, 9, '0') case_no, e.id enterprise_id, i.dept, i.stage,
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
          select g, g % ${nz}::int zi, random() r1, random() r2, random() r3, random() r5, random() r6, random() r7,
            random() r8, ${g.firstDay}::date + floor(power(random(), 0.8) * ${g.days}::int)::int sub
          from generate_series(1, ${g.count}::int) g
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
  // Recent cases whose drawn handling time runs past today are still under review (no decision in the future).
  await tx.execute(sql`update approval_cases c set status = 'IN_REVIEW', outcome = null, decided_on = null,
      closed_on = null, handling_days = null, committed_passed = false, overdue = false, last_on = c.accepted_on,
      updated_at = c.accepted_on::timestamp + interval '10 hours'
    where c.zone_id in (select id from bz) and c.case_no like ${`${g.prefix}%`}
      and c.accepted_on is not null and (c.decided_on > current_date or c.closed_on > current_date)`);
  await tx.execute(sql`update approval_cases c set closed_on = current_date, last_on = current_date
    where c.zone_id in (select id from bz) and c.case_no like ${`${g.prefix}%`} and c.closed_on > current_date`);
}
