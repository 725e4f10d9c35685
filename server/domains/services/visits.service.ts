import { and, asc, count, desc, eq, gte, lte, ne, type SQL, sql } from 'drizzle-orm';
import type { VisitInput, VisitListQuery } from '../../../shared/services';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor } from '../../platform/db';
import { offsetOf, orderBy } from '../../platform/db/paging';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors';
import { enterprises } from '../enterprises/enterprises.tables';
import { registerTimelineSource } from '../enterprises/enterprises.timeline';
import { assertFilesUsable } from '../files/files.service';
import { departments, staff } from '../org/org.tables';
import { rulesFor, shanghaiToday } from './services.rules';
import { demands, visitRatings, visits } from './services.tables';

const dayMs = 86_400_000;
const shiftDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

/** Staff see the zone's visits (to avoid visiting twice); an enterprise only the visits it received. */
function visitScope(scope: ZoneScope): SQL {
  const base = eq(visits.zoneId, scope.zoneId);
  if (scope.actor.role !== 'enterprise') return base;
  return scope.enterpriseId ? (and(base, eq(visits.enterpriseId, scope.enterpriseId)) as SQL) : sql`false`;
}

const demandCount = sql<number>`(select count(*)::int from ${demands} where ${demands.visitId} = ${visits.id})`;

function select(ex: Executor) {
  return ex
    .select({
      v: visits,
      enterpriseName: enterprises.name,
      departmentName: departments.name,
      officerName: staff.name,
      demandCount,
      ratingScore: visitRatings.score,
      ratingComment: visitRatings.comment,
    })
    .from(visits)
    .innerJoin(enterprises, eq(enterprises.id, visits.enterpriseId))
    .innerJoin(departments, eq(departments.id, visits.departmentId))
    .leftJoin(staff, eq(staff.id, visits.officerId))
    .leftJoin(visitRatings, eq(visitRatings.visitId, visits.id));
}
type Selected = Awaited<ReturnType<ReturnType<typeof select>['where']>>[number];
const flatten = (r: Selected) => ({
  ...r.v,
  enterpriseName: r.enterpriseName,
  departmentName: r.departmentName,
  officerName: r.officerName,
  demandCount: r.demandCount,
  ratingScore: r.ratingScore,
  ratingComment: r.ratingComment,
});
export type VisitRow = ReturnType<typeof flatten>;

export async function listVisits(ex: Executor, scope: ZoneScope, q: VisitListQuery) {
  const where: SQL[] = [visitScope(scope)];
  if (q.enterpriseId) where.push(eq(visits.enterpriseId, q.enterpriseId));
  if (q.departmentId) where.push(eq(visits.departmentId, q.departmentId));
  if (q.from) where.push(gte(visits.visitedOn, q.from));
  if (q.to) where.push(lte(visits.visitedOn, q.to));
  if (q.rated === 'yes') where.push(sql`${visitRatings.id} is not null`);
  if (q.rated === 'no') where.push(sql`${visitRatings.id} is null`);
  if (q.q) where.push(sql`(${enterprises.name} ilike ${`%${q.q}%`} or ${visits.topics} ilike ${`%${q.q}%`})`);
  const cond = and(...where);
  const order = orderBy(q, { visitedOn: visits.visitedOn }, desc(visits.visitedOn), visits.id);
  const [data, [total]] = await Promise.all([
    select(ex)
      .where(cond)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex
      .select({ n: count() })
      .from(visits)
      .innerJoin(enterprises, eq(enterprises.id, visits.enterpriseId))
      .leftJoin(visitRatings, eq(visitRatings.visitId, visits.id))
      .where(cond),
  ]);
  return { data: data.map(flatten), total: total?.n ?? 0 };
}

export async function getVisit(ex: Executor, scope: ZoneScope, id: string) {
  const [row] = await select(ex).where(and(visitScope(scope), eq(visits.id, id)));
  return row ? flatten(row) : undefined;
}

/**
 * Other departments' visits to the same enterprise within `visitWindowDays` calendar days before or after this one
 * (重复走访预警): the visit is still logged — the warning is for the leader and the next visitor.
 */
async function duplicateWarnings(
  ex: Executor,
  zoneId: string,
  v: { id: string; enterpriseId: string; departmentId: string; visitedOn: string },
) {
  const rules = await rulesFor(ex, zoneId, Number(v.visitedOn.slice(0, 4)));
  const list = await ex
    .select({ visitId: visits.id, departmentName: departments.name, visitedOn: visits.visitedOn })
    .from(visits)
    .innerJoin(departments, eq(departments.id, visits.departmentId))
    .where(
      and(
        eq(visits.zoneId, zoneId),
        eq(visits.enterpriseId, v.enterpriseId),
        ne(visits.departmentId, v.departmentId),
        ne(visits.id, v.id),
        gte(visits.visitedOn, shiftDays(v.visitedOn, -rules.visitWindowDays)),
        lte(visits.visitedOn, shiftDays(v.visitedOn, rules.visitWindowDays)),
      ),
    )
    .orderBy(asc(visits.visitedOn));
  return list;
}

export async function createVisit(db: Db, scope: ZoneScope, input: VisitInput, now = new Date()) {
  const role = scope.actor.role;
  const departmentId = role === 'admin' || role === 'zone_leader' ? input.departmentId : scope.departmentId;
  if (!departmentId) throw invalid({ departmentId: 'REQUIRED' });
  if (input.visitedOn > shanghaiToday(now)) throw invalid({ visitedOn: 'DATE_IN_FUTURE' });
  return db.transaction(async (tx) => {
    const [e] = await tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(and(eq(enterprises.zoneId, scope.zoneId), eq(enterprises.id, input.enterpriseId)));
    if (!e) throw invalid({ enterpriseId: 'UNKNOWN_REFERENCE' });
    const [d] = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.zoneId, scope.zoneId), eq(departments.id, departmentId)));
    if (!d) throw invalid({ departmentId: 'UNKNOWN_REFERENCE' });
    if (input.officerId) {
      const [s] = await tx
        .select({ id: staff.id })
        .from(staff)
        .where(and(eq(staff.zoneId, scope.zoneId), eq(staff.id, input.officerId)));
      if (!s) throw invalid({ officerId: 'UNKNOWN_REFERENCE' });
    }
    await assertFilesUsable(tx, scope, input.photoFileIds, 'photoFileIds');
    const [row] = await tx
      .insert(visits)
      .values({
        zoneId: scope.zoneId,
        enterpriseId: input.enterpriseId,
        departmentId,
        officerId: input.officerId,
        visitedOn: input.visitedOn,
        people: input.people,
        topics: input.topics,
        photoFileIds: input.photoFileIds,
        createdBy: scope.actor.userId,
      })
      .returning();
    const warnings = await duplicateWarnings(tx, scope.zoneId, row!);
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'create',
      entity: 'visit',
      entityId: row!.id,
      after: { ...row, duplicateWarnings: warnings.length },
    });
    return { visit: (await getVisit(tx, scope, row!.id))!, warnings };
  });
}

/** The enterprise rates a visit it received, once, anonymously (no user is stored with the score). */
export async function rateVisit(db: Db, scope: ZoneScope, id: string, input: { score: number; comment: string }) {
  if (scope.actor.role !== 'enterprise') throw forbidden();
  return db.transaction(async (tx) => {
    const v = await getVisit(tx, scope, id);
    if (!v) throw notFound();
    if (v.ratingScore !== null) throw new AppError(409, 'VISIT_ALREADY_RATED');
    await tx.insert(visitRatings).values({ zoneId: scope.zoneId, visitId: id, ...input });
    await recordAudit(tx, {
      // The rating is anonymous: the audit event names no person either.
      actor: null,
      zoneId: scope.zoneId,
      action: 'rate',
      entity: 'visit',
      entityId: id,
      after: input,
    });
    return (await getVisit(tx, scope, id))!;
  });
}

// Enterprise timeline: visits and demands (registered once, at import).
registerTimelineSource('visits', async (ex, scope, enterpriseId) => {
  const list = await select(ex)
    .where(and(visitScope(scope), eq(visits.enterpriseId, enterpriseId)))
    .orderBy(desc(visits.visitedOn))
    .limit(100);
  return list.map(flatten).map((v) => ({
    id: `visit:${v.id}`,
    at: new Date(`${v.visitedOn}T09:00:00+08:00`).toISOString(),
    source: 'visits',
    action: 'visit',
    actorName: v.officerName ?? v.departmentName,
    fields: [],
    summary: `${v.departmentName}：${v.topics.slice(0, 60)}`,
  }));
});
