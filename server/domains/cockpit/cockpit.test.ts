import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvinceCockpit, ZoneCockpit } from '../../../shared/cockpit';
import { DEMO_PASSWORD, seedDemo } from '../../seed/demo';
import { makeTenant } from '../../test/factories';
import { type Client, createTestContext, login, type TestContext } from '../../test/harness';
import { refreshZoneFigures } from '../economy/economy.figures';
import { zones } from '../tenancy/tenancy.tables';

/**
 * DOMAIN.md §9 leadership cockpit: every number drills down to the records behind it. Each figure of the zone
 * cockpit is compared with the total of the list (or metrics) endpoint its link opens, on the demo zone's data.
 */
let ctx: TestContext;
let leader: Client;
let cockpit: ZoneCockpit;

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.database.db;
  // The demo is read-only here; on a shared PostgreSQL a previous run's demo zone is reused.
  const [demo] = await db.select({ id: zones.id }).from(zones).where(eq(zones.code, 'yiyang-hitech'));
  if (!demo) await seedDemo(db);
  else {
    // A demo seeded before econ_zone_figures existed: derive its figures (idempotent).
    const list = await db
      .select({ id: zones.id })
      .from(zones)
      .where(inArray(zones.code, ['yiyang-hitech', 'yuetang-edz']));
    for (const z of list) await refreshZoneFigures(db, z.id, [2025, 2026]);
  }
  leader = await login(ctx.app, 'leader', DEMO_PASSWORD);
  const res = await leader.get('/api/cockpit/zone');
  expect(res.statusCode, res.body).toBe(200);
  cockpit = res.json();
}, 240_000);
afterAll(() => ctx?.close());

async function total(url: string): Promise<number> {
  const res = await leader.get(url);
  expect(res.statusCode, `${url} ${res.body}`).toBe(200);
  return res.json().total;
}

describe('§9 zone cockpit: drill-down totals equal the displayed numbers', () => {
  it('defaults to the latest reported month and carries the key indicators with their month table', async () => {
    expect(cockpit.zoneName).toBe('益阳高新区');
    expect({ year: cockpit.year, month: cockpit.month }).toEqual({ year: 2026, month: 10 });
    expect(cockpit.indicators.length).toBeGreaterThan(5);
    const res = await leader.get(`/api/economy/summary?year=${cockpit.year}&month=${cockpit.month}`);
    const rows = res.json() as ZoneCockpit['indicators'];
    for (const i of cockpit.indicators) {
      const row = rows.find((r) => r.indicatorId === i.indicatorId)!;
      expect([i.cumulative, i.yoyPct, i.completionPct, i.status]).toEqual([
        row.cumulative,
        row.yoyPct,
        row.completionPct,
        row.status,
      ]);
      // The trend's last point is the displayed cumulative.
      expect(i.thisYearCumulative[cockpit.month - 1]).toBe(i.cumulative);
    }
  });

  it('project lights: each count is the key-project list filtered to that light', async () => {
    expect(cockpit.projects.total).toBeGreaterThan(0);
    for (const light of ['red', 'yellow', 'green'] as const) {
      expect(await total(`/api/projects/key?light=${light}&pageSize=1`), light).toBe(cockpit.projects[light]);
    }
    expect(await total('/api/projects/key?pageSize=1')).toBe(cockpit.projects.total);
  });

  it('investment funnel: each stage count is the pipeline list filtered to that stage', async () => {
    expect(cockpit.investment.stages.length).toBeGreaterThan(2);
    for (const s of cockpit.investment.stages) {
      expect(await total(`/api/investment/projects?type=industrial&stage=${s.key}&pageSize=1`), s.key).toBe(s.current);
    }
  });

  it('approval: cases, overdue and open are the case list totals; the on-time rate is the metrics page’s', async () => {
    expect(await total('/api/approval/cases?pageSize=1')).toBe(cockpit.approval.cases);
    expect(await total('/api/approval/cases?light=overdue&pageSize=1')).toBe(cockpit.approval.overdue);
    expect(await total('/api/approval/cases?light=open&pageSize=1')).toBe(cockpit.approval.open);
    const m = (await leader.get('/api/approval/metrics')).json();
    expect([m.onTimeRate, m.decided]).toEqual([cockpit.approval.onTimeRate, cockpit.approval.decided]);
  });

  it('demands: received, resolved, closed and overdue are the demand list totals; closure = finished ÷ received', async () => {
    const d = cockpit.demands;
    expect(d.received).toBeGreaterThan(0);
    expect(await total('/api/services/demands?pageSize=1')).toBe(d.received);
    expect(await total('/api/services/demands?status=resolved&pageSize=1')).toBe(d.resolved);
    expect(await total('/api/services/demands?status=closed&pageSize=1')).toBe(d.closed);
    expect(await total('/api/services/demands?overdue=yes&pageSize=1')).toBe(d.overdue);
    expect(d.closureRate).toBe(Math.round(((d.resolved + d.closed) * 10000) / d.received) / 100);
  });

  it('亩均 class mix: each class count is the run’s result list filtered to that class', async () => {
    const e = cockpit.efficiency!;
    expect(e.total).toBeGreaterThan(0);
    for (const cls of ['A', 'B', 'C', 'D'] as const) {
      expect(await total(`/api/efficiency/runs/${e.runId}/results?cls=${cls}&pageSize=1`), cls).toBe(e.classes[cls]);
    }
    expect(await total(`/api/efficiency/runs/${e.runId}/results?pageSize=1`)).toBe(e.total);
  });

  it('department league: the rows are the cycle’s department scores', async () => {
    const l = cockpit.league!;
    const res = await leader.get(`/api/performance/cycles/${l.cycleId}/scores?subject=department`);
    const rows = res.json() as { departmentId: string; score: number; rank: number }[];
    expect(rows.map((r) => [r.departmentId, r.score, r.rank])).toEqual(
      l.rows.map((r) => [r.departmentId, r.score, r.rank]),
    );
  });

  it('a changed record shows on the next request (no cache between the data and the screen)', async () => {
    const before = cockpit.demands.received;
    const again = (await leader.get('/api/cockpit/zone')).json() as ZoneCockpit;
    expect(again.demands.received).toBe(before);
    expect(new Date(again.generatedAt).getTime()).toBeGreaterThanOrEqual(new Date(cockpit.generatedAt).getTime());
  });
});

describe('§9 monthly report', () => {
  it('the workbook carries the cockpit’s own figures (indicators, lights, league)', async () => {
    const res = await leader.get(`/api/cockpit/zone/report.xlsx?year=${cockpit.year}&month=${cockpit.month}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['经济指标', '重点工作', '部门排名']);
    const econ = wb.worksheets[0]!;
    const first = cockpit.indicators[0]!;
    expect(econ.getRow(4).getCell(1).value).toBe(first.name);
    expect(econ.getRow(4).getCell(4).value).toBe(first.cumulative);
    const work = wb.worksheets[1]!;
    const red = work.getColumn(1).values.indexOf('红灯');
    expect(work.getRow(red).getCell(2).value).toBe(cockpit.projects.red);
    expect(wb.worksheets[2]!.rowCount).toBe(2 + (cockpit.league?.rows.length ?? 0));
  });
});

describe('§9 province cockpit: zones ranked from the maintained figures', () => {
  it('ranks, changes and cumulatives equal the live ranking of /api/economy/rankings/zones', async () => {
    const province = await login(ctx.app, 'province', DEMO_PASSWORD);
    const res = await province.get('/api/cockpit/province?indicator=GYZCZ');
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as ProvinceCockpit;
    expect(p.reporting).toBeGreaterThanOrEqual(2);
    const live = (
      await leader.get(`/api/economy/rankings/zones?year=${p.year}&month=${p.month}&indicator=GYZCZ`)
    ).json() as {
      zoneId: string;
      rank: number;
      change: number | null;
      cumulative: number | null;
      yoyPct: number | null;
    }[];
    expect(live.length).toBe(p.zones);
    for (const row of p.rows.filter((r) => r.rank != null)) {
      const l = live.find((x) => x.zoneId === row.zoneId)!;
      expect([row.rank, row.change, row.cumulative, row.yoyPct], row.zoneName).toEqual([
        l.rank,
        l.change,
        l.cumulative,
        l.yoyPct,
      ]);
    }
  });

  it('a corrected month value is in the province figures at once (maintained in the same transaction)', async () => {
    const province = await login(ctx.app, 'province', DEMO_PASSWORD);
    const before = (await province.get('/api/cockpit/province?indicator=GYZCZ')).json() as ProvinceCockpit;
    const gyzcz = cockpit.indicators.find((i) => i.code === 'GYZCZ')!;
    const mine = before.rows.find((r) => r.zoneId === cockpit.zoneId)!;
    const month = (await leader.get(`/api/economy/summary?year=${before.year}&month=${before.month}`)).json() as {
      indicatorId: string;
      monthValue: number;
    }[];
    const value = month.find((r) => r.indicatorId === gyzcz.indicatorId)!.monthValue;
    const put = await leader.put('/api/economy/values', {
      indicatorId: gyzcz.indicatorId,
      subParkId: null,
      year: before.year,
      month: before.month,
      value: value + 10,
      reason: '补报数据更正',
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = (await province.get('/api/cockpit/province?indicator=GYZCZ')).json() as ProvinceCockpit;
    const row = after.rows.find((r) => r.zoneId === cockpit.zoneId)!;
    expect(row.cumulative).toBeCloseTo((mine.cumulative ?? 0) + 10, 4);
    // put it back, so a rerun on a shared database starts from the same figures
    await leader.put('/api/economy/values', {
      indicatorId: gyzcz.indicatorId,
      subParkId: null,
      year: before.year,
      month: before.month,
      value,
      reason: '恢复',
    });
  });

  it('a province viewer may not name another province; a zone leader may not open the province screen', async () => {
    const province = await login(ctx.app, 'province', DEMO_PASSWORD);
    const other = await makeTenant(ctx.app);
    expect((await province.get(`/api/cockpit/province?provinceId=${other.provinceId}`)).statusCode).toBe(403);
    expect((await leader.get('/api/cockpit/province')).statusCode).toBe(403);
    const admin = await other.as('admin');
    expect((await admin.get('/api/cockpit/province')).statusCode).toBe(400);
    const own = (await admin.get(`/api/cockpit/province?provinceId=${other.provinceId}`)).json() as ProvinceCockpit;
    expect([own.zones, own.reporting]).toEqual([1, 0]);
  });
});

describe('§9 cockpit access', () => {
  it('a department role may not open the cockpit; another zone’s leader sees only its own zone', async () => {
    const t = await makeTenant(ctx.app);
    expect((await (await t.as('dept_staff')).get('/api/cockpit/zone')).statusCode).toBe(403);
    const own = (await (await t.as('zone_leader')).get('/api/cockpit/zone')).json() as ZoneCockpit;
    expect(own.zoneId).toBe(t.zoneId);
    expect(own.projects.total).toBe(0);
    expect(own.efficiency).toBeNull();
    // The province sees a zone of its province through X-Zone-Id.
    const province = (await (await t.as('province_viewer')).get('/api/cockpit/zone')).json() as ZoneCockpit;
    expect(province.zoneId).toBe(t.zoneId);
  });

  it('bad month is a 400 with a field error', async () => {
    const res = await leader.get('/api/cockpit/zone?year=2026&month=13');
    expect(res.statusCode).toBe(400);
  });
});
