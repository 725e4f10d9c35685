import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Leaderboard, LeaderboardRow } from '../../../shared/investment';
import { makeTenant, type Tenant } from '../../test/factories';
import { type Client, createTestContext, type TestContext } from '../../test/harness';
import { sheetRows } from '../../test/imports';
import { subParks } from '../tenancy/tenancy.tables';
import { usdToFen } from './investment.repository';
import { investmentProjects } from './investment.tables';

const YI = 10_000_000_000; // 1 亿元 in fen
const WAN = 1_000_000; // 1 万元 in fen
let ctx: TestContext;
let tenant: Tenant;
let leader: Client;
const teams: Record<string, string> = {};
const parks: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  leader = await tenant.as('zone_leader');
  for (const name of ['先进制造专班', '电子信息专班', '现代服务专班']) {
    const res = await leader.post('/api/investment/teams', { name, leaderName: '张三' });
    expect(res.statusCode, res.body).toBe(201);
    teams[name] = res.json().id;
  }
  const inserted = await ctx.database.db
    .insert(subParks)
    .values([
      { zoneId: tenant.zoneId, code: 'DQ', name: '电气装备产业园', nameEn: 'Electrical' },
      { zoneId: tenant.zoneId, code: 'DZ', name: '电子信息产业园', nameEn: 'Electronics' },
    ])
    .returning();
  for (const p of inserted) parks[p.name] = p.id;
  // Targets of 2026: 先进制造 4 projects / 10 亿 / 5 亿 in place; 电子信息 2 / 4 亿 / 1 亿; 现代服务 none set.
  for (const [team, count, amount, funds] of [
    ['先进制造专班', 4, 10 * YI, 5 * YI],
    ['电子信息专班', 2, 4 * YI, YI],
  ] as const) {
    const res = await leader.put('/api/investment/targets', {
      teamId: teams[team],
      year: 2026,
      signedCount: count,
      signedAmountFen: amount,
      fundsInPlaceFen: funds,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  // The records: projects signed in 2026 (and one in 2025, one not signed) with teams and sub-parks.
  const p = (
    name: string,
    team: string | null,
    park: string | null,
    signedOn: string | null,
    agreed: number,
    outside: number,
    usdCents = 0,
  ) => ({
    zoneId: tenant.zoneId,
    name,
    type: 'industrial' as const,
    stage: signedOn ? 'signed' : 'lead',
    teamId: team ? teams[team]! : null,
    subParkId: park ? parks[park]! : null,
    signedOn,
    agreedInvestmentFen: agreed,
    fundsOutsideProvinceFen: outside,
    fundsAbroadUsdCents: usdCents,
    usdRate: usdCents ? '7.1234' : null,
  });
  await ctx.database.db.insert(investmentProjects).values([
    p('储能电池', '先进制造专班', '电气装备产业园', '2026-02-10', 5 * YI, 2 * YI),
    p('风电装备', '先进制造专班', '电气装备产业园', '2026-06-30', 3 * YI + 50 * WAN, YI, 1_000_000_00), // + 100 万美元
    p('智能电网', '先进制造专班', '电子信息产业园', '2026-12-31', 2 * YI + 70 * WAN, 0),
    p('芯片封测', '电子信息专班', '电子信息产业园', '2026-03-15', 5 * YI, 2 * YI),
    p('物流中心', null, null, '2026-09-01', YI, 30 * WAN),
    p('往年项目', '电子信息专班', '电子信息产业园', '2025-12-31', 9 * YI, 9 * YI),
    p('在谈项目', '现代服务专班', '电气装备产业园', null, 9 * YI, 0),
  ]);
}, 180_000);
afterAll(() => ctx?.close());

const row = (b: Leaderboard, name: string | null) => b.rows.find((r) => r.name === name)!;
const sum = (rows: LeaderboardRow[], f: (r: LeaderboardRow) => number) => rows.reduce((a, r) => a + f(r), 0);

describe('招商专班 / 园区 leaderboard (DOMAIN.md §4: signed count and amount vs target, funds in place, team leaderboards)', () => {
  it('by team: each team’s signed projects of the year against its targets, ranked by amount completion', async () => {
    const res = await leader.get('/api/investment/leaderboard?year=2026&by=team');
    expect(res.statusCode, res.body).toBe(200);
    const b: Leaderboard = res.json();
    const usdFen = usdToFen(1_000_000_00, '7.1234'); // 100 万美元 at 7.1234 = 712.34 万元
    expect(usdFen).toBe(712_340_000);
    expect(row(b, '先进制造专班')).toEqual({
      id: teams['先进制造专班'],
      name: '先进制造专班',
      rank: 2,
      signedCount: 3,
      signedCountTarget: 4,
      signedCountRate: '75.00',
      signedAmountFen: 10 * YI + 120 * WAN,
      signedAmountTargetFen: 10 * YI,
      signedAmountRate: '100.12',
      fundsInPlaceFen: 3 * YI + usdFen,
      fundsInPlaceTargetFen: 5 * YI,
      fundsInPlaceRate: '61.42', // (3 亿 + 712.34 万) / 5 亿 = 61.4247%
    });
    expect(row(b, '电子信息专班')).toMatchObject({
      rank: 1,
      signedCount: 1, // the 2025 signing is not this year's
      signedAmountRate: '125.00',
      fundsInPlaceRate: '200.00',
    });
    // Ranked by signed-amount completion (125% before 100.12%), not by amount; the row without a team comes last.
    expect(b.rows.map((r) => [r.rank, r.name])).toEqual([
      [1, '电子信息专班'],
      [2, '先进制造专班'],
      [3, '现代服务专班'],
      [0, null],
    ]);
    expect(row(b, '现代服务专班')).toMatchObject({ signedCount: 0, signedCountTarget: 0, signedAmountRate: '' });
    expect(row(b, null)).toMatchObject({ signedCount: 1, signedAmountFen: YI, signedAmountTargetFen: null });
  });

  it('figures equal the records: rows add up to the zone totals of /api/projects/metrics, by team and by sub-park', async () => {
    const m = (await leader.get('/api/projects/metrics?year=2026')).json();
    for (const by of ['team', 'subPark'] as const) {
      const b: Leaderboard = (await leader.get(`/api/investment/leaderboard?year=2026&by=${by}`)).json();
      expect(
        sum(b.rows, (r) => r.signedCount),
        by,
      ).toBe(m.signedCount);
      expect(
        sum(b.rows, (r) => r.signedAmountFen),
        by,
      ).toBe(m.signedAmountFen);
      expect(
        sum(b.rows, (r) => r.fundsInPlaceFen),
        by,
      ).toBe(m.fundsInPlaceFen);
    }
    const teamsBoard: Leaderboard = (await leader.get('/api/investment/leaderboard?year=2026')).json();
    expect(sum(teamsBoard.rows, (r) => r.signedCountTarget ?? 0)).toBe(m.signedCountTarget);
    expect(sum(teamsBoard.rows, (r) => r.signedAmountTargetFen ?? 0)).toBe(m.signedAmountTargetFen);
    expect(sum(teamsBoard.rows, (r) => r.fundsInPlaceTargetFen ?? 0)).toBe(m.fundsInPlaceTargetFen);
    expect(m.signedCount).toBe(5);

    const parksBoard: Leaderboard = (await leader.get('/api/investment/leaderboard?year=2026&by=subPark')).json();
    expect(row(parksBoard, '电气装备产业园')).toMatchObject({
      signedCount: 2,
      signedAmountFen: 8 * YI + 50 * WAN,
      signedAmountTargetFen: null,
      signedAmountRate: '',
    });
    expect(row(parksBoard, '电子信息产业园')).toMatchObject({ signedCount: 2, signedAmountFen: 7 * YI + 70 * WAN });
    expect(row(parksBoard, null)).toMatchObject({ rank: 0, signedCount: 1 });
  });

  it('exports the same rows and figures as .xlsx; another zone and enterprise users see nothing of it', async () => {
    const b: Leaderboard = (await leader.get('/api/investment/leaderboard?year=2026&by=team')).json();
    const res = await leader.get('/api/investment/leaderboard/export.xlsx?year=2026&by=team');
    expect(res.statusCode).toBe(200);
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]).toEqual(
      expect.arrayContaining(['排名', '招商专班', '签约项目数', '签约金额(元)', '到位资金完成率']),
    );
    expect(rows).toHaveLength(b.rows.length + 1);
    expect(rows[1]!.slice(0, 8)).toEqual([1, '电子信息专班', 1, 2, '50.00%', 500_000_000, 400_000_000, '125.00%']);
    expect(rows[4]![1]).toBe('（未分配专班）');

    const other = await makeTenant(ctx.app);
    const theirs: Leaderboard = (
      await (await other.as('zone_leader')).get('/api/investment/leaderboard?year=2026')
    ).json();
    expect(theirs.rows).toEqual([]);
    expect((await (await tenant.as('enterprise')).get('/api/investment/leaderboard?year=2026')).statusCode).toBe(403);
    const bad = await leader.get('/api/investment/leaderboard?year=26&by=dept');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields).sort()).toEqual(['by', 'year']);
  });
});
