import { and, eq, gte, inArray, isNotNull, lte, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { approvalCases } from '../approval/approval.tables';
import { efficiencyData } from '../efficiency/efficiency.tables';
import { enterprises } from '../enterprises/enterprises.tables';
import { investmentProjects, investmentTeams } from '../investment/investment.tables';
import { keyProjects } from '../projects/projects.tables';
import { demands, visits } from '../services/services.tables';
import { type Measure, ofDepartment, ofStaff, type Period, registerRowSource } from './performance.indicators';

/**
 * Automatic indicators read from the business domains (DOMAIN.md §8: "computed from the other modules wherever
 * possible"). They live on the performance side and only read the other domains' tables, so those domains need no
 * change and every value keeps the rows behind it. Periods are inclusive ISO dates; date columns are compared as
 * dates (China calendar days), never as instants. Rates are percentages rounded to two decimals; a rate over no
 * rows is 0 (nothing was delivered), with no records.
 */

type DateColumn = Parameters<typeof gte>[0];

function inPeriod(col: DateColumn, start: string, end: string): SQL {
  return and(gte(col, start), lte(col, end))!;
}

/** The date is set and not after the end of the period. */
const byEnd = (on: string | null, { end }: Period) => on !== null && on <= end;

// ---------------------------------------------------------------- approval (§2)

registerRowSource({
  key: 'approval.on_time_rate',
  label: ['审批按时办结率', 'Approval on-time rate'],
  unit: ['%', '%'],
  query: [
    '牵头部门为该部门、办结日期在考核期内的办件中，未超过承诺时限办结的比例（按时件数 ÷ 办结件数 × 100）',
    'Cases led by the department and decided in the period: share decided within the committed limit (on time ÷ decided × 100)',
  ],
  measures: ofDepartment,
  entity: 'approval_case',
  rows: (ex, zoneId, departmentId, { start, end }) =>
    ex
      .select({ id: approvalCases.id, caseNo: approvalCases.caseNo, late: approvalCases.committedPassed })
      .from(approvalCases)
      .where(
        and(
          eq(approvalCases.zoneId, zoneId),
          eq(approvalCases.leadDepartmentId, departmentId),
          isNotNull(approvalCases.handlingDays),
          inPeriod(approvalCases.decidedOn, start, end),
        ),
      )
      .orderBy(approvalCases.caseNo),
  counts: (r) => !r.late,
  labelOf: (r) => `${r.caseNo} · ${r.late ? '超承诺时限 late' : '按时 on time'}`,
});

// ---------------------------------------------------------------- investment (§4) and projects (§5)

function signedProjects(ex: Executor, zoneId: string, departmentId: string, { start, end }: Period) {
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

registerRowSource({
  key: 'investment.signed_projects',
  label: ['签约项目数', 'Projects signed'],
  unit: ['个', 'projects'],
  query: [
    '招商专班隶属该部门、签约日期在考核期内的招商项目个数',
    'Pipeline projects of the department’s investment teams signed in the period',
  ],
  measures: ofDepartment,
  entity: 'investment_project',
  rows: signedProjects,
  labelOf: (r) => r.name,
});

registerRowSource({
  key: 'investment.signed_amount',
  label: ['签约投资额', 'Investment signed'],
  unit: ['万元', '10k CNY'],
  query: [
    '招商专班隶属该部门、签约日期在考核期内的招商项目协议投资额之和（万元，保留两位小数）',
    'Sum of the agreed investment of the department’s projects signed in the period (10k CNY, 2 decimals)',
  ],
  measures: ofDepartment,
  entity: 'investment_project',
  rows: signedProjects,
  value(rows) {
    const fen = rows.reduce((s, r) => s + BigInt(r.fen), 0n);
    // fen → 万元: ÷ 1,000,000, rounded half up to the cent of a 万元.
    return Number((fen + 5000n) / 10000n) / 100;
  },
  labelOf: (r) => `${r.name} · ${(r.fen / 1e6).toFixed(2)} 万元`,
});

/** Key projects whose responsible unit is the department, with the date `on` in the period. */
function unitProjects(on: DateColumn) {
  return (ex: Executor, zoneId: string, departmentId: string, { start, end }: Period) =>
    ex
      .select({ id: keyProjects.id, code: keyProjects.code, name: keyProjects.name, started: keyProjects.actualStart })
      .from(keyProjects)
      .where(and(eq(keyProjects.zoneId, zoneId), eq(keyProjects.unitId, departmentId), inPeriod(on, start, end)))
      .orderBy(keyProjects.code);
}

registerRowSource({
  key: 'projects.started',
  label: ['重大项目开工数', 'Key projects started'],
  unit: ['个', 'projects'],
  query: [
    '责任单位为该部门、实际开工日期在考核期内的重大项目个数',
    'Key projects whose responsible unit is the department, actually started in the period',
  ],
  measures: ofDepartment,
  entity: 'key_project',
  rows: unitProjects(keyProjects.actualStart),
  labelOf: (r) => `${r.code} ${r.name}`,
});

registerRowSource({
  key: 'projects.start_rate',
  label: ['重大项目开工率', 'Key-project start rate'],
  unit: ['%', '%'],
  query: [
    '责任单位为该部门、计划开工日期在考核期内的重大项目中，考核期末前已实际开工的比例',
    'Key projects of the department planned to start in the period: share actually started by the end of the period',
  ],
  measures: ofDepartment,
  entity: 'key_project',
  rows: unitProjects(keyProjects.plannedStart),
  counts: (r, period) => byEnd(r.started, period),
  labelOf: (r, period) =>
    `${r.code} ${r.name} · ${byEnd(r.started, period) ? `开工 ${r.started}` : '未开工 not started'}`,
});

// ---------------------------------------------------------------- enterprise services (§6)

/** Demands routed to the department, received (or resolved) in the period; `rated`: only those the enterprise rated. */
function departmentDemands(by: 'receivedOn' | 'resolvedOn', rated = false) {
  return (ex: Executor, zoneId: string, departmentId: string, { start, end }: Period) =>
    ex
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
          inPeriod(demands[by], start, end),
          rated ? isNotNull(demands.satisfaction) : undefined,
        ),
      )
      .orderBy(demands.serial);
}

registerRowSource({
  key: 'services.demand_closure_rate',
  label: ['企业诉求办结率', 'Demand closure rate'],
  unit: ['%', '%'],
  query: [
    '考核期内受理并交办该部门的企业诉求中，考核期末前已办结（办结日期不晚于期末）的比例',
    'Demands received in the period and routed to the department: share resolved by the end of the period',
  ],
  measures: ofDepartment,
  entity: 'demand',
  rows: departmentDemands('receivedOn'),
  counts: (r, period) => byEnd(r.resolvedOn, period),
  labelOf: (r, period) =>
    `${r.serial} ${r.title} · ${byEnd(r.resolvedOn, period) ? `办结 ${r.resolvedOn}` : '未办结 open'}`,
});

registerRowSource({
  key: 'services.demand_on_time_rate',
  label: ['企业诉求按时办结率', 'Demand on-time rate'],
  unit: ['%', '%'],
  query: [
    '该部门在考核期内办结的企业诉求中，签收、答复、办结各环节均未超时的比例',
    'Demands the department resolved in the period: share that met every limit (sign, reply, resolve)',
  ],
  measures: ofDepartment,
  entity: 'demand',
  rows: departmentDemands('resolvedOn'),
  counts: (r) => r.allOnTime,
  labelOf: (r) => `${r.serial} ${r.title} · ${r.allOnTime ? '按时 on time' : '超时 late'}`,
});

registerRowSource({
  key: 'services.demand_satisfaction_rate',
  label: ['企业诉求满意率', 'Demand satisfaction rate'],
  unit: ['%', '%'],
  query: [
    '考核期内受理并交办该部门、企业已评价的诉求中，评价为“满意”或“基本满意”的比例',
    'Rated demands received in the period and routed to the department: share rated satisfied or basically satisfied',
  ],
  measures: ofDepartment,
  entity: 'demand',
  rows: departmentDemands('receivedOn', true),
  counts: (r) => r.satisfaction !== 'unsatisfied',
  labelOf: (r) => `${r.serial} ${r.title} · ${r.satisfaction}`,
});

/** Visits made by the person, or recorded for the department. */
const visitor: Measure<SQL> = {
  targets: ['department', 'staff'],
  subject: (_ex, _zoneId, target) =>
    target.staffId
      ? eq(visits.officerId, target.staffId)
      : target.departmentId
        ? eq(visits.departmentId, target.departmentId)
        : undefined,
};

registerRowSource({
  key: 'services.visits',
  label: ['走访企业次数', 'Enterprise visits'],
  unit: ['次', 'visits'],
  query: [
    '走访日期在考核期内、走访人员为该人员（部门考核：走访部门为该部门）的走访记录数',
    'Visits in the period made by the person (department: recorded for the department)',
  ],
  measures: visitor,
  entity: 'visit',
  rows: (ex, zoneId, who, { start, end }) =>
    ex
      .select({ id: visits.id, on: visits.visitedOn, name: enterprises.name })
      .from(visits)
      .innerJoin(enterprises, eq(enterprises.id, visits.enterpriseId))
      .where(and(eq(visits.zoneId, zoneId), who, inPeriod(visits.visitedOn, start, end)))
      .orderBy(visits.visitedOn, visits.id),
  labelOf: (r) => `${r.on} ${r.name}`,
});

// ---------------------------------------------------------------- per-mu efficiency (§7)

registerRowSource({
  key: 'efficiency.tax_per_mu',
  label: ['服务企业亩均税收', 'Tax per mu of the enterprises served'],
  unit: ['万元/亩', '10k CNY/mu'],
  query: [
    '服务专员为该人员（或该部门人员）的企业，在考核期末所在年度亩均数据中的税收合计 ÷ 用地面积合计（仅计用地面积大于 0 的企业）',
    'Enterprises served by the person (or the department): total tax ÷ total land (mu) in the per-mu data of the year the period ends (land > 0 only)',
  ],
  measures: ofStaff,
  entity: 'enterprise',
  // Only the enterprises with land count, for the value and as records.
  async rows(ex, zoneId, ids, { end }) {
    const rows = await ex
      .select({ id: enterprises.id, name: enterprises.name, tax: efficiencyData.tax, mu: efficiencyData.landMu })
      .from(efficiencyData)
      .innerJoin(enterprises, eq(enterprises.id, efficiencyData.enterpriseId))
      .where(
        and(
          eq(efficiencyData.zoneId, zoneId),
          eq(efficiencyData.year, Number(end.slice(0, 4))),
          inArray(enterprises.serviceOfficerId, ids),
        ),
      )
      .orderBy(enterprises.name, enterprises.id);
    return rows.filter((r) => (r.mu ?? 0) > 0);
  },
  value(rows) {
    const tax = rows.reduce((s, r) => s + (r.tax ?? 0), 0);
    const mu = rows.reduce((s, r) => s + (r.mu ?? 0), 0);
    return mu === 0 ? 0 : Math.round((tax / mu) * 100) / 100;
  },
  labelOf: (r) => `${r.name} · ${r.tax ?? 0} 万元 / ${r.mu} 亩`,
});
