import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { type Metrics, rate, STATUS_LABELS } from '../../../shared/approval';
import type { TimelineItem } from '../../../shared/enterprises';
import type { ZoneScope } from '../../platform/access';
import { calendarOf } from '../../platform/calendar';
import type { Db, Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { registerTimelineSource } from '../enterprises/enterprises.timeline';
import { departments } from '../org/org.tables';
import * as repo from './approval.repository';
import { listCases } from './approval.service';
import { approvalCaseEvents, approvalCases, approvalItems } from './approval.tables';

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const two = (v: unknown) => Math.round(num(v) * 100) / 100;

/**
 * Case aggregates shared by the metrics page and the cockpit (one definition of 已办结 and 按时办结): cases, decided
 * (a handling time is recorded), decided on time (not past the committed due date) and the mean handling time.
 */
export const caseAgg = {
  cases: sql<number>`count(*)::int`,
  decided: sql<number>`count(${approvalCases.handlingDays})::int`,
  onTime: sql<number>`count(*) filter (where ${approvalCases.handlingDays} is not null and not ${approvalCases.committedPassed})::int`,
  avg: sql<string | null>`avg(${approvalCases.handlingDays})`,
};

/**
 * Metrics of DOMAIN.md §2 over the cases the caller may see (optionally those received in [from, to]):
 * online rate and compression (1 − committed/statutory) of the active catalogue; average and P90 handling time
 * (working days on the clock at decision); on-time rate (decided by the committed due date); open cases past the
 * statutory due date (超期); materials saved by 一件事 bundles; per-department and per-item tables.
 * All aggregation runs in SQL on the stored deadline columns, so it scales with indexes, not with the calendar.
 */
export async function metrics(ex: Executor, scope: ZoneScope, range: { from?: string; to?: string }): Promise<Metrics> {
  const today = repo.todayInChina();
  const conds = [repo.caseScope(scope)];
  if (range.from) conds.push(sql`${approvalCases.submittedOn} >= ${range.from}::date`);
  if (range.to) conds.push(sql`${approvalCases.submittedOn} <= ${range.to}::date`);
  const where = and(...conds);
  // One row per (case, item) of a 一件事: unnest + hash join. Joining items on `id = any(item_ids)` compared every
  // case with every item of every zone (778 ms for one zone at 2M cases, bench/approval-metrics.ts).
  const perItem = ex
    .select({
      itemId: sql<string>`unnest(${approvalCases.itemIds})`.as('item_id'),
      handlingDays: sql<number | null>`${approvalCases.handlingDays}`.as('handling_days'),
      committedPassed: sql<boolean>`${approvalCases.committedPassed}`.as('committed_passed'),
    })
    .from(approvalCases)
    .where(where)
    .as('ci');
  const [[items], [totals], byDept, byItem] = await Promise.all([
    ex
      .select({
        items: sql<number>`count(*)::int`,
        online: sql<number>`count(*) filter (where ${approvalItems.online})::int`,
        committed: sql<number>`coalesce(sum(${approvalItems.committedDays}), 0)::int`,
        statutory: sql<number>`coalesce(sum(${approvalItems.statutoryDays}), 0)::int`,
      })
      .from(approvalItems)
      .where(and(eq(approvalItems.zoneId, scope.zoneId), eq(approvalItems.active, true))),
    ex
      .select({
        ...caseAgg,
        p90: sql<string | null>`percentile_cont(0.9) within group (order by ${approvalCases.handlingDays})`,
        overdueOpen: sql<number>`count(*) filter (where ${approvalCases.decidedOn} is null and ${approvalCases.closedOn} is null and ${approvalCases.statutoryDue} < ${today}::date)::int`,
        saved: sql<number>`coalesce(sum(${approvalCases.materialsBeforeBundle} - jsonb_array_length(${approvalCases.materials})) filter (where cardinality(${approvalCases.itemIds}) > 1), 0)::int`,
      })
      .from(approvalCases)
      .where(where),
    ex
      .select({ departmentId: approvalCases.leadDepartmentId, name: departments.name, ...caseAgg })
      .from(approvalCases)
      .innerJoin(departments, eq(departments.id, approvalCases.leadDepartmentId))
      .where(where)
      .groupBy(approvalCases.leadDepartmentId, departments.name)
      .orderBy(desc(sql`count(*)`)),
    ex
      .select({
        itemId: approvalItems.id,
        name: approvalItems.name,
        committedDays: approvalItems.committedDays,
        statutoryDays: approvalItems.statutoryDays,
        // caseAgg over the per-item rows (same definitions of 已办结 and 按时办结)
        cases: sql<number>`count(*)::int`,
        decided: sql<number>`count(${perItem.handlingDays})::int`,
        onTime: sql<number>`count(*) filter (where ${perItem.handlingDays} is not null and not ${perItem.committedPassed})::int`,
        avg: sql<string | null>`avg(${perItem.handlingDays})`,
      })
      .from(perItem)
      .innerJoin(
        approvalItems,
        and(eq(approvalItems.zoneId, scope.zoneId), sql`${approvalItems.id} = ${perItem.itemId}`),
      )
      .groupBy(approvalItems.id)
      .orderBy(desc(sql`count(*)`)),
  ]);
  return {
    items: items?.items ?? 0,
    onlineItems: items?.online ?? 0,
    onlineRate: rate(items?.online ?? 0, items?.items ?? 0),
    compression: items?.statutory ? Math.round((1 - items.committed / items.statutory) * 10000) / 100 : 0,
    cases: totals?.cases ?? 0,
    decided: totals?.decided ?? 0,
    avgWorkdays: two(totals?.avg),
    p90Workdays: two(totals?.p90),
    onTimeRate: rate(totals?.onTime ?? 0, totals?.decided ?? 0),
    overdueOpen: totals?.overdueOpen ?? 0,
    bundleMaterialsSaved: totals?.saved ?? 0,
    byDepartment: byDept.map((d) => ({
      departmentId: d.departmentId,
      name: d.name,
      cases: d.cases,
      decided: d.decided,
      onTimeRate: rate(d.onTime, d.decided),
      avgWorkdays: two(d.avg),
    })),
    byItem: byItem.map((i) => ({
      itemId: i.itemId,
      name: i.name,
      cases: i.cases,
      decided: i.decided,
      onTimeRate: rate(i.onTime, i.decided),
      avgWorkdays: two(i.avg),
      compression: Math.round((1 - i.committedDays / i.statutoryDays) * 10000) / 100,
    })),
  };
}

// ---- construction projects ---------------------------------------------------------------------------------------

/** Projects (by 项目代码) with case counts, for the project list. */
export async function listProjects(ex: Executor, scope: ZoneScope) {
  return ex
    .select({
      projectCode: sql<string>`${approvalCases.projectCode}`,
      projectName: sql<string | null>`max(${approvalCases.projectName})`,
      cases: sql<number>`count(*)::int`,
      stages: sql<number>`count(distinct ${approvalCases.stage})::int`,
      firstOn: sql<string | null>`min(${approvalCases.submittedOn})::text`,
      lastOn: sql<string | null>`max(${approvalCases.decidedOn})::text`,
    })
    .from(approvalCases)
    .where(and(repo.caseScope(scope), isNotNull(approvalCases.projectCode)))
    .groupBy(approvalCases.projectCode)
    .orderBy(asc(approvalCases.projectCode))
    .limit(500);
}

/**
 * All cases of one construction project across the four stages, the working days each stage took (first receipt →
 * last decision of the stage) and the whole-process time (first receipt → last decision, or today while open).
 */
export async function projectView(db: Db, scope: ZoneScope, code: string) {
  const { data } = await listCases(db, scope, {
    projectCode: code,
    current: 1,
    pageSize: 500,
    sortField: 'submittedOn',
  });
  if (data.length === 0) throw notFound();
  const cal = await calendarOf(db);
  const today = repo.todayInChina();
  const span = (list: typeof data) => {
    const starts = list.map((c) => c.submittedOn).filter((d): d is string => d !== null);
    if (starts.length === 0) return { startOn: null, endOn: null, workdays: 0, open: true };
    const open = list.some((c) => c.decidedOn === null && c.closedOn === null);
    const ends = list.map((c) => c.decidedOn ?? c.closedOn).filter((d): d is string => d !== null);
    const startOn = starts.sort()[0]!;
    const endOn = open || ends.length === 0 ? today : ends.sort().at(-1)!;
    return { startOn, endOn: open ? null : endOn, workdays: cal.workdaysBetween(startOn, endOn).workdays, open };
  };
  const stages = [1, 2, 3, 4].map((stage) => ({
    stage,
    cases: data.filter((c) => c.stage === stage).length,
    ...span(data.filter((c) => c.stage === stage)),
  }));
  return {
    projectCode: code,
    projectName: data.find((c) => c.projectName)?.projectName ?? null,
    cases: data,
    stages,
    total: span(data),
    /** National target for the whole process of a construction project (working days). */
    targetWorkdays: 120,
  };
}

// ---- public lookup -----------------------------------------------------------------------------------------------

/** Status by case number for anyone: item names, status, dates — never the enterprise, people or materials. */
export async function publicStatus(ex: Executor, caseNo: string) {
  const c = await repo.caseByNumber(ex, caseNo);
  if (!c || c.status === 'DRAFT') throw notFound();
  const [names, steps] = await Promise.all([
    ex
      .select({ id: approvalItems.id, name: approvalItems.name })
      .from(approvalItems)
      .where(inArray(approvalItems.id, c.itemIds)),
    ex
      .select({ on: approvalCaseEvents.on, toStatus: approvalCaseEvents.toStatus })
      .from(approvalCaseEvents)
      .where(and(eq(approvalCaseEvents.zoneId, c.zoneId), eq(approvalCaseEvents.caseId, c.id)))
      .orderBy(asc(approvalCaseEvents.at)),
  ]);
  return {
    caseNo: c.caseNo,
    itemNames: c.itemIds.map((i) => names.find((n) => n.id === i)?.name ?? ''),
    status: c.status,
    outcome: c.outcome,
    submittedOn: c.submittedOn,
    acceptedOn: c.acceptedOn,
    committedDue: c.committedDue,
    decidedOn: c.decidedOn,
    steps: steps.filter((s, i) => i === 0 || s.toStatus !== steps[i - 1]!.toStatus),
  };
}

// ---- enterprise timeline -----------------------------------------------------------------------------------------

registerTimelineSource('approval', async (ex, scope, enterpriseId): Promise<TimelineItem[]> => {
  const rows = await ex
    .select({
      id: approvalCaseEvents.id,
      at: approvalCaseEvents.at,
      action: approvalCaseEvents.action,
      toStatus: approvalCaseEvents.toStatus,
      actorName: approvalCaseEvents.actorName,
      caseNo: approvalCases.caseNo,
    })
    .from(approvalCaseEvents)
    .innerJoin(approvalCases, eq(approvalCases.id, approvalCaseEvents.caseId))
    .where(and(repo.caseScope(scope), eq(approvalCases.enterpriseId, enterpriseId)))
    .orderBy(desc(approvalCaseEvents.at))
    .limit(200);
  return rows.map((r) => ({
    id: `approval:${r.id}`,
    at: r.at.toISOString(),
    source: 'approval',
    action: r.action,
    actorName: r.actorName,
    fields: [],
    summary: `${r.caseNo} ${STATUS_LABELS[r.toStatus as keyof typeof STATUS_LABELS]?.zh ?? r.toStatus}`,
  }));
});
