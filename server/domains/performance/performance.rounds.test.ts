import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePost, makeStaff, makeTenant } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { staff } from '../org/org.tables';
import { addDays, todayInChina } from './performance.appointments';
import { finalizeRound, rankApplicants, roundTotal } from './performance.rounds';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const db = () => ctx.app.ctx.database.db;

describe('§8 competitive appointment rounds (竞聘上岗)', () => {
  it('§8 total = written × 40% + interview × 60%; ties by interview, then hire date, then employee number', () => {
    expect(roundTotal(85, 90, 40, 60)).toBe(88);
    expect(roundTotal(77.5, 81.25, 40, 60)).toBe(79.75);
    const ranked = rankApplicants(
      [
        { id: 'a', total: 88, interview: 90, hiredOn: '2015-01-01', employeeNo: 'E3' },
        { id: 'b', total: 88, interview: 92, hiredOn: '2018-01-01', employeeNo: 'E2' },
        { id: 'c', total: 88, interview: 90, hiredOn: '2012-01-01', employeeNo: 'E9' },
        { id: 'd', total: 59.99, interview: 99, hiredOn: null, employeeNo: 'E1' },
      ],
      3,
      60,
    );
    // b wins on interview; c before a on the earlier hire date; d is below the pass score and never selected.
    expect(ranked).toEqual([
      { id: 'b', rank: 1, result: 'selected' },
      { id: 'c', rank: 2, result: 'selected' },
      { id: 'a', rank: 3, result: 'selected' },
      { id: 'd', rank: 4, result: 'not_selected' },
    ]);
    expect(rankApplicants([{ id: 'x', total: 70, interview: 70, hiredOn: null, employeeNo: 'E1' }], 0, 60)).toEqual([
      { id: 'x', rank: 1, result: 'not_selected' },
    ]);
  });

  it('§8 a round end to end: weights must sum to 100, one post per person, publicity before appointment, 3-year term', async () => {
    const t = await makeTenant(ctx.app);
    const c = await t.as('zone_leader');
    const post = await makePost(db(), t.zoneId, t.deptA.id, 1.3);
    const people = [];
    for (const [i, hiredOn] of ['2010-03-01', '2016-03-01', '2012-03-01'].entries()) {
      const s = await makeStaff(db(), t.zoneId, t.deptA.id);
      await db()
        .update(staff)
        .set({ name: `竞聘者${i + 1}`, employeeNo: `R00${i + 1}`, hiredOn })
        .where(eq(staff.id, s.id));
      people.push(s);
    }
    const body = {
      name: '2026年中层岗位竞聘',
      writtenWeight: 40,
      interviewWeight: 50,
      termStartsOn: '2026-07-01',
      posts: [{ postId: post.id, seats: 1 }],
    };
    const bad = await c.post('/api/performance/rounds', body);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual({ interviewWeight: '笔试与面试权重合计必须为 100' });
    const created = await c.post('/api/performance/rounds', { ...body, interviewWeight: 60 });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as string;

    for (const p of people) {
      const r = await c.post(`/api/performance/rounds/${id}/applicants`, { postId: post.id, staffId: p.id });
      expect(r.statusCode, r.body).toBe(200);
    }
    const again = await c.post(`/api/performance/rounds/${id}/applicants`, { postId: post.id, staffId: people[0]!.id });
    expect(again.statusCode).toBeGreaterThanOrEqual(400);
    expect(again.statusCode).toBeLessThan(500);
    expect(again.json().fields).toHaveProperty('staffId');
    const otherPost = await makePost(db(), t.zoneId, t.deptA.id);
    const notOffered = await c.post(`/api/performance/rounds/${id}/applicants`, {
      postId: otherPost.id,
      staffId: t.staffA.id,
    });
    expect(notOffered.json().fields).toEqual({ postId: '该岗位不在本轮竞聘岗位中' });

    // Publishing before everyone is scored is refused.
    expect((await c.post(`/api/performance/rounds/${id}/publish`, {})).statusCode).toBe(409);
    const applicants = created.json().applicants as unknown[];
    expect(applicants).toHaveLength(0);
    const round = (await c.get(`/api/performance/rounds/${id}`)).json();
    const byStaff = new Map<string, string>(
      round.applicants.map((a: { staffId: string; id: string }) => [a.staffId, a.id]),
    );
    // 1: 80×.4+90×.6 = 86; 2: 90×.4+83.33×.6 = 85.998 → 86.00 (same total, lower interview); 3: 70/70 = 70.
    const scored = await c.put(`/api/performance/rounds/${id}/scores`, {
      scores: [
        { applicantId: byStaff.get(people[0]!.id), writtenScore: 80, interviewScore: 90 },
        { applicantId: byStaff.get(people[1]!.id), writtenScore: 90, interviewScore: 83.33 },
        { applicantId: byStaff.get(people[2]!.id), writtenScore: 70, interviewScore: 70 },
      ],
    });
    expect(scored.statusCode, scored.body).toBe(200);
    const published = await c.post(`/api/performance/rounds/${id}/publish`, {});
    expect(published.statusCode, published.body).toBe(200);
    const res = published.json();
    expect(res.status).toBe('publicized');
    expect(res.publicityEndsOn).toBe(addDays(todayInChina(), 4));
    const result = (sid: string) => res.applicants.find((a: { staffId: string }) => a.staffId === sid);
    expect(result(people[0]!.id)).toMatchObject({ total: 86, rank: 1, result: 'selected' });
    expect(result(people[1]!.id)).toMatchObject({ total: 86, rank: 2, result: 'not_selected' });
    expect(result(people[2]!.id)).toMatchObject({ rank: 3, result: 'not_selected' });
    // Scores are frozen once publicised.
    expect(
      (
        await c.put(`/api/performance/rounds/${id}/scores`, {
          scores: scored
            .json()
            .applicants.slice(0, 1)
            .map((a: { id: string }) => ({ applicantId: a.id, writtenScore: 100, interviewScore: 100 })),
        })
      ).statusCode,
    ).toBe(409);

    // Not before the publicity period is over.
    const early = await c.post(`/api/performance/rounds/${id}/finalize`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain(res.publicityEndsOn);
    const scope = {
      zoneId: t.zoneId,
      departmentId: null,
      enterpriseId: null,
      actor: {
        userId: t.users.zone_leader.id,
        username: t.users.zone_leader.username,
        displayName: '领导',
        role: 'zone_leader' as const,
        locale: 'zh-CN' as const,
        zoneId: t.zoneId,
        provinceId: null,
        departmentId: null,
        enterpriseId: null,
        mustChangePassword: false,
        sessionId: 's',
        csrfToken: 'c',
        ip: '127.0.0.1',
      },
    };
    const final = await finalizeRound(db(), scope, id, addDays(res.publicityEndsOn, 1));
    expect(final.status).toBe('finalized');
    const history = (await c.get('/api/performance/appointments', { query: { staffId: people[0]!.id } })).json();
    expect(history[0]).toMatchObject({
      postId: post.id,
      method: 'competitive',
      startsOn: '2026-07-01',
      endsOn: '2029-06-30',
      termNo: 1,
    });
    expect((await c.get('/api/performance/appointments', { query: { staffId: people[1]!.id } })).json()).toEqual([]);
  });
});
