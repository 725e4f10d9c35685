import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTenant, makeUser, makeZone, PASSWORD, type Tenant } from '../../test/factories';
import { type Client, createTestContext, login, type TestContext } from '../../test/harness';
import { subParks } from '../tenancy/tenancy.tables';
import {
  competitionRanks,
  completionPct,
  cumulative,
  jumpOf,
  rankSubParks,
  round2,
  statusOf,
  timeProgressPct,
  yoyPct,
} from './economy.rules';

let ctx: TestContext;
let tenant: Tenant;
beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
});
afterAll(() => ctx.close());

let serial = 0;
async function indicator(c: Client, overrides: Record<string, unknown> = {}) {
  serial++;
  const res = await c.post('/api/economy/indicators', {
    code: `GYZCZ${serial}`,
    name: '规上工业总产值',
    unit: '亿元',
    aggregation: 'sum',
    alertBelowPct: 0,
    excellentAbovePct: 10,
    ...overrides,
  });
  expect(res.statusCode).toBe(200);
  return res.json() as { id: string; code: string };
}

async function put(c: Client, body: Record<string, unknown>) {
  const res = await c.put('/api/economy/values', { reason: '', subParkId: null, ...body });
  expect(res.statusCode, res.body).toBe(200);
}

describe('§9 arithmetic (worked examples)', () => {
  it('1–N月 cumulative sums monthly flows, needs every month, and takes the month-end value of a stock', () => {
    expect(cumulative([100, 120, 130], 3, 'sum')).toEqual({ value: 350, missing: [] });
    expect(cumulative([100, null, 130], 3, 'sum')).toEqual({ value: null, missing: [2] });
    expect(cumulative([40, 42, 45], 3, 'last')).toEqual({ value: 45, missing: [] });
  });

  it('YoY growth, target completion and time progress to two decimals', () => {
    // 1–3月 350 vs 300 last year: +16.67 %; annual target 1,400: 25.00 % done at 25.00 % of the year.
    expect(yoyPct(350, 300)).toBe(16.67);
    expect(yoyPct(285, 300)).toBe(-5);
    expect(yoyPct(350, 0)).toBeNull();
    expect(completionPct(350, 1400)).toBe(25);
    expect(completionPct(350, null)).toBeNull();
    expect(timeProgressPct(6)).toBe(50);
    expect(timeProgressPct(7)).toBe(58.33);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(-12.345)).toBe(-12.35);
  });

  it('flags red below the alert line and green from the excellence line, mirrored when lower is better', () => {
    const t = { alertBelowPct: 0, excellentAbovePct: 10, higherIsBetter: true };
    expect(statusOf(-3.2, t)).toBe('red');
    expect(statusOf(4, t)).toBe('normal');
    expect(statusOf(12, t)).toBe('green');
    expect(statusOf(null, t)).toBe('none');
    // 单位增加值能耗: a rise of 2 % is bad, a fall of 12 % excellent.
    const energy = { alertBelowPct: 0, excellentAbovePct: -10, higherIsBetter: false };
    expect(statusOf(2, energy)).toBe('red');
    expect(statusOf(-12, energy)).toBe('green');
  });

  it('an implausible jump is detected against the previous month or the same month last year', () => {
    expect(jumpOf(180, 100, null, 50)).toEqual({ against: 'previousMonth', changePct: 80 });
    expect(jumpOf(130, 100, 60, 50)).toEqual({ against: 'lastYear', changePct: 116.67 });
    expect(jumpOf(120, 100, 100, 50)).toBeNull();
  });

  it('学比争看: per indicator completion relative to the best park, then the weighted mean; ties share a rank', () => {
    const ranked = rankSubParks(
      [
        { id: 'A', completion: { GYZCZ: 60, SS: 40 } },
        { id: 'B', completion: { GYZCZ: 30, SS: 50 } },
        { id: 'C', completion: { GYZCZ: 30, SS: 50 } },
      ],
      { GYZCZ: 60, SS: 40 },
    );
    // A: 0.6×100 + 0.4×80 = 92; B and C: 0.6×50 + 0.4×100 = 70.
    expect(ranked.map((r) => [r.id, r.score, r.rank])).toEqual([
      ['A', 92, 1],
      ['B', 70, 2],
      ['C', 70, 2],
    ]);
    const items = [{ v: 5 }, { v: 9 }, { v: 9 }, { v: null }, { v: 1 }];
    const ranks = competitionRanks(items, (x) => x.v);
    expect(items.map((i) => ranks.get(i) ?? null)).toEqual([3, 1, 1, null, 4]);
  });
});

describe('economic monitoring API', () => {
  it('answers the month table: value, cumulative, YoY, completion and flag from entered values and targets', async () => {
    const leader = await tenant.as('zone_leader');
    const staff = await tenant.as('dept_staff');
    const ind = await indicator(leader);
    for (const [m, v] of [
      [1, 90],
      [2, 100],
      [3, 110],
    ] as const)
      await put(staff, { indicatorId: ind.id, year: 2025, month: m, value: v });
    for (const [m, v] of [
      [1, 100],
      [2, 120],
      [3, 130],
    ] as const)
      await put(staff, { indicatorId: ind.id, year: 2026, month: m, value: v });
    expect(
      (await leader.put('/api/economy/targets', { indicatorId: ind.id, subParkId: null, year: 2026, target: 1400 }))
        .statusCode,
    ).toBe(200);

    const rows = (await leader.get('/api/economy/summary?year=2026&month=3')).json() as Record<string, unknown>[];
    expect(rows.find((r) => r.indicatorId === ind.id)).toMatchObject({
      monthValue: 130,
      cumulative: 350,
      lastYearCumulative: 300,
      yoyPct: 16.67,
      target: 1400,
      completionPct: 25,
      timeProgressPct: 25,
      status: 'green',
      missingMonths: [],
    });
    const trend = (await leader.get(`/api/economy/indicators/${ind.id}/trend?year=2026`)).json();
    expect(trend.thisYear.slice(0, 4)).toEqual([100, 120, 130, null]);
    expect(trend.thisYearCumulative.slice(0, 3)).toEqual([100, 220, 350]);
  });

  it('refuses an implausible jump without a reason (field error, zh-CN and en-US) and keeps the reason given', async () => {
    const leader = await tenant.as('zone_leader');
    const ind = await indicator(leader, { aggregation: 'last', unit: '家', name: '高新技术企业数' });
    await put(leader, { indicatorId: ind.id, year: 2026, month: 4, value: 100 });
    const body = { indicatorId: ind.id, subParkId: null, year: 2026, month: 5, value: 180, reason: '' };
    const refused = await leader.put('/api/economy/values', body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields.reason).toBe('较上月变动 80%，超过 50% 的合理范围，请填写原因');
    const en = await leader.put('/api/economy/values', body, { headers: { 'accept-language': 'en-US' } });
    expect(en.json().fields.reason).toBe('Changes 80% on the previous month, beyond the plausible 50%; give a reason');
    await put(leader, { ...body, reason: '年度认定结果公布，新增 80 家' });
    const rows = (await leader.get('/api/economy/summary?year=2026&month=5')).json() as Record<string, unknown>[];
    expect(rows.find((r) => r.indicatorId === ind.id)).toMatchObject({
      cumulative: 180,
      reason: '年度认定结果公布，新增 80 家',
    });
  });

  it('ranks sub-parks by weighted completion (学比争看)', async () => {
    const leader = await tenant.as('zone_leader');
    const db = ctx.app.ctx.database.db;
    const parks = await db
      .insert(subParks)
      .values([
        { zoneId: tenant.zoneId, code: `P${serial}A`, name: '电气装备产业园', nameEn: 'A' },
        { zoneId: tenant.zoneId, code: `P${serial}B`, name: '电子信息产业园', nameEn: 'B' },
      ])
      .returning();
    const out = await indicator(leader);
    const tax = await indicator(leader, { name: '税收收入', unit: '万元' });
    const [a, b] = [parks[0]!, parks[1]!];
    // Completion: output A 60 %, B 30 %; tax A 40 %, B 50 % (targets 100 each, one month reported).
    for (const [park, o, t] of [
      [a.id, 60, 40],
      [b.id, 30, 50],
    ] as const) {
      await put(leader, { indicatorId: out.id, subParkId: park, year: 2026, month: 1, value: o });
      await put(leader, { indicatorId: tax.id, subParkId: park, year: 2026, month: 1, value: t });
      for (const ind of [out, tax]) {
        await leader.put('/api/economy/targets', { indicatorId: ind.id, subParkId: park, year: 2026, target: 100 });
      }
    }
    const res = await leader.get(
      `/api/economy/rankings/sub-parks?year=2026&month=1&indicators=${out.code}:60,${tax.code}:40`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().map((r: { name: string; score: number; rank: number }) => [r.name, r.score, r.rank])).toEqual([
      ['电气装备产业园', 92, 1],
      ['电子信息产业园', 70, 2],
    ]);
    const unknown = await leader.get('/api/economy/rankings/sub-parks?year=2026&month=1&indicators=NOPE:10');
    expect(unknown.statusCode).toBe(400);
  });

  it('ranks the zones of a province by YoY growth with the move since last month ("2nd, up 1")', async () => {
    const db = ctx.app.ctx.database.db;
    const clients: Client[] = [];
    const ids: string[] = [];
    // Three zones of one province reporting the same code. Growth in Feb (1–2月): 10 %, 20 %, 5 %; in Jan: 30 %, 0 %, 10 %.
    const provinceId = tenant.provinceId;
    const growth = [
      [130, 110],
      [100, 120],
      [110, 105],
    ];
    for (let z = 0; z < 3; z++) {
      const zone = z === 0 ? { id: tenant.zoneId } : await makeZone(db, provinceId);
      const u = await makeUser(db, 'zone_leader', { zoneId: zone.id });
      const c = await login(ctx.app, u.username, PASSWORD);
      clients.push(c);
      ids.push(zone.id);
      const ind = await indicator(c, { code: 'GDP_RANK', name: '地区生产总值' });
      const [jan, feb] = growth[z]! as [number, number];
      // Last year 100 each month; this year Jan and Feb as above → 1–2月 growth (jan+feb)/200 − 1.
      for (const m of [1, 2]) await put(c, { indicatorId: ind.id, year: 2025, month: m, value: 100 });
      await put(c, { indicatorId: ind.id, year: 2026, month: 1, value: jan });
      await put(c, { indicatorId: ind.id, year: 2026, month: 2, value: feb });
    }
    const res = await clients[0]!.get('/api/economy/rankings/zones?year=2026&month=2&indicator=GDP_RANK');
    expect(res.statusCode).toBe(200);
    const rows = res.json() as { zoneId: string; rank: number; change: number | null; yoyPct: number }[];
    const mine = (i: number) => rows.find((r) => r.zoneId === ids[i])!;
    // 1–2月: zone0 (130+110)/200 = +20 %, zone1 +10 %, zone2 +7.5 %. Jan: zone0 +30 % (1st), zone1 0 % (3rd), zone2 +10 % (2nd).
    expect([mine(0).rank, mine(0).yoyPct, mine(0).change]).toEqual([1, 20, 0]);
    expect([mine(1).rank, mine(1).yoyPct, mine(1).change]).toEqual([2, 10, 1]);
    expect([mine(2).rank, mine(2).yoyPct, mine(2).change]).toEqual([3, 7.5, -1]);
  });

  it('keeps enterprises out, lets departments enter values but not change the catalogue', async () => {
    expect((await (await tenant.as('enterprise')).get('/api/economy/summary?year=2026&month=1')).statusCode).toBe(403);
    const staff = await tenant.as('dept_staff');
    const denied = await staff.post('/api/economy/indicators', { code: 'X1', name: '测试指标', unit: '个' });
    expect(denied.statusCode).toBe(403);
    const other = await makeTenant(ctx.app);
    const foreign = await indicator(await other.as('zone_leader'));
    const cross = await staff.put('/api/economy/values', {
      indicatorId: foreign.id,
      subParkId: null,
      year: 2026,
      month: 1,
      value: 1,
      reason: '',
    });
    expect(cross.statusCode).toBe(400);
    expect(cross.json().fields.indicatorId).toBeTruthy();
  });
});
