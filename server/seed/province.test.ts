import { eq, inArray, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalItems } from '../domains/approval/approval.tables';
import { todayInShanghai } from '../domains/projects/projects.repository';
import { provinces, zones } from '../domains/tenancy/tenancy.tables';
import { rows } from '../platform/db';
import { createTestContext, type TestContext } from '../test/harness';
import { seedDemo } from './demo';
import { seedProvince } from './province';
import { seedProvinceWork } from './province-work';

/**
 * `zoneos seed --scale province` in small (3 added zones × 150 enterprises): every added zone gets a pipeline with
 * signed projects, key projects with plan and completions, a catalogue and approval cases; the generated work data
 * is the same for the same seed (deleted and generated again, the figures match).
 */
let ctx: TestContext;
let added: { id: string; code: string }[] = [];
const SEED = 77;

/** Per-zone figures: pipeline, key projects, cases. */
async function figures(ids: string[]) {
  const list = `{${ids.join(',')}}`;
  return rows<Record<string, string | number>>(
    ctx.database.db,
    sql`select z.code,
      (select count(*)::int from investment_projects p where p.zone_id = z.id) projects,
      (select count(*)::int from investment_projects p where p.zone_id = z.id and p.signed_on is not null) signed,
      (select coalesce(sum(agreed_investment_fen), 0)::text from investment_projects p where p.zone_id = z.id) agreed,
      (select string_agg(stage, ',' order by stage) from investment_projects p where p.zone_id = z.id) stages,
      (select count(*)::int from investment_stage_moves m where m.zone_id = z.id) moves,
      (select count(*)::int from key_projects k where k.zone_id = z.id) kps,
      (select string_agg(light, ',' order by code) from key_projects k where k.zone_id = z.id) lights,
      (select coalesce(sum(planned_fen), 0)::text from key_project_years y where y.zone_id = z.id) planned,
      (select coalesce(sum(completed_fen), 0)::text from key_project_months m where m.zone_id = z.id) completed,
      (select count(*)::int from approval_items i where i.zone_id = z.id) items,
      (select count(*)::int from approval_cases c where c.zone_id = z.id) cases,
      (select count(*)::int from approval_cases c where c.zone_id = z.id and c.decided_on is not null) decided,
      (select coalesce(sum(handling_days), 0)::int from approval_cases c where c.zone_id = z.id) handling
    from zones z where z.id = any(${list}::uuid[]) order by z.code`,
  );
}

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.database.db;
  const [demo] = await db.select({ id: zones.id }).from(zones).where(eq(zones.code, 'yiyang-hitech'));
  if (!demo) await seedDemo(db);
  const [hn] = await db.select().from(provinces).where(eq(provinces.code, 'HN'));
  const inHn = hn ? await db.select({ id: zones.id }).from(zones).where(eq(zones.provinceId, hn.id)) : [];
  const res = await seedProvince(db, { seed: SEED, zones: inHn.length + 3, enterprisesPerZone: 150 });
  expect(res.zonesAdded).toBe(3);
  added = await db.select({ id: zones.id, code: zones.code }).from(zones).where(like(zones.code, 'hn-%'));
}, 600_000);
afterAll(() => ctx?.close());

describe('province seed: 招商, 重点项目 and 审批 in every generated zone', () => {
  it('every added zone has a pipeline across stages, key projects with plan and completions, and cases', async () => {
    expect(added).toHaveLength(3);
    const month = Number(todayInShanghai().slice(5, 7));
    for (const f of await figures(added.map((z) => z.id))) {
      expect(f.projects, String(f.code)).toBeGreaterThanOrEqual(30);
      expect(f.signed).toBeGreaterThan(3);
      expect(new Set(String(f.stages).split(',')).size).toBeGreaterThanOrEqual(4);
      expect(f.moves).toBeGreaterThan(0);
      expect(f.kps).toBeGreaterThan(0);
      expect(Number(f.planned)).toBeGreaterThan(0);
      if (month > 2) expect(Number(f.completed)).toBeGreaterThan(0);
      expect(f.items).toBeGreaterThan(5);
      expect(f.cases).toBeGreaterThanOrEqual(200);
      expect(f.decided).toBeGreaterThan(0);
    }
    // Cases reference the zone's own items and enterprises only.
    const [{ foreign } = { foreign: -1 }] = await rows<{ foreign: number }>(
      ctx.database.db,
      sql`select count(*)::int foreign from approval_cases c
        where c.zone_id = any(${`{${added.map((z) => z.id).join(',')}}`}::uuid[])
          and (exists (select 1 from unnest(c.item_ids) x where not exists
                (select 1 from approval_items i where i.id = x and i.zone_id = c.zone_id))
            or not exists (select 1 from enterprises e where e.id = c.enterprise_id and e.zone_id = c.zone_id))`,
    );
    expect(foreign).toBe(0);
    const [{ future } = { future: -1 }] = await rows<{ future: number }>(
      ctx.database.db,
      sql`select count(*)::int future from approval_cases c join zones z on z.id = c.zone_id
        where z.code like 'hn-%' and (c.decided_on > current_date or c.closed_on > current_date)`,
    );
    expect(future).toBe(0);
  });

  it('the same seed gives the same figures: deleted and generated again, every count and sum matches', async () => {
    const db = ctx.database.db;
    const ids = added.map((z) => z.id);
    const before = await figures(ids);
    const list = sql`${`{${ids.join(',')}}`}::uuid[]`;
    await db.transaction(async (tx) => {
      for (const t of [
        'approval_cases',
        'key_project_months',
        'key_project_years',
        'key_projects',
        'investment_stage_moves',
        'investment_projects',
        'investment_targets',
        'investment_teams',
      ]) {
        await tx.execute(sql`delete from ${sql.identifier(t)} where zone_id = any(${list})`);
      }
      const [source] = await tx
        .select({ zoneId: approvalItems.zoneId })
        .from(approvalItems)
        .innerJoin(zones, eq(zones.id, approvalItems.zoneId))
        .where(inArray(zones.code, ['yiyang-hitech']))
        .limit(1);
      await seedProvinceWork(tx, {
        zones: [...added].sort((a, b) => a.code.localeCompare(b.code)),
        demoZoneId: source?.zoneId ?? null,
        seed: SEED,
        today: todayInShanghai(),
      });
    });
    expect(await figures(ids)).toEqual(before);
  });
});
