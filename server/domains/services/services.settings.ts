import { and, asc, eq } from 'drizzle-orm';
import type { DemandTag, ServiceRulesInput } from '../../../shared/services';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor } from '../../platform/db';
import { invalid, notFound } from '../../platform/errors';
import { departments } from '../org/org.tables';
import { rulesFor } from './services.rules';
import { demandRoutingRules, serviceRules } from './services.tables';

export async function getRules(ex: Executor, scope: ZoneScope, year: number) {
  return { year, rules: await rulesFor(ex, scope.zoneId, year) };
}

/** Sets a year's parameters (applies to demands received in that year and later years without their own row). */
export async function putRules(db: Db, scope: ZoneScope, input: ServiceRulesInput) {
  return db.transaction(async (tx) => {
    const before = await rulesFor(tx, scope.zoneId, input.year);
    await tx
      .insert(serviceRules)
      .values({ zoneId: scope.zoneId, year: input.year, rules: input.rules })
      .onConflictDoUpdate({
        target: [serviceRules.zoneId, serviceRules.year],
        set: { rules: input.rules, updatedAt: new Date() },
      });
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'update',
      entity: 'service_rules',
      entityId: String(input.year),
      before,
      after: input.rules,
    });
    return { year: input.year, rules: input.rules };
  });
}

export async function listRoutingRules(ex: Executor, scope: ZoneScope) {
  return ex
    .select({
      tag: demandRoutingRules.tag,
      departmentId: demandRoutingRules.departmentId,
      departmentName: departments.name,
    })
    .from(demandRoutingRules)
    .innerJoin(departments, eq(departments.id, demandRoutingRules.departmentId))
    .where(eq(demandRoutingRules.zoneId, scope.zoneId))
    .orderBy(asc(demandRoutingRules.tag));
}

/** One department per tag (replaces the tag's previous rule). */
export async function putRoutingRule(db: Db, scope: ZoneScope, input: { tag: DemandTag; departmentId: string }) {
  return db.transaction(async (tx) => {
    const [dep] = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.zoneId, scope.zoneId), eq(departments.id, input.departmentId)));
    if (!dep) throw invalid({ departmentId: 'UNKNOWN_REFERENCE' });
    await tx
      .insert(demandRoutingRules)
      .values({ zoneId: scope.zoneId, ...input })
      .onConflictDoUpdate({
        target: [demandRoutingRules.zoneId, demandRoutingRules.tag],
        set: { departmentId: input.departmentId },
      });
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'update',
      entity: 'demand_routing_rule',
      entityId: input.tag,
      after: input,
    });
    return listRoutingRules(tx, scope);
  });
}

export async function deleteRoutingRule(db: Db, scope: ZoneScope, tag: DemandTag) {
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(demandRoutingRules)
      .where(and(eq(demandRoutingRules.zoneId, scope.zoneId), eq(demandRoutingRules.tag, tag)))
      .returning();
    if (gone.length === 0) throw notFound();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'delete',
      entity: 'demand_routing_rule',
      entityId: tag,
      before: gone[0],
    });
  });
}
