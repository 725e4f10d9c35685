import { dispositionLabels, percent, reductionRate } from '../../../shared/reform';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import type { ExportColumn } from '../../platform/excel/export';
import { listVersions } from './reform.authority.repository';
import { diffVersions } from './reform.authority.service';
import { dispositionSummary } from './reform.disposition';
import { dutySummary } from './reform.duties';
import { orgComparison } from './reform.org.service';
import { platformSummary } from './reform.platform.registers';
import { listTasks } from './reform.tasks';
import { whistleLeague } from './reform.whistle.service';

export interface DashboardRow {
  section: string;
  figure: string;
  before: number | null;
  after: number | null;
  change: number | null;
  rate: string | null;
}

const zh = {
  org: '机构人员',
  authority: '权责清单',
  whistle: '园区吹哨',
  metric: {
    institutions: '内设机构',
    publicInstitutions: '事业单位',
    leadershipPosts: '领导班子职数',
    sectionCadres: '正副科级领导干部',
    establishment: '编制',
    onStaff: '在编人员',
    contractStaff: '编外聘用人员',
    soeStaff: '国企职工',
    total: '在职人员总数',
  },
  cost: '年人力成本(元)',
  retained: '保留',
  added: '新增赋权',
  cancelled: '取消',
  core: '核心赋权事项',
  full: '一章通办',
  acceptOnly: '见章跟章',
  raised: '吹哨事项',
  onTime: '按期响应',
  overdue: '超期',
  disposition: '编外人员七个一批',
  roster: '名册人数 → 考试留用',
  tasks: '改革任务清单',
  tasksDone: '任务总数 → 已完成',
  tasksLate: '逾期任务',
  lists: '两张清单与边界清单',
  dutyItems: '职责清单事项',
  strippedItems: '剥离社会事务',
  receivingBodies: '承接主体',
  boundaryItems: '边界清单事项',
  platform: '平台公司',
  approved: '重大事项已批准(待实施)',
  executed: '重大事项已实施',
  commissioned: '清单内委托事项 / 金额(元)',
  market: '清单外市场化事项 / 金额(元)',
  outstanding: '存续融资本金(元)',
  saved: '置换年节约利息(元)',
};

const figure = (section: string, name: string, after: number, before: number | null = null): DashboardRow => ({
  section,
  figure: name,
  before,
  after,
  change: null,
  rate: null,
});

/**
 * 两张清单 + 边界清单 (in force today) and the platform company: each figure is the total of the list the page links
 * to (the `figure` rows of the export, the dashboard test compares them with those lists).
 */
export async function listAndPlatformRows(ex: Executor, scope: ZoneScope): Promise<DashboardRow[]> {
  const [d, p] = await Promise.all([dutySummary(ex, scope), platformSummary(ex, scope)]);
  const coop = (k: 'commissioned' | 'market') => p.cooperation.find((c) => c.kind === k)!;
  return [
    figure(zh.lists, zh.dutyItems, d.duty.items),
    figure(zh.lists, zh.strippedItems, d.stripped.items),
    figure(zh.lists, zh.receivingBodies, d.stripped.receivingBodies),
    figure(zh.lists, zh.boundaryItems, d.boundary.items),
    figure(zh.platform, zh.approved, p.matters.byStatus.approved),
    figure(zh.platform, zh.executed, p.matters.byStatus.executed),
    // before = items, after = contract amount in yuan
    figure(zh.platform, zh.commissioned, coop('commissioned').contractFen / 100, coop('commissioned').items),
    figure(zh.platform, zh.market, coop('market').contractFen / 100, coop('market').items),
    figure(zh.platform, zh.outstanding, p.financing.outstandingFen / 100),
    figure(zh.platform, zh.saved, p.financing.yearlyInterestSavedFen / 100),
  ];
}

/** The dashboard's figures as rows (zh-CN labels): what the page shows, for the Excel export. */
export async function dashboardRows(ex: Executor, scope: ZoneScope, year: number): Promise<DashboardRow[]> {
  const rows: DashboardRow[] = [];
  const org = await orgComparison(ex, scope);
  for (const r of org.rows) {
    rows.push({
      section: zh.org,
      figure: zh.metric[r.metric],
      before: r.before,
      after: r.after,
      change: r.reduced,
      rate: r.reductionRate,
    });
  }
  if (org.before && org.after) {
    const b = org.before.yearlyCostFen;
    const a = org.after.yearlyCostFen;
    rows.push({
      section: zh.org,
      figure: zh.cost,
      before: b / 100,
      after: a / 100,
      change: (b - a) / 100,
      rate: percent(b - a, b),
    });
  }
  const published = (await listVersions(ex, scope)).filter((v) => v.status === 'published');
  const [latest, previous] = published;
  if (latest && previous) {
    const d = await diffVersions(ex, scope, previous.id, latest.id);
    rows.push({
      section: zh.authority,
      figure: zh.retained,
      before: null,
      after: d.counts.retained,
      change: null,
      rate: null,
    });
    rows.push({
      section: zh.authority,
      figure: zh.added,
      before: null,
      after: d.counts.added,
      change: null,
      rate: null,
    });
    rows.push({
      section: zh.authority,
      figure: zh.cancelled,
      before: null,
      after: d.counts.cancelled,
      change: null,
      rate: null,
    });
    rows.push({
      section: zh.authority,
      figure: zh.core,
      before: d.before,
      after: d.after,
      change: d.after - d.before,
      rate: null,
    });
  }
  if (latest) {
    rows.push({
      section: zh.authority,
      figure: zh.full,
      before: null,
      after: latest.counts.full,
      change: null,
      rate: null,
    });
    rows.push({
      section: zh.authority,
      figure: zh.acceptOnly,
      before: null,
      after: latest.counts.acceptOnly,
      change: null,
      rate: null,
    });
  }
  const d = await dispositionSummary(ex, scope);
  for (const c of d.channels) {
    rows.push({
      section: zh.disposition,
      figure: dispositionLabels[c.channel],
      before: null,
      after: c.count,
      change: null,
      rate: c.share,
    });
  }
  rows.push({
    section: zh.disposition,
    figure: zh.roster,
    before: d.roster,
    after: d.retained,
    change: d.roster - d.retained,
    rate: reductionRate(d.roster, d.retained),
  });
  const taskList = await listTasks(ex, scope, { current: 1, pageSize: 500 });
  rows.push({
    section: zh.tasks,
    figure: zh.tasksDone,
    before: taskList.total,
    after: taskList.data.filter((t) => t.status === 'done').length,
    change: null,
    rate: percent(taskList.data.filter((t) => t.status === 'done').length, taskList.total),
  });
  rows.push({
    section: zh.tasks,
    figure: zh.tasksLate,
    before: null,
    after: taskList.data.filter((t) => t.late).length,
    change: null,
    rate: null,
  });
  rows.push(...(await listAndPlatformRows(ex, scope)));
  const league = await whistleLeague(ex, scope, year);
  const sum = (k: 'raised' | 'responded' | 'onTime' | 'overdue') => league.reduce((s, r) => s + r[k], 0);
  rows.push({
    section: `${zh.whistle} ${year}`,
    figure: zh.raised,
    before: null,
    after: sum('raised'),
    change: null,
    rate: null,
  });
  rows.push({
    section: `${zh.whistle} ${year}`,
    figure: zh.onTime,
    before: null,
    after: sum('onTime'),
    change: null,
    rate: percent(sum('onTime'), sum('responded')),
  });
  rows.push({
    section: `${zh.whistle} ${year}`,
    figure: zh.overdue,
    before: null,
    after: sum('overdue'),
    change: null,
    rate: null,
  });
  return rows;
}

const col = (
  key: keyof DashboardRow,
  zhName: string,
  en: string,
  type: 'string' | 'decimal' = 'string',
  width = 14,
) => ({
  column: { key, header: { 'zh-CN': zhName, 'en-US': en }, type, width },
  value: (r: DashboardRow) => r[key],
});
export const dashboardColumns: ExportColumn<DashboardRow>[] = [
  col('section', '板块', 'Section'),
  col('figure', '指标', 'Figure', 'string', 22),
  col('before', '改革前', 'Before', 'decimal'),
  col('after', '改革后', 'After', 'decimal'),
  col('change', '变化(核减为正)', 'Change', 'decimal'),
  col('rate', '比率(%)', 'Rate (%)'),
];
