import ExcelJS from 'exceljs';
import type { Locale } from '../../../shared/auth';
import { type MessageKey, t } from '../i18n';
import { type Bilingual, type ColumnSpec, type ColumnType, optionLabels } from './columns';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface TemplateSpec {
  /** Name of the data sheet (e.g. 人员 / Staff). */
  title: Bilingual;
  columns: readonly ColumnSpec[];
  /** Drop-down values known only at download time (e.g. this zone's department names), by column key. */
  lists?: Record<string, readonly string[]>;
  /** Upload limit shown in the instructions. */
  maxMb: number;
}

const TYPE_KEYS: Record<ColumnType, MessageKey> = {
  string: 'XLSX_TYPE_STRING',
  int: 'XLSX_TYPE_INT',
  decimal: 'XLSX_TYPE_DECIMAL',
  date: 'XLSX_TYPE_DATE',
  enum: 'XLSX_TYPE_ENUM',
  bool: 'XLSX_TYPE_BOOL',
};

/** Rows of the data sheet that get drop-downs and formats (one range each, so the file stays small). */
const PREPARED_ROWS = 5000;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/** Column letter(s) of a 1-based index. */
export function columnLetter(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Excel refuses sheet names with []:*?/\ or longer than 31 characters. */
export function sheetName(text: string): string {
  return text.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
}

function headerNote(column: ColumnSpec, locale: Locale): string {
  const lines: string[] = [];
  if (column.required) lines.push(t(locale, 'XLSX_REQUIRED'));
  lines.push(`${t(locale, 'XLSX_TYPE')}: ${t(locale, TYPE_KEYS[column.type])}`);
  if (column.options?.length) lines.push(`${t(locale, 'XLSX_OPTIONS')}: ${optionLabels(column, locale).join(' / ')}`);
  if (column.hint) lines.push(column.hint[locale]);
  if (column.example) lines.push(`${t(locale, 'XLSX_EXAMPLE')}: ${column.example}`);
  return lines.join('\n');
}

/** ExcelJS 4 has worksheet.dataValidations (ranges allowed) but leaves it out of its typings. */
const validations = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void } }).dataValidations;

/** An inline list formula ("a,b") when short enough for Excel's 255-character limit, else undefined. */
function inlineList(values: readonly string[]): string | undefined {
  const text = values.join(',');
  return values.every((v) => !v.includes(',') && !v.includes('"')) && text.length <= 250 ? `"${text}"` : undefined;
}

/**
 * The import template: the data sheet (header row with a note per header cell explaining the column, drop-downs
 * for enumerations and known references, text/date formats so Excel does not mangle numbers-as-text), a
 * 填写说明 / Instructions sheet, and a hidden sheet holding long drop-down lists.
 */
export async function buildTemplate(spec: TemplateSpec, locale: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ZoneOS';
  const ws = wb.addWorksheet(sheetName(spec.title[locale]), { views: [{ state: 'frozen', ySplit: 1 }] });
  let listsSheet: ExcelJS.Worksheet | undefined;
  let listColumn = 0;

  spec.columns.forEach((column, i) => {
    const col = ws.getColumn(i + 1);
    col.width = column.width ?? Math.max(12, column.header[locale].length * 2 + 4);
    if (column.type === 'string' || column.type === 'enum') col.numFmt = '@';
    if (column.type === 'date') col.numFmt = 'yyyy-mm-dd';
    const cell = ws.getCell(1, i + 1);
    cell.value = column.header[locale];
    cell.font = { bold: true, color: { argb: column.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = HEADER_FILL;
    cell.note = headerNote(column, locale);

    const values =
      column.type === 'enum'
        ? optionLabels(column, locale)
        : column.type === 'bool'
          ? [t(locale, 'XLSX_YES'), t(locale, 'XLSX_NO')]
          : spec.lists?.[column.key];
    if (!values?.length) return;
    let formula = inlineList(values);
    if (!formula) {
      listsSheet ??= wb.addWorksheet('lists', { state: 'veryHidden' });
      listColumn++;
      values.forEach((v, r) => {
        listsSheet!.getCell(r + 1, listColumn).value = v;
      });
      const letter = columnLetter(listColumn);
      formula = `lists!$${letter}$1:$${letter}$${values.length}`;
    }
    const letter = columnLetter(i + 1);
    // Enumerations are strict; reference lists (e.g. departments) only warn, as codes are accepted too.
    const strict = column.type === 'enum' || column.type === 'bool';
    validations(ws).add(`${letter}2:${letter}${PREPARED_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: strict ? 'stop' : 'warning',
      error: strict ? `${t(locale, 'XLSX_OPTIONS')}: ${values.slice(0, 20).join(' / ')}` : undefined,
    });
  });

  addInstructions(wb, spec, locale);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addInstructions(wb: ExcelJS.Workbook, spec: TemplateSpec, locale: Locale): void {
  const ws = wb.addWorksheet(t(locale, 'XLSX_INSTRUCTIONS'));
  const notes = [
    t(locale, 'XLSX_NOTE_HEADER'),
    t(locale, 'XLSX_NOTE_ALL_OR_NOTHING'),
    t(locale, 'XLSX_NOTE_FORMATS', { maxMb: spec.maxMb }),
  ];
  notes.forEach((n, i) => {
    ws.getCell(i + 1, 1).value = `${i + 1}. ${n}`;
  });
  const head = ws.getRow(notes.length + 2);
  const labels: MessageKey[] = [
    'XLSX_COLUMN',
    'XLSX_REQUIRED',
    'XLSX_TYPE',
    'XLSX_OPTIONS',
    'XLSX_HINT',
    'XLSX_EXAMPLE',
  ];
  labels.forEach((key, i) => {
    const cell = head.getCell(i + 1);
    cell.value = t(locale, key);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });
  spec.columns.forEach((c, i) => {
    const other: Locale = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
    ws.getRow(notes.length + 3 + i).values = [
      `${c.header[locale]} (${c.header[other]})`,
      c.required ? t(locale, 'XLSX_YES') : t(locale, 'XLSX_NO'),
      t(locale, TYPE_KEYS[c.type]),
      c.options?.length ? optionLabels(c, locale).join(' / ') : '',
      c.hint?.[locale] ?? '',
      c.example ?? '',
    ];
  });
  [28, 8, 18, 36, 48, 18].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
}
