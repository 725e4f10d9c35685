import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import {
  ACTION_LABELS,
  type ApprovalRules,
  bundleMaterials,
  type CaseActionInput,
  type CaseInput,
  type ItemInput,
  STATUS_LABELS,
} from '../../../shared/approval';
import { can } from '../../../shared/roles';
import type { ZoneScope } from '../../platform/access';
import { type AuditEntry, recordAudit, recordAudits } from '../../platform/audit';
import { calendarOf, registerDeadlineRecomputer, type WorkCalendar } from '../../platform/calendar';
import type { Db, Executor, Tx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { registerConstraintField } from '../../platform/http/error-handler';
import type { MessageKey } from '../../platform/i18n';
import { departmentInZone } from '../../platform/zone-refs';
import { users } from '../auth/auth.tables';
import { enterprises } from '../enterprises/enterprises.tables';
import { assertFilesUsable } from '../files/files.service';
import { computeClock } from './approval.clock';
import { applyAction, availableActions, type CaseState, type Side, TransitionError } from './approval.machine';
import { issueNotice } from './approval.notices';
import * as repo from './approval.repository';
import { approvalCaseEvents, approvalCases, approvalItems, approvalNotices, approvalRules } from './approval.tables';

registerConstraintField('approval_items_zone_code_uq', 'code');

async function checkDepartment(ex: Executor, scope: ZoneScope, id: string) {
  if (!(await departmentInZone(ex, scope.zoneId, id))) {
    throw new AppError(400, 'VALIDATION', {}, { leadDepartmentId: 'UNKNOWN_REFERENCE' });
  }
}

// ---- catalogue ---------------------------------------------------------------------------------------------------

/**
 * Rule (DOMAIN.md §2 "catalogue derived from the authority list"): an item may only reference a power of the zone's
 * currently published 权责清单 (retained or newly empowered). One exception keeps old links editable: an item whose
 * power was since cancelled may still be saved unchanged as inactive (that is how it is retired).
 */
async function checkAuthority(
  ex: Executor,
  scope: ZoneScope,
  input: ItemInput,
  before?: { authorityItemCode: string | null },
): Promise<string | null> {
  const code = input.authorityItemCode || null;
  if (code === null) return null;
  if (before?.authorityItemCode === code && !input.active) return code;
  const powers = await repo.publishedPowers(ex, scope.zoneId);
  if (!powers.has(code)) {
    throw new AppError(400, 'VALIDATION', { code }, { authorityItemCode: 'AUTHORITY_NOT_PUBLISHED' });
  }
  return code;
}

export async function createItem(db: Db, scope: ZoneScope, input: ItemInput) {
  return db.transaction(async (tx) => {
    await checkDepartment(tx, scope, input.leadDepartmentId);
    const authorityItemCode = await checkAuthority(tx, scope, input);
    const [row] = await tx
      .insert(approvalItems)
      .values({ ...input, authorityItemCode, zoneId: scope.zoneId })
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'create',
      entity: 'approval_item',
      entityId: row!.id,
      after: row,
    });
    return (await repo.getItem(tx, scope, row!.id))!;
  });
}

export async function updateItem(db: Db, scope: ZoneScope, id: string, input: ItemInput) {
  return db.transaction(async (tx) => {
    const before = await repo.getItem(tx, scope, id);
    if (!before) throw notFound();
    await checkDepartment(tx, scope, input.leadDepartmentId);
    const authorityItemCode = await checkAuthority(tx, scope, input, before);
    const [row] = await tx
      .update(approvalItems)
      .set({ ...input, authorityItemCode, updatedAt: new Date() })
      .where(and(eq(approvalItems.zoneId, scope.zoneId), eq(approvalItems.id, id)))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'update',
      entity: 'approval_item',
      entityId: id,
      before,
      after: row,
    });
    return (await repo.getItem(tx, scope, id))!;
  });
}

/** Only an item no case uses; otherwise deactivate it (active = false). */
export async function deleteItem(db: Db, scope: ZoneScope, id: string) {
  await db.transaction(async (tx) => {
    const before = await repo.getItem(tx, scope, id);
    if (!before) throw notFound();
    const [used] = await tx
      .select({ id: approvalCases.id })
      .from(approvalCases)
      .where(and(eq(approvalCases.zoneId, scope.zoneId), sql`${id}::uuid = any(${approvalCases.itemIds})`))
      .limit(1);
    if (used) throw new AppError(409, 'IN_USE');
    await tx.delete(approvalItems).where(and(eq(approvalItems.zoneId, scope.zoneId), eq(approvalItems.id, id)));
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'delete',
      entity: 'approval_item',
      entityId: id,
      before,
    });
  });
}

// ---- rules -------------------------------------------------------------------------------------------------------

export async function rulesView(ex: Executor, scope: ZoneScope, year: number, recomputed = 0) {
  const [inForce, savedYears] = await Promise.all([
    repo.rulesInForce(ex, scope.zoneId, year),
    repo.savedRuleYears(ex, scope.zoneId),
  ]);
  return { year, ...inForce, savedYears, recomputed };
}

/**
 * Save a year's parameters (audited with before/after). When they are in force today (the year is this year or
 * earlier and no later year overrides them), the stored due dates of the zone's open cases are recomputed in the same
 * transaction, so lists and metrics never read deadlines computed under the old caps.
 */
export async function saveRules(db: Db, scope: ZoneScope, year: number, params: ApprovalRules) {
  return db.transaction(async (tx) => {
    const before = await repo.rulesOf(tx, scope.zoneId, year);
    await tx
      .insert(approvalRules)
      .values({ zoneId: scope.zoneId, year, params })
      .onConflictDoUpdate({
        target: [approvalRules.zoneId, approvalRules.year],
        set: { params, updatedAt: new Date() },
      });
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'update',
      entity: 'approval_rules',
      entityId: null,
      before: { year, ...before },
      after: { year, ...params },
    });
    const thisYear = Number(repo.todayInChina().slice(0, 4));
    const inForceToday = (await repo.rulesInForce(tx, scope.zoneId, thisYear)).fromYear === year;
    const recomputed = inForceToday
      ? await recomputeCases(tx, await calendarOf(tx), eq(approvalCases.zoneId, scope.zoneId), { rulesYear: year })
      : 0;
    return rulesView(tx, scope, year, recomputed);
  });
}

// ---- cases -------------------------------------------------------------------------------------------------------

function sideOf(scope: ZoneScope): Side {
  switch (scope.actor.role) {
    case 'enterprise':
    case 'service_officer':
      return 'applicant';
    case 'dept_staff':
      return 'staff';
    default:
      return 'approver';
  }
}

function stateOf(c: repo.CaseRecord): CaseState {
  return {
    status: c.status,
    outcome: c.outcome,
    mode: c.mode,
    joint: c.joint,
    rongqueAllowed: c.rongqueAllowed,
    limitUnit: c.limitUnit,
    committedDays: c.committedDays,
    statutoryDays: c.statutoryDays,
    extensionDays: c.extensionDays,
    extensionApprover: c.extensionApprover,
    materials: c.materials,
    suppliedMaterials: c.suppliedMaterials,
    correctionList: c.correctionList,
    rongqueMaterials: c.rongqueMaterials,
    rongqueDue: c.rongqueDue,
    verificationDue: c.verificationDue,
    suspensions: c.suspensions,
    submittedOn: c.submittedOn,
    acceptedOn: c.acceptedOn,
    decidedOn: c.decidedOn,
    closedOn: c.closedOn,
    lastOn: c.lastOn,
  };
}

/** Stored deadline columns from the clock (lists and metrics read these). */
function storedClock(cal: WorkCalendar, s: CaseState, today: string, rules: ApprovalRules) {
  const clock = computeClock(cal, s, today, rules);
  const decided = s.decidedOn !== null;
  return {
    committedDue: clock.committedDue,
    statutoryDue: clock.statutoryDue,
    deadlineProvisional: clock.provisional,
    handlingDays: decided ? clock.elapsedWorkdays : null,
    committedPassed: decided ? clock.committedPassed : false,
    overdue: decided ? clock.overdue : false,
  };
}

/** Attachments keyed by a known material code, empty lists dropped. */
function cleanAttachments(input: Record<string, string[]> | undefined, known: Set<string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [code, ids] of Object.entries(input ?? {})) {
    if (!known.has(code)) throw new AppError(400, 'VALIDATION', { code }, { attachments: 'UNKNOWN_MATERIAL' });
    if (ids.length > 0) out[code] = [...new Set(ids)];
  }
  return out;
}

function newCaseNo(today: string): string {
  return `SP${today.replaceAll('-', '')}${randomBytes(4).toString('hex').toUpperCase()}`;
}

function transitionError(e: TransitionError): AppError {
  const params = { ...e.params };
  if (e.code === 'INVALID_TRANSITION') {
    const action = ACTION_LABELS[params.action as keyof typeof ACTION_LABELS];
    const status = STATUS_LABELS[params.status as keyof typeof STATUS_LABELS];
    Object.assign(params, {
      actionZh: action?.zh ?? params.action,
      actionEn: action?.en ?? params.action,
      statusZh: status?.zh ?? params.status,
      statusEn: status?.en ?? params.status,
    });
  }
  const status = e.code === 'FORBIDDEN' || e.code === 'EXTENSION_NEEDS_APPROVER' ? 403 : e.field ? 400 : 409;
  const fields = e.field ? { [e.field]: e.code as MessageKey } : undefined;
  return new AppError(status, e.code, params, fields);
}

async function loadPresented(ex: Executor, scope: ZoneScope, id: string) {
  const row = await repo.getCaseRow(ex, scope, id);
  if (!row) throw notFound();
  const today = repo.todayInChina();
  const [cal, rules] = await Promise.all([calendarOf(ex), repo.rulesOf(ex, scope.zoneId, Number(today.slice(0, 4)))]);
  const [presented] = await repo.presentCases(ex, [row], cal, rules, today);
  return presented!;
}

export async function getCase(db: Db, scope: ZoneScope, id: string) {
  const c = await loadPresented(db, scope, id);
  const [events, [row], notices] = await Promise.all([
    repo.caseEvents(db, scope.zoneId, id),
    db.select().from(approvalCases).where(eq(approvalCases.id, id)),
    db
      .select()
      .from(approvalNotices)
      .where(and(eq(approvalNotices.zoneId, scope.zoneId), eq(approvalNotices.caseId, id)))
      .orderBy(approvalNotices.createdAt),
  ]);
  return {
    ...c,
    /** Steps the caller may take now (buttons); the server checks again when one is taken. */
    actions: can(scope.actor.role, 'approval.act')
      ? availableActions(stateOf(row!), sideOf(scope), repo.todayInChina())
      : [],
    notices: notices.map((n) => ({
      id: n.id,
      kind: n.kind,
      noticeNo: n.noticeNo,
      issuedOn: n.issuedOn,
      issuedBy: n.issuedBy,
      content: n.content,
    })),
    events: events.map((e) => ({
      at: e.at.toISOString(),
      on: e.on,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorName: e.actorName,
      reason: e.reason,
      materials: e.materials,
    })),
  };
}

export async function listCases(
  db: Db,
  scope: ZoneScope,
  q: Parameters<typeof repo.casePage>[2] & { current: number; pageSize: number },
) {
  const today = repo.todayInChina();
  const [rows, total, cal, rules] = await Promise.all([
    repo.casePage(db, scope, q, (q.current - 1) * q.pageSize, q.pageSize),
    repo.countCases(db, scope, q),
    calendarOf(db),
    repo.rulesOf(db, scope.zoneId, Number(today.slice(0, 4))),
  ]);
  return { data: await repo.presentCases(db, rows, cal, rules, today), total };
}

async function checkAgent(ex: Executor, scope: ZoneScope, userId: string) {
  const [u] = await ex
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        eq(users.zoneId, scope.zoneId),
        inArray(users.role, ['service_officer', 'dept_staff', 'dept_head']),
      ),
    );
  if (!u) throw new AppError(400, 'VALIDATION', {}, { agentUserId: 'NOT_AN_AGENT' });
}

export async function createCase(db: Db, scope: ZoneScope, input: CaseInput) {
  if (scope.actor.role === 'enterprise' && scope.enterpriseId !== input.enterpriseId) {
    throw new AppError(400, 'VALIDATION', {}, { enterpriseId: 'NOT_OWN_ENTERPRISE' });
  }
  const id = await db.transaction(async (tx) => {
    const [ent] = await tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(and(eq(enterprises.zoneId, scope.zoneId), eq(enterprises.id, input.enterpriseId)));
    if (!ent) throw new AppError(400, 'VALIDATION', {}, { enterpriseId: 'UNKNOWN_REFERENCE' });
    const ids = [...new Set(input.itemIds)];
    const found = await repo.itemsByIds(tx, scope.zoneId, ids);
    const items = ids.map((i) => found.find((f) => f.id === i));
    if (items.some((i) => !i?.active)) throw new AppError(400, 'VALIDATION', {}, { itemIds: 'ITEM_INACTIVE' });
    const list = items as NonNullable<(typeof items)[number]>[];
    if (input.mode === 'commitment' && !list.every((i) => i.modes.includes('commitment'))) {
      throw new AppError(400, 'VALIDATION', {}, { mode: 'COMMITMENT_NOT_ALLOWED' });
    }
    const today = repo.todayInChina();
    const rules = await repo.rulesOf(tx, scope.zoneId, Number(today.slice(0, 4)));
    const joint = list.length > 1 || new Set(list.map((i) => i.leadDepartmentId)).size > 1;
    const statutoryDays = joint ? rules.jointStatutoryDays : list[0]!.statutoryDays;
    const committedDays = Math.min(Math.max(...list.map((i) => i.committedDays)), statutoryDays);
    const materials = bundleMaterials(list);
    const known = new Set(materials.map((m) => m.code));
    const stages = list.map((i) => i.stage).filter((s): s is number => s !== null);
    const attachments = cleanAttachments(input.attachments, known);
    await assertFilesUsable(tx, scope, Object.values(attachments).flat(), 'attachments');
    const supplied = [...input.suppliedMaterials.filter((c) => known.has(c)), ...Object.keys(attachments)];
    const [row] = await tx
      .insert(approvalCases)
      .values({
        zoneId: scope.zoneId,
        caseNo: newCaseNo(today),
        itemIds: ids,
        enterpriseId: input.enterpriseId,
        leadDepartmentId: list[0]!.leadDepartmentId,
        projectCode: input.projectCode,
        projectName: input.projectName,
        stage: stages.length > 0 ? Math.min(...stages) : null,
        mode: input.mode,
        online: input.online,
        joint,
        rongqueAllowed: list.every((i) => i.modes.includes('rongque')),
        limitUnit: list.every((i) => i.limitUnit === 'calendar') ? 'calendar' : 'workday',
        committedDays,
        statutoryDays,
        materialsBeforeBundle: list.reduce((n, i) => n + i.materials.length, 0),
        materials,
        suppliedMaterials: [...new Set(supplied)],
        attachments,
        form: input.form,
        agentUserId: scope.actor.role === 'service_officer' ? scope.actor.userId : null,
      })
      .returning();
    // The audit entries go in last, together: from the audit call to COMMIT every audited write of the zone waits.
    const audits: AuditEntry[] = [
      {
        actor: scope.actor,
        zoneId: scope.zoneId,
        action: 'create',
        entity: 'approval_case',
        entityId: row!.id,
        after: row,
      },
    ];
    await tx.insert(approvalCaseEvents).values({
      zoneId: scope.zoneId,
      caseId: row!.id,
      on: sideOf(scope) === 'applicant' ? today : (input.receivedOn ?? today),
      action: 'create',
      toStatus: 'DRAFT',
      actorName: scope.actor.displayName,
      materials: row!.suppliedMaterials,
    });
    if (input.submit) await act(tx, scope, row!.id, { action: 'submit', on: input.receivedOn }, audits);
    await recordAudits(tx, audits);
    return row!.id;
  });
  return getCase(db, scope, id);
}

/**
 * One step of the state machine, persisted with its event, notice and audit entries in the caller's transaction. The
 * entries are recorded last (the zone's audit chain is held from then to COMMIT); with `audits` they are appended
 * there instead, for the caller to record after its own.
 */
async function act(tx: Tx, scope: ZoneScope, id: string, input: CaseActionInput, audits?: AuditEntry[]) {
  const row = await repo.getCaseRow(tx, scope, id);
  if (!row) throw notFound();
  const [locked] = await tx.select().from(approvalCases).where(eq(approvalCases.id, id)).for('update');
  const c = locked!;
  const today = repo.todayInChina();
  const side = sideOf(scope);
  const on = side === 'applicant' || !input.on ? today : input.on;
  if (on > today) throw new AppError(400, 'VALIDATION', {}, { on: 'DATE_IN_FUTURE' });
  const cal = await calendarOf(tx);
  const rules = await repo.rulesOf(tx, scope.zoneId, Number(on.slice(0, 4)));
  // Files come with the applicant's materials only (resubmit after a correction notice, 容缺 supplement).
  const withFiles = input.action === 'resubmit' || input.action === 'supplement';
  const added = withFiles ? cleanAttachments(input.attachments, new Set(c.materials.map((m) => m.code))) : {};
  await assertFilesUsable(tx, scope, Object.values(added).flat(), 'attachments');
  const materials = [...new Set([...(input.materials ?? []), ...Object.keys(added)])];
  let next: CaseState;
  try {
    next = applyAction(
      cal,
      stateOf(c),
      {
        action: input.action,
        on,
        side,
        actorName: scope.actor.displayName,
        reason: input.reason,
        materials: input.materials === undefined && materials.length === 0 ? undefined : materials,
        suspensionType: input.suspensionType,
      },
      rules,
    );
  } catch (e) {
    if (e instanceof TransitionError) throw transitionError(e);
    throw e;
  }
  const [after] = await tx
    .update(approvalCases)
    .set({
      ...next,
      ...storedClock(cal, next, today, rules),
      attachments: mergeAttachments(c.attachments, added),
      updatedAt: new Date(),
    })
    .where(eq(approvalCases.id, id))
    .returning();
  await tx.insert(approvalCaseEvents).values({
    zoneId: scope.zoneId,
    caseId: id,
    on,
    action: input.action,
    fromStatus: c.status,
    toStatus: next.status,
    actorName: scope.actor.displayName,
    reason: input.reason ?? (input.suspensionType ? input.suspensionType : null),
    materials,
  });
  const entries: AuditEntry[] = [
    {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: input.action,
      entity: 'approval_case',
      entityId: id,
      before: c,
      after,
    },
  ];
  const notice = await issueNotice(tx, cal, scope, c, after!, input, on, rules);
  if (notice) entries.push(notice);
  if (audits) audits.push(...entries);
  else await recordAudits(tx, entries);
}

function mergeAttachments(a: Record<string, string[]>, b: Record<string, string[]>): Record<string, string[]> {
  const out = { ...a };
  for (const [code, ids] of Object.entries(b)) out[code] = [...new Set([...(out[code] ?? []), ...ids])];
  return out;
}

export async function actOnCase(db: Db, scope: ZoneScope, id: string, input: CaseActionInput) {
  await db.transaction((tx) => act(tx, scope, id, input));
  return getCase(db, scope, id);
}

/** 帮代办: assign (or clear) the zone agent who files and follows the case for the enterprise. */
export async function assignAgent(db: Db, scope: ZoneScope, id: string, agentUserId: string | null) {
  await db.transaction(async (tx) => {
    const row = await repo.getCaseRow(tx, scope, id);
    if (!row) throw notFound();
    if (agentUserId) await checkAgent(tx, scope, agentUserId);
    await tx.update(approvalCases).set({ agentUserId, updatedAt: new Date() }).where(eq(approvalCases.id, id));
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'assign_agent',
      entity: 'approval_case',
      entityId: id,
      before: { agentUserId: row.c.agentUserId },
      after: { agentUserId },
    });
  });
  return getCase(db, scope, id);
}

// ---- calendar changes ----------------------------------------------------------------------------------------------

/**
 * When an arrangement is published, open cases whose clock touches a changed year (accepted in it, or due in or
 * after it) or whose deadline was provisional get their due dates recomputed. Decided and closed cases stay frozen.
 */
export async function recomputeOpenCases(tx: Tx, changedYears: number[], cal: WorkCalendar): Promise<number> {
  if (changedYears.length === 0) return 0;
  const first = `${Math.min(...changedYears)}-01-01`;
  return recomputeCases(
    tx,
    cal,
    or(
      eq(approvalCases.deadlineProvisional, true),
      sql`${approvalCases.statutoryDue} >= ${first}::date`,
      sql`${approvalCases.submittedOn} >= ${first}::date`,
    ) as SQL,
    { changedYears },
  );
}

/** Recompute the stored due dates of open (undecided, unclosed) cases matching `where`; one audit entry per change. */
async function recomputeCases(tx: Tx, cal: WorkCalendar, where: SQL, cause: Record<string, unknown>): Promise<number> {
  const rows = await tx
    .select()
    .from(approvalCases)
    .where(and(isNull(approvalCases.decidedOn), isNull(approvalCases.closedOn), where));
  const today = repo.todayInChina();
  const rulesByZone = new Map<string, ApprovalRules>();
  let changed = 0;
  for (const c of rows) {
    let rules = rulesByZone.get(c.zoneId);
    if (!rules) {
      rules = await repo.rulesOf(tx, c.zoneId, Number(today.slice(0, 4)));
      rulesByZone.set(c.zoneId, rules);
    }
    const s = stateOf(c);
    const stored = storedClock(cal, s, today, rules);
    const rongqueDue =
      c.acceptedOn && c.rongqueMaterials.length > 0
        ? cal.addWorkdays(c.acceptedOn, rules.rongqueDays).date
        : c.rongqueDue;
    if (
      stored.committedDue === c.committedDue &&
      stored.statutoryDue === c.statutoryDue &&
      stored.deadlineProvisional === c.deadlineProvisional &&
      rongqueDue === c.rongqueDue
    ) {
      continue;
    }
    await tx
      .update(approvalCases)
      .set({
        committedDue: stored.committedDue,
        statutoryDue: stored.statutoryDue,
        deadlineProvisional: stored.deadlineProvisional,
        rongqueDue,
        updatedAt: new Date(),
      })
      .where(eq(approvalCases.id, c.id));
    await recordAudit(tx, {
      actor: null,
      zoneId: c.zoneId,
      action: 'recompute_deadlines',
      entity: 'approval_case',
      entityId: c.id,
      before: { committedDue: c.committedDue, statutoryDue: c.statutoryDue, rongqueDue: c.rongqueDue },
      after: { committedDue: stored.committedDue, statutoryDue: stored.statutoryDue, rongqueDue, ...cause },
    });
    changed++;
  }
  return changed;
}

registerDeadlineRecomputer('approval', recomputeOpenCases);
