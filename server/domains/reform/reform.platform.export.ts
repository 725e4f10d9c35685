import type { ExportColumn } from '../../platform/excel/export';
import type { MatterRow } from './reform.platform.matters';
import type { CooperationRow, FinancingRow } from './reform.platform.registers';

type T = 'string' | 'date' | 'int' | 'decimal' | 'bool';
function col<R>(key: string, zh: string, en: string, value: (r: R) => unknown, type: T = 'string', width = 14) {
  return { column: { key, header: { 'zh-CN': zh, 'en-US': en }, type, width }, value } as ExportColumn<R>;
}
const yuan = (fen: number | null) => (fen === null ? null : fen / 100);

const categoryZh: Record<string, string> = {
  party_building: '党建工作',
  business_policy: '经营方针',
  investment_plan: '投资计划',
  equity_transfer: '股权转让',
  charter: '章程修改',
  budget: '年度预算',
  major_investment: '重大投资',
  guarantee: '对外担保',
  asset_disposal: '资产处置',
  pay: '薪酬分配',
  executive_appointment: '高管任免',
  merger: '合并分立',
  profit_distribution: '利润分配',
  bond_issue: '发行债券',
};
const statusZh: Record<string, string> = {
  draft: '草稿',
  submitted: '已报送',
  approved: '已批准',
  rejected: '未批准',
  executed: '已实施',
};

export const matterExportColumns: ExportColumn<MatterRow>[] = [
  col('code', '编号', 'Code', (r) => r.code),
  col('title', '事项', 'Matter', (r) => r.title, 'string', 36),
  col('category', '类别', 'Category', (r) => categoryZh[r.category] ?? r.category),
  col('company', '公司', 'Company', (r) => r.company, 'string', 20),
  col('amount', '金额(元)', 'Amount (yuan)', (r) => yuan(r.amountFen), 'decimal'),
  col('status', '状态', 'Status', (r) => statusZh[r.status] ?? r.status),
  col('submittedOn', '报送日期', 'Submitted on', (r) => r.submittedOn, 'date'),
  col('meeting', '决策会议', 'Meeting', (r) => r.meeting, 'string', 24),
  col('decidedOn', '决策日期', 'Decided on', (r) => r.decidedOn, 'date'),
  col('decisionNote', '决策意见', 'Decision', (r) => r.decisionNote, 'string', 30),
  col('executedOn', '实施日期', 'Executed on', (r) => r.executedOn, 'date'),
];

const kindZh: Record<string, string> = { commissioned: '清单内（委托）', market: '清单外（市场化）' };
const modeZh: Record<string, string> = { agent_construction: '委托代建', service_purchase: '购买服务' };
const areaZh: Record<string, string> = {
  investment: '招商引资',
  construction: '项目建设',
  enterprise_service: '企业服务',
  operation: '园区运营',
  other: '其他',
};
export const cooperationExportColumns: ExportColumn<CooperationRow>[] = [
  col('code', '编号', 'Code', (r) => r.code),
  col('title', '合作事项', 'Item', (r) => r.title, 'string', 36),
  col('area', '领域', 'Area', (r) => areaZh[r.area] ?? r.area),
  col('kind', '类型', 'Kind', (r) => kindZh[r.kind] ?? r.kind, 'string', 16),
  col('mode', '委托方式', 'Mode', (r) => (r.mode ? modeZh[r.mode] : '')),
  col('contract', '合同金额(元)', 'Contract (yuan)', (r) => yuan(r.contractFen), 'decimal'),
  col('year', '年度', 'Year', (r) => r.year, 'int', 8),
  col('counterparty', '相对方', 'Counterparty', (r) => r.counterparty, 'string', 18),
];

const financingKindZh: Record<string, string> = {
  bank_loan: '银行贷款',
  bond: '债券',
  trust: '信托',
  lease: '融资租赁',
  other: '其他',
};

export const financingExportColumns: ExportColumn<FinancingRow>[] = [
  col('code', '编号', 'Code', (r) => r.code),
  col('lender', '融资机构', 'Lender', (r) => r.lender, 'string', 20),
  col('kind', '融资方式', 'Kind', (r) => financingKindZh[r.kind] ?? r.kind),
  col('principal', '本金(元)', 'Principal (yuan)', (r) => yuan(r.principalFen), 'decimal'),
  col('rate', '年利率(%)', 'Rate (%)', (r) => (r.rateBp / 100).toFixed(2)),
  col('startOn', '起始日', 'Start', (r) => r.startOn, 'date'),
  col('endOn', '到期日', 'End', (r) => r.endOn, 'date'),
  col('replaces', '置换对象', 'Refinances', (r) => r.replacesCode ?? ''),
  col('replacedRate', '原利率(%)', 'Old rate (%)', (r) =>
    r.replacedRateBp === null ? '' : (r.replacedRateBp / 100).toFixed(2),
  ),
  col('saved', '年节约利息(元)', 'Interest saved / year (yuan)', (r) => yuan(r.yearlyInterestSavedFen), 'decimal', 16),
  col('replaced', '已被置换', 'Refinanced', (r) => r.replaced, 'bool', 10),
];
