import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePost, makeTenant } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { staff } from '../org/org.tables';
import { termEnd } from './performance.appointments';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('§8 appointments: 3-year terms, consecutive-term limit, expiry alerts, 双轨', () => {
  it('§8 a term lasts 3 years to the day before the anniversary', () => {
    expect(termEnd('2024-03-01', 3)).toBe('2027-02-28');
    expect(termEnd('2023-01-01', 3)).toBe('2025-12-31');
    expect(termEnd('2024-02-29', 3)).toBe('2027-02-27');
  });

  it('§8 no more than 3 consecutive terms in one post unless the committee decision is recorded', async () => {
    const tenant = await makeTenant(ctx.app);
    const c = await tenant.as('zone_leader');
    const db = ctx.app.ctx.database.db;
    const post = await makePost(db, tenant.zoneId, tenant.deptA.id, 1.4);
    const person = tenant.staffB;
    const base = { staffId: person.id, postId: post.id, method: 'competitive' };
    for (const [i, startsOn] of ['2014-01-01', '2017-01-01', '2020-01-01'].entries()) {
      const r = await c.post('/api/performance/appointments', { ...base, startsOn });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ termNo: i + 1, endsOn: `${2016 + i * 3}-12-31` });
    }
    // 双轨: the appointed post follows the appointment, the archive rank stays.
    const [row] = await db.select().from(staff).where(eq(staff.id, person.id));
    expect(row).toMatchObject({ postId: post.id, departmentId: tenant.deptA.id, archiveRank: '正科' });

    const overlap = await c.post('/api/performance/appointments', { ...base, startsOn: '2022-06-01' });
    expect(overlap.json().code).toBe('TERM_OVERLAP');
    const fourth = await c.post('/api/performance/appointments', { ...base, startsOn: '2023-01-01' });
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json()).toMatchObject({
      code: 'TERM_LIMIT',
      fields: { committeeDecision: expect.stringContaining('3') },
    });
    const extended = await c.post('/api/performance/appointments', {
      ...base,
      startsOn: '2023-01-01',
      committeeDecision: '党工委〔2022〕18号：重大项目攻坚期延聘一届',
    });
    expect(extended.json()).toMatchObject({
      termNo: 4,
      committeeDecision: '党工委〔2022〕18号：重大项目攻坚期延聘一届',
    });
    // Another post starts the count again.
    const other = await makePost(db, tenant.zoneId, tenant.deptA.id, 1.2);
    const moved = await c.post('/api/performance/appointments', { ...base, postId: other.id, startsOn: '2026-01-01' });
    expect(moved.json()).toMatchObject({ termNo: 1, endsOn: '2028-12-31', archiveRank: '正科' });

    const history = (await c.get(`/api/performance/appointments?staffId=${person.id}`)).json();
    expect(history.map((h: { termNo: number }) => h.termNo)).toEqual([1, 4, 3, 2, 1]);
  });

  it('§8 expiry alerts list the terms ending within the window', async () => {
    const tenant = await makeTenant(ctx.app);
    const c = await tenant.as('zone_leader');
    const post = await makePost(ctx.app.ctx.database.db, tenant.zoneId, tenant.deptA.id, 1.2);
    const today = new Date(Date.now() + 8 * 3600_000);
    const start = new Date(today);
    start.setUTCFullYear(start.getUTCFullYear() - 3);
    start.setUTCDate(start.getUTCDate() + 30); // ends in about 29 days
    const startsOn = start.toISOString().slice(0, 10);
    await c.post('/api/performance/appointments', {
      staffId: tenant.staffA.id,
      postId: post.id,
      method: 'mutual',
      startsOn,
    });
    expect((await c.get('/api/performance/appointments?expiringWithinDays=60')).json()).toHaveLength(1);
    expect((await c.get('/api/performance/appointments?expiringWithinDays=10')).json()).toHaveLength(0);
    const other = await makeTenant(ctx.app);
    expect(
      (await (await other.as('zone_leader')).get('/api/performance/appointments?expiringWithinDays=60')).json(),
    ).toHaveLength(0);
  });
});
