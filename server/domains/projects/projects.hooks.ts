import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TimelineItem } from '../../../shared/enterprises';
import { recordAudit } from '../../platform/audit';
import { registerDeadlineRecomputer } from '../../platform/calendar';
import type { ColumnSpec } from '../../platform/excel/columns';
import type { ImportKind } from '../../platform/excel/kind';
import { registerTimelineSource } from '../enterprises/enterprises.timeline';
import { investmentProjects } from '../investment/investment.tables';
import { evaluateLight } from './projects.service';
import { dispatchIssues, keyProjectMonths, keyProjects } from './projects.tables';

/** Enterprise timeline: the signing of its project and its key project's start and completion. */
export function registerProjectTimeline(): void {
  registerTimelineSource('projects', async (ex, scope, enterpriseId) => {
    const [signed, kps] = await Promise.all([
      ex
        .select({ id: investmentProjects.id, name: investmentProjects.name, signedOn: investmentProjects.signedOn })
        .from(investmentProjects)
        .where(and(eq(investmentProjects.zoneId, scope.zoneId), eq(investmentProjects.enterpriseId, enterpriseId))),
      ex
        .select({
          id: keyProjects.id,
          name: keyProjects.name,
          actualStart: keyProjects.actualStart,
          actualCompletion: keyProjects.actualCompletion,
        })
        .from(keyProjects)
        .where(and(eq(keyProjects.zoneId, scope.zoneId), eq(keyProjects.enterpriseId, enterpriseId))),
    ]);
    const at = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString();
    const items: TimelineItem[] = [];
    for (const s of signed) {
      if (s.signedOn) {
        items.push({
          id: `signed:${s.id}`,
          at: at(s.signedOn),
          source: 'projects',
          action: 'project_signed',
          actorName: null,
          fields: [],
          summary: s.name,
        });
      }
    }
    for (const k of kps) {
      for (const [action, d] of [
        ['project_started', k.actualStart],
        ['project_completed', k.actualCompletion],
      ] as const) {
        if (d) {
          items.push({
            id: `${action}:${k.id}`,
            at: at(d),
            source: 'projects',
            action,
            actorName: null,
            fields: [],
            summary: k.name,
          });
        }
      }
    }
    return items;
  });
}

/**
 * A new holiday arrangement moves the deadlines of OPEN issues whose counting window touches a changed year, and
 * of provisional ones; closed issues keep theirs (calendar.ts contract).
 */
export function registerIssueDeadlines(): () => void {
  return registerDeadlineRecomputer('dispatch_issues', async (tx, years, calendar) => {
    if (years.length === 0) return 0;
    const touched = years.map(
      (y) =>
        sql`(extract(year from ${dispatchIssues.raisedOn}) <= ${y} and extract(year from ${dispatchIssues.dueOn}) >= ${y})`,
    );
    const open = await tx
      .select()
      .from(dispatchIssues)
      .where(and(eq(dispatchIssues.status, 'open'), or(eq(dispatchIssues.dueProvisional, true), ...touched)));
    let changed = 0;
    for (const issue of open) {
      const due = calendar.addWorkdays(issue.raisedOn, issue.workdays);
      if (due.date === issue.dueOn && due.provisional === issue.dueProvisional) continue;
      await tx
        .update(dispatchIssues)
        .set({ dueOn: due.date, dueProvisional: due.provisional })
        .where(eq(dispatchIssues.id, issue.id));
      await recordAudit(tx, {
        actor: null,
        zoneId: issue.zoneId,
        action: 'deadline_recomputed',
        entity: 'dispatch_issue',
        entityId: issue.id,
        before: { dueOn: issue.dueOn, dueProvisional: issue.dueProvisional },
        after: { dueOn: due.date, dueProvisional: due.provisional },
      });
      changed++;
    }
    return changed;
  });
}

const monthColumns = [
  {
    key: 'code',
    header: { 'zh-CN': '项目编号', 'en-US': 'Project code' },
    type: 'string',
    required: true,
    example: 'KP2026-001',
    width: 16,
  },
  { key: 'year', header: { 'zh-CN': '年份', 'en-US': 'Year' }, type: 'int', required: true, example: '2026' },
  { key: 'month', header: { 'zh-CN': '月份', 'en-US': 'Month' }, type: 'int', required: true, example: '7' },
  {
    key: 'completedWan',
    header: { 'zh-CN': '当月完成投资(万元)', 'en-US': 'Completed this month (10k CNY)' },
    type: 'decimal',
    required: true,
    hint: { 'zh-CN': '最多两位小数', 'en-US': 'Up to 2 decimals' },
    example: '1250.50',
    width: 20,
  },
] as const satisfies readonly ColumnSpec[];

const monthRowSchema = z.object({
  code: z.string().trim().min(1).max(30),
  year: z.number().int().min(2000).max(2100),
  month: z.number().int().min(1).max(12),
  completedWan: z.number().min(0).max(100_000_000).multipleOf(0.01),
});
type MonthRow = z.infer<typeof monthRowSchema>;
type MonthOut = { keyProjectId: string; year: number; month: number; completedFen: number };
type MonthRefs = { byCode: Map<string, string>; seen: Map<string, number> };

/** 月度完成投资 import: one row per project and month; re-imports replace the month's figure; lights re-evaluated. */
export const monthImport: ImportKind<MonthRow, MonthOut, MonthRefs> = {
  kind: 'key-project-months',
  permission: 'projects.write',
  title: { 'zh-CN': '月度完成投资', 'en-US': 'Monthly completed investment' },
  entity: 'key_project_month',
  columns: monthColumns,
  schema: monthRowSchema,
  async setup(ex, scope) {
    const rows = await ex
      .select({ id: keyProjects.id, code: keyProjects.code })
      .from(keyProjects)
      .where(eq(keyProjects.zoneId, scope.zoneId));
    return { byCode: new Map(rows.map((r) => [r.code, r.id])), seen: new Map() };
  },
  async check(batch, ctx) {
    return batch.map(({ row, value: v }) => {
      const keyProjectId = ctx.data.byCode.get(v.code);
      if (!keyProjectId) {
        ctx.error(row, 'code', 'UNKNOWN_REFERENCE', { value: v.code });
        return undefined;
      }
      const key = `${v.code}|${v.year}|${v.month}`;
      const first = ctx.data.seen.get(key);
      if (first !== undefined) {
        ctx.error(row, 'month', 'IMPORT_DUPLICATE_IN_FILE', { row: first });
        return undefined;
      }
      ctx.data.seen.set(key, row);
      // 万元 with two decimals → fen, in integers: round(x × 100) × 10 000.
      return { keyProjectId, year: v.year, month: v.month, completedFen: Math.round(v.completedWan * 100) * 10_000 };
    });
  },
  async commit(tx, rows, ctx) {
    const zoneId = ctx.scope.zoneId;
    for (const r of rows) {
      await tx
        .insert(keyProjectMonths)
        .values({ ...r, zoneId })
        .onConflictDoUpdate({
          target: [
            keyProjectMonths.zoneId,
            keyProjectMonths.keyProjectId,
            keyProjectMonths.year,
            keyProjectMonths.month,
          ],
          set: { completedFen: r.completedFen },
        });
    }
    const ids = [...new Set(rows.map((r) => r.keyProjectId))];
    const still = await tx
      .select({ id: keyProjects.id })
      .from(keyProjects)
      .where(and(eq(keyProjects.zoneId, zoneId), inArray(keyProjects.id, ids)));
    for (const { id } of still) await evaluateLight(tx, zoneId, id);
    return rows.length;
  },
};
