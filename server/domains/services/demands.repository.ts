import { and, arrayContains, asc, count, desc, eq, gt, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { todayInChina } from '../../../shared/china-time';
import type { Demand, DemandListQuery } from '../../../shared/services';
import type { ZoneScope } from '../../platform/access';
import { auditEvents } from '../../platform/audit.tables';
import type { Executor } from '../../platform/db';
import { likePattern, offsetOf, orderBy } from '../../platform/db/paging';
import { enterprises } from '../enterprises/enterprises.tables';
import { departments } from '../org/org.tables';
import { reformWhistles } from '../reform/reform.tables';
import { demands } from './services.tables';

export const OPEN_STATUSES = ['pending_route', 'assigned', 'signed', 'replied'] as const;

/**
 * Who sees which demand: an enterprise user only its own enterprise's; department head and staff only what is
 * routed to their department; dispatchers (service officers), leaders, auditors, province viewers the zone's.
 */
export function demandScope(scope: ZoneScope): SQL {
  const base = eq(demands.zoneId, scope.zoneId);
  const role = scope.actor.role;
  if (role === 'enterprise') {
    return scope.enterpriseId ? (and(base, eq(demands.enterpriseId, scope.enterpriseId)) as SQL) : sql`false`;
  }
  if (role === 'dept_head' || role === 'dept_staff') {
    return scope.departmentId ? (and(base, eq(demands.departmentId, scope.departmentId)) as SQL) : sql`false`;
  }
  return base;
}

/** A limit missed as of `today` (SQL twin of overdueOf). */
function overdueSql(today: string): SQL {
  return and(
    inArray(demands.status, [...OPEN_STATUSES]),
    or(
      and(isNull(demands.signedOn), lt(demands.signDue, today)),
      and(isNull(demands.repliedOn), lt(demands.replyDue, today)),
      lt(demands.resolveDue, today),
    ),
  ) as SQL;
}

type DemandRecord = typeof demands.$inferSelect;

export function overdueOf(d: DemandRecord, today: string): Demand['overdue'] {
  if (!(OPEN_STATUSES as readonly string[]).includes(d.status)) return null;
  if (!d.signedOn && d.signDue < today) return 'sign';
  if (!d.repliedOn && d.replyDue < today) return 'reply';
  if (d.resolveDue < today) return 'resolve';
  return null;
}

const columns = {
  d: demands,
  enterpriseName: enterprises.name,
  departmentName: departments.name,
  whistleCode: reformWhistles.code,
  whistleStatus: reformWhistles.status,
};

export type DemandRow = DemandRecord & {
  enterpriseName: string;
  departmentName: string | null;
  whistleCode: string | null;
  whistleStatus: Demand['whistleStatus'];
  overdue: Demand['overdue'];
  onTime: boolean | null;
};

function flatten(today: string) {
  return (r: {
    d: DemandRecord;
    enterpriseName: string;
    departmentName: string | null;
    whistleCode: string | null;
    whistleStatus: Demand['whistleStatus'];
  }): DemandRow => ({
    ...r.d,
    enterpriseName: r.enterpriseName,
    departmentName: r.departmentName,
    whistleCode: r.whistleCode,
    whistleStatus: r.whistleStatus,
    overdue: overdueOf(r.d, today),
    onTime: r.d.status === 'resolved' || r.d.status === 'closed' ? r.d.allOnTime : null,
  });
}

export function demandQuery(scope: ZoneScope, q: Omit<DemandListQuery, 'current' | 'pageSize'>, today: string) {
  const where: SQL[] = [demandScope(scope)];
  if (q.status) where.push(eq(demands.status, q.status));
  if (q.source) where.push(eq(demands.source, q.source));
  if (q.tag) where.push(arrayContains(demands.tags, [q.tag]));
  if (q.departmentId) where.push(eq(demands.departmentId, q.departmentId));
  if (q.enterpriseId) where.push(eq(demands.enterpriseId, q.enterpriseId));
  if (q.overdue === 'yes') where.push(overdueSql(today));
  if (q.overdue === 'no') where.push(sql`not (${overdueSql(today)})`);
  if (q.escalated === 'yes') where.push(gt(demands.escalationLevel, 0));
  if (q.escalated === 'no') where.push(eq(demands.escalationLevel, 0));
  if (q.q) {
    const p = likePattern(q.q.trim());
    where.push(
      or(
        sql`${demands.title} ilike ${p}`,
        sql`${demands.serial} ilike ${p}`,
        sql`${enterprises.name} ilike ${p}`,
      ) as SQL,
    );
  }
  const order = orderBy(
    q,
    {
      receivedOn: demands.receivedOn,
      resolveDue: demands.resolveDue,
      serial: demands.serial,
      updatedAt: demands.updatedAt,
    },
    desc(demands.receivedOn),
    demands.id,
  );
  return { cond: and(...where), order };
}

function base(ex: Executor) {
  return ex
    .select(columns)
    .from(demands)
    .innerJoin(enterprises, eq(enterprises.id, demands.enterpriseId))
    .leftJoin(departments, eq(departments.id, demands.departmentId))
    .leftJoin(reformWhistles, eq(reformWhistles.id, demands.whistleId));
}

export async function demandPage(
  ex: Executor,
  scope: ZoneScope,
  q: Omit<DemandListQuery, 'current' | 'pageSize'>,
  today: string,
  offset: number,
  limit: number,
): Promise<DemandRow[]> {
  const { cond, order } = demandQuery(scope, q, today);
  const list = await base(ex)
    .where(cond)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  return list.map(flatten(today));
}

export async function listDemands(ex: Executor, scope: ZoneScope, q: DemandListQuery, today: string) {
  const { cond } = demandQuery(scope, q, today);
  const [data, [total]] = await Promise.all([
    demandPage(ex, scope, q, today, offsetOf(q), q.pageSize),
    ex
      .select({ n: count() })
      .from(demands)
      .innerJoin(enterprises, eq(enterprises.id, demands.enterpriseId))
      .where(cond),
  ]);
  return { data, total: total?.n ?? 0 };
}

export async function getDemand(ex: Executor, scope: ZoneScope, id: string, today: string) {
  const [row] = await base(ex).where(and(demandScope(scope), eq(demands.id, id)));
  return row ? flatten(today)(row) : undefined;
}

/** A demand of the zone whoever may see it (after a change that moved it out of the caller's view). */
export async function getDemandInZone(ex: Executor, zoneId: string, id: string, today: string) {
  const [row] = await base(ex).where(and(eq(demands.zoneId, zoneId), eq(demands.id, id)));
  return row ? flatten(today)(row) : undefined;
}

/** The demand's own history: its audit events, oldest first. */
export async function demandHistory(ex: Executor, scope: ZoneScope, id: string) {
  const list = await ex
    .select({
      at: auditEvents.at,
      action: auditEvents.action,
      actorName: auditEvents.actorName,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, 'demand'), eq(auditEvents.entityId, id), eq(auditEvents.zoneId, scope.zoneId)))
    .orderBy(asc(auditEvents.seq));
  return list.map((e) => {
    const after = (e.after ?? {}) as { note?: unknown };
    return {
      at: e.at.toISOString(),
      action: e.action,
      actorName: e.actorName,
      note: typeof after.note === 'string' && after.note ? after.note : null,
    };
  });
}

const pct = (num: number, den: number) => (den === 0 ? null : ((num * 100) / den).toFixed(2));

/**
 * Received / resolved / closed / on time / satisfaction per department, over demands received in [from, to]
 * (DOMAIN.md §6 metrics: closure rate = resolved or closed ÷ received; on-time rate = finished with every limit met
 * ÷ finished; satisfaction = satisfied or basically satisfied ÷ rated). Same visibility as the list.
 */
export async function demandMetrics(ex: Executor, scope: ZoneScope, from: string | undefined, to: string | undefined) {
  const today = todayInChina();
  const where: SQL[] = [demandScope(scope)];
  if (from) where.push(sql`${demands.receivedOn} >= ${from}`);
  if (to) where.push(sql`${demands.receivedOn} <= ${to}`);
  const finished = sql`${demands.status} in ('resolved', 'closed')`;
  const list = await ex
    .select({
      departmentId: demands.departmentId,
      departmentName: departments.name,
      external: sql<boolean>`coalesce(${demands.routeKind} = 'external', false)`,
      received: sql<number>`count(*)::int`,
      resolved: sql<number>`count(*) filter (where ${finished})::int`,
      closed: sql<number>`count(*) filter (where ${demands.status} = 'closed')::int`,
      onTime: sql<number>`count(*) filter (where ${finished} and ${demands.allOnTime})::int`,
      overdueOpen: sql<number>`count(*) filter (where ${overdueSql(today)})::int`,
      rated: sql<number>`count(*) filter (where ${demands.satisfaction} is not null)::int`,
      satisfied: sql<number>`count(*) filter (where ${demands.satisfaction} in ('satisfied', 'basically'))::int`,
    })
    .from(demands)
    .leftJoin(departments, eq(departments.id, demands.departmentId))
    .where(and(...where))
    .groupBy(demands.departmentId, departments.name, sql`coalesce(${demands.routeKind} = 'external', false)`)
    .orderBy(asc(departments.name), sql`3`);
  return list.map((r) => ({
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    external: r.external,
    received: r.received,
    resolved: r.resolved,
    closed: r.closed,
    onTime: r.onTime,
    overdueOpen: r.overdueOpen,
    rated: r.rated,
    satisfied: r.satisfied,
    closureRate: pct(r.resolved, r.received),
    onTimeRate: pct(r.onTime, r.resolved),
    satisfactionRate: pct(r.satisfied, r.rated),
  }));
}
