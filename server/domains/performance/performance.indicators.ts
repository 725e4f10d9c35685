import { and, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit.tables';
import type { Executor } from '../../platform/db';
import type { Bilingual } from '../../platform/excel/columns';
import { users } from '../auth/auth.tables';
import { enterprises } from '../enterprises/enterprises.tables';
import { importJobs } from '../imports/imports.tables';
import { staff } from '../org/org.tables';

export interface IndicatorTarget {
  departmentId?: string;
  staffId?: string;
}

export interface SourceRecord {
  entity: string;
  id: string;
  label: string;
}

export interface IndicatorValue {
  value: number;
  /** The rows behind the value, shown next to it ("the records behind each value visible"). */
  records: SourceRecord[];
}

/**
 * An automatic indicator: a value computed from another domain's tables for one department or one person over a
 * period (dates inclusive, Asia/Shanghai). Domains register theirs at startup (approval on-time rate, signed
 * projects, demand closure…); `query` describes in words what is counted so a person can check it.
 */
export interface IndicatorSource {
  key: string;
  label: Bilingual;
  unit: Bilingual;
  /** Which subjects the source can measure. */
  targets: readonly ('department' | 'staff')[];
  query: Bilingual;
  compute(
    ex: Executor,
    zoneId: string,
    periodStart: string,
    periodEnd: string,
    target: IndicatorTarget,
  ): Promise<IndicatorValue>;
}

const sources = new Map<string, IndicatorSource>();

export function registerIndicatorSource(source: IndicatorSource): void {
  sources.set(source.key, source);
}

export function indicatorSource(key: string): IndicatorSource | undefined {
  return sources.get(key);
}

export function indicatorSources(): IndicatorSource[] {
  return [...sources.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** [start 00:00, end+1 00:00) in China time. */
export function periodBounds(periodStart: string, periodEnd: string): [Date, Date] {
  const start = new Date(`${periodStart}T00:00:00+08:00`);
  const end = new Date(`${periodEnd}T00:00:00+08:00`);
  end.setUTCDate(end.getUTCDate() + 1);
  return [start, end];
}

/** A period: inclusive ISO dates (China calendar days), and the same days as instants [from, to) (`periodBounds`). */
export interface Period {
  start: string;
  end: string;
  from: Date;
  to: Date;
}

/**
 * Whom a source measures: the targets it accepts, and what it reads for one of them (`undefined` when there is
 * nothing to measure: the value is then 0 with no records).
 */
export interface Measure<S> {
  targets: IndicatorSource['targets'];
  subject(ex: Executor, zoneId: string, target: IndicatorTarget): S | undefined | Promise<S | undefined>;
}

/** Departments only: the department's id. */
export const ofDepartment: Measure<string> = {
  targets: ['department'],
  subject: (_ex, _zoneId, target) => target.departmentId || undefined,
};

/** One person, or every person of a department: their staff ids. */
export const ofStaff: Measure<string[]> = {
  targets: ['department', 'staff'],
  async subject(ex, zoneId, target) {
    if (target.staffId) return [target.staffId];
    if (!target.departmentId) return undefined;
    const rows = await ex
      .select({ id: staff.id })
      .from(staff)
      .where(and(eq(staff.zoneId, zoneId), eq(staff.departmentId, target.departmentId)));
    return rows.length === 0 ? undefined : rows.map((r) => r.id);
  },
};

/** Percentage with two decimals, 0 when the denominator is 0. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10000) / 100;
}

/** A text in both languages, Chinese first: `[zh-CN, en-US]`. */
export type ZhEn = readonly [zhCN: string, enUS: string];

/**
 * A source stated by the rows it reads, so each one says only what is its own: its texts, whom it measures, the
 * rows behind the value for that subject over the period (each a record: `entity`, its id, `labelOf`), and how the
 * rows make the value (`counts` or `value`; neither: how many rows there are).
 */
export interface RowSource<S, R extends { id: string | number }> {
  key: string;
  label: ZhEn;
  unit: ZhEn;
  query: ZhEn;
  measures: Measure<S>;
  entity: string;
  rows(ex: Executor, zoneId: string, subject: S, period: Period): Promise<R[]>;
  /** A rate: the percentage of the rows that count (two decimals, 0 over no rows). */
  counts?(row: R, period: Period): boolean;
  /** Any other value made from the rows. */
  value?(rows: R[], period: Period): number;
  labelOf(row: R, period: Period): string;
}

const bilingual = ([zh, en]: ZhEn): Bilingual => ({ 'zh-CN': zh, 'en-US': en });

export function registerRowSource<S, R extends { id: string | number }>(source: RowSource<S, R>): void {
  const { measures, entity, labelOf } = source;
  registerIndicatorSource({
    key: source.key,
    label: bilingual(source.label),
    unit: bilingual(source.unit),
    targets: measures.targets,
    query: bilingual(source.query),
    async compute(ex, zoneId, start, end, target) {
      const subject = await measures.subject(ex, zoneId, target);
      if (subject === undefined) return { value: 0, records: [] };
      const [from, to] = periodBounds(start, end);
      const period = { start, end, from, to };
      const rows = await source.rows(ex, zoneId, subject, period);
      const { counts, value } = source;
      return {
        value: counts
          ? percent(rows.filter((r) => counts(r, period)).length, rows.length)
          : value
            ? value(rows, period)
            : rows.length,
        records: rows.map((r) => ({ entity, id: String(r.id), label: labelOf(r, period) })),
      };
    },
  });
}

// ---------------------------------------------------------------- sources computable from tables on main today

/** The instant column falls in the period: [from, to). */
function during(col: Parameters<typeof gte>[0], { from, to }: Period): SQL {
  return and(gte(col, from), lt(col, to))!;
}

/** Registry enterprises whose service officer is one of the people measured, by name. */
function servedEnterprises(ex: Executor, zoneId: string, officerIds: string[], ...where: SQL[]) {
  return ex
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(and(eq(enterprises.zoneId, zoneId), inArray(enterprises.serviceOfficerId, officerIds), ...where))
    .orderBy(enterprises.name, enterprises.id);
}

registerRowSource({
  key: 'enterprises.registered_by_officer',
  label: ['新入库企业数（服务专员）', 'Enterprises registered (service officer)'],
  unit: ['家', 'enterprises'],
  query: [
    '企业库中服务专员为该人员（或该部门人员）、且入库时间在考核期内的企业',
    'Registry enterprises whose service officer is the person (or a member of the department), created in the period',
  ],
  measures: ofStaff,
  entity: 'enterprise',
  rows: (ex, zoneId, ids, period) => servedEnterprises(ex, zoneId, ids, during(enterprises.createdAt, period)),
  labelOf: (r) => r.name,
});

registerRowSource({
  key: 'enterprises.portfolio',
  label: ['服务企业数（在营）', 'Enterprises served (operating)'],
  unit: ['家', 'enterprises'],
  query: [
    '企业库中服务专员为该人员（或该部门人员）、状态为在营且在考核期末前入库的企业',
    'Operating registry enterprises served by the person (or the department), registered before the period ended',
  ],
  measures: ofStaff,
  entity: 'enterprise',
  rows: (ex, zoneId, ids, { to }) =>
    servedEnterprises(ex, zoneId, ids, eq(enterprises.status, 'operating'), lt(enterprises.createdAt, to)),
  labelOf: (r) => r.name,
});

registerRowSource({
  key: 'audit.department_changes',
  label: ['部门业务办理量（留痕记录）', 'Department work recorded (audit events)'],
  unit: ['件', 'events'],
  query: [
    '审计日志中由该部门账号在考核期内记录的新增、修改、导入操作',
    'Audit-log create/update/import events by the department’s accounts in the period',
  ],
  measures: ofDepartment,
  entity: 'audit_event',
  rows: (ex, zoneId, departmentId, period) =>
    ex
      .select({ id: auditEvents.id, action: auditEvents.action, entity: auditEvents.entity, at: auditEvents.at })
      .from(auditEvents)
      .innerJoin(users, eq(users.id, auditEvents.actorId))
      .where(
        and(
          eq(auditEvents.zoneId, zoneId),
          eq(users.departmentId, departmentId),
          inArray(auditEvents.action, ['create', 'update', 'import']),
          during(auditEvents.at, period),
        ),
      )
      .orderBy(auditEvents.id),
  labelOf: (r) => `${r.at.toISOString().slice(0, 10)} ${r.action} ${r.entity}`,
});

registerRowSource({
  key: 'imports.rows_imported',
  label: ['批量导入成功行数', 'Rows imported in bulk'],
  unit: ['行', 'rows'],
  query: [
    '该部门账号在考核期内成功完成的 Excel 导入任务的导入行数之和',
    'Sum of rows of the Excel imports completed by the department’s accounts in the period',
  ],
  measures: ofDepartment,
  entity: 'import_job',
  rows: (ex, zoneId, departmentId, period) =>
    ex
      .select({ id: importJobs.id, kind: importJobs.kind, imported: importJobs.processedRows })
      .from(importJobs)
      .innerJoin(users, eq(users.id, importJobs.createdBy))
      .where(
        and(
          eq(importJobs.zoneId, zoneId),
          eq(users.departmentId, departmentId),
          eq(importJobs.status, 'succeeded'),
          during(importJobs.finishedAt, period),
        ),
      )
      .orderBy(importJobs.id),
  value: (rows) => rows.reduce((s, r) => s + r.imported, 0),
  labelOf: (r) => `${r.kind} · ${r.imported}`,
});
