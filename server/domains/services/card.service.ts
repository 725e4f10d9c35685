import { and, asc, eq } from 'drizzle-orm';
import type { UnderstandingCard } from '../../../shared/officers';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { enterprises } from '../enterprises/enterprises.tables';
import { departments, staff } from '../org/org.tables';
import { eligibleWhere } from '../policies/policies.match';
import { policies, policyApplications } from '../policies/policies.tables';
import { shanghaiToday } from './services.rules';
import { demandRoutingRules } from './services.tables';

/**
 * 明白卡 of an enterprise as of `on`: every published policy whose conditions it meets that day (or that it already
 * applied for / was granted), its officer, and the department to call per demand kind. An enterprise: its own only.
 */
export async function understandingCard(
  ex: Executor,
  scope: ZoneScope,
  enterpriseId: string,
  on = shanghaiToday(),
): Promise<UnderstandingCard> {
  if (scope.actor.role === 'enterprise' && scope.enterpriseId !== enterpriseId) throw notFound();
  const [e] = await ex
    .select({
      id: enterprises.id,
      name: enterprises.name,
      creditCode: enterprises.creditCode,
      officerName: staff.name,
      officerPhone: staff.phone,
      officerDepartment: departments.name,
    })
    .from(enterprises)
    .leftJoin(staff, eq(staff.id, enterprises.serviceOfficerId))
    .leftJoin(departments, eq(departments.id, staff.departmentId))
    .where(and(eq(enterprises.zoneId, scope.zoneId), eq(enterprises.id, enterpriseId)));
  if (!e) throw notFound();
  const [published, mine, routes] = await Promise.all([
    ex
      .select()
      .from(policies)
      .where(and(eq(policies.zoneId, scope.zoneId), eq(policies.status, 'published')))
      .orderBy(asc(policies.publishedOn), asc(policies.title)),
    ex
      .select({
        policyId: policyApplications.policyId,
        status: policyApplications.status,
        awardFen: policyApplications.awardFen,
      })
      .from(policyApplications)
      .where(and(eq(policyApplications.zoneId, scope.zoneId), eq(policyApplications.enterpriseId, enterpriseId))),
    ex
      .select({ tag: demandRoutingRules.tag, departmentName: departments.name })
      .from(demandRoutingRules)
      .innerJoin(departments, eq(departments.id, demandRoutingRules.departmentId))
      .where(eq(demandRoutingRules.zoneId, scope.zoneId))
      .orderBy(asc(demandRoutingRules.tag)),
  ]);
  const applied = new Map(mine.map((a) => [a.policyId, a]));
  const eligible: typeof published = [];
  for (const p of published) {
    if (applied.has(p.id)) {
      eligible.push(p);
      continue;
    }
    const [hit] = await ex
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(and(eligibleWhere(scope.zoneId, p.rules, on), eq(enterprises.id, enterpriseId)));
    if (hit) eligible.push(p);
  }
  return {
    enterpriseId: e.id,
    enterpriseName: e.name,
    creditCode: e.creditCode,
    officer: e.officerName
      ? { name: e.officerName, phone: e.officerPhone ?? '', departmentName: e.officerDepartment ?? '' }
      : null,
    policies: eligible.map((p) => ({
      policyId: p.id,
      title: p.title,
      issuer: p.issuer,
      mode: p.mode,
      amountFen: p.amountFen,
      applicationStatus: applied.get(p.id)?.status ?? null,
      awardFen: applied.get(p.id)?.awardFen ?? null,
    })),
    contacts: routes,
  };
}
