import type { z } from 'zod';
import type { Permission } from '../../../shared/roles';
import type { ZoneScope } from '../access';
import type { Executor, Tx } from '../db';
import type { MessageKey } from '../i18n';
import type { Bilingual, ColumnSpec } from './columns';

/** A row that passed the schema, with its spreadsheet row number. */
export interface RowItem<Row> {
  row: number;
  value: Row;
}

export interface CheckContext<Ctx> {
  readonly scope: ZoneScope;
  /** What setup() loaded. */
  readonly data: Ctx;
  /** Report a problem with a row; `column` is the column key (shown as the header used in the file). */
  error(row: number, column: string, code: MessageKey, params?: Record<string, unknown>): void;
}

/**
 * One importable (and usually exportable) register, e.g. staff. Domains register these; the imports domain runs
 * them: template → upload → background job (read, validate every row, all-or-nothing commit, one audit event).
 */
export interface ImportKind<Row = unknown, Out = Row, Ctx = unknown> {
  /** URL segment: /api/imports/<kind>. */
  kind: string;
  /** Needed to download the template, upload, and see the kind's jobs. */
  permission: Permission;
  /** Data sheet name and file names (e.g. 人员 / Staff). */
  title: Bilingual;
  /** Audit entity of the rows written (e.g. 'staff'). */
  entity: string;
  columns: readonly ColumnSpec[];
  /** Rules for one row, keyed by column key (built from the form's schema in shared/ where possible). */
  schema: z.ZodType<Row>;
  /** Loads reference data once per import (e.g. the zone's departments by code and name). */
  setup?(ex: Executor, scope: ZoneScope): Promise<Ctx>;
  /**
   * Async checks over a batch (~1000) of rows that passed the schema: duplicates inside the file or against the
   * database, references. Returns what commit() writes, aligned with the batch (undefined for a rejected row).
   * Without check, the schema's output is written as is.
   */
  check?(batch: RowItem<Row>[], ctx: CheckContext<Ctx>, ex: Executor): Promise<(Out | undefined)[]>;
  /** Writes one batch (~1000 rows, a multi-row INSERT) inside the import's single transaction; returns rows written. */
  commit(tx: Tx, rows: Out[], ctx: { scope: ZoneScope; data: Ctx }): Promise<number>;
  /** Drop-down values for the template, by column key (e.g. the zone's department names). */
  templateLists?(ex: Executor, scope: ZoneScope): Promise<Record<string, readonly string[]>>;
}

// Method syntax above keeps parameters bivariant, so any ImportKind<R, O, C> can be stored as AnyImportKind.
export type AnyImportKind = ImportKind<unknown, unknown, unknown>;
