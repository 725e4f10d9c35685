import { and, eq, inArray } from 'drizzle-orm';
import type { IndicatorInput } from '../../shared/performance';
import { cycleInputSchema, payParamsSchema } from '../../shared/performance';
import { users } from '../domains/auth/auth.tables';
import { departments, posts, staff } from '../domains/org/org.tables';
import { addDays, todayInChina } from '../domains/performance/performance.appointments';
import {
  calibrate,
  closeCycle,
  computeCycle,
  createCycle,
  setIndicators,
} from '../domains/performance/performance.appraisal.service';
import { createPayRun } from '../domains/performance/performance.pay.service';
import { listScores } from '../domains/performance/performance.repository';
import {
  addApplicant,
  createRound,
  getRound,
  publishRound,
  saveScores,
} from '../domains/performance/performance.rounds';
import { perfValues } from '../domains/performance/performance.tables';
import type { Actor, ZoneScope } from '../platform/access';
import { recordAudit } from '../platform/audit';
import type { Tx } from '../platform/db';
import type { Random } from './random';

const ind = (
  i: Partial<IndicatorInput> & Pick<IndicatorInput, 'level' | 'name' | 'method' | 'weight'>,
): IndicatorInput => ({
  class: null,
  target: null,
  cap: 1.2,
  sourceKey: null,
  zoneTarget: '',
  ...i,
});

/**
 * Department templates by class (A 投资服务类, B 综合协调类) and the individual set (seed 003/004 practice). Wherever
 * a business domain records the work, the indicator reads it (performance.sources.ts): approval on-time rate, demands
 * resolved on time, visits, signed investment, demand closure; the rest are entered by departments with evidence.
 */
function indicatorSet(): IndicatorInput[] {
  return [
    ind({
      level: 'department',
      class: 'A',
      name: '签约项目数',
      method: 'capped',
      weight: 25,
      target: 12,
      zoneTarget: '全年新签约亿元以上项目 120 个',
    }),
    ind({
      level: 'department',
      class: 'A',
      name: '审批按时办结率（%）',
      method: 'capped',
      weight: 25,
      target: 95,
      cap: 1.05,
      sourceKey: 'approval.on_time_rate',
      zoneTarget: '审批事项按承诺时限办结率 95% 以上',
    }),
    ind({
      level: 'department',
      class: 'A',
      name: '企业诉求按时办结率（%）',
      method: 'capped',
      weight: 20,
      target: 90,
      cap: 1.1,
      sourceKey: 'services.demand_on_time_rate',
    }),
    ind({
      level: 'department',
      class: 'A',
      name: '走访企业次数',
      method: 'efficacy',
      weight: 15,
      sourceKey: 'services.visits',
    }),
    ind({
      level: 'department',
      class: 'A',
      name: '到位资金（亿元）',
      method: 'efficacy',
      weight: 15,
      zoneTarget: '全年实际到位资金 200 亿元',
    }),
    ind({
      level: 'department',
      class: 'B',
      name: '督办事项按时完成率（%）',
      method: 'capped',
      weight: 50,
      target: 100,
      cap: 1,
    }),
    ind({
      level: 'department',
      class: 'B',
      name: '签约投资额（万元）',
      method: 'efficacy',
      weight: 20,
      sourceKey: 'investment.signed_amount',
    }),
    ind({
      level: 'department',
      class: 'B',
      name: '企业诉求办结率（%）',
      method: 'capped',
      weight: 30,
      target: 95,
      cap: 1.05,
      sourceKey: 'services.demand_closure_rate',
    }),
    ind({ level: 'individual', name: '岗位任务完成率（%）', method: 'capped', weight: 60, target: 100, cap: 1.2 }),
    ind({ level: 'individual', name: '工作实绩评议', method: 'efficacy', weight: 40 }),
    ind({ level: 'individual', name: '表彰奖励加分', method: 'bonus', weight: 0, cap: 5 }),
    ind({ level: 'individual', name: '督查通报减分', method: 'deduction', weight: 0, cap: 10 }),
  ];
}

/**
 * 益阳高新区's appraisal and pay: a closed 2025 annual cycle (grades, one calibration) with its four quarterly advances and
 * the year-end settlement, and an open 2026 Q4 quarterly cycle (computed, its automatic indicators read from the
 * records) for the leader to close; a 竞聘上岗 round whose publicity period is over, ready to be finalized. Everything goes through the domain services, so the seed is what a real year would leave behind.
 */
export async function seedPerformance(tx: Tx, r: Random, zoneId: string): Promise<void> {
  const [leader] = await tx
    .select()
    .from(users)
    .where(and(eq(users.zoneId, zoneId), eq(users.role, 'zone_leader')));
  if (!leader) return;
  const actor: Actor = {
    userId: leader.id,
    username: leader.username,
    displayName: leader.displayName,
    role: 'zone_leader',
    locale: 'zh-CN',
    zoneId,
    provinceId: null,
    departmentId: null,
    enterpriseId: null,
    mustChangePassword: false,
    sessionId: 'seed',
    csrfToken: 'seed',
    ip: '127.0.0.1',
  };
  const scope: ZoneScope = { zoneId, actor, departmentId: null, enterpriseId: null };
  const depts = await tx.select().from(departments).where(eq(departments.zoneId, zoneId)).orderBy(departments.code);
  const people = await tx.select().from(staff).where(eq(staff.zoneId, zoneId)).orderBy(staff.employeeNo);
  // 我的考核: each department account belongs to a staff member of its department (first not yet taken).
  const taken = new Set<string>();
  const accounts = await tx
    .select()
    .from(users)
    .where(and(eq(users.zoneId, zoneId), inArray(users.role, ['dept_head', 'dept_staff', 'service_officer'])))
    .orderBy(users.username);
  for (const a of accounts) {
    const p = people.find((x) => x.departmentId === a.departmentId && x.status === 'active' && !taken.has(x.id));
    if (!p) continue;
    taken.add(p.id);
    await tx.update(users).set({ staffId: p.id }).where(eq(users.id, a.id));
  }

  /** Plausible values for every manual indicator, written in one batch (the seed's own audit entry records it). */
  async function fill(cycleId: string, indicators: Awaited<ReturnType<typeof setIndicators>>) {
    const rows: (typeof perfValues.$inferInsert)[] = [];
    for (const i of indicators) {
      if (i.sourceKey) continue;
      const subjects =
        i.level === 'department'
          ? depts.filter((d) => d.class === i.class).map((d) => ({ departmentId: d.id, staffId: null }))
          : people.map((p) => ({ departmentId: null, staffId: p.id }));
      for (const s of subjects) {
        let actual: number;
        if (i.method === 'capped') actual = Math.round((i.target ?? 100) * (0.55 + r.next() * 0.6) * 100) / 100;
        else if (i.method === 'efficacy') actual = r.int(60, 100);
        else if (i.method === 'bonus') actual = r.next() < 0.12 ? r.int(1, 5) : 0;
        else actual = r.next() < 0.06 ? r.int(2, 8) : 0;
        if (actual === 0 && (i.method === 'bonus' || i.method === 'deduction')) continue;
        rows.push({
          zoneId,
          cycleId,
          indicatorId: i.id,
          ...s,
          actual,
          origin: 'manual',
          note: i.method === 'bonus' ? '市级表彰' : i.method === 'deduction' ? '督查通报' : '',
        });
      }
    }
    for (let k = 0; k < rows.length; k += 500) await tx.insert(perfValues).values(rows.slice(k, k + 500));
    await recordAudit(tx, {
      actor: null,
      zoneId,
      action: 'seed',
      entity: 'perf_cycle',
      entityId: cycleId,
      after: { values: rows.length },
    });
  }

  const annual = await createCycle(
    tx,
    scope,
    cycleInputSchema.parse({
      name: '2025年度综合考核',
      period: 'annual',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      departmentSharePct: 30,
      gradeRules: { excellentMaxPct: 20, excellentMinScore: 85, failMinPct: 3, bottomPct: 5, floorScore: 60 },
    }),
  );
  await fill(annual.id, await setIndicators(tx, scope, annual.id, indicatorSet()));
  await closeCycle(tx, scope, annual.id);
  const graded = await listScores(tx, scope, annual.id, { subject: 'staff' });
  const middle = graded.find((s) => s.grade === 'good' && s.rank > graded.length / 2);
  if (middle) {
    await calibrate(tx, scope, middle.id, 'basic', '全年两次督办事项逾期，经考核委员会研究下调一档');
  }

  // ¥36,000 a head for the year: the pool is fixed first (员额工资定总量).
  const poolFen = people.length * 3_600_000;
  const params = payParamsSchema.parse({});
  for (const quarter of [1, 2, 3, 4]) {
    await createPayRun(tx, scope, { year: 2025, kind: 'advance', quarter, poolFen, cycleId: null, params });
  }
  await createPayRun(tx, scope, { year: 2025, kind: 'settlement', quarter: null, poolFen, cycleId: annual.id, params });
  for (const quarter of [1, 2, 3]) {
    await createPayRun(tx, scope, { year: 2026, kind: 'advance', quarter, poolFen, cycleId: null, params });
  }

  const quarterly = await createCycle(
    tx,
    scope,
    cycleInputSchema.parse({
      name: '2026年第四季度考核',
      period: 'quarterly',
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31',
    }),
  );
  await fill(quarterly.id, await setIndicators(tx, scope, quarterly.id, indicatorSet()));
  await computeCycle(tx, scope, quarterly.id);

  // 竞聘上岗: scored and publicised ten days ago for five days, so the leader can finalize the appointment today.
  const today = todayInChina();
  const [post] = await tx
    .select()
    .from(posts)
    .where(eq(posts.zoneId, zoneId))
    .orderBy(posts.departmentId, posts.name)
    .limit(1);
  const applicants = people.filter((p) => p.status === 'active' && p.postId !== post?.id).slice(-3);
  if (post && applicants.length === 3) {
    const round = await createRound(tx, scope, {
      name: '2026年中层岗位竞聘（第一批）',
      method: 'competitive',
      writtenWeight: 40,
      interviewWeight: 60,
      passScore: 60,
      publicityDays: 5,
      termStartsOn: addDays(today, 1),
      posts: [{ postId: post.id, seats: 1 }],
    });
    for (const a of applicants) await addApplicant(tx, scope, round.id, { postId: post.id, staffId: a.id });
    const listed = (await getRound(tx, scope, round.id))!.applicants;
    const scores = [
      [86, 90],
      [78, 84],
      [70, 58],
    ] as const;
    await saveScores(
      tx,
      scope,
      round.id,
      listed.map((a, i) => ({ applicantId: a.id, writtenScore: scores[i]![0], interviewScore: scores[i]![1] })),
    );
    await publishRound(tx, scope, round.id, addDays(today, -10));
  }
}
