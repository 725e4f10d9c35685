import type { Locale } from '../../../shared/auth';
import type { MessageKey } from '../i18n';

export type ColumnType = 'string' | 'int' | 'decimal' | 'date' | 'enum' | 'bool';

export interface Bilingual {
  'zh-CN': string;
  'en-US': string;
}

export interface EnumOption {
  /** The value stored (e.g. 'M'). */
  value: string;
  /** What people type or pick (e.g. 男 / Male). Both are accepted on import, as is the value itself. */
  label: Bilingual;
}

/** One column of a spreadsheet: used for the template, the import mapping and conversion, and exports. */
export interface ColumnSpec {
  /** Field name in the row object (and an accepted header alias). */
  key: string;
  header: Bilingual;
  type: ColumnType;
  /** The column must be present in the file; the row schema decides whether a cell may be blank. */
  required?: boolean;
  options?: readonly EnumOption[];
  hint?: Bilingual;
  example?: string;
  /** Column width in characters (template and export). */
  width?: number;
}

/** A cell as the readers hand it over: Excel rich text, formulas and hyperlinks are already reduced to values. */
export type CellValue = string | number | boolean | Date | null;

export type Converted =
  | { ok: true; value: unknown }
  | { ok: false; code: MessageKey; params?: Record<string, unknown> };

/** Header text compared loosely: trimmed, case- and width-insensitive, spaces and a trailing required-star ignored. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s*]+/g, '')
    .toLowerCase();
}

/** Which column each header cell is: matched by zh header, en header or key. */
export function headerLookup(columns: readonly ColumnSpec[]): Map<string, ColumnSpec> {
  const map = new Map<string, ColumnSpec>();
  for (const c of columns) {
    for (const alias of [c.key, c.header['zh-CN'], c.header['en-US']]) map.set(normalizeHeader(alias), c);
  }
  return map;
}

export function optionLabels(column: ColumnSpec, locale: Locale): string[] {
  return (column.options ?? []).map((o) => o.label[locale]);
}

const enumLookups = new WeakMap<ColumnSpec, Map<string, string>>();

/** Value, zh label and en label of every option → value; exact text first, then loosely compared (per column, cached). */
function enumLookup(column: ColumnSpec): Map<string, string> {
  let map = enumLookups.get(column);
  if (!map) {
    map = new Map();
    for (const o of column.options ?? []) {
      for (const alias of [o.value, o.label['zh-CN'], o.label['en-US']]) {
        map.set(alias, o.value);
        map.set(normalizeHeader(alias), o.value);
      }
    }
    enumLookups.set(column, map);
  }
  return map;
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2200 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Excel stores dates as serial days since 1899-12-30 (the 1900 leap-year bug included); readers give UTC midnight. */
export function dateToIso(value: Date): string {
  return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
}

function parseDate(value: CellValue): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : dateToIso(value);
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > 2958465) return undefined;
    return dateToIso(new Date(Date.UTC(1899, 11, 30) + value * 86_400_000));
  }
  const text = String(value).trim();
  const m = /^(\d{4})(?:[-/.年])(\d{1,2})(?:[-/.月])(\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

function parseNumber(value: CellValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/[,，\s]/g, '');
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : undefined;
}

const TRUE = new Set(['是', 'true', 'yes', 'y', '1', '√', '✓']);
const FALSE = new Set(['否', 'false', 'no', 'n', '0', '×', '✗']);

/** Text of a cell for string columns and messages: numbers without exponent, dates as YYYY-MM-DD. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return dateToIso(value);
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  return String(value);
}

/**
 * Cell → typed value for the row schema. Blank cells become undefined (the schema then applies its default or
 * says the field is required); values of the wrong type are errors reported against this column.
 */
export function convertCell(column: ColumnSpec, value: CellValue, locale: Locale): Converted {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return { ok: true, value: undefined };
  switch (column.type) {
    case 'string':
      return { ok: true, value: cellText(value).trim() };
    case 'int': {
      const n = parseNumber(value);
      return n !== undefined && Number.isInteger(n)
        ? { ok: true, value: n }
        : { ok: false, code: 'IMPORT_NOT_INTEGER' };
    }
    case 'decimal': {
      const n = parseNumber(value);
      return n !== undefined ? { ok: true, value: n } : { ok: false, code: 'IMPORT_NOT_NUMBER' };
    }
    case 'date': {
      const d = parseDate(value);
      return d ? { ok: true, value: d } : { ok: false, code: 'INVALID_DATE' };
    }
    case 'bool': {
      const text = cellText(value).trim().toLowerCase();
      if (typeof value === 'boolean') return { ok: true, value };
      if (TRUE.has(text)) return { ok: true, value: true };
      if (FALSE.has(text)) return { ok: true, value: false };
      return { ok: false, code: 'IMPORT_NOT_BOOL' };
    }
    case 'enum': {
      const text = cellText(value);
      const lookup = enumLookup(column);
      const hit = lookup.get(text) ?? lookup.get(normalizeHeader(text));
      return hit !== undefined
        ? { ok: true, value: hit }
        : { ok: false, code: 'INVALID_OPTION', params: { options: optionLabels(column, locale).join(' / ') } };
    }
  }
}

/** Value → what an export cell shows: enum labels in the reader's language, booleans as 是/否 or Yes/No. */
export function displayValue(column: ColumnSpec, value: unknown, locale: Locale): string | number | null {
  if (value === null || value === undefined) return null;
  if (column.type === 'enum') {
    const hit = column.options?.find((o) => o.value === value);
    return hit ? hit.label[locale] : String(value);
  }
  if (column.type === 'bool') return value ? (locale === 'zh-CN' ? '是' : 'Yes') : locale === 'zh-CN' ? '否' : 'No';
  if (column.type === 'int' || column.type === 'decimal') return typeof value === 'number' ? value : Number(value);
  if (value instanceof Date) return dateToIso(value);
  return String(value);
}
