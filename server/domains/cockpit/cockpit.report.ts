import ExcelJS from 'exceljs';
import type { Locale } from '../../../shared/auth';
import type { ZoneCockpit } from '../../../shared/cockpit';

const BOLD: Partial<ExcelJS.Font> = { bold: true };
const RED: Partial<ExcelJS.Font> = { color: { argb: 'FFC00000' } };
const GREEN: Partial<ExcelJS.Font> = { color: { argb: 'FF2E7D32' } };

/**
 * 经济运行月报: the cockpit's own figures as a workbook — sheet 1 the indicator table (the /economy month table),
 * sheet 2 the key work (funnel, lights, approvals, demands, 亩均 classes), sheet 3 the department league. Built from
 * the same ZoneCockpit object the screen and the printable page show, so the three never disagree.
 */
export async function monthlyReport(c: ZoneCockpit, locale: Locale): Promise<Buffer> {
  const zh = locale === 'zh-CN';
  const L = (a: string, b: string) => (zh ? a : b);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ZoneOS';
  const title = zh
    ? `${c.zoneName} ${c.year}年1–${c.month}月经济运行月报`
    : `${c.zoneName} monthly report, Jan–${c.month} ${c.year}`;

  const econ = wb.addWorksheet(L('经济指标', 'Indicators'));
  econ.addRow([title]).font = { bold: true, size: 14 };
  econ.addRow([]);
  const head = econ.addRow([
    L('指标', 'Indicator'),
    L('单位', 'Unit'),
    L(`${c.month}月`, `Month ${c.month}`),
    L(`1–${c.month}月累计`, `Jan–${c.month} cumulative`),
    L('上年同期', 'Last year'),
    L('同比(%)', 'YoY (%)'),
    L('年度目标', 'Annual target'),
    L('完成率(%)', 'Completion (%)'),
    L('时间进度(%)', 'Time progress (%)'),
    L('说明', 'Note'),
  ]);
  head.font = BOLD;
  for (const r of c.indicators) {
    const row = econ.addRow([
      zh || !r.nameEn ? r.name : r.nameEn,
      zh || !r.unitEn ? r.unit : r.unitEn,
      r.monthValue,
      r.cumulative,
      r.lastYearCumulative,
      r.yoyPct,
      r.target,
      r.completionPct,
      r.timeProgressPct,
      r.reason,
    ]);
    if (r.status === 'red') row.getCell(6).font = RED;
    if (r.status === 'green') row.getCell(6).font = GREEN;
  }
  econ.columns.forEach((col, i) => {
    col.width = i === 0 ? 26 : i === 9 ? 30 : 14;
  });
  econ.getColumn(1).alignment = { vertical: 'middle' };

  const work = wb.addWorksheet(L('重点工作', 'Key work'));
  work.columns = [{ width: 30 }, { width: 16 }];
  const section = (name: string) => {
    work.addRow([]);
    work.addRow([name]).font = BOLD;
  };
  work.addRow([title]).font = { bold: true, size: 14 };
  section(L('招商漏斗（工业项目，当前所处阶段）', 'Investment funnel (industrial, current stage)'));
  for (const s of c.investment.stages) work.addRow([s.name, s.current]);
  work.addRow([
    L('今年签约项目 / 目标', 'Signed this year / target'),
    `${c.investment.signedCount} / ${c.investment.signedCountTarget}`,
  ]);
  section(L('重大项目红黄绿灯', 'Key project lights'));
  work.addRow([L('红灯', 'Red'), c.projects.red]).getCell(2).font = RED;
  work.addRow([L('黄灯', 'Yellow'), c.projects.yellow]);
  work.addRow([L('绿灯', 'Green'), c.projects.green]);
  work.addRow([L('年度投资完成率(%)', 'Investment completion (%)'), c.projects.completionRate]);
  section(L('审批', 'Approval'));
  work.addRow([L('办件', 'Cases'), c.approval.cases]);
  work.addRow([L('在办', 'Open'), c.approval.open]);
  work.addRow([L('超期', 'Overdue'), c.approval.overdue]);
  work.addRow([L('按时办结率(%)', 'On-time rate (%)'), c.approval.onTimeRate]);
  section(L('企业诉求', 'Enterprise demands'));
  work.addRow([L('受理', 'Received'), c.demands.received]);
  work.addRow([L('已解决', 'Resolved'), c.demands.resolved]);
  work.addRow([L('已办结', 'Closed'), c.demands.closed]);
  work.addRow([L('超期未办', 'Overdue'), c.demands.overdue]);
  work.addRow([L('办结率(%)', 'Closure rate (%)'), c.demands.closureRate]);
  if (c.efficiency) {
    section(L(`亩均效益分类（${c.efficiency.runName}）`, `Per-mu classes (${c.efficiency.runName})`));
    for (const k of ['A', 'B', 'C', 'D'] as const) work.addRow([L(`${k}类`, `Class ${k}`), c.efficiency.classes[k]]);
  }

  const league = wb.addWorksheet(L('部门排名', 'Department league'));
  league.addRow([c.league ? c.league.cycleName : L('尚无考核结果', 'No appraisal yet')]).font = BOLD;
  league.addRow([
    L('类别', 'Class'),
    L('名次', 'Rank'),
    L('部门', 'Department'),
    L('得分', 'Score'),
    L('等次', 'Grade'),
  ]).font = BOLD;
  for (const r of c.league?.rows ?? []) league.addRow([r.class, r.rank, r.name, r.score, r.grade ?? '']);
  league.columns.forEach((col, i) => {
    col.width = i === 2 ? 28 : 10;
  });

  return Buffer.from(await wb.xlsx.writeBuffer());
}
