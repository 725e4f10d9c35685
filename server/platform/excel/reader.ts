import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from './columns';
import { readCsv } from './csv';
import { fixExcelJsUtf8 } from './exceljs-utf8';

export type SheetFormat = 'xlsx' | 'csv';

/** One non-empty row: its spreadsheet row number and its cells, 0-based by column. */
export interface SheetRow {
  row: number;
  cells: CellValue[];
}

/** The file cannot be read as a spreadsheet at all (not a row problem). */
export class SheetReadError extends Error {}

/**
 * What the first bytes say: .xlsx files are zips; .xls (BIFF/OLE2) is refused with a hint to save as .xlsx; text
 * (CSV) has no NUL bytes unless it is UTF-16 with a BOM; anything else is some other binary file.
 */
export function sniffFormat(bytes: Uint8Array): 'zip' | 'ole2' | 'text' | 'binary' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole2';
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return !utf16 && bytes.subarray(0, 8192).includes(0) ? 'binary' : 'text';
}

type XlsxValue = ExcelJS.CellValue | undefined;

/** Rich text → its text, formulas → their cached result, hyperlinks → their text, errors → blank. */
export function plainCell(value: XlsxValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return plainCell(value.result as XlsxValue);
  if ('hyperlink' in value) return plainCell(value.text as XlsxValue);
  if ('error' in value) return null;
  return null;
}

const isBlank = (cells: CellValue[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/**
 * Streams the rows of the first worksheet (in tab order) of an .xlsx with ExcelJS's WorkbookReader, from a Buffer
 * or a file path. Shared strings and styles are cached (the latter so date-formatted cells come back as dates);
 * other sheets (instructions, hidden lists) are skipped unread.
 */
async function* readXlsx(source: Buffer | string): AsyncGenerator<SheetRow> {
  fixExcelJsUtf8();
  const input = typeof source === 'string' ? source : Readable.from([source]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let done = false;
  try {
    for await (const worksheet of reader) {
      if (done || !isFirstSheet(reader, worksheet)) continue;
      done = true;
      for await (const row of worksheet) {
        const values = row.values as XlsxValue[];
        const cells: CellValue[] = [];
        for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
        if (!isBlank(cells)) yield { row: row.number, cells };
      }
    }
  } catch (err) {
    throw new SheetReadError(err instanceof Error ? err.message : String(err));
  }
}

/** The first visible sheet of the workbook's tab order (sheet1.xml is only the first created). */
function isFirstSheet(reader: ExcelJS.stream.xlsx.WorkbookReader, worksheet: ExcelJS.stream.xlsx.WorksheetReader) {
  const sheets = (reader as unknown as { model?: { sheets?: { name: string; state?: string }[] } }).model?.sheets;
  const first = sheets?.find((s) => !s.state || s.state === 'visible');
  return !first || (worksheet as unknown as { name?: string }).name === first.name;
}

async function* readCsvRows(source: Buffer | string): AsyncGenerator<SheetRow> {
  const bytes = typeof source === 'string' ? await readFile(source) : source;
  for (const { row, cells } of readCsv(bytes)) {
    if (!isBlank(cells)) yield { row, cells };
  }
}

/** Non-empty rows of a spreadsheet, header row included, in file order. */
export function readSheet(source: Buffer | string, format: SheetFormat): AsyncGenerator<SheetRow> {
  return format === 'xlsx' ? readXlsx(source) : readCsvRows(source);
}
