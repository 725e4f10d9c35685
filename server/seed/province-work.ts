import { sql } from 'drizzle-orm';
import { DEFAULT_STAGE_SETS, type ProjectType, SIGNING_STAGE } from '../../shared/investment';
import { DEFAULT_LIGHT_PARAMS } from '../../shared/projects';
import {
  investmentProjects,
  investmentStageMoves,
  investmentTargets,
  investmentTeams,
} from '../domains/investment/investment.tables';
import { addMonths, computeLight } from '../domains/projects/projects.lights';
import { keyProjectMonths, keyProjects, keyProjectYears } from '../domains/projects/projects.tables';
import { rows, type Tx } from '../platform/db';
import { insertMany } from '../platform/db/bulk';
import { copyApprovalCatalogue, generateApprovalCases } from './approval-bulk';
import { TEAMS, W } from './investment';
import { chineseName, Random } from './random';

/**
 * 招商, 重点项目 and 审批 of the province seed's generated zones, so the cockpit and every per-zone metric show
 * plausible non-zero figures: per zone 4 teams with this year's targets, a pipeline of ~36 projects across every
 * stage (signing dates in this and last year, approved stage moves), a few key projects with this year's plan,
 * monthly completions and their traffic light (DOMAIN.md §5), a copy of the demo catalogue and a few hundred
 * approval cases over the last two years. Each zone draws from its own stream (seed + zone code), so the result
 * depends only on the seed, the zone and its enterprises; rows go in with insertMany / one INSERT … SELECT.
 */

const SYSTEM_USER = '00000000-0000-4000-8000-000000000000';
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
];
const INVESTORS = [
  '比亚迪',
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
export const PROJECTS_PER_ZONE = 36;
export const CASES_PER_ZONE = 300;

export interface WorkZone {
  id: string;
  code: string;
}

function codeSalt(code: string): number {
  let h = 2166136261;
  for (const ch of code) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

export async function seedProvinceWork(
  tx: Tx,
  input: { zones: readonly WorkZone[]; demoZoneId: string | null; seed: number; today: string },
): Promise<{ projects: number; keyProjects: number }> {
  const { zones, today } = input;
  if (!zones.length) return { projects: 0, keyProjects: 0 };
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const ids = zones.map((z) => z.id);
  const idList = sql`${`{${ids.join(',')}}`}::uuid[]`;
  // The first 60 enterprises of each zone (by id: generated ids are deterministic) and its first department.
  const ents = await rows<{ zone_id: string; id: string; sub_park_id: string | null }>(
    tx,
    sql`select zone_id, id, sub_park_id from (select zone_id, id, sub_park_id,
        row_number() over (partition by zone_id order by id) rn from enterprises where zone_id = any(${idList})) e
      where rn <= 60 order by zone_id, rn`,
  );
  const depts = await rows<{ zone_id: string; id: string }>(
    tx,
    sql`select distinct on (zone_id) zone_id, id from departments where zone_id = any(${idList})
      order by zone_id, (code = 'QFJ') desc, code`,
  );
  const entsOf = new Map<string, { id: string; subParkId: string | null }[]>();
  for (const e of ents) {
    const list = entsOf.get(e.zone_id) ?? [];
    list.push({ id: e.id, subParkId: e.sub_park_id });
    entsOf.set(e.zone_id, list);
  }
  const deptOf = new Map(depts.map((d) => [d.zone_id, d.id]));

  const teams: (typeof investmentTeams.$inferInsert)[] = [];
  const targets: (typeof investmentTargets.$inferInsert)[] = [];
  const projects: (typeof investmentProjects.$inferInsert)[] = [];
  const moves: (typeof investmentStageMoves.$inferInsert)[] = [];
  const kps: (typeof keyProjects.$inferInsert)[] = [];
  const kpYears: (typeof keyProjectYears.$inferInsert)[] = [];
  const kpMonths: (typeof keyProjectMonths.$inferInsert)[] = [];
  const yearStart = Date.UTC(year, 0, 1);
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  for (const zone of zones) {
    const r = new Random((input.seed ^ codeSalt(zone.code)) >>> 0);
    const zoneId = zone.id;
    const zoneEnts = entsOf.get(zoneId) ?? [];
    const deptId = deptOf.get(zoneId) ?? null;
    const teamIds = TEAMS.map((name) => {
      const id = r.uuid();
      teams.push({ id, zoneId, name, leaderName: chineseName(r), departmentId: deptId });
      targets.push({
        zoneId,
        teamId: id,
        year,
        signedCount: r.int(3, 6),
        signedAmountFen: r.int(10, 30) * 10_000 * W,
        fundsInPlaceFen: r.int(4, 12) * 10_000 * W,
      });
      return id;
    });
    let kpSerial = 0;
    for (let i = 0; i < PROJECTS_PER_ZONE; i++) {
      const type: ProjectType = i % 5 === 3 ? 'service' : i % 7 === 5 ? 'headquarters' : 'industrial';
      const stages = DEFAULT_STAGE_SETS[type];
      const depth = Math.min(stages.length - 1, Math.floor(r.next() ** 1.4 * stages.length));
      const signIdx = stages.findIndex((s) => s.key === SIGNING_STAGE);
      const signed = depth >= signIdx;
      const agreed = r.int(5, 150) * 1000 * W;
      // Signed projects: 45% last year, the rest this year up to today; leads created up to 300 days before.
      const signedMs = signed
        ? r.next() < 0.45
          ? yearStart - r.int(1, 360) * 86_400_000
          : yearStart + r.int(0, Math.max(0, Math.floor((todayMs - yearStart) / 86_400_000) - 1)) * 86_400_000
        : null;
      const signedOn = signedMs === null ? null : new Date(signedMs).toISOString().slice(0, 10);
      const created = new Date((signedMs ?? todayMs) - r.int(30, 300) * 86_400_000);
      const ent = signed && zoneEnts.length ? zoneEnts[i % zoneEnts.length] : undefined;
      const abroad = signed && r.next() < 0.12;
      const investor = r.pick(INVESTORS);
      const id = r.uuid();
      const name = `${investor}${r.pick(SUBJECTS)}项目${i + 1}`;
      const stepMs = Math.max(86_400_000, Math.floor((todayMs - created.getTime()) / (depth + 2)));
      projects.push({
        id,
        zoneId,
        name,
        type,
        investor: investor.endsWith('投资') ? `${investor}有限公司` : `${investor}集团`,
        sourceRegion: r.pick(REGIONS),
        teamId: teamIds[i % teamIds.length]!,
        subParkId: ent?.subParkId ?? null,
        stage: stages[depth]!.key,
        stageEnteredAt: new Date(created.getTime() + depth * stepMs),
        agreedInvestmentFen: agreed,
        fundsOutsideProvinceFen: signed ? Math.floor(agreed / 1000 / r.int(2, 5)) * 1000 : 0,
        fundsAbroadUsdCents: abroad ? r.int(100, 2000) * 10_000_00 : 0,
        usdRate: abroad ? '7.1200' : null,
        fortune500: r.next() < 0.08,
        listed: r.next() < 0.2,
        xiangshangReturn: r.next() < 0.15,
        plan: depth >= 1 ? '一项一策：专班专人跟进，落实用地与能耗指标，开通服务绿卡。' : '',
        signedOn,
        enterpriseId: ent?.id ?? null,
        createdAt: created,
        updatedAt: created,
      });
      for (let k = 0; k < depth; k++) {
        const to = stages[k + 1]!;
        moves.push({
          zoneId,
          projectId: id,
          fromStage: stages[k]!.key,
          toStage: to.key,
          evidence: { summary: `${to.name}佐证：${to.evidence}`, documentNo: '', date: today },
          enterprise: null,
          keyProject: null,
          status: 'approved',
          requestedBy: SYSTEM_USER,
          requestedByName: '招商专员',
          requestedAt: new Date(created.getTime() + (k + 1) * stepMs - 86_400_000),
          decidedBy: SYSTEM_USER,
          decidedByName: '分管领导',
          decidedAt: new Date(created.getTime() + (k + 1) * stepMs),
          opinion: '同意',
          daysInStage: Math.max(1, Math.round(stepMs / 86_400_000)),
        });
      }
      // About two thirds of the signed industrial projects are followed as key projects.
      if (!ent || type !== 'industrial' || !signedOn || r.next() >= 0.65) continue;
      kpSerial++;
      const kpId = r.uuid();
      const plannedStart = addMonths(signedOn, 2);
      const started = plannedStart <= today && r.next() < 0.9;
      const actualStart = started ? addMonths(plannedStart, r.next() < 0.3 ? 1 : 0) : null;
      const kp = {
        id: kpId,
        zoneId,
        code: `KP${year}-${String(kpSerial).padStart(3, '0')}`,
        name,
        level: kpSerial === 1 && r.next() < 0.3 ? 'province_top10' : kpSerial % 3 === 0 ? 'city' : 'district',
        pipelineProjectId: id,
        enterpriseId: ent.id,
        subParkId: ent.subParkId,
        ownerName: `${name.slice(0, 4)}有限公司`,
        leaderName: chineseName(r),
        unitId: deptId,
        plannedStart,
        plannedCompletion: addMonths(plannedStart, 18),
        actualStart: actualStart && actualStart <= today ? actualStart : null,
        statsRegisteredOn: actualStart && actualStart <= today && r.next() < 0.93 ? addMonths(actualStart, 1) : null,
        totalInvestmentFen: agreed,
        milestones: [
          {
            name: '取得施工许可',
            plannedOn: addMonths(plannedStart, -1),
            doneOn: actualStart ? addMonths(plannedStart, -1) : null,
          },
          { name: '主体封顶', plannedOn: addMonths(plannedStart, 9), doneOn: null },
        ],
      } satisfies typeof keyProjects.$inferInsert;
      const plannedFen = Math.floor(agreed / 2 / W) * W;
      kpYears.push({ zoneId, keyProjectId: kpId, year, plannedFen });
      // Mostly on schedule; some lag (yellow), a few far behind (red).
      const pace = r.pick([1.1, 1.05, 1, 1, 1, 0.95, 0.9, 0.8, 0.5]);
      const startMonth = kp.actualStart?.startsWith(String(year)) ? Number(kp.actualStart.slice(5, 7)) : 1;
      let completedFen = 0;
      if (kp.actualStart) {
        const span = 12 - startMonth + 1;
        for (let m = startMonth; m < month; m++) {
          const v = Math.floor(((plannedFen / span) * pace * (0.8 + r.next() * 0.4)) / W) * W;
          completedFen += v;
          kpMonths.push({ zoneId, keyProjectId: kpId, year, month: m, completedFen: v });
        }
      }
      const light = computeLight(
        {
          plannedStart: kp.plannedStart,
          actualStart: kp.actualStart,
          actualCompletion: null,
          statsRegisteredOn: kp.statsRegisteredOn,
          yearPlannedFen: plannedFen,
          completedFen,
          previous: null,
        },
        DEFAULT_LIGHT_PARAMS,
        today,
      );
      kps.push({ ...kp, light: light.light, lightReasons: light.reasons, lightAsOf: today, lightSince: light.since });
    }
  }
  const batches = async <T>(list: T[], insert: (part: T[]) => Promise<unknown>) => {
    for (let i = 0; i < list.length; i += 5000) await insert(list.slice(i, i + 5000));
  };
  await batches(teams, (p) => insertMany(tx, investmentTeams, p));
  await batches(targets, (p) => insertMany(tx, investmentTargets, p));
  await batches(projects, (p) => insertMany(tx, investmentProjects, p));
  await batches(moves, (p) => insertMany(tx, investmentStageMoves, p));
  await batches(kps, (p) => insertMany(tx, keyProjects, p));
  await batches(kpYears, (p) => insertMany(tx, keyProjectYears, p));
  await batches(kpMonths, (p) => insertMany(tx, keyProjectMonths, p));

  if (input.demoZoneId) {
    await copyApprovalCatalogue(tx, input.demoZoneId, ids);
    // Two years back to today; setseed takes [-1, 1].
    const first = new Date(todayMs - 730 * 86_400_000).toISOString().slice(0, 10);
    await generateApprovalCases(tx, {
      zoneIds: ids,
      count: CASES_PER_ZONE * ids.length,
      prefix: `PS${zones[0]!.code.replace(/\W/g, '').slice(-5).toUpperCase()}`,
      firstDay: first,
      days: 730,
      seed: ((input.seed % 1000) + 0.5) / 1000,
    });
  }
  return { projects: projects.length, keyProjects: kps.length };
}
