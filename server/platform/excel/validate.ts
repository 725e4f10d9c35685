import type { Locale } from '../../../shared/auth';
import type { ZoneScope } from '../access';
import type { Executor } from '../db';
import { issueMessage } from '../http/zod-messages';
import { type MessageKey, t } from '../i18n';
import { type CellValue, type ColumnSpec, cellText, convertCell, headerLookup, normalizeHeader } from './columns';
import type { AnyImportKind, RowItem } from './kind';
import type { SheetRow } from './reader';

/** One problem: the row number and header the user sees in their file, and a message in their language. */
export interface ImportIssue {
  /** 1-based spreadsheet row; null for problems with the whole file. */
  row: number | null;
  /** The column's header as written in the file ('' when the problem is not about one column). */
  column: string;
  code: MessageKey;
  message: string;
}

export interface ValidationOutcome {
  /** Data rows read (header and blank rows excluded). */
  totalRows: number;
  /** What commit() writes: filled only when there are no issues at all. */
  rows: unknown[];
  /** The first `maxIssues` issues, by row then column. */
  issues: ImportIssue[];
  issueCount: number;
  /** Header cells as in the file, and the original cells of the rows named in `issues` (for the error report). */
  headers: string[];
  badRows: Record<number, (string | number | boolean | null)[]>;
}

export interface ValidateOptions {
  rows: AsyncIterable<SheetRow>;
  kind: AnyImportKind;
  scope: ZoneScope;
  ex: Executor;
  locale: Locale;
  /** What kind.setup() returned. */
  data: unknown;
  batchSize?: number;
  maxIssues?: number;
  maxRows?: number;
  /** Called about every `batchSize` rows with the number of data rows processed. */
  onProgress?(processed: number): Promise<void>;
}

interface Pending extends RowItem<unknown> {
  cells: CellValue[];
}

const jsonCell = (c: CellValue) => (c instanceof Date ? cellText(c) : c);

/**
 * Reads every row, converts cells by column type, runs the kind's schema on each row and its async checks on
 * batches, and collects EVERY problem (the first `maxIssues` kept, all counted). Valid rows are kept for the
 * commit only while there is no problem at all: a file is imported whole or not at all.
 */
export async function validateSheet(o: ValidateOptions): Promise<ValidationOutcome> {
  const batchSize = o.batchSize ?? 1000;
  const maxIssues = o.maxIssues ?? 10_000;
  const maxRows = o.maxRows ?? 200_000;
  const out: ValidationOutcome = { totalRows: 0, rows: [], issues: [], issueCount: 0, headers: [], badRows: {} };
  const order = new Map<string, number>();
  const keptRows = new Set<number>();
  const report = (
    row: number | null,
    column: string,
    code: MessageKey,
    params: Record<string, unknown> = {},
    text?: string,
  ) => {
    out.issueCount++;
    if (out.issues.length >= maxIssues) return;
    out.issues.push({ row, column, code, message: text ?? t(o.locale, code, params) });
    if (row !== null) keptRows.add(row);
  };

  const iterator = o.rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) {
    report(null, '', 'IMPORT_NO_ROWS');
    return out;
  }
  const header = first.value;
  out.headers = header.cells.map((c) => cellText(c).trim());
  const lookup = headerLookup(o.kind.columns);
  const mapping: (ColumnSpec | undefined)[] = out.headers.map((h) => lookup.get(normalizeHeader(h)));
  const labelOf = new Map<string, string>();
  mapping.forEach((c, i) => {
    if (!c) return;
    if (labelOf.has(c.key)) report(header.row, out.headers[i]!, 'IMPORT_DUPLICATE_COLUMN', { column: out.headers[i] });
    labelOf.set(c.key, out.headers[i]!);
    order.set(out.headers[i]!, i);
  });
  for (const c of o.kind.columns) {
    if (c.required && !labelOf.has(c.key))
      report(header.row, c.header[o.locale], 'IMPORT_MISSING_COLUMN', { column: c.header[o.locale] });
  }
  if (out.issueCount > 0) return out;
  const label = (key: string) => labelOf.get(key) ?? o.kind.columns.find((c) => c.key === key)?.header[o.locale] ?? key;

  const ctx = {
    scope: o.scope,
    data: o.data,
    error: (row: number, key: string, code: MessageKey, params?: Record<string, unknown>) =>
      report(row, label(key), code, params),
  };
  let batch: Pending[] = [];
  let valid: unknown[] = [];
  const keepCells = (row: number, cells: CellValue[]) => {
    if (keptRows.has(row)) out.badRows[row] = cells.map(jsonCell);
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    const results = o.kind.check ? await o.kind.check(items, ctx, o.ex) : items.map((i) => i.value);
    items.forEach((item, i) => {
      keepCells(item.row, item.cells);
      if (out.issueCount === 0 && results[i] !== undefined) valid.push(results[i]);
    });
    if (out.issueCount > 0) valid = [];
  };
  let reported = 0;

  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    const { row, cells } = next.value;
    if (++out.totalRows > maxRows) {
      out.totalRows = maxRows;
      report(null, '', 'IMPORT_TOO_MANY_ROWS', { max: maxRows });
      await iterator.return?.(undefined);
      break;
    }
    const record: Record<string, unknown> = {};
    const failed = new Set<string>();
    mapping.forEach((column, i) => {
      if (!column) return;
      const converted = convertCell(column, cells[i] ?? null, o.locale);
      if (converted.ok) record[column.key] = converted.value;
      else {
        failed.add(column.key);
        report(row, label(column.key), converted.code, converted.params);
      }
    });
    const parsed = o.kind.schema.safeParse(record);
    if (parsed.success && failed.size === 0) {
      batch.push({ row, value: parsed.data, cells });
      if (batch.length >= batchSize) await flush();
    } else if (!parsed.success) {
      const seen = new Set<string>();
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        if (failed.has(key) || seen.has(key)) continue;
        seen.add(key);
        const { path: _p, code, message, ...params } = issue as unknown as Record<string, unknown>;
        const m = issueMessage({ code: code as string, message: message as string, params });
        report(row, label(key), m.key, m.params, m.text?.[o.locale]);
      }
      keepCells(row, cells);
    } else keepCells(row, cells);
    if (out.totalRows - reported >= batchSize) {
      reported = out.totalRows;
      await o.onProgress?.(reported);
    }
  }
  await flush();
  if (out.totalRows === 0) report(null, '', 'IMPORT_NO_ROWS');
  out.rows = out.issueCount === 0 ? valid : [];
  const col = (i: ImportIssue) => order.get(i.column) ?? -1;
  out.issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || col(a) - col(b));
  return out;
}
