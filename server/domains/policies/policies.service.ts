import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PolicyInput, PolicyListQuery } from '../../../shared/policies';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor } from '../../platform/db';
import { offsetOf, orderBy } from '../../platform/db/paging';
import { AppError, invalid, notFound } from '../../platform/errors';
import { enterprises } from '../enterprises/enterprises.tables';
import { shanghaiToday } from '../services/services.rules';
import { subParks } from '../tenancy/tenancy.tables';
import { grantAutomatically } from './policies.applications';
import { eligibleWhere } from './policies.match';
import { policies, policyMatches } from './policies.tables';

const matchedCount = sql<number>`(select count(*)::int from ${policyMatches} where ${policyMatches.policyId} = ${policies.id})`;

/** Staff see every policy of the zone; an enterprise only published policies it was matched to. */
function policyScope(scope: ZoneScope): SQL {
  const base = eq(policies.zoneId, scope.zoneId);
  if (scope.actor.role !== 'enterprise') return base;
  if (!scope.enterpriseId) return sql`false`;
  return and(
    base,
    eq(policies.status, 'published'),
    sql`exists (select 1 from ${policyMatches} where ${policyMatches.policyId} = ${policies.id} and ${policyMatches.enterpriseId} = ${scope.enterpriseId})`,
  ) as SQL;
}

export async function listPolicies(ex: Executor, scope: ZoneScope, q: PolicyListQuery) {
  const where: SQL[] = [policyScope(scope)];
  if (q.status) where.push(eq(policies.status, q.status));
  if (q.q) where.push(sql`${policies.title} ilike ${`%${q.q}%`}`);
  const cond = and(...where);
  const order = orderBy(
    q,
    { publishedOn: policies.publishedOn, title: policies.title },
    desc(policies.createdAt),
    policies.id,
  );
  const [data, [total]] = await Promise.all([
    ex
      .select({ p: policies, matchedCount })
      .from(policies)
      .where(cond)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex.select({ n: count() }).from(policies).where(cond),
  ]);
  return { data: data.map((r) => ({ ...r.p, matchedCount: r.matchedCount })), total: total?.n ?? 0 };
}

export async function getPolicy(ex: Executor, scope: ZoneScope, id: string) {
  const [r] = await ex
    .select({ p: policies, matchedCount })
    .from(policies)
    .where(and(policyScope(scope), eq(policies.id, id)));
  return r ? { ...r.p, matchedCount: r.matchedCount } : undefined;
}

async function checkSubParks(ex: Executor, scope: ZoneScope, input: PolicyInput) {
  const ids = input.rules.all.flatMap((c) => (c.field === 'subPark' ? c.value : []));
  if (ids.length === 0) return;
  const [found] = await ex
    .select({ n: count() })
    .from(subParks)
    .where(and(eq(subParks.zoneId, scope.zoneId), inArray(subParks.id, [...new Set(ids)])));
  const n = found?.n ?? 0;
  if (n !== new Set(ids).size) throw invalid({ rules: 'UNKNOWN_REFERENCE' });
}

export async function createPolicy(db: Db, scope: ZoneScope, input: PolicyInput) {
  return db.transaction(async (tx) => {
    await checkSubParks(tx, scope, input);
    const [row] = await tx
      .insert(policies)
      .values({ ...input, zoneId: scope.zoneId, createdBy: scope.actor.userId })
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'create',
      entity: 'policy',
      entityId: row!.id,
      after: row,
    });
    return (await getPolicy(tx, scope, row!.id))!;
  });
}

/** Only a draft can be edited: what enterprises were matched against stays as published. */
export async function updatePolicy(db: Db, scope: ZoneScope, id: string, input: PolicyInput) {
  return db.transaction(async (tx) => {
    const before = await getPolicy(tx, scope, id);
    if (!before) throw notFound();
    if (before.status !== 'draft') throw new AppError(409, 'POLICY_NOT_DRAFT');
    await checkSubParks(tx, scope, input);
    const [row] = await tx
      .update(policies)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(policies.zoneId, scope.zoneId), eq(policies.id, id)))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'update',
      entity: 'policy',
      entityId: id,
      before,
      after: row,
    });
    return (await getPolicy(tx, scope, id))!;
  });
}

/** Enterprises eligible now (preview in the rule editor), as the publish would match them. */
export async function previewMatches(
  ex: Executor,
  scope: ZoneScope,
  rules: PolicyInput['rules'],
  on = shanghaiToday(),
) {
  const list = await ex
    .select({ enterpriseId: enterprises.id, enterpriseName: enterprises.name, creditCode: enterprises.creditCode })
    .from(enterprises)
    .where(eligibleWhere(scope.zoneId, rules, on))
    .orderBy(asc(enterprises.name));
  return list;
}

/**
 * 统一发布: publish and match. Every operating enterprise of the zone meeting all conditions today is recorded as
 * matched and notified (the enterprise then sees the policy; 免申即享 policies grant from this list).
 */
export async function publishPolicy(db: Db, scope: ZoneScope, id: string, now = new Date()) {
  const on = shanghaiToday(now);
  return db.transaction(async (tx) => {
    const before = await getPolicy(tx, scope, id);
    if (!before) throw notFound();
    if (before.status !== 'draft') throw new AppError(409, 'POLICY_NOT_DRAFT');
    const matched = await previewMatches(tx, scope, before.rules, on);
    await tx.update(policies).set({ status: 'published', publishedOn: on, updatedAt: now }).where(eq(policies.id, id));
    if (matched.length > 0) {
      await tx
        .insert(policyMatches)
        .values(
          matched.map((m) => ({ zoneId: scope.zoneId, policyId: id, enterpriseId: m.enterpriseId, notifiedOn: on })),
        );
    }
    const granted =
      before.mode === 'auto'
        ? await grantAutomatically(
            tx,
            scope,
            before,
            matched.map((m) => m.enterpriseId),
            on,
          )
        : 0;
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'publish',
      entity: 'policy',
      entityId: id,
      before,
      after: { status: 'published', publishedOn: on, matched: matched.length, granted },
    });
    return (await getPolicy(tx, scope, id))!;
  });
}

export async function listMatches(ex: Executor, scope: ZoneScope, id: string) {
  const p = await getPolicy(ex, scope, id);
  if (!p) throw notFound();
  const where = [eq(policyMatches.policyId, id), eq(policyMatches.zoneId, scope.zoneId)];
  if (scope.actor.role === 'enterprise') where.push(eq(policyMatches.enterpriseId, scope.enterpriseId ?? ''));
  return ex
    .select({
      enterpriseId: policyMatches.enterpriseId,
      enterpriseName: enterprises.name,
      creditCode: enterprises.creditCode,
      notifiedOn: policyMatches.notifiedOn,
    })
    .from(policyMatches)
    .innerJoin(enterprises, eq(enterprises.id, policyMatches.enterpriseId))
    .where(and(...where))
    .orderBy(asc(enterprises.name));
}
