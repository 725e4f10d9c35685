import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../shared/credit-code';
import { defaultEfficiencyParams } from '../../../shared/efficiency';
import { makeTenant, type Tenant } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { importFile, sheetRows, xlsxOf } from '../../test/imports';

let ctx: TestContext;
let tenant: Tenant;
let other: Tenant;
const codes: string[] = [];
beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  other = await makeTenant(ctx.app);
  const c = await tenant.as('zone_leader');
  for (let i = 1; i <= 20; i++) {
    const first17 = `91430900${String(700000 + i)}MA3`;
    const code = first17 + creditCodeCheckChar(first17);
    codes.push(code);
    const res = await c.post('/api/enterprises', {
      creditCode: code,
      name: `亩均测试企业${String(i).padStart(2, '0')}有限公司`,
      industryCode: '382',
      scale: 'above',
      tags: [],
    });
    expect(res.statusCode).toBe(200);
  }
});
afterAll(() => ctx.close());

const HEADER = [
  '统一社会信用代码',
  '年度',
  '规模',
  '用地(亩)',
  '实缴税收(万元)',
  '营业收入(万元)',
  '工业增加值(万元)',
  '综合能耗(吨标煤)',
  '主要污染物排放(吨)',
  '研发经费(万元)',
  '年平均职工人数',
  '安全或环保事故',
];

/** Firm i of 20: 50 亩, tax 100·i 万元 (prior year: all at 1000 → benchmark 20 万元/亩), other indicators at par. */
function rows(year: number) {
  return codes.map((code, k) => {
    const i = k + 1;
    const tax = year === 2024 ? 1000 : 100 * i;
    return [code, year, '规上', 50, tax, 20000, 5000, 2500, i === 3 ? null : 100, 600, 200, i === 20 ? '是' : '否'];
  });
}

describe('per-mu evaluation runs (DOMAIN.md §7)', () => {
  let runId: string;

  it('imports two years of 亩均 data from Excel, all-or-nothing with a row-by-row error report', async () => {
    const c = await tenant.as('zone_leader');
    const bad = await importFile(
      c,
      'efficiency-data',
      await xlsxOf(HEADER, [...rows(2024), ['91430900000000000X', 2024, '规上', 10]]),
    );
    expect(bad.status).toBe('failed_validation');
    expect(bad.errors[0]).toMatchObject({ row: 22 });
    for (const year of [2024, 2025]) {
      const job = await importFile(c, 'efficiency-data', await xlsxOf(HEADER, rows(year)));
      expect(job.status).toBe('succeeded');
      expect(job.totalRows).toBe(20);
    }
    // Importing a year again replaces its rows (revised statistics), no duplicates.
    const again = await importFile(c, 'efficiency-data', await xlsxOf(HEADER, rows(2025)));
    expect(again.status).toBe('succeeded');
  });

  it('refuses weights that do not add up to 100, in zh-CN and en-US', async () => {
    const c = await tenant.as('zone_leader');
    const params = defaultEfficiencyParams();
    params.indicators.above[0]!.weight = 40;
    const zh = await c.post('/api/efficiency/runs', { year: 2025, name: '2025 年度评价', params });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().fields['params.indicators.above']).toBe('权重合计应为 100');
    const en = await c.post(
      '/api/efficiency/runs',
      { year: 2025, name: '2025', params },
      { headers: { 'accept-language': 'en-US' } },
    );
    expect(en.json().fields['params.indicators.above']).toBe('The weights must add up to 100');
  });

  it('§7 computes a run: prior-year benchmark, Huangyan weights, missing emission → 规上 average, A20/B60/C95/D bands, incident bars A/B', async () => {
    const c = await tenant.as('zone_leader');
    const created = await c.post('/api/efficiency/runs', {
      year: 2025,
      name: '2025 年度亩均评价',
      params: defaultEfficiencyParams(),
    });
    expect(created.statusCode).toBe(200);
    runId = created.json().id;
    const res = await c.post(`/api/efficiency/runs/${runId}/compute`);
    expect(res.statusCode).toBe(200);
    const run = res.json();
    expect(run.status).toBe('computed');
    expect(run.population).toBe(20);
    expect(run.benchmarks.above.taxPerMu).toBe(20); // 2024: Σ 20 000 万元 / Σ 1 000 亩
    // Firm 20 ranks first but has an incident (→ C): A = ranks 2–4 only.
    expect(run.classCounts).toEqual({ A: 3, B: 8, C: 8, D: 1 });

    const list = (await c.get(`/api/efficiency/runs/${runId}/results?pageSize=50`)).json();
    expect(list.total).toBe(20);
    const top = list.data[0];
    expect(top).toMatchObject({ rank: 1, cls: 'C', enterpriseName: '亩均测试企业20有限公司' });
    // Firm 20: tax 2000 / 50 = 40 万元/亩 ÷ 20 × 30 = 60; the rest at par: 20 + 20 + 10 + 10 + 10 → 130.
    expect(top.score).toBe(130);
    expect(top.adjustments[0]).toMatchObject({ code: 'incident_bars_ab', classFrom: 'A', classTo: 'C' });

    const firm3 = list.data.find((r: { enterpriseName: string }) => r.enterpriseName === '亩均测试企业03有限公司');
    const detail = (await c.get(`/api/efficiency/results/${firm3.id}`)).json();
    const emission = detail.breakdown.find((l: { indicator: string }) => l.indicator === 'valueAddedPerEmission');
    expect(emission).toMatchObject({ value: null, basis: 'missing_average', points: 10 });
    expect(detail.breakdown[0]).toMatchObject({ indicator: 'taxPerMu', value: 6, benchmark: 20, points: 9 });
    expect(detail.inputs).toMatchObject({ tax: 300, landMu: 50, emissionT: null });
    const last = list.data.find((r: { rank: number }) => r.rank === 20);
    // Firm 1: 100 / 50 = 2 万元/亩 ÷ 20 × 30 = 3, plus 70 at par → 73, last → D.
    expect(last).toMatchObject({ cls: 'D', score: 73, enterpriseName: '亩均测试企业01有限公司' });
    expect(last.policies).toEqual([
      { code: 'electricity_surcharge', value: 0.05 },
      { code: 'no_new_land', value: null },
    ]);

    const exported = await c.get(`/api/efficiency/runs/${runId}/results/export.xlsx?cls=D`);
    expect(exported.statusCode).toBe(200);
    const sheet = await sheetRows(exported.rawPayload);
    expect(sheet).toHaveLength(2);
    expect(sheet[1]!.slice(0, 6)).toEqual(['规上', 20, codes[0], '亩均测试企业01有限公司', 73, 'D']);
  });

  it('the run is reproducible: data changed after computing does not touch the frozen results until recomputed', async () => {
    const c = await tenant.as('zone_leader');
    const before = (await c.get(`/api/efficiency/runs/${runId}/results?pageSize=50`)).json().data;
    const changed = rows(2025).map((r) => [...r.slice(0, 4), 999, ...r.slice(5)]);
    expect((await importFile(c, 'efficiency-data', await xlsxOf(HEADER, changed))).status).toBe('succeeded');
    const after = (await c.get(`/api/efficiency/runs/${runId}/results?pageSize=50`)).json().data;
    expect(after).toEqual(before);
    await importFile(c, 'efficiency-data', await xlsxOf(HEADER, rows(2025)));
    expect((await c.post(`/api/efficiency/runs/${runId}/compute`)).statusCode).toBe(200);
    const again = (await c.get(`/api/efficiency/runs/${runId}/results?pageSize=50`)).json().data;
    expect(
      again.map((r: { enterpriseId: string; score: number; cls: string }) => [r.enterpriseId, r.score, r.cls]),
    ).toEqual(
      before.map((r: { enterpriseId: string; score: number; cls: string }) => [r.enterpriseId, r.score, r.cls]),
    );
  });

  it('publishes with an objection window in working days, then locks the run; final only after the window', async () => {
    const c = await tenant.as('zone_leader');
    const staff = await tenant.as('dept_staff');
    expect((await staff.post(`/api/efficiency/runs/${runId}/publish`, { objectionWorkdays: 5 })).statusCode).toBe(403);
    const res = await c.post(`/api/efficiency/runs/${runId}/publish`, { objectionWorkdays: 5 });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('published');
    expect(res.json().objectionEndsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const recompute = await c.post(`/api/efficiency/runs/${runId}/compute`);
    expect(recompute.statusCode).toBe(409);
    expect(recompute.json().code).toBe('EFF_RUN_LOCKED');
    const fin = await c.post(`/api/efficiency/runs/${runId}/finalize`);
    expect(fin.statusCode).toBe(409);
    expect(fin.json().code).toBe('EFF_OBJECTION_WINDOW_OPEN');
  });

  it('scope: another zone sees nothing; an enterprise user sees only its own result', async () => {
    const stranger = await other.as('zone_leader');
    expect((await stranger.get(`/api/efficiency/runs/${runId}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/efficiency/runs/${runId}/results`)).statusCode).toBe(404);
    const ent = await tenant.as('enterprise');
    const res = await ent.get(`/api/efficiency/runs/${runId}/results`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(0); // its enterprise id is not one of the evaluated firms
    const viewer = await tenant.as('province_viewer');
    expect((await viewer.get(`/api/efficiency/runs/${runId}/results`)).json().total).toBe(20);
    expect((await viewer.post(`/api/efficiency/runs/${runId}/compute`)).statusCode).toBe(403);
  });
});
