import { and, count, eq, sql } from 'drizzle-orm';
import { type Metrics, percent } from '../../../shared/projects';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { usdToFen } from '../investment/investment.repository';
import { investmentProjects, investmentTargets, investmentTeams } from '../investment/investment.tables';
import { subParks } from '../tenancy/tenancy.tables';
import { dispatchIssues, keyProjectMonths, keyProjects, keyProjectYears } from './projects.tables';

const inYear = (column: unknown, year: number) => sql`extract(year from ${column}) = ${year}`;

const signedOf = (ex: Executor, z: string, year: number) =>
  ex
    .select({
      teamId: investmentProjects.teamId,
      agreed: investmentProjects.agreedInvestmentFen,
      outside: investmentProjects.fundsOutsideProvinceFen,
      usd: investmentProjects.fundsAbroadUsdCents,
      rate: investmentProjects.usdRate,
    })
    .from(investmentProjects)
    .where(and(eq(investmentProjects.zoneId, z), inYear(investmentProjects.signedOn, year)));
const targetsOf = (ex: Executor, z: string, year: number) =>
  ex
    .select()
    .from(investmentTargets)
    .where(and(eq(investmentTargets.zoneId, z), eq(investmentTargets.year, year)));
const plannedOf = (ex: Executor, z: string, year: number) =>
  ex
    .select({ v: sql<number>`coalesce(sum(${keyProjectYears.plannedFen}), 0)::bigint` })
    .from(keyProjectYears)
    .where(and(eq(keyProjectYears.zoneId, z), eq(keyProjectYears.year, year)));
const completedOf = (ex: Executor, z: string, year: number) =>
  ex
    .select({ v: sql<number>`coalesce(sum(${keyProjectMonths.completedFen}), 0)::bigint` })
    .from(keyProjectMonths)
    .where(and(eq(keyProjectMonths.zoneId, z), eq(keyProjectMonths.year, year)));
const lightsOf = (ex: Executor, z: string) =>
  ex
    .select({ light: keyProjects.light, n: count() })
    .from(keyProjects)
    .where(eq(keyProjects.zoneId, z))
    .groupBy(keyProjects.light);

type Signed = Awaited<ReturnType<typeof signedOf>>;
const sumOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const fundsInPlaceOf = (signed: Signed) => sumOf(signed.map((s) => s.outside + usdToFen(s.usd, s.rate)));
const lightCounts = (lights: Awaited<ReturnType<typeof lightsOf>>) => {
  const n = (l: string) => Number(lights.find((x) => x.light === l)?.n ?? 0);
  return { green: n('green'), yellow: n('yellow'), red: n('red') };
};

/**
 * The figures of metrics() the cockpit shows (signed count vs target, funds in place rate, investment completion
 * rate, lights), from the same queries, without the five the cockpit does not need (starts, issues, leaderboards).
 */
export async function headline(ex: Executor, scope: ZoneScope, year: number) {
  const z = scope.zoneId;
  const [signed, targets, planned, completed, lights] = await Promise.all([
    signedOf(ex, z, year),
    targetsOf(ex, z, year),
    plannedOf(ex, z, year),
    completedOf(ex, z, year),
    lightsOf(ex, z),
  ]);
  return {
    signedCount: signed.length,
    signedCountTarget: sumOf(targets.map((t) => t.signedCount)),
    fundsInPlaceRate: percent(fundsInPlaceOf(signed), sumOf(targets.map((t) => t.fundsInPlaceFen))),
    completionRate: percent(Number(completed[0]?.v ?? 0), Number(planned[0]?.v ?? 0)),
    lights: lightCounts(lights),
  };
}

/**
 * The year's figures of DOMAIN.md §4–5: signed count and amount vs target, funds in place vs target (of the
 * projects signed that year), new starts, new in production, investment completion rate (completed / planned of
 * the year), issues closed on time, and leaderboards per team and per sub-park. Rates are two-decimal strings.
 */
export async function metrics(ex: Executor, scope: ZoneScope, year: number): Promise<Metrics> {
  const z = scope.zoneId;
  const [signed, targets, starts, production, planned, completed, issues, lights, teams, parks] = await Promise.all([
    signedOf(ex, z, year),
    targetsOf(ex, z, year),
    ex
      .select({ n: count() })
      .from(keyProjects)
      .where(and(eq(keyProjects.zoneId, z), inYear(keyProjects.actualStart, year))),
    ex
      .select({ n: count() })
      .from(keyProjects)
      .where(and(eq(keyProjects.zoneId, z), inYear(keyProjects.actualCompletion, year))),
    plannedOf(ex, z, year),
    completedOf(ex, z, year),
    ex
      .select({
        closed: count(),
        onTime: sql<number>`count(*) filter (where ${dispatchIssues.closedOn} <= ${dispatchIssues.dueOn})::int`,
      })
      .from(dispatchIssues)
      .where(
        and(eq(dispatchIssues.zoneId, z), eq(dispatchIssues.status, 'closed'), inYear(dispatchIssues.closedOn, year)),
      ),
    lightsOf(ex, z),
    ex
      .select({ id: investmentTeams.id, name: investmentTeams.name })
      .from(investmentTeams)
      .where(eq(investmentTeams.zoneId, z)),
    ex
      .select({
        subParkId: keyProjects.subParkId,
        name: subParks.name,
        plannedFen: sql<number>`coalesce(sum((select ${keyProjectYears.plannedFen} from ${keyProjectYears}
          where ${keyProjectYears.keyProjectId} = "key_projects"."id" and ${keyProjectYears.year} = ${year})), 0)::bigint`,
        completedFen: sql<number>`coalesce(sum((select sum(${keyProjectMonths.completedFen}) from ${keyProjectMonths}
          where ${keyProjectMonths.keyProjectId} = "key_projects"."id" and ${keyProjectMonths.year} = ${year})), 0)::bigint`,
      })
      .from(keyProjects)
      .leftJoin(subParks, eq(subParks.id, keyProjects.subParkId))
      .where(eq(keyProjects.zoneId, z))
      .groupBy(keyProjects.subParkId, subParks.name),
  ]);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const signedAmountFen = sum(signed.map((s) => s.agreed));
  const fundsInPlaceFen = fundsInPlaceOf(signed);
  const signedAmountTargetFen = sum(targets.map((t) => t.signedAmountFen));
  const fundsInPlaceTargetFen = sum(targets.map((t) => t.fundsInPlaceFen));
  const plannedFen = Number(planned[0]?.v ?? 0);
  const completedFen = Number(completed[0]?.v ?? 0);
  const closed = Number(issues[0]?.closed ?? 0);
  const onTime = Number(issues[0]?.onTime ?? 0);
  const rate = (a: number, b: number) => percent(a, b);
  return {
    year,
    signedCount: signed.length,
    signedCountTarget: sum(targets.map((t) => t.signedCount)),
    signedAmountFen,
    signedAmountTargetFen,
    signedAmountRate: rate(signedAmountFen, signedAmountTargetFen),
    fundsInPlaceFen,
    fundsInPlaceTargetFen,
    fundsInPlaceRate: rate(fundsInPlaceFen, fundsInPlaceTargetFen),
    newStarts: Number(starts[0]?.n ?? 0),
    newInProduction: Number(production[0]?.n ?? 0),
    plannedFen,
    completedFen,
    completionRate: rate(completedFen, plannedFen),
    issuesClosed: closed,
    issuesClosedOnTime: onTime,
    issuesOnTimeRate: rate(onTime, closed),
    lights: lightCounts(lights),
    teams: teams
      .map((t) => {
        const mine = signed.filter((s) => s.teamId === t.id);
        const amount = sum(mine.map((s) => s.agreed));
        const target = sum(targets.filter((x) => x.teamId === t.id).map((x) => x.signedAmountFen));
        return {
          teamId: t.id,
          name: t.name,
          signedCount: mine.length,
          signedAmountFen: amount,
          targetAmountFen: target,
          rate: rate(amount, target),
        };
      })
      .sort((a, b) => b.signedAmountFen - a.signedAmountFen || a.name.localeCompare(b.name)),
    subParks: parks
      .map((p) => ({
        subParkId: p.subParkId,
        name: p.name,
        plannedFen: Number(p.plannedFen),
        completedFen: Number(p.completedFen),
        rate: rate(Number(p.completedFen), Number(p.plannedFen)),
      }))
      .sort((a, b) => Number(b.rate || -1) - Number(a.rate || -1)),
  };
}
