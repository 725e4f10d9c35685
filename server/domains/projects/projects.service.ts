import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AgendaSnapshot, IssueInput, KeyProjectInput, MonthInput } from '../../../shared/projects';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { calendarOf } from '../../platform/calendar';
import type { Db, Executor, Tx } from '../../platform/db';
import { AppError, invalid, notFound } from '../../platform/errors';
import { registerConstraintField } from '../../platform/http/error-handler';
import { enterprises } from '../enterprises/enterprises.tables';
import { settingsOf } from '../investment/investment.repository';
import { departments } from '../org/org.tables';
import { subParks } from '../tenancy/tenancy.tables';
import { computeLight } from './projects.lights';
import { getIssue, getKeyProject, getMeeting, todayInShanghai, yearFigures } from './projects.repository';
import { dispatchIssues, dispatchMeetings, keyProjectMonths, keyProjects, keyProjectYears } from './projects.tables';

export { todayInShanghai };

registerConstraintField('key_projects_zone_code_uq', 'code');

async function checkRefs(ex: Executor, scope: ZoneScope, input: Partial<KeyProjectInput>) {
  const checks: [string | null | undefined, string, Promise<unknown[]> | null][] = [
    [
      input.enterpriseId,
      'enterpriseId',
      input.enterpriseId
        ? ex
            .select({ id: enterprises.id })
            .from(enterprises)
            .where(and(eq(enterprises.zoneId, scope.zoneId), eq(enterprises.id, input.enterpriseId)))
        : null,
    ],
    [
      input.subParkId,
      'subParkId',
      input.subParkId
        ? ex
            .select({ id: subParks.id })
            .from(subParks)
            .where(and(eq(subParks.zoneId, scope.zoneId), eq(subParks.id, input.subParkId)))
        : null,
    ],
    [
      input.unitId,
      'unitId',
      input.unitId
        ? ex
            .select({ id: departments.id })
            .from(departments)
            .where(and(eq(departments.zoneId, scope.zoneId), eq(departments.id, input.unitId)))
        : null,
    ],
  ];
  for (const [value, field, query] of checks) {
    if (value && query && (await query).length === 0) throw invalid({ [field]: 'UNKNOWN_REFERENCE' });
  }
}

/** Evaluate and store one key project's light as of `asOf` (DOMAIN.md §5 rules; see projects.lights.ts). */
export async function evaluateLight(tx: Tx, zoneId: string, id: string, day?: string) {
  const [p] = await tx
    .select()
    .from(keyProjects)
    .where(and(eq(keyProjects.zoneId, zoneId), eq(keyProjects.id, id)));
  if (!p) throw notFound();
  // A data change re-evaluates as of today, or as of the latest evaluation day if that is later (never backwards).
  const today = todayInShanghai();
  const asOf = day ?? (p.lightAsOf && p.lightAsOf > today ? p.lightAsOf : today);
  const { lightParams } = await settingsOf(tx, zoneId);
  const year = Number(asOf.slice(0, 4));
  const figures = await yearFigures(tx, zoneId, id, year, Number(asOf.slice(5, 7)));
  // The stored light is "previous" only for a later evaluation (an evaluation as of an earlier day starts afresh).
  const previous =
    p.lightAsOf && p.lightAsOf <= asOf ? { light: p.light, reasons: p.lightReasons, since: p.lightSince } : null;
  const result = computeLight(
    {
      plannedStart: p.plannedStart,
      actualStart: p.actualStart,
      actualCompletion: p.actualCompletion,
      statsRegisteredOn: p.statsRegisteredOn,
      yearPlannedFen: figures.plannedFen,
      completedFen: figures.completedFen,
      previous,
    },
    lightParams,
    asOf,
  );
  await tx
    .update(keyProjects)
    .set({ light: result.light, lightReasons: result.reasons, lightAsOf: asOf, lightSince: result.since })
    .where(eq(keyProjects.id, id));
  return { before: p.light, after: result.light };
}

async function replacePlans(tx: Tx, zoneId: string, id: string, plans: KeyProjectInput['annualPlans']) {
  await tx.delete(keyProjectYears).where(and(eq(keyProjectYears.zoneId, zoneId), eq(keyProjectYears.keyProjectId, id)));
  if (plans.length > 0) {
    await tx.insert(keyProjectYears).values(plans.map((p) => ({ ...p, zoneId, keyProjectId: id })));
  }
}

export async function createKeyProject(db: Db, scope: ZoneScope, input: KeyProjectInput) {
  return db.transaction(async (tx) => {
    await checkRefs(tx, scope, input);
    const { annualPlans, ...fields } = input;
    const [row] = await tx
      .insert(keyProjects)
      .values({ ...fields, zoneId: scope.zoneId })
      .returning();
    await replacePlans(tx, scope.zoneId, row!.id, annualPlans);
    await evaluateLight(tx, scope.zoneId, row!.id);
    const after = await getKeyProject(tx, scope, row!.id);
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'create',
      entity: 'key_project',
      entityId: row!.id,
      after,
    });
    return after!;
  });
}

export async function updateKeyProject(db: Db, scope: ZoneScope, id: string, input: KeyProjectInput) {
  return db.transaction(async (tx) => {
    const before = await getKeyProject(tx, scope, id);
    if (!before) throw notFound();
    await checkRefs(tx, scope, input);
    const { annualPlans, ...fields } = input;
    await tx
      .update(keyProjects)
      .set({ ...fields, updatedAt: new Date() })
      .where(and(eq(keyProjects.zoneId, scope.zoneId), eq(keyProjects.id, id)));
    await replacePlans(tx, scope.zoneId, id, annualPlans);
    await evaluateLight(tx, scope.zoneId, id);
    const after = await getKeyProject(tx, scope, id);
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'update',
      entity: 'key_project',
      entityId: id,
      before,
      after,
    });
    return after!;
  });
}

export async function deleteKeyProject(db: Db, scope: ZoneScope, id: string) {
  await db.transaction(async (tx) => {
    const before = await getKeyProject(tx, scope, id);
    if (!before) throw notFound();
    if (before.pipelineProjectId) throw new AppError(409, 'IN_USE');
    await tx.delete(keyProjects).where(and(eq(keyProjects.zoneId, scope.zoneId), eq(keyProjects.id, id)));
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'delete',
      entity: 'key_project',
      entityId: id,
      before,
    });
  });
}

/** Signing (investment domain, same transaction): open the key project of the signed pipeline project. */
export async function openKeyProjectForSigning(
  tx: Tx,
  scope: ZoneScope,
  p: {
    pipelineProjectId: string;
    name: string;
    enterpriseId: string;
    subParkId: string | null;
    totalInvestmentFen: number;
    level: 'province_top10' | 'city' | 'district';
    plannedStart: string;
    plannedCompletion: string;
    signedOn: string;
  },
) {
  const year = p.signedOn.slice(0, 4);
  const [n] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(keyProjects)
    .where(and(eq(keyProjects.zoneId, scope.zoneId), sql`${keyProjects.code} like ${`KP${year}-%`}`));
  const code = `KP${year}-${String(Number(n?.n ?? 0) + 1).padStart(3, '0')}`;
  const { signedOn: _s, ...fields } = p;
  const [row] = await tx
    .insert(keyProjects)
    .values({ ...fields, zoneId: scope.zoneId, code })
    .returning();
  await evaluateLight(tx, scope.zoneId, row!.id, p.signedOn);
  await recordAudit(tx, {
    actor: scope.actor,
    zoneId: scope.zoneId,
    action: 'open_from_signing',
    entity: 'key_project',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

/** Record one month's completed investment and re-evaluate the light as of today. */
export async function putMonth(db: Db, scope: ZoneScope, id: string, input: MonthInput) {
  return db.transaction(async (tx) => {
    const before = await getKeyProject(tx, scope, id);
    if (!before) throw notFound();
    await tx
      .insert(keyProjectMonths)
      .values({ ...input, zoneId: scope.zoneId, keyProjectId: id })
      .onConflictDoUpdate({
        target: [keyProjectMonths.zoneId, keyProjectMonths.keyProjectId, keyProjectMonths.year, keyProjectMonths.month],
        set: { completedFen: input.completedFen },
      });
    await evaluateLight(tx, scope.zoneId, id);
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'report_month',
      entity: 'key_project',
      entityId: id,
      after: input,
    });
    return (await getKeyProject(tx, scope, id))!;
  });
}

/** Re-evaluate every key project of the zone as of a day (default today); returns how many changed colour. */
export async function recomputeLights(db: Db, scope: ZoneScope, asOf = todayInShanghai()) {
  return db.transaction(async (tx) => {
    const ids = await tx.select({ id: keyProjects.id }).from(keyProjects).where(eq(keyProjects.zoneId, scope.zoneId));
    return recomputeIn(
      tx,
      scope,
      ids.map((r) => r.id),
      asOf,
    );
  });
}

async function recomputeIn(tx: Tx, scope: ZoneScope, ids: string[], asOf: string) {
  let changed = 0;
  for (const id of ids) {
    const r = await evaluateLight(tx, scope.zoneId, id, asOf);
    if (r.before !== r.after) changed++;
  }
  await recordAudit(tx, {
    actor: scope.actor,
    zoneId: scope.zoneId,
    action: 'recompute_lights',
    entity: 'key_project',
    after: { asOf, evaluated: ids.length, changed },
  });
  return { asOf, evaluated: ids.length, changed };
}

/**
 * Call a dispatch meeting: lights are evaluated as of the meeting day, and the agenda is the red and yellow
 * projects (red first) plus every open issue — a snapshot, so the record shows what the meeting looked at.
 */
export async function createMeeting(
  db: Db,
  scope: ZoneScope,
  input: { title: string; kind: 'weekly' | 'biweekly'; heldOn: string; chairName: string },
) {
  return db.transaction(async (tx) => {
    const all = await tx
      .select({ id: keyProjects.id, level: keyProjects.level })
      .from(keyProjects)
      .where(eq(keyProjects.zoneId, scope.zoneId));
    // 双十大 (bi-weekly) meetings look at the province top-ten projects; weekly ones at all key projects.
    const inScope = all.filter((p) => input.kind === 'weekly' || p.level === 'province_top10').map((p) => p.id);
    await recomputeIn(tx, scope, inScope, input.heldOn);
    const flagged =
      inScope.length === 0
        ? []
        : await tx
            .select({
              id: keyProjects.id,
              code: keyProjects.code,
              name: keyProjects.name,
              light: keyProjects.light,
              reasons: keyProjects.lightReasons,
            })
            .from(keyProjects)
            .where(and(inArray(keyProjects.id, inScope), inArray(keyProjects.light, ['red', 'yellow'])))
            .orderBy(sql`case ${keyProjects.light} when 'red' then 0 else 1 end`, keyProjects.code);
    const open = await tx
      .select({
        id: dispatchIssues.id,
        description: dispatchIssues.description,
        dueOn: dispatchIssues.dueOn,
        projectName: sql<string>`coalesce(${keyProjects.name}, '')`,
      })
      .from(dispatchIssues)
      .leftJoin(keyProjects, eq(keyProjects.id, dispatchIssues.keyProjectId))
      .where(and(eq(dispatchIssues.zoneId, scope.zoneId), eq(dispatchIssues.status, 'open')))
      .orderBy(dispatchIssues.dueOn);
    const agenda: AgendaSnapshot = {
      projects: flagged.map((p) => ({ ...p, light: p.light as 'red' | 'yellow' })),
      issues: open,
    };
    const [row] = await tx
      .insert(dispatchMeetings)
      .values({ ...input, zoneId: scope.zoneId, agenda })
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'create',
      entity: 'dispatch_meeting',
      entityId: row!.id,
      after: row,
    });
    return (await getMeeting(tx, scope, row!.id))!;
  });
}

export async function saveMinutes(db: Db, scope: ZoneScope, id: string, minutes: string) {
  return db.transaction(async (tx) => {
    const before = await getMeeting(tx, scope, id);
    if (!before) throw notFound();
    await tx.update(dispatchMeetings).set({ minutes }).where(eq(dispatchMeetings.id, id));
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'minutes',
      entity: 'dispatch_meeting',
      entityId: id,
      before: { minutes: before.minutes },
      after: { minutes },
    });
    return (await getMeeting(tx, scope, id))!;
  });
}

/** An issue of a meeting: the deadline is `workdays` working days after the meeting day (platform calendar). */
export async function addIssue(db: Db, scope: ZoneScope, meetingId: string, input: IssueInput) {
  return db.transaction(async (tx) => {
    const meeting = await getMeeting(tx, scope, meetingId);
    if (!meeting) throw notFound();
    if (input.keyProjectId) {
      const [k] = await tx
        .select({ id: keyProjects.id })
        .from(keyProjects)
        .where(and(eq(keyProjects.zoneId, scope.zoneId), eq(keyProjects.id, input.keyProjectId)));
      if (!k) throw invalid({ keyProjectId: 'UNKNOWN_REFERENCE' });
    }
    if (input.ownerDepartmentId) {
      const [d] = await tx
        .select({ id: departments.id })
        .from(departments)
        .where(and(eq(departments.zoneId, scope.zoneId), eq(departments.id, input.ownerDepartmentId)));
      if (!d) throw invalid({ ownerDepartmentId: 'UNKNOWN_REFERENCE' });
    }
    const due = (await calendarOf(tx)).addWorkdays(meeting.heldOn, input.workdays);
    const [row] = await tx
      .insert(dispatchIssues)
      .values({
        ...input,
        zoneId: scope.zoneId,
        meetingId,
        raisedOn: meeting.heldOn,
        dueOn: due.date,
        dueProvisional: due.provisional,
      })
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'create',
      entity: 'dispatch_issue',
      entityId: row!.id,
      after: row,
    });
    return (await getIssue(tx, scope, row!.id))!;
  });
}

/** 消项: close one issue with a note; closed issues keep their deadline frozen. */
export async function closeIssue(db: Db, scope: ZoneScope, id: string, note: string) {
  return db.transaction(async (tx) => {
    const before = await getIssue(tx, scope, id);
    if (!before) throw notFound();
    if (before.status === 'closed') throw new AppError(409, 'ISSUE_CLOSED');
    await tx
      .update(dispatchIssues)
      .set({ status: 'closed', closedOn: todayInShanghai(), closingNote: note })
      .where(eq(dispatchIssues.id, id));
    const after = await getIssue(tx, scope, id);
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'close',
      entity: 'dispatch_issue',
      entityId: id,
      before,
      after,
    });
    return after!;
  });
}
