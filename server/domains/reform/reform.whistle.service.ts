import { and, eq, like, sql } from 'drizzle-orm';
import {
  type DistrictDepartmentInput,
  percent,
  type WhistleInput,
  type WhistleLeagueRow,
  type whistleOrigins,
} from '../../../shared/reform';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { calendarOf, registerDeadlineRecomputer, type WorkCalendar } from '../../platform/calendar';
import type { Db, Executor, Tx } from '../../platform/db';
import { lockSeries } from '../../platform/db';
import { AppError, invalid, notFound } from '../../platform/errors';
import { registerConstraintField } from '../../platform/http/error-handler';
import { reformDistrictDepartments as depts, reformWhistles as whistles } from './reform.tables';
import * as repo from './reform.whistle.repository';

registerConstraintField('reform_district_departments_zone_name_uq', 'name');
registerConstraintField('reform_whistles_zone_code_uq', 'code');

// ---- followers: the domain a whistle came from hears of its response and closure --------------------------------

export type WhistleRow = typeof whistles.$inferSelect;
export type WhistleEvent = 'respond' | 'close';
/** Runs inside the transaction that responded to or closed the matter (and records its own audit events). */
export type WhistleFollower = (tx: Tx, scope: ZoneScope, event: WhistleEvent, whistle: WhistleRow) => Promise<void>;
const followers = new Map<(typeof whistleOrigins)[number], WhistleFollower>();

/**
 * A domain that raises whistles (origin ≠ zone) registers how a response or closure flows back to its record, e.g.
 * enterprise services: the outside body's answer becomes the demand's reply, its closure the demand's resolution.
 */
export function registerWhistleFollower(origin: (typeof whistleOrigins)[number], follower: WhistleFollower): void {
  followers.set(origin, follower);
}

async function notifyFollower(tx: Tx, scope: ZoneScope, event: WhistleEvent, row: WhistleRow): Promise<void> {
  if (row.origin === 'zone' || !row.originRef) return;
  await followers.get(row.origin)?.(tx, scope, event, row);
}

// ---- district departments (outside bodies) ---------------------------------------------------------------------

export async function createDepartment(db: Db, scope: ZoneScope, input: DistrictDepartmentInput) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(depts)
      .values({ ...input, zoneId: scope.zoneId })
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'create',
      entity: 'reform_district_department',
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}

export async function updateDepartment(db: Db, scope: ZoneScope, id: string, input: DistrictDepartmentInput) {
  return db.transaction(async (tx) => {
    const before = await repo.getDepartment(tx, scope, id);
    if (!before) throw notFound();
    const [row] = await tx
      .update(depts)
      .set(input)
      .where(and(eq(depts.zoneId, scope.zoneId), eq(depts.id, id)))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'update',
      entity: 'reform_district_department',
      entityId: id,
      before,
      after: row,
    });
    return row!;
  });
}

/** Refused (409 IN_USE, by the foreign key) while a whistle matter names the department. */
export async function deleteDepartment(db: Db, scope: ZoneScope, id: string) {
  await db.transaction(async (tx) => {
    const before = await repo.getDepartment(tx, scope, id);
    if (!before) throw notFound();
    await tx.delete(depts).where(and(eq(depts.zoneId, scope.zoneId), eq(depts.id, id)));
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'delete',
      entity: 'reform_district_department',
      entityId: id,
      before,
    });
  });
}

// ---- whistle matters --------------------------------------------------------------------------------------------

export interface RaiseWhistleInput extends WhistleInput {
  origin?: (typeof whistleOrigins)[number];
  /** Id of the originating record (e.g. the enterprise demand), for origin ≠ 'zone'. */
  originRef?: string | null;
}

/** Next CS-<year>-<nnn> of the zone (inside the transaction; lockSeries makes concurrent raisers wait their turn). */
async function nextCode(tx: Tx, scope: ZoneScope, year: string): Promise<string> {
  const prefix = `CS-${year}-`;
  await lockSeries(tx, scope.zoneId, prefix);
  const rows = await tx
    .select({ code: whistles.code })
    .from(whistles)
    .where(and(eq(whistles.zoneId, scope.zoneId), like(whistles.code, `${prefix}%`)));
  const last = Math.max(0, ...rows.map((r) => Number.parseInt(r.code.slice(prefix.length), 10) || 0));
  return `${prefix}${String(last + 1).padStart(3, '0')}`;
}

/**
 * 园区吹哨: raise a matter to a district department inside the caller's transaction. The response deadline is
 * `responseDays` working days after raisedOn (the department's rule parameter when not given), from the
 * working-day calendar, flagged provisional when a year without a published arrangement is involved.
 *
 * Other domains call this directly (e.g. enterprise services routing a demand: origin 'enterprise_demand',
 * originRef = the demand id); it writes its own audit event in `tx`.
 */
export async function raiseWhistle(tx: Tx, scope: ZoneScope, input: RaiseWhistleInput) {
  const dept = await repo.getDepartment(tx, scope, input.departmentId);
  if (!dept) throw invalid({ departmentId: 'UNKNOWN_REFERENCE' });
  const responseDays = input.responseDays ?? dept.responseDays;
  const due = (await calendarOf(tx)).addWorkdays(input.raisedOn, responseDays);
  const [row] = await tx
    .insert(whistles)
    .values({
      zoneId: scope.zoneId,
      code: await nextCode(tx, scope, input.raisedOn.slice(0, 4)),
      title: input.title,
      detail: input.detail,
      departmentId: dept.id,
      raisedOn: input.raisedOn,
      responseDays,
      dueOn: due.date,
      dueProvisional: due.provisional,
      origin: input.origin ?? 'zone',
      originRef: input.originRef ?? null,
      raisedBy: scope.actor.displayName,
    })
    .returning();
  await recordAudit(tx, {
    actor: scope.actor,
    zoneId: scope.zoneId,
    action: 'raise',
    entity: 'reform_whistle',
    entityId: row!.id,
    after: row,
  });
  return (await repo.getWhistle(tx, scope, row!.id, repo.todayInChina()))!;
}

export function createWhistle(db: Db, scope: ZoneScope, input: WhistleInput) {
  return db.transaction((tx) => raiseWhistle(tx, scope, input));
}

async function load(tx: Tx, scope: ZoneScope, id: string) {
  const before = await repo.getWhistle(tx, scope, id, repo.todayInChina());
  if (!before) throw notFound();
  return before;
}

/** 部门报到: the department's response (recorded by zone staff), with the working days it took. */
export async function respondWhistle(
  db: Db,
  scope: ZoneScope,
  id: string,
  input: { respondedOn: string; response: string },
) {
  return db.transaction(async (tx) => {
    const before = await load(tx, scope, id);
    if (before.status !== 'open') throw new AppError(409, 'REFORM_WHISTLE_NOT_OPEN');
    if (input.respondedOn < before.raisedOn) throw invalid({ respondedOn: 'REFORM_DATE_BEFORE_RAISED' });
    const took = (await calendarOf(tx)).workdaysBetween(before.raisedOn, input.respondedOn);
    const [row] = await tx
      .update(whistles)
      .set({ ...input, status: 'responded', responseWorkdays: took.workdays, updatedAt: new Date() })
      .where(and(eq(whistles.zoneId, scope.zoneId), eq(whistles.id, id)))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'respond',
      entity: 'reform_whistle',
      entityId: id,
      before,
      after: row,
    });
    await notifyFollower(tx, scope, 'respond', row!);
    return (await repo.getWhistle(tx, scope, id, repo.todayInChina()))!;
  });
}

/** Closure after the response: the matter is settled; its dates are frozen from now on. */
export async function closeWhistle(
  db: Db,
  scope: ZoneScope,
  id: string,
  input: { closedOn: string; closureNote: string },
) {
  return db.transaction(async (tx) => {
    const before = await load(tx, scope, id);
    if (before.status !== 'responded') throw new AppError(409, 'REFORM_WHISTLE_NOT_RESPONDED');
    if (before.respondedOn && input.closedOn < before.respondedOn) {
      throw invalid({ closedOn: 'REFORM_DATE_BEFORE_RESPONSE' });
    }
    const [row] = await tx
      .update(whistles)
      .set({ ...input, status: 'closed', updatedAt: new Date() })
      .where(and(eq(whistles.zoneId, scope.zoneId), eq(whistles.id, id)))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'close',
      entity: 'reform_whistle',
      entityId: id,
      before,
      after: row,
    });
    await notifyFollower(tx, scope, 'close', row!);
    return (await repo.getWhistle(tx, scope, id, repo.todayInChina()))!;
  });
}

/** Department league table: ranked by on-time rate, then average response working days, then fewer overdue. */
export async function whistleLeague(ex: Executor, scope: ZoneScope, year?: number): Promise<WhistleLeagueRow[]> {
  const rows = await repo.league(ex, scope, repo.todayInChina(), year);
  const withRates = rows.map(({ workdaysSum, ...r }) => ({
    ...r,
    avgResponseWorkdays: r.responded ? percent(workdaysSum, r.responded * 100) : null,
    onTimeRate: percent(r.onTime, r.responded),
    hundredthsOnTime: r.responded ? Math.floor((2 * r.onTime * 10_000 + r.responded) / (2 * r.responded)) : -1,
    avgKey: r.responded ? workdaysSum / r.responded : Number.POSITIVE_INFINITY,
  }));
  withRates.sort(
    (a, b) =>
      b.hundredthsOnTime - a.hundredthsOnTime ||
      a.avgKey - b.avgKey ||
      a.overdue - b.overdue ||
      a.departmentName.localeCompare(b.departmentName, 'zh-CN'),
  );
  return withRates.map(({ hundredthsOnTime: _h, avgKey: _a, ...r }, i) => ({ ...r, rank: i + 1 }));
}

/**
 * After a new calendar arrangement: open matters (not yet responded) whose counting window touches a changed
 * year, or whose deadline was provisional, get their due date recomputed. Responded and closed matters stay
 * frozen. One audit event per moved deadline, in the publishing transaction.
 */
export async function recomputeWhistleDeadlines(tx: Tx, changedYears: number[], calendar: WorkCalendar) {
  if (changedYears.length === 0) return 0;
  const lo = Math.min(...changedYears);
  const hi = Math.max(...changedYears);
  const open = await tx
    .select()
    .from(whistles)
    .where(
      and(
        eq(whistles.status, 'open'),
        sql`(${whistles.dueProvisional} or (extract(year from ${whistles.raisedOn}) <= ${hi}
          and extract(year from ${whistles.dueOn}) >= ${lo}))`,
      ),
    );
  let changed = 0;
  for (const w of open) {
    const due = calendar.addWorkdays(w.raisedOn, w.responseDays);
    if (due.date === w.dueOn && due.provisional === w.dueProvisional) continue;
    await tx
      .update(whistles)
      .set({ dueOn: due.date, dueProvisional: due.provisional, updatedAt: new Date() })
      .where(eq(whistles.id, w.id));
    await recordAudit(tx, {
      actor: null,
      zoneId: w.zoneId,
      action: 'recompute_deadline',
      entity: 'reform_whistle',
      entityId: w.id,
      before: { dueOn: w.dueOn, dueProvisional: w.dueProvisional },
      after: { dueOn: due.date, dueProvisional: due.provisional, changedYears },
    });
    changed++;
  }
  return changed;
}

let registered = false;
/** Called when the reform routes register (once per process). */
export function registerWhistleRecomputer(): void {
  if (registered) return;
  registerDeadlineRecomputer('reform-whistles', recomputeWhistleDeadlines);
  registered = true;
}
