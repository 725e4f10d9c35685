import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStaff, makeTenant, type Tenant } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { approvalCases } from '../approval/approval.tables';
import { efficiencyData } from '../efficiency/efficiency.tables';
import { enterprises } from '../enterprises/enterprises.tables';
import { investmentProjects, investmentTeams } from '../investment/investment.tables';
import { keyProjects } from '../projects/projects.tables';
import { demands, visits } from '../services/services.tables';
import { indicatorSource } from './performance.indicators';
import './performance.sources';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const db = () => ctx.app.ctx.database.db;
const Q1 = ['2026-01-01', '2026-03-31'] as const;

async function compute(key: string, t: Tenant, target: { departmentId?: string; staffId?: string }) {
  const src = indicatorSource(key);
  expect(src, key).toBeDefined();
  return src!.compute(db(), t.zoneId, Q1[0], Q1[1], target);
}

async function enterprise(t: Tenant, officerId: string | null = null) {
  const [e] = await db()
    .insert(enterprises)
    .values({
      zoneId: t.zoneId,
      creditCode: `91430900${randomUUID().slice(0, 10)}`,
      name: `企业${randomUUID().slice(0, 6)}`,
      industryCode: 'C3821',
      industrySection: 'C',
      serviceOfficerId: officerId,
    })
    .returning();
  return e!;
}

describe('§8 automatic indicators from the other domains (worked examples)', () => {
  it('§8 approval on-time rate: 3 decided in the quarter, 1 past the committed limit → 66.67 %; open, other quarter and other department ignored', async () => {
    const t = await makeTenant(ctx.app);
    const e = await enterprise(t);
    const base = {
      zoneId: t.zoneId,
      itemIds: [] as string[],
      enterpriseId: e.id,
      leadDepartmentId: t.deptA.id,
      committedDays: 5,
      statutoryDays: 20,
    };
    const rows: Partial<typeof approvalCases.$inferInsert>[] = [
      { decidedOn: '2026-01-10', handlingDays: 3, committedPassed: false },
      { decidedOn: '2026-02-10', handlingDays: 4, committedPassed: false },
      { decidedOn: '2026-03-31', handlingDays: 9, committedPassed: true },
      { decidedOn: null, handlingDays: null }, // open
      { decidedOn: '2026-04-01', handlingDays: 2, committedPassed: false }, // next quarter
      { decidedOn: '2026-02-01', handlingDays: 2, committedPassed: false, leadDepartmentId: t.deptB.id },
    ];
    for (const r of rows) {
      await db()
        .insert(approvalCases)
        .values({ ...base, caseNo: `SP${randomUUID().slice(0, 12)}`, ...r });
    }
    const v = await compute('approval.on_time_rate', t, { departmentId: t.deptA.id });
    expect(v.value).toBe(66.67);
    expect(v.records).toHaveLength(3);
    // Independently, in SQL over the same table.
    const [row] = await db()
      .select({
        decided: sql<number>`count(*)::int`,
        onTime: sql<number>`count(*) filter (where not ${approvalCases.committedPassed})::int`,
      })
      .from(approvalCases)
      .where(
        and(
          eq(approvalCases.zoneId, t.zoneId),
          eq(approvalCases.leadDepartmentId, t.deptA.id),
          sql`${approvalCases.decidedOn} between ${Q1[0]}::date and ${Q1[1]}::date`,
        ),
      );
    expect(v.value).toBe(Math.round((row!.onTime / row!.decided) * 10000) / 100);
    expect((await compute('approval.on_time_rate', t, { departmentId: t.deptB.id })).value).toBe(100);
  });

  it('§8 investment: 2 projects signed in the quarter by the department’s team (12,345,678.90 + 5,000,000 yuan) → 2 projects, 1734.57 万元', async () => {
    const t = await makeTenant(ctx.app);
    const [team] = await db()
      .insert(investmentTeams)
      .values({ zoneId: t.zoneId, name: '电子信息专班', departmentId: t.deptA.id })
      .returning();
    const [other] = await db()
      .insert(investmentTeams)
      .values({ zoneId: t.zoneId, name: '装备专班', departmentId: t.deptB.id })
      .returning();
    const p = (name: string, teamId: string, signedOn: string | null, fen: number) =>
      db().insert(investmentProjects).values({
        zoneId: t.zoneId,
        name,
        type: 'industrial',
        teamId,
        stage: 'signed',
        signedOn,
        agreedInvestmentFen: fen,
      });
    await p('甲项目', team!.id, '2026-01-05', 1_234_567_890);
    await p('乙项目', team!.id, '2026-03-31', 500_000_000);
    await p('丙项目', team!.id, '2025-12-31', 900_000_000); // signed last year
    await p('丁项目', team!.id, null, 900_000_000); // not signed
    await p('戊项目', other!.id, '2026-02-01', 900_000_000); // other department
    const n = await compute('investment.signed_projects', t, { departmentId: t.deptA.id });
    expect(n.value).toBe(2);
    expect(n.records.map((r) => r.label)).toEqual(['甲项目', '乙项目']);
    const amount = await compute('investment.signed_amount', t, { departmentId: t.deptA.id });
    // 1,734,567,890 fen = 17,345,678.90 yuan = 1734.5678890 万元 → 1734.57.
    expect(amount.value).toBe(1734.57);
  });

  it('§8 key projects: 3 planned to start in the quarter, 2 started by its end → start rate 66.67 %, 2 started', async () => {
    const t = await makeTenant(ctx.app);
    const kp = (code: string, plannedStart: string, actualStart: string | null, unitId = t.deptA.id) =>
      db()
        .insert(keyProjects)
        .values({
          zoneId: t.zoneId,
          code,
          name: `重点项目${code}`,
          level: 'city',
          unitId,
          plannedStart,
          plannedCompletion: '2027-12-31',
          actualStart,
        });
    await kp('K1', '2026-01-15', '2026-01-20');
    await kp('K2', '2026-02-15', '2026-03-31');
    await kp('K3', '2026-03-15', '2026-04-02'); // started after the quarter
    await kp('K4', '2026-05-01', null); // planned next quarter
    await kp('K5', '2026-01-15', '2026-01-16', t.deptB.id);
    expect((await compute('projects.start_rate', t, { departmentId: t.deptA.id })).value).toBe(66.67);
    const started = await compute('projects.started', t, { departmentId: t.deptA.id });
    expect(started.value).toBe(2);
    expect(started.records.map((r) => r.label)).toEqual(['K1 重点项目K1', 'K2 重点项目K2']);
  });

  it('§8 demands: 4 received in the quarter → closure 75 %, on-time 2 of 3 resolved = 66.67 %, satisfaction 2 of 3 rated = 66.67 %', async () => {
    const t = await makeTenant(ctx.app);
    const e = await enterprise(t);
    const d = (n: number, r: Partial<typeof demands.$inferInsert>) =>
      db()
        .insert(demands)
        .values({
          zoneId: t.zoneId,
          serial: `SQ${n}-${randomUUID().slice(0, 6)}`,
          enterpriseId: e.id,
          title: `诉求${n}`,
          content: '用电报装',
          source: 'portal',
          status: 'resolved',
          routeKind: 'department',
          departmentId: t.deptA.id,
          receivedOn: '2026-01-05',
          cycleStartOn: '2026-01-05',
          signDue: '2026-01-06',
          replyDue: '2026-01-10',
          resolveDue: '2026-01-20',
          ...r,
        });
    await d(1, { resolvedOn: '2026-01-15', allOnTime: true, satisfaction: 'satisfied' });
    await d(2, { resolvedOn: '2026-02-15', allOnTime: false, satisfaction: 'unsatisfied' });
    await d(3, { resolvedOn: '2026-03-01', allOnTime: true, satisfaction: 'basically' });
    await d(4, { status: 'signed', resolvedOn: null });
    await d(5, { receivedOn: '2025-12-20', resolvedOn: '2026-04-03', allOnTime: true }); // resolved after Q1
    await d(6, { departmentId: t.deptB.id, resolvedOn: '2026-01-15' });
    await d(7, { routeKind: 'external', departmentId: null, externalBody: '供电公司', resolvedOn: '2026-01-15' });
    const dept = { departmentId: t.deptA.id };
    expect((await compute('services.demand_closure_rate', t, dept)).value).toBe(75);
    const onTime = await compute('services.demand_on_time_rate', t, dept);
    expect(onTime.value).toBe(66.67);
    expect(onTime.records).toHaveLength(3);
    expect((await compute('services.demand_satisfaction_rate', t, dept)).value).toBe(66.67);
  });

  it('§8 visits count per person and per department', async () => {
    const t = await makeTenant(ctx.app);
    const e = await enterprise(t);
    const other = await makeStaff(db(), t.zoneId, t.deptA.id);
    const v = (officerId: string | null, visitedOn: string, departmentId = t.deptA.id) =>
      db().insert(visits).values({ zoneId: t.zoneId, enterpriseId: e.id, departmentId, officerId, visitedOn });
    await v(t.staffA.id, '2026-01-03');
    await v(t.staffA.id, '2026-03-31');
    await v(t.staffA.id, '2026-04-01');
    await v(other.id, '2026-02-02');
    await v(t.staffB.id, '2026-02-02', t.deptB.id);
    expect((await compute('services.visits', t, { staffId: t.staffA.id })).value).toBe(2);
    expect((await compute('services.visits', t, { departmentId: t.deptA.id })).value).toBe(3);
  });

  it('§8 tax per mu of the enterprises served: (300 + 150) 万元 ÷ (10 + 20) 亩 = 15 万元/亩; land 0 and other years left out', async () => {
    const t = await makeTenant(ctx.app);
    const a = await enterprise(t, t.staffA.id);
    const b = await enterprise(t, t.staffA.id);
    const c = await enterprise(t, t.staffA.id);
    const x = await enterprise(t, t.staffB.id);
    const row = (enterpriseId: string, year: number, tax: number, landMu: number) =>
      db().insert(efficiencyData).values({ zoneId: t.zoneId, enterpriseId, year, tax, landMu, scale: 'above' });
    await row(a.id, 2026, 300, 10);
    await row(b.id, 2026, 150, 20);
    await row(c.id, 2026, 99, 0);
    await row(a.id, 2025, 1000, 10);
    await row(x.id, 2026, 500, 1);
    const mine = await compute('efficiency.tax_per_mu', t, { staffId: t.staffA.id });
    expect(mine.value).toBe(15);
    expect(mine.records).toHaveLength(2);
    expect((await compute('efficiency.tax_per_mu', t, { departmentId: t.deptB.id })).value).toBe(500);
  });

  it('§8 a cycle bound to these sources computes them on its own and shows the records behind each value', async () => {
    const t = await makeTenant(ctx.app);
    const [team] = await db()
      .insert(investmentTeams)
      .values({ zoneId: t.zoneId, name: '专班', departmentId: t.deptA.id })
      .returning();
    await db().insert(investmentProjects).values({
      zoneId: t.zoneId,
      name: '签约项目',
      type: 'industrial',
      teamId: team!.id,
      stage: 'signed',
      signedOn: '2026-02-01',
    });
    const c = await t.as('zone_leader');
    const cycle = await c.post('/api/performance/cycles', {
      name: '2026年第一季度',
      period: 'quarterly',
      periodStart: Q1[0],
      periodEnd: Q1[1],
    });
    const set = await c.put(`/api/performance/cycles/${cycle.json().id}/indicators`, {
      indicators: [
        {
          level: 'department',
          class: 'A',
          name: '签约项目数',
          method: 'capped',
          weight: 100,
          target: 2,
          sourceKey: 'investment.signed_projects',
        },
        {
          level: 'individual',
          name: '走访企业',
          method: 'capped',
          weight: 100,
          target: 4,
          sourceKey: 'services.visits',
        },
      ],
    });
    expect(set.statusCode, set.body).toBe(200);
    // A department-only source cannot measure people.
    const wrong = await c.put(`/api/performance/cycles/${cycle.json().id}/indicators`, {
      indicators: [
        {
          level: 'individual',
          name: '审批按时',
          method: 'capped',
          weight: 100,
          target: 100,
          sourceKey: 'approval.on_time_rate',
        },
      ],
    });
    expect(wrong.statusCode).toBe(400);
    expect((await c.post(`/api/performance/cycles/${cycle.json().id}/compute`, {})).statusCode).toBe(200);
    const values = (await c.get(`/api/performance/cycles/${cycle.json().id}/values`)).json() as {
      departmentId: string | null;
      actual: number;
      origin: string;
      records: { label: string }[];
      query: string;
    }[];
    const deptA = values.find((v) => v.departmentId === t.deptA.id);
    expect(deptA).toMatchObject({ actual: 1, origin: 'auto', records: [{ label: '签约项目' }] });
    expect(deptA!.query).toContain('签约');
  });
});
