import { and, asc, eq, sql } from 'drizzle-orm';
import type { Leaderboard, LeaderboardQuery, LeaderboardRow } from '../../../shared/investment';
import { percent } from '../../../shared/projects';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import type { ExportColumn } from '../../platform/excel/export';
import { subParks } from '../tenancy/tenancy.tables';
import { usdToFen } from './investment.repository';
import { investmentProjects, investmentTargets, investmentTeams } from './investment.tables';

/** Signed in `year` (the signing date's calendar year; signed_on is a date, no time zone to shift). */
const signedIn = (year: number) => sql`extract(year from ${investmentProjects.signedOn}) = ${year}`;

type Group = Omit<LeaderboardRow, 'rank' | 'signedCountRate' | 'signedAmountRate' | 'fundsInPlaceRate'>;

const rateOf = (actual: number, target: number | null) => (target === null ? '' : percent(actual, target));
/** Rate as a comparable number; no target sorts last. */
const rateValue = (rate: string) => (rate === '' ? -1 : Number(rate));

/**
 * The year's leaderboard by team or by sub-park, straight from the pipeline records (the definition of
 * `/api/projects/metrics`): every project signed that year counts once, in its team's (or sub-park's) row, or in
 * the trailing row without one. Ranked by signed-amount completion, then amount, then name.
 */
export async function leaderboard(ex: Executor, scope: ZoneScope, q: LeaderboardQuery): Promise<Leaderboard> {
  const z = scope.zoneId;
  const groupColumn = q.by === 'team' ? investmentProjects.teamId : investmentProjects.subParkId;
  const [signed, groups, targets] = await Promise.all([
    ex
      .select({
        groupId: groupColumn,
        agreed: investmentProjects.agreedInvestmentFen,
        outside: investmentProjects.fundsOutsideProvinceFen,
        usd: investmentProjects.fundsAbroadUsdCents,
        rate: investmentProjects.usdRate,
      })
      .from(investmentProjects)
      .where(and(eq(investmentProjects.zoneId, z), signedIn(q.year))),
    q.by === 'team'
      ? ex
          .select({ id: investmentTeams.id, name: investmentTeams.name })
          .from(investmentTeams)
          .where(eq(investmentTeams.zoneId, z))
          .orderBy(asc(investmentTeams.name))
      : ex
          .select({ id: subParks.id, name: subParks.name })
          .from(subParks)
          .where(eq(subParks.zoneId, z))
          .orderBy(asc(subParks.name)),
    q.by === 'team'
      ? ex
          .select()
          .from(investmentTargets)
          .where(and(eq(investmentTargets.zoneId, z), eq(investmentTargets.year, q.year)))
      : Promise.resolve([]),
  ]);

  const byId = new Map<string | null, Group>();
  for (const g of groups) {
    const t = targets.find((x) => x.teamId === g.id);
    byId.set(g.id, {
      id: g.id,
      name: g.name,
      signedCount: 0,
      signedCountTarget: q.by === 'team' ? (t?.signedCount ?? 0) : null,
      signedAmountFen: 0,
      signedAmountTargetFen: q.by === 'team' ? (t?.signedAmountFen ?? 0) : null,
      fundsInPlaceFen: 0,
      fundsInPlaceTargetFen: q.by === 'team' ? (t?.fundsInPlaceFen ?? 0) : null,
    });
  }
  for (const s of signed) {
    let g = byId.get(s.groupId);
    if (!g) {
      g = {
        id: null,
        name: null,
        signedCount: 0,
        signedCountTarget: null,
        signedAmountFen: 0,
        signedAmountTargetFen: null,
        fundsInPlaceFen: 0,
        fundsInPlaceTargetFen: null,
      };
      byId.set(null, g);
    }
    g.signedCount++;
    g.signedAmountFen += s.agreed;
    g.fundsInPlaceFen += s.outside + usdToFen(s.usd, s.rate);
  }

  const rows = [...byId.values()].map((g) => ({
    ...g,
    rank: 0,
    signedCountRate: rateOf(g.signedCount, g.signedCountTarget),
    signedAmountRate: rateOf(g.signedAmountFen, g.signedAmountTargetFen),
    fundsInPlaceRate: rateOf(g.fundsInPlaceFen, g.fundsInPlaceTargetFen),
  }));
  rows.sort(
    (a, b) =>
      Number(a.id === null) - Number(b.id === null) ||
      rateValue(b.signedAmountRate) - rateValue(a.signedAmountRate) ||
      b.signedAmountFen - a.signedAmountFen ||
      (a.name ?? '').localeCompare(b.name ?? '', 'zh-CN'),
  );
  rows.forEach((r, i) => {
    r.rank = r.id === null ? 0 : i + 1;
  });
  return { year: q.year, by: q.by, rows };
}

const col = (key: string, zh: string, en: string, type: 'string' | 'int' | 'decimal' = 'string', width = 14) => ({
  key,
  header: { 'zh-CN': zh, 'en-US': en },
  type,
  width,
});
const yuan = (fen: number | null) => (fen === null ? null : fen / 100);
const pct = (rate: string) => (rate === '' ? '' : `${rate}%`);

/** Columns of the leaderboard export: the table as shown (amounts in yuan, rates as 107.00%). */
export function leaderboardColumns(by: LeaderboardQuery['by'], zh: boolean): ExportColumn<LeaderboardRow>[] {
  const zhName = by === 'team' ? '招商专班' : '园区';
  const enName = by === 'team' ? 'Team' : 'Sub-park';
  const none = by === 'team' ? (zh ? '（未分配专班）' : '(no team)') : zh ? '（未指定园区）' : '(no sub-park)';
  return [
    { column: col('rank', '排名', 'Rank', 'int', 8), value: (r) => (r.rank === 0 ? null : r.rank) },
    {
      column: col('name', zhName, enName, 'string', 24),
      value: (r) => r.name ?? none,
    },
    { column: col('signedCount', '签约项目数', 'Signed projects', 'int'), value: (r) => r.signedCount },
    { column: col('signedCountTarget', '签约数目标', 'Signed target', 'int'), value: (r) => r.signedCountTarget },
    { column: col('signedCountRate', '签约数完成率', 'Signed completion'), value: (r) => pct(r.signedCountRate) },
    {
      column: col('signedAmount', '签约金额(元)', 'Signed amount (CNY)', 'decimal', 18),
      value: (r) => yuan(r.signedAmountFen),
    },
    {
      column: col('signedAmountTarget', '签约金额目标(元)', 'Amount target (CNY)', 'decimal', 18),
      value: (r) => yuan(r.signedAmountTargetFen),
    },
    { column: col('signedAmountRate', '签约金额完成率', 'Amount completion'), value: (r) => pct(r.signedAmountRate) },
    {
      column: col('funds', '到位资金(元)', 'Funds in place (CNY)', 'decimal', 18),
      value: (r) => yuan(r.fundsInPlaceFen),
    },
    {
      column: col('fundsTarget', '到位资金目标(元)', 'Funds target (CNY)', 'decimal', 18),
      value: (r) => yuan(r.fundsInPlaceTargetFen),
    },
    { column: col('fundsRate', '到位资金完成率', 'Funds completion'), value: (r) => pct(r.fundsInPlaceRate) },
  ];
}
