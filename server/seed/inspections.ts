import { asc, eq } from 'drizzle-orm';
import { ENTERPRISE_CODE_ALPHABET, type InspectionFlag } from '../../shared/inspections';
import type { PolicyRules } from '../../shared/policies';
import type { CultivationTier } from '../../shared/tiers';
import { enterprises } from '../domains/enterprises/enterprises.tables';
import { eligibleWhere } from '../domains/policies/policies.match';
import { policies, policyApplications, policyMatches, policyPayouts } from '../domains/policies/policies.tables';
import { inspectionFlagsOf, shiftDays } from '../domains/services/inspections.service';
import { rulesFor } from '../domains/services/services.rules';
import {
  enterpriseCodes,
  enterpriseTierMoves,
  enterpriseTiers,
  inspections,
} from '../domains/services/services.tables';
import { DEFAULT_TIER_CRITERIA } from '../domains/services/tiers.service';
import { recordAudit } from '../platform/audit';
import type { Tx } from '../platform/db';
import { chineseName, type Random } from './random';

/** Departments that inspect enterprises in the demo zone (planning & construction, economy, science, services, approval). */
const INSPECTING = ['GJJ', 'JFJ', 'KCJ', 'QFJ', 'ZWZX'] as const;

const PURPOSES: Record<(typeof INSPECTING)[number], string[]> = {
  GJJ: ['在建工程质量安全检查', '消防设施及疏散通道检查', '厂房加建规划核实'],
  JFJ: ['安全生产隐患排查', '统计数据质量核查', '危险化学品储存检查'],
  KCJ: ['高新技术企业研发投入核查', '科技项目资金使用检查'],
  QFJ: ['劳动用工及工资支付检查', '惠企政策落实情况核查'],
  ZWZX: ['审批事项事中事后监管', '承诺制审批承诺事项核查'],
};

const NOTES: Record<'no_issue' | 'rectify' | 'penalty', string[]> = {
  no_issue: ['', '现场未发现问题'],
  rectify: ['灭火器过期，已责令7日内更换', '安全警示标识缺失，限期整改', '台账记录不全，限期补齐'],
  penalty: ['未按承诺时限整改，依法处以警告'],
};

/** Friday for a Saturday or Sunday (inspectors work on weekdays). */
function weekday(iso: string): string {
  const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return dow === 6 ? shiftDays(iso, -1) : dow === 0 ? shiftDays(iso, -2) : iso;
}

/**
 * 一码护商 and 惠企 of the demo zone, as of `today` (so the recent inspections stay inside the rule windows):
 * every enterprise's code; ~40 inspections over the last five months by several departments — one enterprise
 * inspected five times in a month (the frequent flag), one inspected by two departments in the same week (the
 * joint-inspection suggestion), the demo enterprise a few times; three published policies with applications in
 * every state and their payouts; the cultivation pools with members and a few step-ups.
 */
export async function seedInspectionsAndPolicies(
  tx: Tx,
  r: Random,
  zone: { zoneId: string; deptByCode: Map<string, { id: string }>; demoEnterpriseId: string; today: string },
): Promise<void> {
  const { zoneId, today, demoEnterpriseId } = zone;
  const dept = (code: string) => zone.deptByCode.get(code)!.id;
  const pool = (
    await tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eq(enterprises.zoneId, zoneId))
      .orderBy(asc(enterprises.creditCode))
  ).map((e) => e.id);

  // 赋码: every enterprise of the zone has its card.
  const codes = new Set<string>();
  const codeRows = pool.map((enterpriseId) => {
    let code = '';
    while (code === '' || codes.has(code)) {
      code = Array.from({ length: 10 }, () => r.pick([...ENTERPRISE_CODE_ALPHABET])).join('');
    }
    codes.add(code);
    return { zoneId, enterpriseId, code, issuedAt: new Date(`${shiftDays(today, -200)}T09:00:00+08:00`) };
  });
  for (let i = 0; i < codeRows.length; i += 500) await tx.insert(enterpriseCodes).values(codeRows.slice(i, i + 500));

  // 涉企检查.
  const others = pool.filter((id) => id !== demoEnterpriseId);
  const frequent = others[17]!;
  const pair = others[42]!;
  const weekAgo = shiftDays(today, -7);
  const lastMonday = shiftDays(weekAgo, -((new Date(`${weekAgo}T00:00:00Z`).getUTCDay() + 6) % 7));
  type Planned = { enterpriseId: string; code: (typeof INSPECTING)[number]; on: string; kind?: 'routine' | 'special' };
  const planned: Planned[] = [
    // Five departments' visits within a month: the 5th is flagged frequent (more than 3 in 30 days).
    { enterpriseId: frequent, code: 'GJJ', on: weekday(shiftDays(today, -34)) },
    { enterpriseId: frequent, code: 'JFJ', on: weekday(shiftDays(today, -28)) },
    { enterpriseId: frequent, code: 'KCJ', on: weekday(shiftDays(today, -22)) },
    { enterpriseId: frequent, code: 'QFJ', on: weekday(shiftDays(today, -16)), kind: 'special' },
    { enterpriseId: frequent, code: 'ZWZX', on: weekday(shiftDays(today, -11)) },
    // Two departments separately in the same week: they could have come together.
    { enterpriseId: pair, code: 'GJJ', on: shiftDays(lastMonday, 1) },
    { enterpriseId: pair, code: 'JFJ', on: shiftDays(lastMonday, 3) },
    // The demo enterprise (its own inspections list is not empty).
    { enterpriseId: demoEnterpriseId, code: 'JFJ', on: weekday(shiftDays(today, -120)) },
    { enterpriseId: demoEnterpriseId, code: 'KCJ', on: weekday(shiftDays(today, -75)) },
    { enterpriseId: demoEnterpriseId, code: 'GJJ', on: weekday(shiftDays(today, -40)) },
  ];
  // Routine ones spread over the last five months, each on its own enterprise and well before the window.
  const spread = others.filter((id) => id !== frequent && id !== pair);
  for (let i = 0; i < 30; i++) {
    planned.push({
      enterpriseId: spread[(i * 23 + 5) % spread.length]!,
      code: r.pick(INSPECTING),
      on: weekday(shiftDays(today, -r.int(35, 150))),
      kind: r.next() < 0.15 ? 'special' : 'routine',
    });
  }
  planned.sort((a, b) => a.on.localeCompare(b.on));
  const rules = await rulesFor(tx, zoneId, Number(today.slice(0, 4)));
  type Row = typeof inspections.$inferInsert & { id: string };
  const rows: Row[] = [];
  for (const p of planned) {
    const roll = r.next();
    const result = roll < 0.7 ? 'no_issue' : roll < 0.95 ? 'rectify' : 'penalty';
    const kind = p.kind ?? 'routine';
    const before = rows
      .filter((x) => x.enterpriseId === p.enterpriseId)
      .map((x) => ({
        id: x.id,
        departmentId: x.departmentId,
        jointDepartmentIds: x.jointDepartmentIds ?? [],
        inspectedOn: x.inspectedOn,
        kind: x.kind,
      }));
    const me = { id: r.uuid(), departmentId: dept(p.code), jointDepartmentIds: [], inspectedOn: p.on, kind };
    const flags: InspectionFlag[] = inspectionFlagsOf(rules, me, before);
    rows.push({
      ...me,
      zoneId,
      enterpriseId: p.enterpriseId,
      inspectors: `${chineseName(r)}、${chineseName(r)}`,
      purpose: r.pick(PURPOSES[p.code]),
      result,
      resultNote: r.pick(NOTES[result]),
      flags,
      createdAt: new Date(`${p.on}T10:00:00+08:00`),
    });
  }
  await tx.insert(inspections).values(rows);

  // 惠企政策: published, each with the enterprises it matched, and applications in every state.
  const published = shiftDays(today, -150);
  const POLICIES: { title: string; summary: string; issuer: string; amountFen: number; rules: PolicyRules }[] = [
    {
      title: '规上工业企业稳增长奖励',
      summary: '年度工业产值同比增长10%以上的规上工业企业，给予一次性奖励。',
      issuer: '经济发展局',
      amountFen: 20_000_000,
      rules: { all: [{ field: 'scale', op: 'eq', value: 'above' }] },
    },
    {
      title: '高新技术企业研发投入补助',
      summary: '按上年度研发投入增量的10%给予补助，最高30万元。',
      issuer: '科技创新局',
      amountFen: 30_000_000,
      rules: { all: [{ field: 'tag', op: 'has', value: '高新技术企业' }] },
    },
    {
      title: '小微企业首次升规奖励',
      summary: '首次纳入规模以上工业统计的企业，给予一次性奖励10万元。',
      issuer: '财政金融局',
      amountFen: 10_000_000,
      rules: { all: [{ field: 'scale', op: 'eq', value: 'below' }] },
    },
  ];
  const policyRows = await tx
    .insert(policies)
    .values(
      POLICIES.map((p) => ({
        ...p,
        zoneId,
        mode: 'apply' as const,
        status: 'published' as const,
        publishedOn: published,
      })),
    )
    .returning({ id: policies.id, rules: policies.rules, amountFen: policies.amountFen });
  const apps: (typeof policyApplications.$inferInsert & { id: string })[] = [];
  const payouts: (typeof policyPayouts.$inferInsert)[] = [];
  let matches = 0;
  for (const [pi, p] of policyRows.entries()) {
    const matched = (
      await tx
        .select({ id: enterprises.id })
        .from(enterprises)
        .where(eligibleWhere(zoneId, p.rules, published))
        .orderBy(asc(enterprises.creditCode))
    ).map((e) => e.id);
    matches += matched.length;
    for (let i = 0; i < matched.length; i += 500) {
      await tx
        .insert(policyMatches)
        .values(
          matched
            .slice(i, i + 500)
            .map((enterpriseId) => ({ zoneId, policyId: p.id, enterpriseId, notifiedOn: published })),
        );
    }
    // The demo enterprise applied to the first two (it matches them); then eight others per policy.
    const applicants = [
      ...(pi < 2 && matched.includes(demoEnterpriseId) ? [demoEnterpriseId] : []),
      ...matched
        .filter((id) => id !== demoEnterpriseId)
        .filter((_, i) => i % 5 === pi)
        .slice(0, 8),
    ];
    const states = ['paid', 'submitted', 'returned', 'approved', 'paid', 'submitted', 'paid', 'rejected', 'returned'];
    for (const [i, enterpriseId] of applicants.entries()) {
      const state = states[apps.length % states.length]!;
      const submittedOn = weekday(shiftDays(today, -r.int(20, 120)));
      const id = r.uuid();
      const decided = weekday(shiftDays(submittedOn, r.int(5, 15)));
      const decidedOn = [decided, today].sort()[0]!;
      const award = p.amountFen! - (i % 3) * 2_000_000;
      const base = {
        id,
        zoneId,
        policyId: p.id,
        enterpriseId,
        statement: '企业符合政策条件，申请兑现，相关证明材料已按要求提交。',
        submittedOn,
        createdAt: new Date(`${submittedOn}T09:30:00+08:00`),
        updatedAt: new Date(`${decidedOn}T16:00:00+08:00`),
      };
      if (state === 'submitted') apps.push({ ...base, status: 'submitted', updatedAt: base.createdAt });
      else if (state === 'returned') {
        apps.push({ ...base, status: 'returned', returnCount: 1, reviewNote: '请补充上年度审计报告及完税证明。' });
      } else if (state === 'rejected') {
        apps.push({ ...base, status: 'rejected', reviewNote: '增长率未达到政策要求。', decidedOn });
      } else {
        apps.push({ ...base, status: 'approved', awardFen: award, decidedOn, reviewNote: null });
        if (state === 'paid') {
          const paidOn = [weekday(shiftDays(decidedOn, 10)), today].sort()[0]!;
          // The award paid in two instalments for the first, in one for the others.
          const parts = apps.length === 1 ? [award / 2, award / 2] : [award];
          for (const [k, amountFen] of parts.entries()) {
            payouts.push({
              zoneId,
              applicationId: id,
              amountFen,
              paidOn,
              voucher: `财拨〔${today.slice(0, 4)}〕${String(apps.length * 3 + k).padStart(3, '0')}号`,
            });
          }
        }
      }
    }
  }
  await tx.insert(policyApplications).values(apps);
  await tx.insert(policyPayouts).values(payouts);

  // 四库三台阶: members of each pool by its default criteria, a few of which stepped up this year.
  const tiers: [CultivationTier, number][] = [
    ['upscale', 20],
    ['provincial', 12],
    ['national', 6],
    ['group', 3],
  ];
  const taken = new Set<string>();
  const members: { enterpriseId: string; tier: CultivationTier }[] = [];
  for (const [tier, n] of tiers) {
    const eligible = await tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eligibleWhere(zoneId, DEFAULT_TIER_CRITERIA[tier], today))
      .orderBy(asc(enterprises.creditCode));
    for (const e of eligible.filter((x) => !taken.has(x.id)).slice(0, n)) {
      taken.add(e.id);
      members.push({ enterpriseId: e.id, tier });
    }
  }
  const lower: Record<CultivationTier, CultivationTier | null> = {
    upscale: null,
    provincial: 'upscale',
    national: 'provincial',
    group: 'national',
  };
  const tierRows: (typeof enterpriseTiers.$inferInsert)[] = [];
  const moveRows: (typeof enterpriseTierMoves.$inferInsert)[] = [];
  const entered = shiftDays(today, -400);
  const move = (
    enterpriseId: string,
    fromTier: CultivationTier | null,
    toTier: CultivationTier,
    on: string,
    note: string,
  ) =>
    moveRows.push({
      zoneId,
      enterpriseId,
      fromTier,
      toTier,
      movedOn: on,
      note,
      createdAt: new Date(`${on}T10:00:00+08:00`),
    });
  const steppedUp = new Map<CultivationTier, number>();
  for (const m of members) {
    const from = lower[m.tier];
    const n = steppedUp.get(m.tier) ?? 0;
    if (from && n < 2) {
      // Stepped up this year from the pool below.
      steppedUp.set(m.tier, n + 1);
      const on = weekday(shiftDays(today, -r.int(20, 200)));
      move(m.enterpriseId, null, from, entered, '入库培育');
      move(m.enterpriseId, from, m.tier, on, '达到上一台阶条件，晋级');
      tierRows.push({ zoneId, enterpriseId: m.enterpriseId, tier: m.tier, since: on });
    } else {
      move(m.enterpriseId, null, m.tier, entered, '入库培育');
      tierRows.push({ zoneId, enterpriseId: m.enterpriseId, tier: m.tier, since: entered });
    }
  }
  await tx.insert(enterpriseTiers).values(tierRows);
  await tx.insert(enterpriseTierMoves).values(moveRows);

  await recordAudit(tx, {
    actor: null,
    zoneId,
    action: 'seed',
    entity: 'inspections',
    entityId: zoneId,
    after: {
      enterpriseCodes: codeRows.length,
      inspections: rows.length,
      policies: policyRows.length,
      policyMatches: matches,
      policyApplications: apps.length,
      policyPayouts: payouts.length,
      tierMembers: tierRows.length,
      tierMoves: moveRows.length,
    },
  });
}
