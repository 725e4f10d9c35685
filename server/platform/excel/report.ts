import ExcelJS from 'exceljs';
import type { Locale } from '../../../shared/auth';
import type { ImportIssue } from '../../../shared/imports';
import { t } from '../i18n';

export interface ErrorReportInput {
  issues: readonly ImportIssue[];
  issueCount: number;
  /** Header cells of the uploaded file. */
  headers: readonly string[];
  /** Original cells of the rows named in `issues`, by row number. */
  badRows: Readonly<Record<string, readonly (string | number | boolean | null)[]>>;
}

const BOLD: Partial<ExcelJS.Font> = { bold: true };
const RED: Partial<ExcelJS.Font> = { color: { argb: 'FFC00000' } };
const FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDECEA' } };

/**
 * The error report of a refused import: one line per problem (row, column, reason) followed by that row's original
 * values, so people can fix the file without hunting. Lists at most what was stored (the first 10,000 problems).
 */
export async function buildErrorReport(input: ErrorReportInput, locale: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ZoneOS';
  const ws = wb.addWorksheet(t(locale, 'XLSX_ERRORS_SHEET'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const head = ws.addRow([
    t(locale, 'XLSX_ROW'),
    t(locale, 'XLSX_COLUMN'),
    t(locale, 'XLSX_PROBLEM'),
    ...input.headers,
  ]);
  head.font = BOLD;
  head.eachCell((c) => {
    c.fill = FILL;
  });
  for (const issue of input.issues) {
    const values = issue.row === null ? [] : (input.badRows[String(issue.row)] ?? []);
    const line = ws.addRow([issue.row ?? '', issue.column, issue.message, ...values]);
    line.getCell(3).font = RED;
    const at = input.headers.indexOf(issue.column);
    if (at >= 0) line.getCell(4 + at).fill = FILL;
  }
  if (input.issueCount > input.issues.length) {
    const note = ws.addRow([
      '',
      '',
      t(locale, 'XLSX_ERRORS_TRUNCATED', { count: input.issueCount, shown: input.issues.length }),
    ]);
    note.font = BOLD;
  }
  ws.getColumn(1).width = 8;
  ws.getColumn(2).width = 16;
  ws.getColumn(3).width = 44;
  input.headers.forEach((h, i) => {
    ws.getColumn(4 + i).width = Math.max(10, h.length * 2 + 4);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
