import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTenant, type Tenant } from '../../test/factories';
import { type Client, createTestContext, type TestContext } from '../../test/harness';
import { importFile, sheetRows, xlsxOf } from '../../test/imports';
import { subParks } from '../tenancy/tenancy.tables';
import { econValues, econZoneFigures } from './economy.tables';

let ctx: TestContext;
let tenant: Tenant;
beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
});
afterAll(() => ctx.close());

const HEADER = ['指标代码', '子园区', '年度', '月份', '当月值', '异常变动原因'];

async function indicator(c: Client, code: string, overrides: Record<string, unknown> = {}) {
  const res = await c.post('/api/economy/indicators', {
    code,
    name: '规上工业总产值',
    unit: '亿元',
    aggregation: 'sum',
    alertBelowPct: 0,
    excellentAbovePct: 10,
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; code: string };
}

describe('Excel import of monthly indicator values (DOMAIN.md §9)', () => {
  it('serves a template with the six columns', async () => {
    const c = await tenant.as('dept_staff');
    const res = await c.get('/api/imports/econ-values/template');
    expect(res.statusCode).toBe(200);
    const [header] = await sheetRows(res.rawPayload);
    expect((header as string[]).map((h) => String(h).replace(/\*$/, ''))).toEqual(HEADER);
  });

  it('imports zone and sub-park values, and refreshes the zone figures in the same transaction', async () => {
    const leader = await tenant.as('zone_leader');
    const staff = await tenant.as('dept_staff');
    const db = ctx.app.ctx.database.db;
    const [park] = await db
      .insert(subParks)
      .values({ zoneId: tenant.zoneId, code: 'IMP-A', name: '导入测试产业园', nameEn: 'Import park' })
      .returning();
    const ind = await indicator(leader, 'IMPGOOD');
    const rows = [
      ...[1, 2, 3].map((m) => ['IMPGOOD', '', 2025, m, 100, '']),
      ...[1, 2, 3].map((m) => ['impgood', null, 2026, m, 100 + 10 * m, '']),
      ['IMPGOOD', '导入测试产业园', 2026, 1, 40, ''],
      ['IMPGOOD', 'IMP-A', 2026, 2, 45, ''],
    ];
    const job = await importFile(staff, 'econ-values', await xlsxOf(HEADER, rows));
    expect(job.status, JSON.stringify(job.errors)).toBe('succeeded');
    expect(job.totalRows).toBe(8);

    const summary = (await leader.get('/api/economy/summary?year=2026&month=3')).json() as Record<string, unknown>[];
    // 1–3月 110 + 120 + 130 = 360 against 300: +20 %.
    expect(summary.find((r) => r.indicatorId === ind.id)).toMatchObject({ cumulative: 360, yoyPct: 20 });
    const parkValues = await db
      .select({ month: econValues.month, value: econValues.value })
      .from(econValues)
      .where(and(eq(econValues.indicatorId, ind.id), eq(econValues.subParkId, park!.id)));
    expect(parkValues.sort((a, b) => a.month - b.month)).toEqual([
      { month: 1, value: 40 },
      { month: 2, value: 45 },
    ]);
    const figures = await db
      .select({ month: econZoneFigures.month, cumulative: econZoneFigures.cumulative, yoy: econZoneFigures.yoyPct })
      .from(econZoneFigures)
      .where(and(eq(econZoneFigures.indicatorId, ind.id), eq(econZoneFigures.year, 2026)));
    expect(figures.sort((a, b) => a.month - b.month)).toEqual([
      { month: 1, cumulative: 110, yoy: 10 },
      { month: 2, cumulative: 230, yoy: 15 },
      { month: 3, cumulative: 360, yoy: 20 },
    ]);

    // Importing a month again corrects it (no duplicate), and the figures follow.
    const again = await importFile(staff, 'econ-values', await xlsxOf(HEADER, [['IMPGOOD', '', 2026, 3, 140, '']]));
    expect(again.status).toBe('succeeded');
    const [march] = await db
      .select({ cumulative: econZoneFigures.cumulative })
      .from(econZoneFigures)
      .where(
        and(eq(econZoneFigures.indicatorId, ind.id), eq(econZoneFigures.year, 2026), eq(econZoneFigures.month, 3)),
      );
    expect(march?.cumulative).toBe(370);
  });

  it('refuses the whole file for one bad row and reports that row', async () => {
    const leader = await tenant.as('zone_leader');
    const ind = await indicator(leader, 'IMPBAD');
    const job = await importFile(
      leader,
      'econ-values',
      await xlsxOf(HEADER, [
        ['IMPBAD', '', 2026, 1, 10, ''],
        ['NO_SUCH_CODE', '', 2026, 2, 12, ''],
        ['IMPBAD', '', 2026, 13, 12, ''],
        ['IMPBAD', '不存在的园区', 2026, 3, 12, ''],
      ]),
    );
    expect(job.status).toBe('failed_validation');
    expect(job.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '指标代码'],
      [4, '月份'],
      [5, '子园区'],
    ]);
    expect(job.errors[0]!.message).toBe('指标代码不存在');
    const written = await ctx.app.ctx.database.db
      .select({ id: econValues.id })
      .from(econValues)
      .where(eq(econValues.indicatorId, ind.id));
    expect(written).toEqual([]);
  });

  it('refuses an implausible jump without a reason, against the database or an earlier row of the file', async () => {
    const leader = await tenant.as('zone_leader');
    const stock = await indicator(leader, 'IMPJUMP', { aggregation: 'last', unit: '家', name: '高新技术企业数' });
    const put = await leader.put('/api/economy/values', {
      indicatorId: stock.id,
      subParkId: null,
      year: 2026,
      month: 4,
      value: 100,
      reason: '',
    });
    expect(put.statusCode).toBe(200);
    const refused = await importFile(
      leader,
      'econ-values',
      await xlsxOf(HEADER, [
        ['IMPJUMP', '', 2026, 5, 180, ''],
        ['IMPJUMP', '', 2026, 6, 100, ''],
      ]),
    );
    expect(refused.status).toBe('failed_validation');
    // May: +80 % on April (database); June: −44.44 % on May (the file's row 2) — within 50 %, accepted.
    expect(refused.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: '异常变动原因',
        message: '较上月变动 80%，超过 50% 的合理范围，请填写原因',
      }),
    ]);
    const withReason = await importFile(
      leader,
      'econ-values',
      await xlsxOf(HEADER, [
        ['IMPJUMP', '', 2026, 5, 180, '年度认定结果公布'],
        ['IMPJUMP', '', 2026, 6, 100, ''],
      ]),
    );
    expect(withReason.status, JSON.stringify(withReason.errors)).toBe('succeeded');
    const rows = (await leader.get('/api/economy/summary?year=2026&month=5')).json() as Record<string, unknown>[];
    expect(rows.find((r) => r.indicatorId === stock.id)).toMatchObject({ cumulative: 180, reason: '年度认定结果公布' });
  });

  it('is for the economy writers only', async () => {
    const c = await tenant.as('enterprise');
    expect((await c.get('/api/imports/econ-values/template')).statusCode).toBe(403);
  });
});
