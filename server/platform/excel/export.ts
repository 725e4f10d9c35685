import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { Locale } from '../../../shared/auth';
import { type ColumnSpec, displayValue } from './columns';
import { sheetName, XLSX_MIME } from './template';

export interface ExportColumn<T> {
  column: ColumnSpec;
  value(row: T): unknown;
}

export interface XlsxExport<T> {
  /** Download name without extension (may be Chinese). */
  fileName: string;
  sheet: string;
  columns: readonly ExportColumn<T>[];
  /** Rows in the list's current filter and sort, page by page (see pages()). */
  rows: AsyncIterable<T>;
  locale: Locale;
}

/**
 * Pages of a list, fetched one after the other until a short page: the repository's own query (same WHERE and
 * ORDER BY as the list view, with its id tie-breaker so pages do not overlap).
 */
export async function* pages<T>(
  fetch: (offset: number, limit: number) => Promise<readonly T[]>,
  pageSize = 1000,
): AsyncGenerator<T> {
  for (let offset = 0; ; offset += pageSize) {
    const page = await fetch(offset, pageSize);
    yield* page;
    if (page.length < pageSize) return;
  }
}

/** attachment; with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987) so 人员.xlsx arrives intact. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function cellOf(column: ColumnSpec, value: unknown, locale: Locale): ExcelJS.CellValue {
  if (column.type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Date(`${value}T00:00:00Z`);
  }
  if (column.type === 'date' && value instanceof Date) return value;
  return displayValue(column, value, locale);
}

/** A finished .xlsx (template, error report) as a download. */
export function sendXlsxBuffer(reply: FastifyReply, fileName: string, file: Buffer): FastifyReply {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', attachment(fileName))
    .header('cache-control', 'no-store')
    .send(file);
}

/**
 * Streams an .xlsx to the response with ExcelJS's WorkbookWriter: rows are committed as they come, so memory stays
 * flat however long the list. Waits for the client to drain between rows when the socket is backed up.
 */
export function sendXlsx<T>(reply: FastifyReply, x: XlsxExport<T>): FastifyReply {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheetName(x.sheet), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = x.columns.map(({ column }) => ({
    header: column.header[x.locale],
    key: column.key,
    width: column.width ?? Math.max(12, column.header[x.locale].length * 2 + 4),
    style: column.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : column.type === 'string' ? { numFmt: '@' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();

  const write = async () => {
    let n = 0;
    for await (const row of x.rows) {
      ws.addRow(x.columns.map(({ column, value }) => cellOf(column, value(row), x.locale))).commit();
      if (++n % 500 === 0 && out.writableNeedDrain) {
        await Promise.race([once(out, 'drain'), once(out, 'close')]);
        if (out.destroyed) return;
      }
    }
    ws.commit();
    await wb.commit();
  };
  write().catch((err: unknown) => {
    reply.log.error({ err }, 'export failed while streaming');
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', attachment(`${x.fileName}.xlsx`))
    .header('cache-control', 'no-store')
    .send(out);
}
