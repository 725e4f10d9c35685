import { and, eq, gte, inArray, lt } from 'drizzle-orm';
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

/** Staff ids measured: one person, or every active person of a department. */
async function staffIdsOf(ex: Executor, zoneId: string, target: IndicatorTarget): Promise<string[]> {
  if (target.staffId) return [target.staffId];
  if (!target.departmentId) return [];
  const rows = await ex
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.zoneId, zoneId), eq(staff.departmentId, target.departmentId)));
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------- sources computable from tables on main today

registerIndicatorSource({
  key: 'enterprises.registered_by_officer',
  label: { 'zh-CN': '新入库企业数（服务专员）', 'en-US': 'Enterprises registered (service officer)' },
  unit: { 'zh-CN': '家', 'en-US': 'enterprises' },
  targets: ['department', 'staff'],
  query: {
    'zh-CN': '企业库中服务专员为该人员（或该部门人员）、且入库时间在考核期内的企业',
    'en-US':
      'Registry enterprises whose service officer is the person (or a member of the department), created in the period',
  },
  async compute(ex, zoneId, periodStart, periodEnd, target) {
    const ids = await staffIdsOf(ex, zoneId, target);
    if (ids.length === 0) return { value: 0, records: [] };
    const [from, to] = periodBounds(periodStart, periodEnd);
    const rows = await ex
      .select({ id: enterprises.id, name: enterprises.name })
      .from(enterprises)
      .where(
        and(
          eq(enterprises.zoneId, zoneId),
          inArray(enterprises.serviceOfficerId, ids),
          gte(enterprises.createdAt, from),
          lt(enterprises.createdAt, to),
        ),
      )
      .orderBy(enterprises.name, enterprises.id);
    return { value: rows.length, records: rows.map((r) => ({ entity: 'enterprise', id: r.id, label: r.name })) };
  },
});

registerIndicatorSource({
  key: 'enterprises.portfolio',
  label: { 'zh-CN': '服务企业数（在营）', 'en-US': 'Enterprises served (operating)' },
  unit: { 'zh-CN': '家', 'en-US': 'enterprises' },
  targets: ['department', 'staff'],
  query: {
    'zh-CN': '企业库中服务专员为该人员（或该部门人员）、状态为在营且在考核期末前入库的企业',
    'en-US':
      'Operating registry enterprises served by the person (or the department), registered before the period ended',
  },
  async compute(ex, zoneId, periodStart, periodEnd, target) {
    const ids = await staffIdsOf(ex, zoneId, target);
    if (ids.length === 0) return { value: 0, records: [] };
    const [, to] = periodBounds(periodStart, periodEnd);
    const rows = await ex
      .select({ id: enterprises.id, name: enterprises.name })
      .from(enterprises)
      .where(
        and(
          eq(enterprises.zoneId, zoneId),
          inArray(enterprises.serviceOfficerId, ids),
          eq(enterprises.status, 'operating'),
          lt(enterprises.createdAt, to),
        ),
      )
      .orderBy(enterprises.name, enterprises.id);
    return { value: rows.length, records: rows.map((r) => ({ entity: 'enterprise', id: r.id, label: r.name })) };
  },
});

registerIndicatorSource({
  key: 'audit.department_changes',
  label: { 'zh-CN': '部门业务办理量（留痕记录）', 'en-US': 'Department work recorded (audit events)' },
  unit: { 'zh-CN': '件', 'en-US': 'events' },
  targets: ['department'],
  query: {
    'zh-CN': '审计日志中由该部门账号在考核期内记录的新增、修改、导入操作',
    'en-US': 'Audit-log create/update/import events by the department’s accounts in the period',
  },
  async compute(ex, zoneId, periodStart, periodEnd, target) {
    if (!target.departmentId) return { value: 0, records: [] };
    const [from, to] = periodBounds(periodStart, periodEnd);
    const rows = await ex
      .select({ id: auditEvents.id, action: auditEvents.action, entity: auditEvents.entity, at: auditEvents.at })
      .from(auditEvents)
      .innerJoin(users, eq(users.id, auditEvents.actorId))
      .where(
        and(
          eq(auditEvents.zoneId, zoneId),
          eq(users.departmentId, target.departmentId),
          inArray(auditEvents.action, ['create', 'update', 'import']),
          gte(auditEvents.at, from),
          lt(auditEvents.at, to),
        ),
      )
      .orderBy(auditEvents.id);
    return {
      value: rows.length,
      records: rows.map((r) => ({
        entity: 'audit_event',
        id: String(r.id),
        label: `${r.at.toISOString().slice(0, 10)} ${r.action} ${r.entity}`,
      })),
    };
  },
});

registerIndicatorSource({
  key: 'imports.rows_imported',
  label: { 'zh-CN': '批量导入成功行数', 'en-US': 'Rows imported in bulk' },
  unit: { 'zh-CN': '行', 'en-US': 'rows' },
  targets: ['department'],
  query: {
    'zh-CN': '该部门账号在考核期内成功完成的 Excel 导入任务的导入行数之和',
    'en-US': 'Sum of rows of the Excel imports completed by the department’s accounts in the period',
  },
  async compute(ex, zoneId, periodStart, periodEnd, target) {
    if (!target.departmentId) return { value: 0, records: [] };
    const [from, to] = periodBounds(periodStart, periodEnd);
    const rows = await ex
      .select({ id: importJobs.id, kind: importJobs.kind, imported: importJobs.processedRows })
      .from(importJobs)
      .innerJoin(users, eq(users.id, importJobs.createdBy))
      .where(
        and(
          eq(importJobs.zoneId, zoneId),
          eq(users.departmentId, target.departmentId),
          eq(importJobs.status, 'succeeded'),
          gte(importJobs.finishedAt, from),
          lt(importJobs.finishedAt, to),
        ),
      )
      .orderBy(importJobs.id);
    const value = rows.reduce((s, r) => s + r.imported, 0);
    return {
      value,
      records: rows.map((r) => ({ entity: 'import_job', id: r.id, label: `${r.kind} · ${r.imported}` })),
    };
  },
});
