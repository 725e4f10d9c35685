import { and, eq, gte, inArray, isNotNull, lte, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { approvalCases } from '../approval/approval.tables';
import { efficiencyData } from '../efficiency/efficiency.tables';
import { enterprises } from '../enterprises/enterprises.tables';
import { investmentProjects, investmentTeams } from '../investment/investment.tables';
import { staff } from '../org/org.tables';
import { keyProjects } from '../projects/projects.tables';
import { demands, visits } from '../services/services.tables';
import { type IndicatorTarget, type IndicatorValue, registerIndicatorSource } from './performance.indicators';

/**
 * Automatic indicators read from the business domains (DOMAIN.md §8: "computed from the other modules wherever
 * possible"). They live on the performance side and only read the other domains' tables, so those domains need no
 * change and every value keeps the rows behind it. Periods are inclusive ISO dates; date columns are compared as
 * dates (China calendar days), never as instants. Rates are percentages rounded to two decimals; a rate over no
 * rows is 0 (nothing was delivered), with no records.
 */

const EMPTY: IndicatorValue = { value: 0, records: [] };

/** Percentage with two decimals, 0 when the denominator is 0. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10000) / 100;
}

function inPeriod(col: Parameters<typeof gte>[0], start: string, end: string): SQL {
  return and(gte(col, start), lte(col, end))!;
}

/** Staff ids measured: one person, or every person of a department. */
async function staffIdsOf(ex: Executor, zoneId: string, target: IndicatorTarget): Promise<string[]> {
  if (target.staffId) return [target.staffId];
  if (!target.departmentId) return [];
  const rows = await ex
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.zoneId, zoneId), eq(staff.departmentId, target.departmentId)));
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------- approval (§2)

registerIndicatorSource({
  key: 'approval.on_time_rate',
  label: { 'zh-CN': '审批按时办结率', 'en-US': 'Approval on-time rate' },
  unit: { 'zh-CN': '%', 'en-US': '%' },
  targets: ['department'],
  query: {
    'zh-CN': '牵头部门为该部门、办结日期在考核期内的办件中，未超过承诺时限办结的比例（按时件数 ÷ 办结件数 × 100）',
    'en-US':
      'Cases led by the department and decided in the period: share decided within the committed limit (on time ÷ decided × 100)',
  },
  async compute(ex, zoneId, periodStart, periodEnd, target) {
    if (!target.departmentId) return EMPTY;
    const rows = await ex
      .select({ id: approvalCases.id, caseNo: approvalCases.caseNo, late: approvalCases.committedPassed })
      .from(approvalCases)
      .where(
        and(
          eq(approvalCases.zoneId, zoneId),
          eq(approvalCases.leadDepartmentId, target.departmentId),
          isNotNull(approvalCases.handlingDays),
          inPeriod(approvalCases.decidedOn, periodStart, periodEnd),
        ),
      )
      .orderBy(approvalCases.caseNo);
    const onTime = rows.filter((r) => !r.late).length;
    return {
      value: percent(onTime, rows.length),
      records: rows.map((r) => ({
        entity: 'approval_case',
        id: r.id,
        label: `${r.caseNo} · ${r.late ? '超承诺时限 late' : '按时 on time'}`,
      })),
    };
  },
});

// ---------------------------------------------------------------- investment (§4) and projects (§5)

async function signedProjects(ex: Executor, zoneId: string, start: string, end: string, departmentId: string) {
  return ex
    .select({ id: investmentProjects.id, name: investmentProjects.name, fen: investmentProjects.agreedInvestmentFen })
    .from(investmentProjects)
    .innerJoin(investmentTeams, eq(investmentTeams.id, investmentProjects.teamId))
    .where(
      and(
        eq(investmentProjects.zoneId, zoneId),
        eq(investmentTeams.departmentId, departmentId),
        inPeriod(investmentProjects.signedOn, start, end),
      ),
    )
    .orderBy(investmentProjects.signedOn, investmentProjects.name, investmentProjects.id);
}

registerIndicatorSource({
  key: 'investment.signed_projects',
  label: { 'zh-CN': '签约项目数', 'en-US': 'Projects signed' },
  unit: { 'zh-CN': '个', 'en-US': 'projects' },
  targets: ['department'],
  query: {
    'zh-CN': '招商专班隶属该部门、签约日期在考核期内的招商项目个数',
    'en-US': 'Pipeline projects of the department’s investment teams signed in the period',
  },
  async compute(ex, zoneId, periodStart, periodEnd, target) {
    if (!target.departmentId) return EMPTY;
    const rows = await signedProjects(ex, zoneId, periodStart, periodEnd, target.departmentId);
    return {
      value: rows.length,
      records: rows.map((r) => ({ entity: 'investment_project', id: r.id, label: r.name })),
    };
  },
});

registerIndicatorSource({
  key: 'investment.signed_amount',
  label: { 'zh-CN': '签约投资额', 'en-US': 'Investment signed' },
  unit: { 'zh-CN': '万元', 'en-US': '10k CNY' },
  targets: ['department'],
  query: {
    'zh-CN': '招商专班隶属该部门、签约日期在考核期内的招商项目协议投资额之和（万元，保留两位小数）',
    'en-US': 'Sum of the agreed investment of the department’s projects signed in the period (10k CNY, 2 decimals)',
  },
  async compute(ex, zoneId, periodStart, periodEnd, target) {
    if (!target.departmentId) return EMPTY;
    const rows = await signedProjects(ex, zoneId, periodStart, periodEnd, target.departmentId);
    const fen = rows.reduce((s, r) => s + BigInt(r.fen), 0n);
    // fen → 万元: ÷ 1,000,000, rounded half up to the cent of a 万元.
    const value = Number((fen + 5000n) / 10000n) / 100;
    return {
      value,
      records: rows.map((r) => ({
        entity: 'investment_project',
        id: r.id,
        label: `${r.name} · ${(r.fen / 1e6).toFixed(2)} 万元`,
      })),
    };
  },
});

registerIndicatorSource({
  key: 'projects.started',
  label: { 'zh-CN': '重大项目开工数', 'en-US': 'Key projects started' },
  unit: { 'zh-CN': '个', 'en-US': 'projects' },
  targets: ['department'],
  query: {
    'zh-CN': '责任单位为该部门、实际开工日期在考核期内的重大项目个数',
    'en-US': 'Key projects whose responsible unit is the department, actually started in the period',
  },
  async compute(ex, zoneId, periodStart, periodEnd, target) {
    if (!target.departmentId) return EMPTY;
    const rows = await ex
      .select({ id: keyProjects.id, code: keyProjects.code, name: keyProjects.name })
      .from(keyProjects)
      .where(
        and(
          eq(keyProjects.zoneId, zoneId),
          eq(keyProjects.unitId, target.departmentId),
          inPeriod(keyProjects.actualStart, periodStart, periodEnd),
        ),
      )
      .orderBy(keyProjects.code);
    return {
      value: rows.length,
      records: rows.map((r) => ({ entity: 'key_project', id: r.id, label: `${r.code} ${r.name}` })),
    };
  },
});

registerIndicatorSource({
  key: 'projects.start_rate',
  label: { 'zh-CN': '重大项目开工率', 'en-US': 'Key-project start rate' },
  unit: { 'zh-CN': '%', 'en-US': '%' },
  targets: ['department'],
  query: {
    'zh-CN': '责任单位为该部门、计划开工日期在考核期内的重大项目中，考核期末前已实际开工的比例',
    'en-US':
      'Key projects of the department planned to start in the period: share actually started by the end of the period',
  },
  async compute(ex, zoneId, periodStart, periodEnd, target) {
    if (!target.departmentId) return EMPTY;
    const rows = await ex
      .select({ id: keyProjects.id, code: keyProjects.code, name: keyProjects.name, started: keyProjects.actualStart })
      .from(keyProjects)
      .where(
        and(
          eq(keyProjects.zoneId, zoneId),
          eq(keyProjects.unitId, target.departmentId),
          inPeriod(keyProjects.plannedStart, periodStart, periodEnd),
        ),
      )
      .orderBy(keyProjects.code);
    const started = rows.filter((r) => r.started !== null && r.started <= periodEnd).length;
    return {
      value: percent(started, rows.length),
      records: rows.map((r) => ({
        entity: 'key_project',
        id: r.id,
        label: `${r.code} ${r.name} · ${r.started && r.started <= periodEnd ? `开工 ${r.started}` : '未开工 not started'}`,
      })),
    };
  },
});

// ---------------------------------------------------------------- enterprise services (§6)

async function departmentDemands(ex: Executor, zoneId: string, departmentId: string, extra: SQL) {
  return ex
    .select({
      id: demands.id,
      serial: demands.serial,
      title: demands.title,
      resolvedOn: demands.resolvedOn,
      allOnTime: demands.allOnTime,
      satisfaction: demands.satisfaction,
    })
    .from(demands)
    .where(
      and(
        eq(demands.zoneId, zoneId),
        eq(demands.routeKind, 'department'),
        eq(demands.departmentId, departmentId),
        extra,
      ),
    )
    .orderBy(demands.serial);
}

registerIndicatorSource({
  key: 'services.demand_closure_rate',
  label: { 'zh-CN': '企业诉求办结率', 'en-US': 'Demand closure rate' },
  unit: { 'zh-CN': '%', 'en-US': '%' },
  targets: ['department'],
  query: {
    'zh-CN': '考核期内受理并交办该部门的企业诉求中，考核期末前已办结（办结日期不晚于期末）的比例',
    'en-US': 'Demands received in the period and routed to the department: share resolved by the end of the period',
  },
  async compute(ex, zoneId, periodStart, periodEnd, target) {
    if (!target.departmentId) return EMPTY;
    const rows = await departmentDemands(
      ex,
      zoneId,
      target.departmentId,
      inPeriod(demands.receivedOn, periodStart, periodEnd),
    );
    const closed = (r: (typeof rows)[number]) => r.resolvedOn !== null && r.resolvedOn <= periodEnd;
    return {
      value: percent(rows.filter(closed).length, rows.length),
      records: rows.map((r) => ({
        entity: 'demand',
        id: r.id,
        label: `${r.serial} ${r.title} · ${closed(r) ? `办结 ${r.resolvedOn}` : '未办结 open'}`,
      })),
    };
  },
});

registerIndicatorSource({
  key: 'services.demand_on_time_rate',
  label: { 'zh-CN': '企业诉求按时办结率', 'en-US': 'Demand on-time rate' },
  unit: { 'zh-CN': '%', 'en-US': '%' },
  targets: ['department'],
  query: {
    'zh-CN': '该部门在考核期内办结的企业诉求中，签收、答复、办结各环节均未超时的比例',
    'en-US': 'Demands the department resolved in the period: share that met every limit (sign, reply, resolve)',
  },
  async compute(ex, zoneId, periodStart, periodEnd, target) {
    if (!target.departmentId) return EMPTY;
    const rows = await departmentDemands(
      ex,
      zoneId,
      target.departmentId,
      inPeriod(demands.resolvedOn, periodStart, periodEnd),
    );
    return {
      value: percent(rows.filter((r) => r.allOnTime).length, rows.length),
      records: rows.map((r) => ({
        entity: 'demand',
        id: r.id,
        label: `${r.serial} ${r.title} · ${r.allOnTime ? '按时 on time' : '超时 late'}`,
      })),
    };
  },
});

registerIndicatorSource({
  key: 'services.demand_satisfaction_rate',
  label: { 'zh-CN': '企业诉求满意率', 'en-US': 'Demand satisfaction rate' },
  unit: { 'zh-CN': '%', 'en-US': '%' },
  targets: ['department'],
  query: {
    'zh-CN': '考核期内受理并交办该部门、企业已评价的诉求中，评价为“满意”或“基本满意”的比例',
    'en-US':
      'Rated demands received in the period and routed to the department: share rated satisfied or basically satisfied',
  },
  async compute(ex, zoneId, periodStart, periodEnd, target) {
    if (!target.departmentId) return EMPTY;
    const rows = await departmentDemands(
      ex,
      zoneId,
      target.departmentId,
      and(inPeriod(demands.receivedOn, periodStart, periodEnd), isNotNull(demands.satisfaction))!,
    );
    return {
      value: percent(rows.filter((r) => r.satisfaction !== 'unsatisfied').length, rows.length),
      records: rows.map((r) => ({ entity: 'demand', id: r.id, label: `${r.serial} ${r.title} · ${r.satisfaction}` })),
    };
  },
});

registerIndicatorSource({
  key: 'services.visits',
  label: { 'zh-CN': '走访企业次数', 'en-US': 'Enterprise visits' },
  unit: { 'zh-CN': '次', 'en-US': 'visits' },
  targets: ['department', 'staff'],
  query: {
    'zh-CN': '走访日期在考核期内、走访人员为该人员（部门考核：走访部门为该部门）的走访记录数',
    'en-US': 'Visits in the period made by the person (department: recorded for the department)',
  },
  async compute(ex, zoneId, periodStart, periodEnd, target) {
    const who = target.staffId
      ? eq(visits.officerId, target.staffId)
      : target.departmentId
        ? eq(visits.departmentId, target.departmentId)
        : undefined;
    if (!who) return EMPTY;
    const rows = await ex
      .select({ id: visits.id, on: visits.visitedOn, name: enterprises.name })
      .from(visits)
      .innerJoin(enterprises, eq(enterprises.id, visits.enterpriseId))
      .where(and(eq(visits.zoneId, zoneId), who, inPeriod(visits.visitedOn, periodStart, periodEnd)))
      .orderBy(visits.visitedOn, visits.id);
    return {
      value: rows.length,
      records: rows.map((r) => ({ entity: 'visit', id: r.id, label: `${r.on} ${r.name}` })),
    };
  },
});

// ---------------------------------------------------------------- per-mu efficiency (§7)

registerIndicatorSource({
  key: 'efficiency.tax_per_mu',
  label: { 'zh-CN': '服务企业亩均税收', 'en-US': 'Tax per mu of the enterprises served' },
  unit: { 'zh-CN': '万元/亩', 'en-US': '10k CNY/mu' },
  targets: ['department', 'staff'],
  query: {
    'zh-CN':
      '服务专员为该人员（或该部门人员）的企业，在考核期末所在年度亩均数据中的税收合计 ÷ 用地面积合计（仅计用地面积大于 0 的企业）',
    'en-US':
      'Enterprises served by the person (or the department): total tax ÷ total land (mu) in the per-mu data of the year the period ends (land > 0 only)',
  },
  async compute(ex, zoneId, _periodStart, periodEnd, target) {
    const ids = await staffIdsOf(ex, zoneId, target);
    if (ids.length === 0) return EMPTY;
    const year = Number(periodEnd.slice(0, 4));
    const rows = await ex
      .select({ id: enterprises.id, name: enterprises.name, tax: efficiencyData.tax, mu: efficiencyData.landMu })
      .from(efficiencyData)
      .innerJoin(enterprises, eq(enterprises.id, efficiencyData.enterpriseId))
      .where(
        and(
          eq(efficiencyData.zoneId, zoneId),
          eq(efficiencyData.year, year),
          inArray(enterprises.serviceOfficerId, ids),
        ),
      )
      .orderBy(enterprises.name, enterprises.id);
    const counted = rows.filter((r) => (r.mu ?? 0) > 0);
    const tax = counted.reduce((s, r) => s + (r.tax ?? 0), 0);
    const mu = counted.reduce((s, r) => s + (r.mu ?? 0), 0);
    return {
      value: mu === 0 ? 0 : Math.round((tax / mu) * 100) / 100,
      records: counted.map((r) => ({
        entity: 'enterprise',
        id: r.id,
        label: `${r.name} · ${r.tax ?? 0} 万元 / ${r.mu} 亩`,
      })),
    };
  },
});
