import { and, count, eq, gte, lt } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment, makePost, makeStaff, makeTenant, type Tenant } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { enterprises } from '../enterprises/enterprises.tables';
import { departments, staff } from '../org/org.tables';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const db = () => ctx.app.ctx.database.db;

/** A zone whose only paid department holds three people: posts 1.5 / 1.2 / 1.0 (the tenant's own staff left aside). */
async function threePeopleZone() {
  const tenant = await makeTenant(ctx.app);
  // The tenant's fixtures would join the split; retire them so the worked example stays exact.
  await db().update(staff).set({ status: 'left' }).where(eq(staff.zoneId, tenant.zoneId));
  await db().update(departments).set({ active: false }).where(eq(departments.id, tenant.deptB.id));
  const people = [];
  for (const [i, coef] of [1.5, 1.2, 1.0].entries()) {
    const post = await makePost(db(), tenant.zoneId, tenant.deptA.id, coef);
    const s = await makeStaff(db(), tenant.zoneId, tenant.deptA.id, post.id);
    await db()
      .update(staff)
      .set({ employeeNo: `W00${i + 1}`, name: `员工${i + 1}`, hiredOn: `201${i}-01-01` })
      .where(eq(staff.id, s.id));
    people.push(s);
  }
  return { tenant, people };
}

async function cycleWith(
  tenant: Tenant,
  body: Record<string, unknown> = {},
  indicators: Record<string, unknown>[] = [
    { level: 'individual', name: '工作任务完成率', method: 'capped', weight: 100, target: 100, cap: 1.2 },
  ],
) {
  const c = await tenant.as('zone_leader');
  const cycle = await c.post('/api/performance/cycles', {
    name: `2026年度考核${Math.random().toString(36).slice(2, 6)}`,
    period: 'annual',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    departmentSharePct: 0,
    ...body,
  });
  expect(cycle.statusCode, cycle.body).toBe(200);
  const set = await c.put(`/api/performance/cycles/${cycle.json().id}/indicators`, { indicators });
  expect(set.statusCode, set.body).toBe(200);
  return { c, cycleId: cycle.json().id as string, indicators: set.json() as { id: string; level: string }[] };
}

describe('§8 appraisal: indicators and weights', () => {
  it('§8 weights not summing to 100 are refused, per group, with field errors in zh-CN and en-US', async () => {
    const tenant = await makeTenant(ctx.app);
    const c = await tenant.as('zone_leader');
    const cycle = (
      await c.post('/api/performance/cycles', {
        name: '2026年第一季度',
        period: 'quarterly',
        periodStart: '2026-01-01',
        periodEnd: '2026-03-31',
      })
    ).json();
    const bad = {
      indicators: [
        { level: 'department', class: 'A', name: '签约项目数', method: 'capped', weight: 60, target: 10 },
        { level: 'department', class: 'A', name: '到位资金', method: 'efficacy', weight: 30 },
        { level: 'department', class: 'B', name: '督办完成率', method: 'capped', weight: 100, target: 100 },
        { level: 'individual', name: '个人任务', method: 'capped', weight: 100, target: 100 },
        { level: 'individual', name: '表彰加分', method: 'bonus', weight: 0, cap: 5 },
      ],
    };
    const res = await c.put(`/api/performance/cycles/${cycle.id}/indicators`, bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual({
      'indicators.0.weight': '同一指标组的权重合计必须为 100',
      'indicators.1.weight': '同一指标组的权重合计必须为 100',
    });
    const en = await c.put(`/api/performance/cycles/${cycle.id}/indicators`, bad, {
      headers: { 'accept-language': 'en-US' },
    });
    expect(en.json().fields['indicators.0.weight']).toBe('The weights of an indicator group must sum to 100');
    // 33.33 + 33.33 + 33.34 = 100 exactly (compared in hundredths, no float drift); bonus items carry no weight.
    bad.indicators.splice(
      0,
      2,
      ...[33.33, 33.33, 33.34].map((weight, i) => ({
        level: 'department',
        class: 'A',
        name: `指标${i}`,
        method: 'capped',
        weight,
        target: 10,
      })),
    );
    expect((await c.put(`/api/performance/cycles/${cycle.id}/indicators`, bad)).statusCode).toBe(200);
    bad.indicators[4] = { level: 'individual', name: '表彰加分', method: 'bonus', weight: 5, cap: 5 };
    expect((await c.put(`/api/performance/cycles/${cycle.id}/indicators`, bad)).json().fields).toEqual({
      'indicators.4.weight': expect.any(String),
    });
  });
});

describe('§8 scores, grades and the pay split, end to end', () => {
  it('§8 a pool of 1,200,000 split over post×grade products 1.65/1.20/0.90 gives 528,000 / 384,000 / 288,000', async () => {
    const { tenant, people } = await threePeopleZone();
    const { c, cycleId, indicators } = await cycleWith(tenant, {
      gradeRules: { excellentMaxPct: 33, excellentMinScore: 90, failMinPct: 0, bottomPct: 33, floorScore: 60 },
    });
    for (const [i, actual] of [100, 80, 70].entries()) {
      const v = await c.post(`/api/performance/cycles/${cycleId}/values`, {
        indicatorId: indicators[0]!.id,
        staffId: people[i]!.id,
        actual,
      });
      expect(v.statusCode, v.body).toBe(200);
    }
    expect((await c.post(`/api/performance/cycles/${cycleId}/close`)).json().status).toBe('closed');
    const scores = (await c.get(`/api/performance/cycles/${cycleId}/scores?subject=staff`)).json();
    expect(
      scores.map((s: { employeeNo: string; score: number; grade: string }) => [s.employeeNo, s.score, s.grade]),
    ).toEqual([
      ['W001', 100, 'excellent'],
      ['W002', 80, 'good'],
      ['W003', 70, 'basic'],
    ]);

    const run = await c.post('/api/pay/runs', {
      year: 2026,
      kind: 'settlement',
      poolFen: 120_000_000,
      cycleId,
      params: { gradeCoefficients: { excellent: 1.1, good: 1, basic: 0.9, fail: 0.5 } },
    });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ distributedFen: 120_000_000, people: 3, flagged: 0 });
    const lines = (await c.get(`/api/pay/runs/${run.json().id}/lines`)).json().data;
    expect(lines.map((l: { weight: number; shareFen: number }) => [l.weight, l.shareFen / 100])).toEqual([
      [1.65, 528_000],
      [1.2, 384_000],
      [0.9, 288_000],
    ]);
    expect(lines[0]).toMatchObject({
      postCoefficient: 1.5,
      grade: 'excellent',
      gradeCoefficient: 1.1,
      departmentWeightSum: 3.75,
    });

    // Excel for the payroll office: the same figures in yuan.
    const xlsx = await c.get(`/api/pay/runs/${run.json().id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const paid = header.indexOf('本次发放（元）') + 1;
    expect([2, 3, 4].map((r) => ws.getRow(r).getCell(paid).value)).toEqual([528000, 384000, 288000]);
  });

  it('§8 two departments: Σ post coefficients × department coefficient, advances then settlement, conserved to the fen', async () => {
    const tenant = await makeTenant(ctx.app);
    const zoneId = tenant.zoneId;
    const d1 = await makeDepartment(db(), zoneId, { class: 'A', coefficient: 1.2 });
    const d2 = await makeDepartment(db(), zoneId, { class: 'B', coefficient: 1.0 });
    await db().update(staff).set({ status: 'left' }).where(eq(staff.zoneId, zoneId));
    for (const [d, coefs] of [
      [d1, [1.65, 1.2, 1.2]],
      [d2, [1.5, 1.0, 1.0, 0.9]],
    ] as const) {
      for (const coef of coefs) await makeStaff(db(), zoneId, d.id, (await makePost(db(), zoneId, d.id, coef)).id);
    }
    const c = await tenant.as('zone_leader');
    const pool = 100_000_001; // an odd fen to show the remainder rule
    const adv = await c.post('/api/pay/runs', { year: 2026, kind: 'advance', quarter: 1, poolFen: pool });
    expect(adv.statusCode, adv.body).toBe(200);
    // 60 % advanced over four quarters: floor(100,000,001 × 0.6 / 4) = 15,000,000 fen this quarter.
    expect(adv.json().distributedFen).toBe(15_000_000);
    const advLines = (await c.get(`/api/pay/runs/${adv.json().id}/lines?pageSize=50`)).json().data as {
      departmentId: string;
      departmentShareFen: number;
      amountFen: number;
    }[];
    expect(advLines.reduce((s, l) => s + l.amountFen, 0)).toBe(15_000_000);
    // Department weights: 4.05 × 1.2 = 4.86 and 4.4 × 1.0 = 4.4 → 15,000,000 × 4.86/9.26 = 7,872,570.19… → 7,872,570.
    const d1Share = advLines.find((l) => l.departmentId === d1.id)!.departmentShareFen;
    expect(d1Share).toBe(7_872_570); // remainders .19 vs .81: the leftover fen goes to the other department
    expect(d1Share + advLines.find((l) => l.departmentId === d2.id)!.departmentShareFen).toBe(15_000_000);

    // Same quarter twice: refused as a conflict.
    expect((await c.post('/api/pay/runs', { year: 2026, kind: 'advance', quarter: 1, poolFen: pool })).statusCode).toBe(
      409,
    );

    // Settlement on a closed cycle (everyone 合格 → grade coefficient 1): share − advances; Σ shares = the pool.
    const { cycleId } = await cycleWith(
      tenant,
      { gradeRules: { excellentMaxPct: 0, excellentMinScore: 90, failMinPct: 0, bottomPct: null, floorScore: 0 } },
      [{ level: 'individual', name: '出勤', method: 'efficacy', weight: 100 }],
    );
    await c.post(`/api/performance/cycles/${cycleId}/close`);
    const set = await c.post('/api/pay/runs', { year: 2026, kind: 'settlement', poolFen: pool, cycleId });
    expect(set.statusCode, set.body).toBe(200);
    const setLines = (await c.get(`/api/pay/runs/${set.json().id}/lines?pageSize=50`)).json().data as {
      shareFen: number;
      advancesFen: number;
      amountFen: number;
    }[];
    expect(setLines.reduce((s, l) => s + l.shareFen, 0)).toBe(pool);
    expect(setLines.reduce((s, l) => s + l.amountFen, 0)).toBe(pool - 15_000_000);
    for (const l of setLines) expect(l.amountFen).toBe(l.shareFen - l.advancesFen);
    // The advance cannot be withdrawn once a settlement builds on it.
    expect((await c.delete(`/api/pay/runs/${adv.json().id}`)).statusCode).toBe(409);
  });

  it('§8 pay parameters: coefficient spread beyond 1–3× and less than 20 % at risk are refused', async () => {
    const tenant = await makeTenant(ctx.app);
    const c = await tenant.as('zone_leader');
    const res = await c.post('/api/pay/runs', {
      year: 2026,
      kind: 'advance',
      quarter: 2,
      poolFen: 1000,
      params: { gradeCoefficients: { excellent: 1.6, good: 1, basic: 0.8, fail: 0.5 }, advancePct: 85 },
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().fields).sort()).toEqual(['params.advancePct', 'params.gradeCoefficients']);
  });
});

describe('§8 automatic indicators, freezing, calibration, appeals', () => {
  it('§8 automatic indicators equal the counts computed independently from the domain tables', async () => {
    const tenant = await makeTenant(ctx.app);
    const officer = tenant.staffA;
    const c = await tenant.as('zone_leader');
    for (let i = 0; i < 3; i++) {
      const r = await c.post('/api/enterprises', {
        creditCode: `91430900MA4${String(Date.now() % 1e6).padStart(6, '0')}${i}`.slice(0, 17).padEnd(17, '0'),
        name: `益阳测试企业${i}${Math.random().toString(36).slice(2, 5)}有限公司`,
        industryCode: 'C3811',
        serviceOfficerId: i < 2 ? officer.id : null,
      });
      if (r.statusCode !== 200) {
        // The credit code check digit is validated; fall back to inserting directly (what is counted is the table).
        await db()
          .insert(enterprises)
          .values({
            zoneId: tenant.zoneId,
            creditCode: `X${Math.random().toString(36).slice(2, 19)}`.padEnd(18, '0').slice(0, 18),
            name: `益阳测试企业${i}${Math.random().toString(36).slice(2, 7)}`,
            industryCode: 'C3811',
            industrySection: 'C',
            serviceOfficerId: i < 2 ? officer.id : null,
          });
      }
    }
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const { cycleId, indicators } = await cycleWith(
      tenant,
      { period: 'monthly', periodStart: today, periodEnd: today },
      [
        {
          level: 'individual',
          name: '新入库企业',
          method: 'capped',
          weight: 100,
          target: 4,
          sourceKey: 'enterprises.registered_by_officer',
        },
        {
          level: 'department',
          name: '业务留痕',
          method: 'efficacy',
          weight: 100,
          sourceKey: 'audit.department_changes',
        },
      ],
    );
    expect((await c.post(`/api/performance/cycles/${cycleId}/compute`)).statusCode).toBe(200);
    const values = (await c.get(`/api/performance/cycles/${cycleId}/values`)).json();
    const mine = values.find((v: { staffId: string }) => v.staffId === officer.id);
    const from = new Date(`${today}T00:00:00+08:00`);
    const to = new Date(from.getTime() + 86_400_000);
    const [independent] = await db()
      .select({ n: count() })
      .from(enterprises)
      .where(
        and(
          eq(enterprises.zoneId, tenant.zoneId),
          eq(enterprises.serviceOfficerId, officer.id),
          gte(enterprises.createdAt, from),
          lt(enterprises.createdAt, to),
        ),
      );
    expect(independent!.n).toBe(2);
    expect(mine).toMatchObject({ origin: 'auto', actual: independent!.n });
    expect(mine.records).toHaveLength(2);
    expect(mine.query).toContain('服务专员');
    const score = (await c.get(`/api/performance/cycles/${cycleId}/scores?subject=staff`))
      .json()
      .find((s: { staffId: string }) => s.staffId === officer.id);
    expect(score.lines[0]).toMatchObject({ actual: 2, target: 4, points: 50 }); // min(2/4, 1.2) × 100
    // A manual value for an automatic indicator is refused.
    const manual = await c.post(`/api/performance/cycles/${cycleId}/values`, {
      indicatorId: indicators[0]!.id,
      staffId: officer.id,
      actual: 9,
    });
    expect(manual.json().fields).toEqual({ indicatorId: expect.any(String) });
  });

  it('§8 recomputation before closing is reproducible; scores are frozen when the cycle closes', async () => {
    const { tenant, people } = await threePeopleZone();
    const { c, cycleId, indicators } = await cycleWith(tenant);
    for (const [i, p] of people.entries()) {
      await c.post(`/api/performance/cycles/${cycleId}/values`, {
        indicatorId: indicators[0]!.id,
        staffId: p.id,
        actual: 90 - i * 5,
      });
    }
    const strip = (rows: { id: string }[]) => rows.map(({ id: _id, ...r }) => r);
    await c.post(`/api/performance/cycles/${cycleId}/compute`);
    const first = strip((await c.get(`/api/performance/cycles/${cycleId}/scores?subject=staff`)).json());
    await c.post(`/api/performance/cycles/${cycleId}/compute`);
    const second = strip((await c.get(`/api/performance/cycles/${cycleId}/scores?subject=staff`)).json());
    expect(second).toEqual(first);
    await c.post(`/api/performance/cycles/${cycleId}/close`);
    const late = await c.post(`/api/performance/cycles/${cycleId}/values`, {
      indicatorId: indicators[0]!.id,
      staffId: people[2]!.id,
      actual: 100,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('CYCLE_CLOSED');
    expect((await c.post(`/api/performance/cycles/${cycleId}/compute`)).statusCode).toBe(409);
    expect(strip((await c.get(`/api/performance/cycles/${cycleId}/scores?subject=staff`)).json())).toEqual(first);
  });

  it('§8 calibration keeps quotas and records its reason; an appeal is filed by the department and decided by the leader', async () => {
    const { tenant, people } = await threePeopleZone();
    const { c, cycleId, indicators } = await cycleWith(tenant, {
      gradeRules: { excellentMaxPct: 33, excellentMinScore: 90, failMinPct: 3, bottomPct: null, floorScore: 60 },
    });
    for (const [i, p] of people.entries()) {
      await c.post(`/api/performance/cycles/${cycleId}/values`, {
        indicatorId: indicators[0]!.id,
        staffId: p.id,
        actual: 95 - i * 10,
      });
    }
    await c.post(`/api/performance/cycles/${cycleId}/close`);
    const scores = (await c.get(`/api/performance/cycles/${cycleId}/scores?subject=staff`)).json();
    expect(scores.map((s: { grade: string }) => s.grade)).toEqual(['excellent', 'good', 'fail']);
    // A second 优秀 exceeds the cap (ceil(3 × 33 %) = 1).
    const over = await c.post(`/api/performance/scores/${scores[1].id}/calibrate`, {
      grade: 'excellent',
      reason: '重点项目贡献突出',
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().code).toBe('EXCELLENT_OVER_QUOTA');
    const ok = await c.post(`/api/performance/scores/${scores[1].id}/calibrate`, {
      grade: 'basic',
      reason: '年度督办事项两次逾期',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ grade: 'basic', gradeReason: 'calibrated' });
    const cal = (await c.get(`/api/performance/cycles/${cycleId}/calibrations`)).json();
    expect(cal[0]).toMatchObject({ fromGrade: 'good', toGrade: 'basic', reason: '年度督办事项两次逾期' });

    // Appeal: the department's staff file it; the leader upholds it with a grade that keeps the quotas.
    const staffClient = await tenant.as('dept_staff');
    const appeal = await staffClient.post(`/api/performance/scores/${scores[1].id}/appeal`, {
      reason: '逾期系审批材料未齐，非本人原因',
    });
    expect(appeal.statusCode, appeal.body).toBe(200);
    expect(
      (await staffClient.post(`/api/performance/scores/${scores[1].id}/appeal`, { reason: '再次申诉内容' })).statusCode,
    ).toBe(409);
    const decided = await c.post(`/api/performance/appeals/${appeal.json().id}/decide`, {
      decision: 'upheld',
      grade: 'good',
      reply: '经核实情况属实，恢复合格',
    });
    expect(decided.json()).toMatchObject({ status: 'upheld' });
    const after = (await c.get(`/api/performance/cycles/${cycleId}/scores?subject=staff`)).json();
    expect(after[1].grade).toBe('good');
    expect((await c.get(`/api/performance/cycles/${cycleId}/appeals`)).json()[0]).toMatchObject({
      status: 'upheld',
      reply: '经核实情况属实，恢复合格',
    });
  });

  it('department roles see their own department’s people and pay lines only; other zones’ ids are not found', async () => {
    const { tenant, people } = await threePeopleZone();
    const other = await makeTenant(ctx.app);
    // A person in the other department of the same zone.
    await db().update(departments).set({ active: true }).where(eq(departments.id, tenant.deptB.id));
    const outsider = await makeStaff(
      db(),
      tenant.zoneId,
      tenant.deptB.id,
      (await makePost(db(), tenant.zoneId, tenant.deptB.id, 1)).id,
    );
    const { c, cycleId } = await cycleWith(tenant);
    await c.post(`/api/performance/cycles/${cycleId}/close`);
    const head = await tenant.as('dept_head');
    const seen = (await head.get(`/api/performance/cycles/${cycleId}/scores?subject=staff`)).json();
    expect(seen.map((s: { staffId: string }) => s.staffId).sort()).toEqual(people.map((p) => p.id).sort());
    expect(seen.some((s: { staffId: string }) => s.staffId === outsider.id)).toBe(false);
    // The league table of departments is zone-wide.
    expect((await head.get(`/api/performance/cycles/${cycleId}/scores?subject=department`)).json()).toHaveLength(2);
    const run = await c.post('/api/pay/runs', { year: 2026, kind: 'advance', quarter: 3, poolFen: 4_000_000 });
    const lines = (await head.get(`/api/pay/runs/${run.json().id}/lines`)).json();
    expect(lines.total).toBe(3);
    // Another zone's leader: not found.
    const stranger = await other.as('zone_leader');
    expect((await stranger.get(`/api/performance/cycles/${cycleId}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/pay/runs/${run.json().id}/lines`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/pay/runs/${run.json().id}/export.xlsx`)).statusCode).toBe(404);
    // Staff cannot see pay at all.
    expect((await (await tenant.as('dept_staff')).get(`/api/pay/runs/${run.json().id}`)).statusCode).toBe(403);
  });
});
