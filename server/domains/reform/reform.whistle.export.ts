import type { ExportColumn } from '../../platform/excel/export';
import type { WhistleRow } from './reform.whistle.repository';

const status = { open: '待响应', responded: '已响应', closed: '已办结' } as const;
const statusEn = { open: 'Open', responded: 'Responded', closed: 'Closed' } as const;

/** Whistle matters as exported (not importable: matters are raised one by one). */
export const whistleExportColumns: ExportColumn<WhistleRow>[] = [
  {
    column: { key: 'code', header: { 'zh-CN': '编号', 'en-US': 'Code' }, type: 'string', width: 14 },
    value: (r) => r.code,
  },
  {
    column: { key: 'title', header: { 'zh-CN': '事项', 'en-US': 'Matter' }, type: 'string', width: 36 },
    value: (r) => r.title,
  },
  {
    column: {
      key: 'departmentName',
      header: { 'zh-CN': '区直部门', 'en-US': 'District department' },
      type: 'string',
      width: 18,
    },
    value: (r) => r.departmentName,
  },
  {
    column: { key: 'raisedOn', header: { 'zh-CN': '吹哨日期', 'en-US': 'Raised on' }, type: 'date' },
    value: (r) => r.raisedOn,
  },
  {
    column: {
      key: 'responseDays',
      header: { 'zh-CN': '响应时限(工作日)', 'en-US': 'Working days to respond' },
      type: 'int',
    },
    value: (r) => r.responseDays,
  },
  { column: { key: 'dueOn', header: { 'zh-CN': '响应截止', 'en-US': 'Due on' }, type: 'date' }, value: (r) => r.dueOn },
  {
    column: { key: 'dueProvisional', header: { 'zh-CN': '截止日暂定', 'en-US': 'Due date provisional' }, type: 'bool' },
    value: (r) => r.dueProvisional,
  },
  {
    column: {
      key: 'status',
      header: { 'zh-CN': '状态', 'en-US': 'Status' },
      type: 'enum',
      options: (['open', 'responded', 'closed'] as const).map((v) => ({
        value: v,
        label: { 'zh-CN': status[v], 'en-US': statusEn[v] },
      })),
    },
    value: (r) => r.status,
  },
  {
    column: { key: 'respondedOn', header: { 'zh-CN': '响应日期', 'en-US': 'Responded on' }, type: 'date' },
    value: (r) => r.respondedOn,
  },
  {
    column: {
      key: 'responseWorkdays',
      header: { 'zh-CN': '响应用时(工作日)', 'en-US': 'Working days taken' },
      type: 'int',
    },
    value: (r) => r.responseWorkdays,
  },
  {
    column: { key: 'overdue', header: { 'zh-CN': '超期', 'en-US': 'Overdue' }, type: 'bool' },
    value: (r) => r.overdue,
  },
  {
    column: { key: 'closedOn', header: { 'zh-CN': '办结日期', 'en-US': 'Closed on' }, type: 'date' },
    value: (r) => r.closedOn,
  },
];
