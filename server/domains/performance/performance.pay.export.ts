import type { ColumnSpec, EnumOption } from '../../platform/excel/columns';
import type { ExportColumn } from '../../platform/excel/export';
import type { PayLineRow } from './performance.repository';

const gradeOptions: EnumOption[] = [
  { value: 'excellent', label: { 'zh-CN': '优秀', 'en-US': 'Excellent' } },
  { value: 'good', label: { 'zh-CN': '合格', 'en-US': 'Good' } },
  { value: 'basic', label: { 'zh-CN': '基本合格', 'en-US': 'Basic' } },
  { value: 'fail', label: { 'zh-CN': '不合格', 'en-US': 'Fail' } },
];

/** Fen → yuan for the sheet, exact: the integer is split at two digits, never divided as a float. */
export function yuan(fen: number): number {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return Number(`${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`);
}

const col = (key: string, zh: string, en: string, type: ColumnSpec['type'], width?: number): ColumnSpec => ({
  key,
  header: { 'zh-CN': zh, 'en-US': en },
  type,
  ...(width ? { width } : {}),
});

/** The payroll office's sheet: who, the derivation factors, and the amount (yuan, two decimals). */
export const payExportColumns: ExportColumn<PayLineRow>[] = [
  { column: col('employeeNo', '工号', 'Employee no.', 'string'), value: (r) => r.employeeNo },
  { column: col('staffName', '姓名', 'Name', 'string'), value: (r) => r.staffName },
  { column: col('departmentName', '部门', 'Department', 'string', 20), value: (r) => r.departmentName },
  { column: col('postName', '聘任岗位', 'Appointed post', 'string', 16), value: (r) => r.postName },
  {
    column: col('departmentCoefficient', '部门系数', 'Department coefficient', 'decimal'),
    value: (r) => r.departmentCoefficient,
  },
  {
    column: col('departmentShare', '部门总额（元）', 'Department share (yuan)', 'decimal', 16),
    value: (r) => yuan(r.departmentShareFen),
  },
  { column: col('postCoefficient', '岗位系数', 'Post coefficient', 'decimal'), value: (r) => r.postCoefficient },
  {
    column: { ...col('grade', '考核等次', 'Grade', 'enum'), options: gradeOptions },
    value: (r) => r.grade,
  },
  {
    column: col('gradeCoefficient', '绩效系数', 'Performance coefficient', 'decimal'),
    value: (r) => r.gradeCoefficient,
  },
  { column: col('weight', '岗位×绩效', 'Post × performance', 'decimal'), value: (r) => r.weight },
  {
    column: col('departmentWeightSum', '部门合计系数', 'Department weight sum', 'decimal'),
    value: (r) => r.departmentWeightSum,
  },
  { column: col('share', '应得（元）', 'Share (yuan)', 'decimal', 14), value: (r) => yuan(r.shareFen) },
  { column: col('advances', '已预发（元）', 'Advanced (yuan)', 'decimal', 14), value: (r) => yuan(r.advancesFen) },
  { column: col('amount', '本次发放（元）', 'Paid now (yuan)', 'decimal', 14), value: (r) => yuan(r.amountFen) },
  { column: col('flags', '提示', 'Flags', 'string', 20), value: (r) => r.flags.join(', ') },
];
