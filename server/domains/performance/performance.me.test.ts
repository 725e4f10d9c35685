import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePost, makeStaff, makeTenant, type Tenant } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { users } from '../auth/auth.tables';
import { staff } from '../org/org.tables';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const db = () => ctx.app.ctx.database.db;

async function link(t: Tenant, role: 'dept_staff' | 'service_officer' | 'dept_head', staffId: string | null) {
  const admin = await t.as('admin');
  const u = t.users[role];
  return admin.put(`/api/users/${u.id}`, {
    displayName: u.displayName,
    role,
    zoneId: t.zoneId,
    departmentId: t.deptA.id,
    staffId,
  });
}

describe('§8 my KPIs (我的考核): a staff member sees only their own', () => {
  it('links accounts to staff of their zone only, one account per staff member', async () => {
    const t = await makeTenant(ctx.app);
    const other = await makeTenant(ctx.app);
    const foreign = await link(t, 'dept_staff', other.staffA.id);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().fields).toHaveProperty('staffId');
    expect((await link(t, 'dept_staff', t.staffA.id)).statusCode).toBe(200);
    const twice = await link(t, 'service_officer', t.staffA.id);
    expect([400, 409]).toContain(twice.statusCode);
    expect(twice.json().fields).toHaveProperty('staffId');
    // An update that does not mention the link keeps it.
    const admin = await t.as('admin');
    const u = t.users.dept_staff;
    const kept = await admin.put(`/api/users/${u.id}`, {
      displayName: '改名',
      role: 'dept_staff',
      zoneId: t.zoneId,
      departmentId: t.deptA.id,
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().staffId).toBe(t.staffA.id);
  });

  it('each linked person sees their own scores, trend, values and pay; an unlinked account sees nothing', async () => {
    const t = await makeTenant(ctx.app);
    await db().update(staff).set({ status: 'left' }).where(eq(staff.id, t.staffB.id));
    const post = await makePost(db(), t.zoneId, t.deptA.id, 1.2);
    const colleague = await makeStaff(db(), t.zoneId, t.deptA.id, post.id);
    await db().update(staff).set({ name: '同事乙' }).where(eq(staff.id, colleague.id));
    await db().update(staff).set({ name: '本人甲' }).where(eq(staff.id, t.staffA.id));
    expect((await link(t, 'dept_staff', t.staffA.id)).statusCode).toBe(200);
    expect((await link(t, 'service_officer', colleague.id)).statusCode).toBe(200);

    const leader = await t.as('zone_leader');
    const ids: string[] = [];
    for (const [name, start, end, mine, theirs] of [
      ['2026年第一季度', '2026-01-01', '2026-03-31', 90, 70],
      ['2026年第二季度', '2026-04-01', '2026-06-30', 80, 95],
    ] as const) {
      const cycle = await leader.post('/api/performance/cycles', {
        name,
        period: 'quarterly',
        periodStart: start,
        periodEnd: end,
        departmentSharePct: 0,
        gradeRules: { excellentMaxPct: 50, excellentMinScore: 90, failMinPct: 0, bottomPct: null, floorScore: 60 },
      });
      const id = cycle.json().id as string;
      ids.push(id);
      const set = await leader.put(`/api/performance/cycles/${id}/indicators`, {
        indicators: [{ level: 'individual', name: '任务完成率', method: 'capped', weight: 100, target: 100, cap: 1 }],
      });
      const indicatorId = set.json()[0].id as string;
      for (const [staffId, actual] of [
        [t.staffA.id, mine],
        [colleague.id, theirs],
      ] as const) {
        const v = await leader.post(`/api/performance/cycles/${id}/values`, {
          indicatorId,
          staffId,
          actual,
          note: staffId === t.staffA.id ? '本人佐证' : '同事佐证',
        });
        expect(v.statusCode, v.body).toBe(200);
      }
      expect((await leader.post(`/api/performance/cycles/${id}/compute`, {})).statusCode).toBe(200);
    }

    const mine = (await (await t.as('dept_staff')).get('/api/performance/me')).json();
    expect(mine.staff).toMatchObject({ id: t.staffA.id, name: '本人甲' });
    // Trend in period order: 90 then 80 points (capped at target, weight 100).
    expect(mine.cycles.map((c: { cycleName: string; score: number }) => [c.cycleName, c.score])).toEqual([
      ['2026年第一季度', 90],
      ['2026年第二季度', 80],
    ]);
    expect(mine.cycles.map((c: { rank: number; ranked: number }) => [c.rank, c.ranked])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(mine.latestValues).toEqual([expect.objectContaining({ actual: 80, note: '本人佐证' })]);
    expect(JSON.stringify(mine)).not.toContain('同事');

    const theirs = (await (await t.as('service_officer')).get('/api/performance/me')).json();
    expect(theirs.staff.id).toBe(colleague.id);
    expect(theirs.cycles.map((c: { score: number }) => c.score)).toEqual([70, 95]);
    expect(JSON.stringify(theirs)).not.toContain('本人');

    // The department head's account is not linked: nobody's data, not the department's.
    const head = (await (await t.as('dept_head')).get('/api/performance/me')).json();
    expect(head).toEqual({ staff: null, cycles: [], latestValues: [], pay: [] });
    // Unlinking takes effect at once.
    await db().update(users).set({ staffId: null }).where(eq(users.id, t.users.service_officer.id));
    expect((await (await t.as('service_officer')).get('/api/performance/me')).json().staff).toBeNull();
    // Enterprise users have no access at all.
    expect((await (await t.as('enterprise')).get('/api/performance/me')).statusCode).toBe(403);
  });
});
