import { and, eq, gte, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { OfficerMetricsQuery, OfficerMetricsRow } from '../../../shared/officers';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { enterprises } from '../enterprises/enterprises.tables';
import { departments, staff } from '../org/org.tables';
import { OPEN_STATUSES } from './demands.repository';
import { demands, visitRatings, visits } from './services.tables';

/** num ÷ den as a percentage with two decimals, rounded half up in integer arithmetic; null when den is 0. */
export function ratio(num: number, den: number, scale = 100): string | null {
  if (den === 0) return null;
  const hundredths = Math.floor((2 * num * scale * 100 + den) / (2 * den));
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

function period(col: SQL | typeof visits.visitedOn | typeof demands.receivedOn, q: OfficerMetricsQuery): SQL[] {
  const out: SQL[] = [];
  if (q.from) out.push(gte(col as typeof visits.visitedOn, q.from));
  if (q.to) out.push(lte(col as typeof visits.visitedOn, q.to));
  return out;
}

/** Department roles see their own department's officers; leaders, officers, auditors the zone's. */
function staffScope(scope: ZoneScope): SQL {
  const base = eq(staff.zoneId, scope.zoneId);
  const role = scope.actor.role;
  if (role === 'dept_head' || role === 'dept_staff') {
    return scope.departmentId ? (and(base, eq(staff.departmentId, scope.departmentId)) as SQL) : sql`false`;
  }
  return base;
}

/**
 * Per-officer metrics over visits made and demands received in [from, to]. An officer is anyone with a portfolio
 * or with a visit in the period. Worked example in officers.test.ts.
 */
export async function officerMetrics(
  ex: Executor,
  scope: ZoneScope,
  q: OfficerMetricsQuery,
): Promise<OfficerMetricsRow[]> {
  const z = scope.zoneId;
  const visitsIn = and(eq(visits.zoneId, z), ...period(visits.visitedOn, q));
  const officers = await ex
    .select({ staffId: staff.id, name: staff.name, departmentId: staff.departmentId, departmentName: departments.name })
    .from(staff)
    .innerJoin(departments, eq(departments.id, staff.departmentId))
    .where(
      and(
        staffScope(scope),
        or(
          inArray(
            staff.id,
            ex.select({ id: enterprises.serviceOfficerId }).from(enterprises).where(eq(enterprises.zoneId, z)),
          ),
          inArray(staff.id, ex.select({ id: visits.officerId }).from(visits).where(visitsIn)),
        ),
      ),
    )
    .orderBy(departments.name, staff.name);
  if (officers.length === 0) return [];
  const ids = officers.map((o) => o.staffId);

  const [portfolio, visitStats, covered, demandStats] = await Promise.all([
    ex
      .select({ id: enterprises.serviceOfficerId, n: sql<number>`count(*)::int` })
      .from(enterprises)
      .where(and(eq(enterprises.zoneId, z), inArray(enterprises.serviceOfficerId, ids)))
      .groupBy(enterprises.serviceOfficerId),
    ex
      .select({
        id: visits.officerId,
        visits: sql<number>`count(*)::int`,
        rated: sql<number>`count(${visitRatings.id})::int`,
        scoreSum: sql<number>`coalesce(sum(${visitRatings.score}), 0)::int`,
        raised: sql<number>`coalesce(sum((select count(*) from ${demands} where ${demands.visitId} = ${visits.id})), 0)::int`,
      })
      .from(visits)
      .leftJoin(visitRatings, eq(visitRatings.visitId, visits.id))
      .where(and(visitsIn, inArray(visits.officerId, ids)))
      .groupBy(visits.officerId),
    ex
      .select({ id: enterprises.serviceOfficerId, n: sql<number>`count(distinct ${enterprises.id})::int` })
      .from(enterprises)
      .innerJoin(
        visits,
        and(eq(visits.enterpriseId, enterprises.id), eq(visits.officerId, enterprises.serviceOfficerId)),
      )
      .where(and(eq(enterprises.zoneId, z), inArray(enterprises.serviceOfficerId, ids), visitsIn))
      .groupBy(enterprises.serviceOfficerId),
    ex
      .select({
        id: enterprises.serviceOfficerId,
        received: sql<number>`count(*)::int`,
        finished: sql<number>`count(*) filter (where ${demands.status} in ('resolved', 'closed'))::int`,
        onTime: sql<number>`count(*) filter (where ${demands.status} in ('resolved', 'closed') and ${demands.allOnTime})::int`,
        rated: sql<number>`count(*) filter (where ${demands.satisfaction} is not null)::int`,
        satisfied: sql<number>`count(*) filter (where ${demands.satisfaction} in ('satisfied', 'basically'))::int`,
      })
      .from(demands)
      .innerJoin(enterprises, eq(enterprises.id, demands.enterpriseId))
      .where(and(eq(demands.zoneId, z), inArray(enterprises.serviceOfficerId, ids), ...period(demands.receivedOn, q)))
      .groupBy(enterprises.serviceOfficerId),
  ]);
  const by = <T extends { id: string | null }>(list: T[]) => new Map(list.map((r) => [r.id, r]));
  const P = by(portfolio);
  const V = by(visitStats);
  const C = by(covered);
  const D = by(demandStats);
  return officers.map((o) => {
    const p = P.get(o.staffId)?.n ?? 0;
    const v = V.get(o.staffId);
    const c = C.get(o.staffId)?.n ?? 0;
    const d = D.get(o.staffId);
    const dm = { received: d?.received ?? 0, finished: d?.finished ?? 0, onTime: d?.onTime ?? 0, rated: d?.rated ?? 0 };
    const satisfied = d?.satisfied ?? 0;
    return {
      ...o,
      portfolio: p,
      visits: v?.visits ?? 0,
      portfolioVisited: c,
      coverageRate: ratio(c, p),
      demandsRaised: v?.raised ?? 0,
      ratedVisits: v?.rated ?? 0,
      avgRating: ratio(v?.scoreSum ?? 0, v?.rated ?? 0, 1),
      demandsReceived: dm.received,
      demandsFinished: dm.finished,
      demandsOnTime: dm.onTime,
      demandsRated: dm.rated,
      demandsSatisfied: satisfied,
      closureRate: ratio(dm.finished, dm.received),
      onTimeRate: ratio(dm.onTime, dm.finished),
      satisfactionRate: ratio(satisfied, dm.rated),
    };
  });
}

/** One officer's portfolio: each enterprise with the officer's last visit, visits in the period, open demands. */
export async function officerPortfolio(ex: Executor, scope: ZoneScope, staffId: string, q: OfficerMetricsQuery) {
  const [officer] = await ex
    .select({ id: staff.id })
    .from(staff)
    .where(and(staffScope(scope), eq(staff.id, staffId)));
  if (!officer) throw notFound();
  const mine = and(eq(visits.enterpriseId, enterprises.id), eq(visits.officerId, staffId));
  const inPeriod = period(visits.visitedOn, q);
  const open = and(eq(demands.enterpriseId, enterprises.id), inArray(demands.status, [...OPEN_STATUSES]));
  return ex
    .select({
      enterpriseId: enterprises.id,
      enterpriseName: enterprises.name,
      creditCode: enterprises.creditCode,
      lastVisitedOn: sql<string | null>`(select max(${visits.visitedOn}) from ${visits} where ${mine})`,
      visits: sql<number>`(select count(*)::int from ${visits} where ${and(mine, ...inPeriod)})`,
      openDemands: sql<number>`(select count(*)::int from ${demands} where ${open})`,
    })
    .from(enterprises)
    .where(and(eq(enterprises.zoneId, scope.zoneId), eq(enterprises.serviceOfficerId, staffId)))
    .orderBy(sql`4 asc nulls first`, enterprises.name);
}
