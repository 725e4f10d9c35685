import { and, count, desc, eq, gte, inArray, like, or } from 'drizzle-orm';
import type {
  DemandInput,
  DemandRateInput,
  DemandResolveInput,
  DemandRouteInput,
  DemandStatus,
} from '../../../shared/services';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { calendarOf, type DeadlineRecomputer, registerDeadlineRecomputer } from '../../platform/calendar';
import type { Db, Executor, Tx } from '../../platform/db';
import { lockSeries } from '../../platform/db';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors';
import { enterprises } from '../enterprises/enterprises.tables';
import { registerTimelineSource } from '../enterprises/enterprises.timeline';
import { assertFilesUsable } from '../files/files.service';
import { departments } from '../org/org.tables';
import { getDepartment as getDistrictDepartment } from '../reform/reform.whistle.repository';
import { raiseWhistle, registerWhistleFollower } from '../reform/reform.whistle.service';
import { type DemandRow, demandScope, getDemand, getDemandInZone, OPEN_STATUSES } from './demands.repository';
import { demandDeadlines, rulesFor, rulesOfZones, shanghaiToday } from './services.rules';
import { demandRoutingRules, demands, visits } from './services.tables';

const yearOf = (iso: string) => Number(iso.slice(0, 4));
const DISPATCHERS = ['admin', 'zone_leader', 'service_officer'] as const;
const isDispatcher = (scope: ZoneScope) => (DISPATCHERS as readonly string[]).includes(scope.actor.role);

function wrongState(status: DemandStatus): AppError {
  return new AppError(409, 'DEMAND_WRONG_STATE', { status });
}

async function load(tx: Executor, scope: ZoneScope, id: string, today: string): Promise<DemandRow> {
  const d = await getDemand(tx, scope, id, today);
  if (!d) throw notFound();
  return d;
}

/**
 * Who may work a routed demand: the department it is routed to (head or staff), or a leader/admin; a demand sent
 * to an outside body is followed up by the dispatchers (service officers), leaders and admin.
 */
function assertHandler(scope: ZoneScope, d: DemandRow): void {
  const role = scope.actor.role;
  if (role === 'admin' || role === 'zone_leader') return;
  if (d.routeKind === 'external') {
    if (role === 'service_officer') return;
    throw forbidden();
  }
  if ((role === 'dept_head' || role === 'dept_staff') && d.departmentId && d.departmentId === scope.departmentId)
    return;
  throw forbidden();
}

async function audit(
  tx: Tx,
  scope: ZoneScope,
  action: string,
  before: DemandRow | null,
  id: string,
  note = '',
  row?: typeof demands.$inferSelect,
) {
  const [after] = row ? [row] : await tx.select().from(demands).where(eq(demands.id, id));
  await recordAudit(tx, {
    actor: scope.actor,
    zoneId: scope.zoneId,
    action,
    entity: 'demand',
    entityId: id,
    before,
    after: { ...after, note },
  });
}

/**
 * 诉求编号 SQ<year><nnnnn>: one more than the zone's highest of the year. The newest serial is the last entry of the
 * (zone, serial) unique index, read backwards: one index probe however many demands the zone has. Counting them (as
 * before) read every serial of the year while holding the series lock. A serial past 99999 no longer sorts last
 * (SQ2026100000 < SQ202699999), and a malformed one does not parse: then the count decides, as it used to.
 */
async function nextSerial(tx: Tx, zoneId: string, year: number): Promise<string> {
  const prefix = `SQ${year}`;
  await lockSeries(tx, zoneId, prefix);
  const [last] = await tx
    .select({ serial: demands.serial })
    .from(demands)
    .where(and(eq(demands.zoneId, zoneId), like(demands.serial, `${prefix}%`)))
    .orderBy(desc(demands.serial))
    .limit(1);
  let n = last ? Number(last.serial.slice(prefix.length)) : 0;
  if (!Number.isSafeInteger(n) || n >= 99_999) {
    const [row] = await tx
      .select({ n: count() })
      .from(demands)
      .where(and(eq(demands.zoneId, zoneId), like(demands.serial, `${prefix}%`)));
    n = row?.n ?? 0;
  }
  return `${prefix}${String(n + 1).padStart(5, '0')}`;
}

/** 分类派单: the department of the first tag that has a routing rule, in the order the tags were given. */
export async function routeByTags(tx: Tx, zoneId: string, tags: readonly string[]): Promise<string | null> {
  if (tags.length === 0) return null;
  const rules = await tx
    .select({ tag: demandRoutingRules.tag, departmentId: demandRoutingRules.departmentId })
    .from(demandRoutingRules)
    .where(and(eq(demandRoutingRules.zoneId, zoneId), inArray(demandRoutingRules.tag, [...tags] as never[])));
  for (const t of tags) {
    const hit = rules.find((r) => r.tag === t);
    if (hit) return hit.departmentId;
  }
  return null;
}

/** A new demand from the portal (enterprise users: their own enterprise only), a visit or the hotline. */
export async function createDemand(db: Db, scope: ZoneScope, input: DemandInput, now = new Date()) {
  const today = shanghaiToday(now);
  const isEnterprise = scope.actor.role === 'enterprise';
  if (isEnterprise && input.enterpriseId !== scope.enterpriseId) throw invalid({ enterpriseId: 'UNKNOWN_REFERENCE' });
  const receivedOn = isEnterprise ? today : (input.receivedOn ?? today);
  if (receivedOn > today) throw invalid({ receivedOn: 'DATE_IN_FUTURE' });
  const source = isEnterprise ? 'portal' : input.source;
  const id = await db.transaction(async (tx) => {
    const [e] = await tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(and(eq(enterprises.zoneId, scope.zoneId), eq(enterprises.id, input.enterpriseId)));
    if (!e) throw invalid({ enterpriseId: 'UNKNOWN_REFERENCE' });
    if (input.visitId) {
      const [v] = await tx
        .select({ id: visits.id })
        .from(visits)
        .where(
          and(
            eq(visits.zoneId, scope.zoneId),
            eq(visits.id, input.visitId),
            eq(visits.enterpriseId, input.enterpriseId),
          ),
        );
      if (!v) throw invalid({ visitId: 'UNKNOWN_REFERENCE' });
    }
    const calendar = await calendarOf(tx);
    const rules = await rulesFor(tx, scope.zoneId, yearOf(receivedOn));
    const departmentId = await routeByTags(tx, scope.zoneId, input.tags);
    const [row] = await tx
      .insert(demands)
      .values({
        zoneId: scope.zoneId,
        serial: await nextSerial(tx, scope.zoneId, yearOf(receivedOn)),
        enterpriseId: input.enterpriseId,
        title: input.title,
        content: input.content,
        source,
        tags: input.tags,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
        visitId: input.visitId,
        status: departmentId ? 'assigned' : 'pending_route',
        routeKind: departmentId ? 'department' : null,
        departmentId,
        receivedOn,
        cycleStartOn: receivedOn,
        ...demandDeadlines(calendar, receivedOn, rules, false),
        createdBy: scope.actor.userId,
      })
      .returning();
    await audit(tx, scope, 'create', null, row!.id, '', row);
    return row!.id;
  });
  // Read back after COMMIT: from the serial's lock to COMMIT, the zone's other new demands wait.
  return load(db, scope, id, today);
}

/**
 * 分派 / 吹哨: send a demand that nobody has signed yet to a department, or to an outside body. Whistling raises a
 * matter in the reform module's 园区吹哨 register (origin enterprise_demand, response deadline from the outside
 * body's rule) in the same transaction and links it to the demand. A matter raised by an earlier routing stays in
 * the register (it was sent); the demand then points at the newest one.
 */
export async function routeDemand(db: Db, scope: ZoneScope, id: string, input: DemandRouteInput, now = new Date()) {
  const today = shanghaiToday(now);
  return db.transaction(async (tx) => {
    const d = await load(tx, scope, id, today);
    if (d.status !== 'pending_route' && d.status !== 'assigned') throw wrongState(d.status);
    let routed: { departmentId: string | null; externalBody: string | null; whistleId: string | null };
    if (input.kind === 'department') {
      const [dep] = await tx
        .select({ id: departments.id })
        .from(departments)
        .where(and(eq(departments.zoneId, scope.zoneId), eq(departments.id, input.departmentId)));
      if (!dep) throw invalid({ departmentId: 'UNKNOWN_REFERENCE' });
      routed = { departmentId: dep.id, externalBody: null, whistleId: null };
    } else {
      const body = await getDistrictDepartment(tx, scope, input.districtDepartmentId);
      if (!body) throw invalid({ districtDepartmentId: 'UNKNOWN_REFERENCE' });
      const whistle = await raiseWhistle(tx, scope, {
        title: `${d.serial} ${d.enterpriseName}：${d.title}`.slice(0, 200),
        detail: [d.content, input.note].filter(Boolean).join('\n').slice(0, 2000),
        departmentId: body.id,
        raisedOn: today,
        responseDays: input.responseDays,
        origin: 'enterprise_demand',
        originRef: d.id,
      });
      routed = { departmentId: null, externalBody: whistle.departmentName, whistleId: whistle.id };
    }
    await tx
      .update(demands)
      .set({ status: 'assigned', routeKind: input.kind, ...routed, updatedAt: now })
      .where(eq(demands.id, id));
    await audit(tx, scope, input.kind === 'external' ? 'whistle' : 'route', d, id, input.note);
    return load(tx, scope, id, today);
  });
}

/**
 * 吹哨回流: the outside body's response to the matter a demand raised is the demand's reply (signed and replied on
 * the response date), its closure the demand's resolution (the closure note; the enterprise's satisfaction callback
 * then closes the demand as for any other). Runs in the reform transaction that recorded the response or closure,
 * with the demand's own audit event (its history). Only the demand's current whistle counts (a demand returned and
 * routed again points at a newer one); a step the demand has already passed changes nothing but the history.
 */
registerWhistleFollower('enterprise_demand', async (tx, scope, event, w) => {
  const today = shanghaiToday();
  const d = await getDemandInZone(tx, scope.zoneId, w.originRef!, today);
  if (!d || d.whistleId !== w.id) return;
  const now = new Date();
  const answer = `${d.externalBody ?? ''}：${w.response}`.slice(0, 4000);
  if (event === 'respond') {
    const on = w.respondedOn ?? today;
    if (d.status === 'assigned' || d.status === 'signed') {
      const signedOn = d.signedOn ?? on;
      await tx
        .update(demands)
        .set({
          status: 'replied',
          signedOn,
          repliedOn: on,
          reply: answer,
          allOnTime: d.allOnTime && signedOn <= d.signDue && on <= d.replyDue,
          updatedAt: now,
        })
        .where(eq(demands.id, d.id));
    }
    await audit(tx, scope, 'whistle_respond', d, d.id, answer);
    return;
  }
  const on = w.closedOn ?? today;
  const resolution = (w.closureNote || w.response).slice(0, 4000);
  if (d.status === 'assigned' || d.status === 'signed' || d.status === 'replied') {
    const signedOn = d.signedOn ?? w.respondedOn ?? on;
    const repliedOn = d.repliedOn ?? w.respondedOn ?? on;
    await tx
      .update(demands)
      .set({
        status: 'resolved',
        signedOn,
        repliedOn,
        reply: d.reply ?? answer,
        resolvedOn: on,
        resolution,
        allOnTime: d.allOnTime && signedOn <= d.signDue && repliedOn <= d.replyDue && on <= d.resolveDue,
        updatedAt: now,
      })
      .where(eq(demands.id, d.id));
  }
  await audit(tx, scope, 'whistle_close', d, d.id, resolution);
});

/** The department says the demand is not its business: back to the dispatchers, with a reason. */
export async function returnDemand(db: Db, scope: ZoneScope, id: string, reason: string, now = new Date()) {
  const today = shanghaiToday(now);
  return db.transaction(async (tx) => {
    const d = await load(tx, scope, id, today);
    assertHandler(scope, d);
    if (d.status !== 'assigned') throw wrongState(d.status);
    await tx
      .update(demands)
      .set({
        status: 'pending_route',
        routeKind: null,
        departmentId: null,
        externalBody: null,
        whistleId: null,
        updatedAt: now,
      })
      .where(eq(demands.id, id));
    await audit(tx, scope, 'return', d, id, reason);
    return (await getDemandInZone(tx, scope.zoneId, id, today))!;
  });
}

/** 签收. A missed limit marks the demand as not on time for good. */
export async function signDemand(db: Db, scope: ZoneScope, id: string, now = new Date()) {
  const today = shanghaiToday(now);
  return db.transaction(async (tx) => {
    const d = await load(tx, scope, id, today);
    assertHandler(scope, d);
    if (d.status !== 'assigned') throw wrongState(d.status);
    await tx
      .update(demands)
      .set({ status: 'signed', signedOn: today, allOnTime: d.allOnTime && today <= d.signDue, updatedAt: now })
      .where(eq(demands.id, id));
    await audit(tx, scope, 'sign', d, id);
    return load(tx, scope, id, today);
  });
}

/** 答复: the department's first answer to the enterprise (how and when it will be solved). */
export async function replyDemand(db: Db, scope: ZoneScope, id: string, reply: string, now = new Date()) {
  const today = shanghaiToday(now);
  return db.transaction(async (tx) => {
    const d = await load(tx, scope, id, today);
    assertHandler(scope, d);
    if (d.status !== 'signed') throw wrongState(d.status);
    await tx
      .update(demands)
      .set({
        status: 'replied',
        repliedOn: today,
        reply,
        allOnTime: d.allOnTime && today <= d.replyDue,
        updatedAt: now,
      })
      .where(eq(demands.id, id));
    await audit(tx, scope, 'reply', d, id, reply);
    return load(tx, scope, id, today);
  });
}

/** 复杂件: the resolution limit becomes complexDays (counted from the same cycle start); once per cycle. */
export async function markComplex(db: Db, scope: ZoneScope, id: string, reason: string, now = new Date()) {
  const today = shanghaiToday(now);
  if (scope.actor.role === 'dept_staff') throw forbidden();
  return db.transaction(async (tx) => {
    const d = await load(tx, scope, id, today);
    assertHandler(scope, d);
    if (d.status !== 'signed' && d.status !== 'replied') throw wrongState(d.status);
    if (d.complex) throw new AppError(409, 'DEMAND_ALREADY_COMPLEX');
    const calendar = await calendarOf(tx);
    const rules = await rulesFor(tx, scope.zoneId, yearOf(d.cycleStartOn));
    const due = demandDeadlines(calendar, d.cycleStartOn, rules, true);
    await tx
      .update(demands)
      .set({
        complex: true,
        complexReason: reason,
        resolveDue: due.resolveDue,
        deadlineProvisional: due.deadlineProvisional,
        updatedAt: now,
      })
      .where(eq(demands.id, id));
    await audit(tx, scope, 'complex', d, id, reason);
    return load(tx, scope, id, today);
  });
}

/** 办结 with evidence of resolution. A demand not replied to yet counts the resolution as the reply. */
export async function resolveDemand(db: Db, scope: ZoneScope, id: string, input: DemandResolveInput, now = new Date()) {
  const today = shanghaiToday(now);
  return db.transaction(async (tx) => {
    const d = await load(tx, scope, id, today);
    assertHandler(scope, d);
    if (d.status !== 'signed' && d.status !== 'replied') throw wrongState(d.status);
    await assertFilesUsable(tx, scope, input.evidenceFileIds, 'evidenceFileIds');
    const repliedOn = d.repliedOn ?? today;
    const onTime = d.allOnTime && repliedOn <= d.replyDue && today <= d.resolveDue;
    await tx
      .update(demands)
      .set({
        status: 'resolved',
        repliedOn,
        reply: d.reply ?? input.resolution,
        resolvedOn: today,
        resolution: input.resolution,
        evidenceFileIds: input.evidenceFileIds,
        evidenceNote: input.evidenceNote || null,
        allOnTime: onTime,
        updatedAt: now,
      })
      .where(eq(demands.id, id));
    await audit(tx, scope, 'resolve', d, id, input.resolution);
    return load(tx, scope, id, today);
  });
}

/** A new handling cycle from `today`: back to the same department (or outside body) to sign again. */
async function reopen(tx: Tx, scope: ZoneScope, d: DemandRow, today: string, now: Date) {
  const calendar = await calendarOf(tx);
  const rules = await rulesFor(tx, scope.zoneId, yearOf(today));
  await tx
    .update(demands)
    .set({
      status: d.routeKind ? 'assigned' : 'pending_route',
      cycleStartOn: today,
      ...demandDeadlines(calendar, today, rules, false),
      complex: false,
      complexReason: null,
      signedOn: null,
      repliedOn: null,
      resolvedOn: null,
      closedOn: null,
      escalationLevel: 0,
      escalatedOn: null,
      reopenCount: d.reopenCount + 1,
      updatedAt: now,
    })
    .where(eq(demands.id, d.id));
}

/**
 * 满意度回访: the enterprise rates a resolved demand on the portal (its own only), or a dispatcher records a phone
 * or visit callback. Satisfied / basically satisfied closes it; unsatisfied reopens it for a new cycle.
 */
export async function rateDemand(db: Db, scope: ZoneScope, id: string, input: DemandRateInput, now = new Date()) {
  const today = shanghaiToday(now);
  const isEnterprise = scope.actor.role === 'enterprise';
  if (!isEnterprise && !isDispatcher(scope)) throw forbidden();
  const channel = isEnterprise ? 'portal' : input.channel;
  if (!channel || (!isEnterprise && channel === 'portal')) throw invalid({ channel: 'REQUIRED' });
  return db.transaction(async (tx) => {
    const d = await load(tx, scope, id, today);
    if (d.status !== 'resolved') throw wrongState(d.status);
    await tx
      .update(demands)
      .set({
        satisfaction: input.satisfaction,
        satisfactionComment: input.comment,
        callbackChannel: channel,
        ...(input.satisfaction === 'unsatisfied' ? {} : { status: 'closed' as const, closedOn: today }),
        updatedAt: now,
      })
      .where(eq(demands.id, id));
    if (input.satisfaction === 'unsatisfied') await reopen(tx, scope, d, today, now);
    await audit(tx, scope, input.satisfaction === 'unsatisfied' ? 'rate_reopen' : 'rate', d, id, input.comment);
    return load(tx, scope, id, today);
  });
}

/** A dispatcher reopens a resolved or closed demand (the problem came back), with a reason. */
export async function reopenDemand(db: Db, scope: ZoneScope, id: string, reason: string, now = new Date()) {
  const today = shanghaiToday(now);
  return db.transaction(async (tx) => {
    const d = await load(tx, scope, id, today);
    if (d.status !== 'resolved' && d.status !== 'closed') throw wrongState(d.status);
    await reopen(tx, scope, d, today, now);
    await audit(tx, scope, 'reopen', d, id, reason);
    return load(tx, scope, id, today);
  });
}

/**
 * 督办升级, as of a date: an open demand that missed a limit goes to the department head (level 1); one whose
 * resolution is `leaderEscalationDays` working days late, to the zone leader (level 2). Levels only rise.
 * Returns how many demands went up a level (each with its own audit event).
 */
export async function runEscalations(db: Db, scope: ZoneScope, asOf: string) {
  return db.transaction(async (tx) => {
    const calendar = await calendarOf(tx);
    const open = await tx
      .select()
      .from(demands)
      .where(
        and(
          eq(demands.zoneId, scope.zoneId),
          inArray(demands.status, [...OPEN_STATUSES]),
          or(eq(demands.escalationLevel, 0), eq(demands.escalationLevel, 1)),
        ),
      );
    let raised = 0;
    for (const d of open) {
      const rules = await rulesFor(tx, scope.zoneId, yearOf(d.cycleStartOn));
      let level = 0;
      const missed = (!d.signedOn && d.signDue < asOf) || (!d.repliedOn && d.replyDue < asOf) || d.resolveDue < asOf;
      if (missed) level = 1;
      if (d.resolveDue < asOf && calendar.workdaysBetween(d.resolveDue, asOf).workdays >= rules.leaderEscalationDays) {
        level = 2;
      }
      if (level <= d.escalationLevel) continue;
      await tx
        .update(demands)
        .set({ escalationLevel: level, escalatedOn: asOf, updatedAt: new Date() })
        .where(eq(demands.id, d.id));
      const before = { ...d };
      const [after] = await tx.select().from(demands).where(eq(demands.id, d.id));
      await recordAudit(tx, {
        actor: scope.actor,
        zoneId: scope.zoneId,
        action: level === 2 ? 'escalate_leader' : 'escalate_head',
        entity: 'demand',
        entityId: d.id,
        before,
        after: { ...after, note: asOf },
      });
      raised++;
    }
    return { asOf, escalated: raised };
  });
}

/**
 * After a new calendar arrangement: recompute the deadlines of OPEN demands whose cycle touches a changed year
 * (started in it, or due in or after it) or whose deadlines were provisional. Resolved and closed demands keep
 * their deadlines. Each change is audited on the demand.
 */
export const recomputeDemandDeadlines: DeadlineRecomputer = async (tx, changedYears, calendar) => {
  const first = `${Math.min(...changedYears)}-01-01`;
  const open = await tx
    .select()
    .from(demands)
    .where(
      and(
        inArray(demands.status, [...OPEN_STATUSES]),
        or(eq(demands.deadlineProvisional, true), gte(demands.resolveDue, first), gte(demands.cycleStartOn, first)),
      ),
    );
  const rulesOf = await rulesOfZones(tx, [...new Set(open.map((d) => d.zoneId))]);
  let changed = 0;
  for (const d of open) {
    const due = demandDeadlines(calendar, d.cycleStartOn, rulesOf(d.zoneId, yearOf(d.cycleStartOn)), d.complex);
    if (
      due.signDue === d.signDue &&
      due.replyDue === d.replyDue &&
      due.resolveDue === d.resolveDue &&
      due.deadlineProvisional === d.deadlineProvisional
    ) {
      continue;
    }
    await tx
      .update(demands)
      .set({ ...due, updatedAt: new Date() })
      .where(eq(demands.id, d.id));
    await recordAudit(tx, {
      actor: null,
      zoneId: d.zoneId,
      action: 'recompute_deadlines',
      entity: 'demand',
      entityId: d.id,
      before: {
        signDue: d.signDue,
        replyDue: d.replyDue,
        resolveDue: d.resolveDue,
        provisional: d.deadlineProvisional,
      },
      after: { ...due, note: `calendar ${changedYears.join(',')}` },
    });
    changed++;
  }
  return changed;
};
registerDeadlineRecomputer('demands', recomputeDemandDeadlines);

// Enterprise timeline: each demand as raised, with its current state.
registerTimelineSource('demands', async (ex, scope, enterpriseId) => {
  const list = await ex
    .select()
    .from(demands)
    .where(and(demandScope(scope), eq(demands.enterpriseId, enterpriseId)))
    .orderBy(desc(demands.receivedOn))
    .limit(100);
  return list.map((d) => ({
    id: `demand:${d.id}`,
    at: new Date(`${d.receivedOn}T09:00:00+08:00`).toISOString(),
    source: 'demands',
    action: `demand_${d.status}`,
    actorName: null,
    fields: [],
    summary: `${d.serial} ${d.title}`,
  }));
});
