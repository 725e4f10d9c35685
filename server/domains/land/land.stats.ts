import { and, between, eq } from 'drizzle-orm';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { contractScope, parcelScope } from './land.repository';
import { shiftDays } from './land.review';
import { landContracts, landParcels, landPatrols } from './land.tables';

const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null);
const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Land supervision figures over [from, to] (DOMAIN.md §7): patrol coverage (parcels patrolled / parcels to patrol:
 * supplied, under construction or idle), start and completion default rates (contracts whose due date, extended by
 * government-caused days, fell on or before `to` and that had not started/completed by then), idle parcels and mu,
 * and the mu revitalised (盘活) in the period.
 */
export async function landStats(ex: Executor, scope: ZoneScope, from: string, to: string) {
  const [parcels, contracts, patrolled] = await Promise.all([
    ex
      .select({
        id: landParcels.id,
        status: landParcels.status,
        idle: landParcels.idle,
        areaMu: landParcels.areaMu,
        revitalisedOn: landParcels.revitalisedOn,
      })
      .from(landParcels)
      .where(parcelScope(scope)),
    ex.select().from(landContracts).where(contractScope(scope)),
    ex
      .selectDistinct({ id: landPatrols.parcelId })
      .from(landPatrols)
      .where(and(eq(landPatrols.zoneId, scope.zoneId), between(landPatrols.patrolledOn, from, to))),
  ]);
  const patrolledIds = new Set(patrolled.map((r) => r.id));
  const toPatrol = parcels.filter((p) => p.idle || p.status === 'supplied' || p.status === 'construction');
  const startDue = contracts.filter((c) => shiftDays(c.agreedStartOn, c.governmentCauseDays) <= to);
  const startDefaults = startDue.filter(
    (c) => !c.startedOn || c.startedOn > shiftDays(c.agreedStartOn, c.governmentCauseDays),
  );
  const completionDue = contracts.filter((c) => shiftDays(c.agreedCompletionOn, c.governmentCauseDays) <= to);
  const completionDefaults = completionDue.filter(
    (c) => !c.completedOn || c.completedOn > shiftDays(c.agreedCompletionOn, c.governmentCauseDays),
  );
  const idle = parcels.filter((p) => p.idle);
  return {
    parcels: parcels.length,
    areaMu: round(parcels.reduce((s, p) => s + p.areaMu, 0)),
    toPatrol: toPatrol.length,
    patrolled: toPatrol.filter((p) => patrolledIds.has(p.id)).length,
    coverage: rate(toPatrol.filter((p) => patrolledIds.has(p.id)).length, toPatrol.length),
    contracts: contracts.length,
    startDue: startDue.length,
    startDefaults: startDefaults.length,
    startDefaultRate: rate(startDefaults.length, startDue.length),
    completionDue: completionDue.length,
    completionDefaults: completionDefaults.length,
    completionDefaultRate: rate(completionDefaults.length, completionDue.length),
    idleParcels: idle.length,
    idleMu: round(idle.reduce((s, p) => s + p.areaMu, 0)),
    revitalisedMu: round(
      parcels
        .filter((p) => p.revitalisedOn && p.revitalisedOn >= from && p.revitalisedOn <= to)
        .reduce((s, p) => s + p.areaMu, 0),
    ),
  };
}
