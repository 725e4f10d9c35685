import { eq } from 'drizzle-orm';
import { DEFAULT_STAGE_SETS, type ProjectType, SIGNING_STAGE } from '../../shared/investment';
import { DEFAULT_LIGHT_PARAMS } from '../../shared/projects';
import { enterprises } from '../domains/enterprises/enterprises.tables';
import {
  investmentProjects,
  investmentStageMoves,
  investmentTargets,
  investmentTeams,
} from '../domains/investment/investment.tables';
import { addMonths, computeLight } from '../domains/projects/projects.lights';
import { todayInShanghai } from '../domains/projects/projects.repository';
import {
  dispatchIssues,
  dispatchMeetings,
  keyProjectMonths,
  keyProjects,
  keyProjectYears,
} from '../domains/projects/projects.tables';
import { calendarOf } from '../platform/calendar';
import type { Tx } from '../platform/db';
import { seedInvestmentLibrary } from './investment-library';
import { chineseName, Random } from './random';

/** 1 万元 in fen. */
export const W = 1_000_000;
/** The 招商专班 every seeded zone gets (demo and province scale). */
export const TEAMS = ['电子信息招商专班', '先进装备招商专班', '新材料招商专班', '现代服务业招商专班'];
const SUBJECTS = [
  '储能电池',
  '智能终端',
  '光伏组件',
  '电机控制器',
  '新材料',
  '高端装备',
  '数据中心',
  '物流园',
  '区域总部',
  '检测认证',
];
const INVESTORS = [
  '比亚迪',
  '信维通信',
  '中联重科',
  '三一集团',
  '华为',
  '宁德时代',
  '蓝思科技',
  '长沙某投资',
  '深圳某科技',
  '香港某集团',
];
const REGIONS = ['广东深圳', '上海', '浙江杭州', '江苏苏州', '北京', '香港', '湖南长沙'];

/**
 * 招商 + 重点项目 demo for one zone: teams with targets, a pipeline across every stage (with approved moves so the
 * funnel has days in stage), key projects with monthly investment so lights come out green, yellow and red by the
 * DOMAIN.md §5 rules as of today, and two dispatch meetings with open and closed issues.
 */
export async function seedInvestment(tx: Tx, r: Random, zoneId: string, unitIds: string[], actorName: string) {
  const today = todayInShanghai();
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const teams = await tx
    .insert(investmentTeams)
    .values(TEAMS.map((name) => ({ zoneId, name, leaderName: chineseName(r), departmentId: unitIds[0] ?? null })))
    .returning();
  await tx.insert(investmentTargets).values(
    teams.map((t) => ({
      zoneId,
      teamId: t.id,
      year,
      signedCount: r.int(6, 10),
      signedAmountFen: r.int(35, 65) * 10_000 * W,
      fundsInPlaceFen: r.int(10, 25) * 10_000 * W,
    })),
  );
  const ents = await tx
    .select({ id: enterprises.id, subParkId: enterprises.subParkId })
    .from(enterprises)
    .where(eq(enterprises.zoneId, zoneId))
    .limit(60);
  const systemUser = '00000000-0000-4000-8000-000000000000';
  let kpSerial = 0;
  const kpRows: (typeof keyProjects.$inferInsert)[] = [];
  const plans: { idx: number; plannedFen: number; done: number[] }[] = [];
  for (let i = 0; i < 64; i++) {
    const type: ProjectType = i % 5 === 3 ? 'service' : i % 7 === 5 ? 'headquarters' : 'industrial';
    const stages = DEFAULT_STAGE_SETS[type];
    const depth = Math.min(stages.length - 1, Math.floor(r.next() ** 1.6 * stages.length));
    const signIdx = stages.findIndex((s) => s.key === SIGNING_STAGE);
    // 0.5–30亿, most projects small: a few large ones carry a team's year, as in the seeds (signed ≈ 80–130% of target).
    const agreed = Math.round(5 + 295 * r.next() ** 4) * 1000 * W;
    const created = new Date(Date.UTC(year, 0, 1) - r.int(0, 300) * 86_400_000);
    const ent = depth >= signIdx ? ents[i % Math.max(1, ents.length)] : undefined;
    const signedOn =
      depth >= signIdx ? addMonths(`${year}-01-10`, r.int(0, Math.max(0, month - 1))).slice(0, 10) : null;
    const abroad = r.next() < 0.15;
    const investor = r.pick(INVESTORS);
    const [p] = await tx
      .insert(investmentProjects)
      .values({
        zoneId,
        name: `${investor}${r.pick(SUBJECTS)}项目${i + 1}`,
        type,
        investor: investor.endsWith('投资') ? `${investor}有限公司` : `${investor}集团`,
        sourceRegion: r.pick(REGIONS),
        teamId: teams[i % teams.length]!.id,
        subParkId: ent?.subParkId ?? null,
        stage: stages[depth]!.key,
        stageEnteredAt: new Date(created.getTime() + depth * 20 * 86_400_000),
        agreedInvestmentFen: agreed,
        fundsOutsideProvinceFen: depth >= signIdx ? Math.floor(agreed / 1000 / r.int(2, 5)) * 1000 : 0,
        fundsAbroadUsdCents: abroad && depth >= signIdx ? r.int(100, 2000) * 10_000_00 : 0,
        usdRate: abroad && depth >= signIdx ? '7.1200' : null,
        fortune500: r.next() < 0.12,
        listed: r.next() < 0.25,
        xiangshangReturn: r.next() < 0.2,
        plan: depth >= 1 ? '一项一策：专班专人跟进，落实用地与能耗指标，开通服务绿卡。' : '',
        signedOn,
        enterpriseId: ent?.id ?? null,
        createdAt: created,
        updatedAt: created,
      })
      .returning({ id: investmentProjects.id, name: investmentProjects.name });
    if (depth > 0) {
      await tx.insert(investmentStageMoves).values(
        stages.slice(0, depth).map((s, k) => ({
          zoneId,
          projectId: p!.id,
          fromStage: s.key,
          toStage: stages[k + 1]!.key,
          evidence: { summary: `${stages[k + 1]!.name}佐证：${stages[k + 1]!.evidence}`, documentNo: '', date: today },
          status: 'approved' as const,
          requestedBy: systemUser,
          requestedByName: chineseName(r),
          decidedBy: systemUser,
          decidedByName: actorName,
          decidedAt: new Date(created.getTime() + (k + 1) * 20 * 86_400_000),
          opinion: '同意',
          daysInStage: r.int(7, 60),
        })),
      );
    }
    if (ent && type === 'industrial') {
      kpSerial++;
      const plannedStart = addMonths(signedOn ?? today, 2);
      const started = r.next() < 0.75 && plannedStart <= today;
      const actualStart = started ? addMonths(plannedStart, r.int(-1, 1) >= 0 ? 0 : -1) : null;
      kpRows.push({
        zoneId,
        code: `KP${year}-${String(kpSerial).padStart(3, '0')}`,
        name: p!.name,
        level: kpSerial <= 4 ? 'province_top10' : kpSerial % 3 === 0 ? 'city' : 'district',
        pipelineProjectId: p!.id,
        enterpriseId: ent.id,
        subParkId: ent.subParkId,
        ownerName: `${p!.name.slice(0, 4)}有限公司`,
        leaderName: chineseName(r),
        unitId: unitIds[kpSerial % unitIds.length] ?? null,
        plannedStart,
        plannedCompletion: addMonths(plannedStart, 18),
        actualStart: actualStart && actualStart <= today ? actualStart : null,
        statsRegisteredOn: actualStart && r.next() < 0.85 ? addMonths(actualStart, 1) : null,
        totalInvestmentFen: agreed,
        milestones: [
          {
            name: '取得施工许可',
            plannedOn: addMonths(plannedStart, -1),
            doneOn: actualStart ? addMonths(plannedStart, -1) : null,
          },
          { name: '主体封顶', plannedOn: addMonths(plannedStart, 9), doneOn: null },
        ],
      });
      const plannedFen = Math.floor(agreed / 2 / W) * W;
      const pace = r.pick([1, 1, 1, 0.85, 0.6, 0.3]);
      plans.push({
        idx: kpRows.length - 1,
        plannedFen,
        done: Array.from({ length: month - 1 }, () => Math.floor(((plannedFen / 12) * pace) / W) * W),
      });
    }
  }
  const inserted = kpRows.length ? await tx.insert(keyProjects).values(kpRows).returning() : [];
  for (const plan of plans) {
    const kp = inserted[plan.idx]!;
    await tx.insert(keyProjectYears).values({ zoneId, keyProjectId: kp.id, year, plannedFen: plan.plannedFen });
    const startMonth = kp.actualStart?.startsWith(String(year)) ? Number(kp.actualStart.slice(5, 7)) : 1;
    const rows = plan.done
      .map((v, k) => ({ zoneId, keyProjectId: kp.id, year, month: k + 1, completedFen: v }))
      .filter((m) => kp.actualStart && m.month >= startMonth);
    if (rows.length) await tx.insert(keyProjectMonths).values(rows);
    const completedFen = rows.reduce((a, m) => a + m.completedFen, 0);
    const light = computeLight(
      { ...kp, yearPlannedFen: plan.plannedFen, completedFen, previous: null },
      DEFAULT_LIGHT_PARAMS,
      today,
    );
    await tx
      .update(keyProjects)
      .set({ light: light.light, lightReasons: light.reasons, lightAsOf: today, lightSince: light.since })
      .where(eq(keyProjects.id, kp.id));
  }
  // Two weekly dispatch meetings: the older one's issues partly closed (one late), the last one's still open.
  const calendar = await calendarOf(tx);
  const flagged = (await tx.select().from(keyProjects).where(eq(keyProjects.zoneId, zoneId))).filter(
    (k) => k.light !== 'green',
  );
  for (const [w, heldOn] of [
    [0, addMonths(today, -1)],
    [1, today],
  ] as const) {
    const [m] = await tx
      .insert(dispatchMeetings)
      .values({
        zoneId,
        title: `${heldOn.slice(0, 7)} 重点项目周调度会（第${w + 1}次）`,
        kind: 'weekly',
        heldOn,
        chairName: actorName,
        agenda: {
          projects: flagged.map((k) => ({
            id: k.id,
            code: k.code,
            name: k.name,
            light: k.light,
            reasons: k.lightReasons,
          })),
          issues: [],
        },
        minutes: w === 0 ? '会议听取红黄灯项目汇报，逐项明确责任单位与办结时限。' : '',
      })
      .returning();
    for (const [k, kp] of flagged.slice(0, 5).entries()) {
      const workdays = [5, 10, 3, 15, 7][k]!;
      const due = calendar.addWorkdays(heldOn, workdays);
      const closed = w === 0 && k < 3;
      await tx.insert(dispatchIssues).values({
        zoneId,
        meetingId: m!.id,
        keyProjectId: kp.id,
        description: ['施工许可证办理滞后', '电力增容未落实', '土地平整进度慢', '融资到位不足', '入统资料未报送'][k]!,
        ownerDepartmentId: unitIds[k % unitIds.length] ?? null,
        ownerName: chineseName(r),
        commitment: k === 1 ? 'promise' : k === 2 ? 'tolerance' : 'none',
        raisedOn: heldOn,
        workdays,
        dueOn: due.date,
        dueProvisional: due.provisional,
        status: closed ? 'closed' : 'open',
        closedOn: closed ? (k === 2 ? calendar.addWorkdays(due.date, 2).date : due.date) : null,
        closingNote: closed ? '已办结' : '',
      });
    }
  }
  // Its own random stream, so the data above stays exactly as it was before the library existed.
  await seedInvestmentLibrary(tx, new Random(4_2026), zoneId, teams, actorName);
  return { teams: teams.length, keyProjects: inserted.length };
}
