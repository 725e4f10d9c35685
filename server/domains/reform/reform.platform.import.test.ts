import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTenant, type Tenant } from '../../test/factories';
import { type Client, createTestContext, type TestContext } from '../../test/harness';
import { importFile, sheetRows, upload, xlsxOf } from '../../test/imports';

let ctx: TestContext;
let tenant: Tenant;
let other: Tenant;
let company: Client;
let leader: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  other = await makeTenant(ctx.app);
  company = await tenant.as('platform_company');
  leader = await tenant.as('zone_leader');
});
afterAll(() => ctx.close());

const B = '/api/reform/platform';
const errorsOf = (job: { errors: { row: number | null; column: string }[] }) =>
  job.errors.map((e) => `${e.row}:${e.column}`).sort();

describe('§1 管委会+公司 registers: Excel import, all or nothing', () => {
  it('major matters: imported as drafts; duplicate codes, unknown categories and blanks reject the whole file', async () => {
    const header = ['编号', '事项', '类别', '公司', '金额(元)', '说明'];
    const bad = await importFile(
      company,
      'reform-platform-matters',
      await xlsxOf(header, [
        ['ZD-101', '2025 年度预算', '年度预算', '綦江高发集团', 52_000_000.5, ''],
        ['ZD-101', '章程修改', '章程修改', '綦江高发集团', '', ''],
        ['ZD-102', '对外担保', '担保', '綦江高发集团', '', ''],
        ['ZD-103', '', '股权转让', '綦江高发集团', 'abc', ''],
      ]),
    );
    expect(bad).toMatchObject({ status: 'failed_validation' });
    expect(errorsOf(bad)).toEqual(['3:编号', '4:类别', '5:事项', '5:金额(元)']);
    expect((await company.get(`${B}/matters`)).json().total).toBe(0);

    const ok = await importFile(
      company,
      'reform-platform-matters',
      await xlsxOf(header, [
        ['ZD-101', '2025 年度预算', '年度预算', '綦江高发集团', 52_000_000.5, ''],
        ['ZD-102', '对外担保', 'guarantee', '綦江高发集团', '', '为园区企业担保'],
      ]),
    );
    expect(ok).toMatchObject({ status: 'succeeded', summary: { inserted: 2 } });
    const list = (await company.get(`${B}/matters?sortField=code&sortOrder=ascend`)).json();
    expect(
      list.data.map((m: { code: string; status: string; amountFen: number | null }) => [m.code, m.status, m.amountFen]),
    ).toEqual([
      ['ZD-101', 'draft', 52_000_000_50],
      ['ZD-102', 'draft', null],
    ]);
    // the same file again: every code already exists
    const again = await importFile(
      company,
      'reform-platform-matters',
      await xlsxOf(header, [['ZD-101', '2025 年度预算', '年度预算', '綦江高发集团', '', '']]),
    );
    expect(errorsOf(again)).toEqual(['2:编号']);
  });

  it('cooperation: commissioned work needs a mode and an amount; market work drops the mode', async () => {
    const header = ['编号', '合作事项', '领域', '类型', '委托方式', '合同金额(元)', '年度', '相对方'];
    const bad = await importFile(
      company,
      'reform-platform-cooperation',
      await xlsxOf(header, [
        ['HZ-101', '标准厂房代建', '项目建设', '清单内（委托）', '', 0, 2025, ''],
        ['HZ-102', '园区物业', '园区运营', '清单外（市场化）', '购买服务', 1_000_000, '二〇二五', ''],
      ]),
    );
    expect(errorsOf(bad)).toEqual(['2:合同金额(元)', '2:委托方式', '3:年度']);
    const ok = await importFile(
      company,
      'reform-platform-cooperation',
      await xlsxOf(header, [
        ['HZ-101', '标准厂房代建', '项目建设', '清单内（委托）', '委托代建', 36_000_000, 2025, '管委会'],
        ['HZ-102', '园区物业', '园区运营', '清单外（市场化）', '购买服务', 1_000_000, 2025, '某物业公司'],
      ]),
    );
    expect(ok).toMatchObject({ status: 'succeeded', summary: { inserted: 2 } });
    const market = (await company.get(`${B}/cooperation?kind=market`)).json().data;
    expect(market).toMatchObject([{ code: 'HZ-102', mode: null, contractFen: 1_000_000_00 }]);
    const s = (await company.get(`${B}/summary`)).json();
    expect(s.cooperation).toEqual([
      { kind: 'commissioned', items: 1, contractFen: 36_000_000_00 },
      { kind: 'market', items: 1, contractFen: 1_000_000_00 },
    ]);
  });

  it('financing: a refinancing names a registered or earlier code, once; interest saved follows; export re-imports', async () => {
    const header = ['编号', '融资机构', '融资方式', '本金(元)', '年利率(%)', '起始日', '到期日', '置换对象'];
    const oldLoan = ['RZ-101', '某信托公司', '信托', 100_000_000, 7.43, '2021-06-01', '2026-06-01', ''];
    const bad = await importFile(
      company,
      'reform-platform-financing',
      await xlsxOf(header, [
        oldLoan,
        ['RZ-102', '国家开发银行', '银行贷款', 100_000_000, 3.65, '2024-06-01', '2034-06-01', 'RZ-101'],
        ['RZ-103', '农业发展银行', '银行贷款', 100_000_000, 3.3, '2024-07-01', '2034-07-01', 'RZ-101'],
        ['RZ-104', '农业发展银行', '银行贷款', 50_000_000, 3.123, '2024-07-01', '2034-07-01', ''],
        ['RZ-105', '农业发展银行', '银行贷款', 50_000_000, 3.2, '2024-07-01', '2024-06-01', ''],
        ['RZ-106', '农业发展银行', '银行贷款', 50_000_000, 3.2, '2024-07-01', '2034-07-01', 'RZ-999'],
      ]),
    );
    expect(bad).toMatchObject({ status: 'failed_validation' });
    // RZ-103: RZ-101 is already refinanced by RZ-102; rates have at most 2 decimals; RZ-999 does not exist
    expect(errorsOf(bad)).toEqual(['4:置换对象', '5:年利率(%)', '6:到期日', '7:置换对象']);
    expect((await company.get(`${B}/financing`)).json().total).toBe(0);

    const ok = await importFile(
      company,
      'reform-platform-financing',
      await xlsxOf(header, [
        oldLoan,
        ['RZ-102', '国家开发银行', '银行贷款', 100_000_000, 3.65, '2024-06-01', '2034-06-01', 'RZ-101'],
      ]),
    );
    expect(ok).toMatchObject({ status: 'succeeded', summary: { inserted: 2 } });
    const refi = (await company.get(`${B}/financing?refinancing=true`)).json();
    expect(refi.data).toMatchObject([
      { code: 'RZ-102', replacesCode: 'RZ-101', replacedRateBp: 743, yearlyInterestSavedFen: 3_780_000_00 },
    ]);
    expect(
      (await company.get(`${B}/financing?outstanding=true`)).json().data.map((r: { code: string }) => r.code),
    ).toEqual(['RZ-102']);
    expect((await company.get(`${B}/financing?outstanding=false`)).json().total).toBe(1);

    // the export, as downloaded, imports into another zone with the refinancing link rebuilt from codes
    const file = (await leader.request({ method: 'GET', url: `${B}/financing/export.xlsx` })).rawPayload;
    expect((await sheetRows(file))[0]).toContain('置换对象');
    const otherCompany = await other.as('platform_company');
    const copy = await importFile(otherCompany, 'reform-platform-financing', file);
    expect(copy).toMatchObject({ status: 'succeeded', summary: { inserted: 2 } });
    expect((await otherCompany.get(`${B}/summary`)).json().financing).toEqual(
      (await company.get(`${B}/summary`)).json().financing,
    );
  });

  it('only the platform company and leaders import; staff and enterprises are refused', async () => {
    const file = await xlsxOf(['编号'], [['X']]);
    expect((await upload(await tenant.as('dept_staff'), 'reform-platform-financing', file)).statusCode).toBe(403);
    expect((await upload(await tenant.as('enterprise'), 'reform-platform-matters', file)).statusCode).toBe(403);
    expect((await company.get('/api/imports/reform-platform-cooperation/template')).statusCode).toBe(200);
  });
});

describe('reform dashboard: list and platform figures equal the lists they link to', () => {
  it('each figure is the total of its filtered list', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const L = '/api/reform/duty-items';
    const item = { area: '民政和社会管理', effectiveOn: '2024-07-01', retiredOn: null };
    expect((await leader.post(L, { ...item, list: 'duty', code: 'ZZ-901', name: '招商引资服务' })).statusCode).toBe(
      200,
    );
    for (const [code, name, body] of [
      ['BL-901', '殡葬管理', '谢林港镇人民政府'],
      ['BL-902', '低保审核', '谢林港镇人民政府'],
    ] as const)
      expect(
        (
          await leader.post(L, {
            ...item,
            list: 'stripped',
            code,
            name,
            receiverKind: 'town',
            receivingBody: body,
          })
        ).statusCode,
      ).toBe(200);
    const m = (await company.get(`${B}/matters?q=ZD-101`)).json().data[0];
    await company.post(`${B}/matters/${m.id}/submit`, { submittedOn: '2025-01-08' });
    await leader.post(`${B}/matters/${m.id}/decide`, {
      outcome: 'approved',
      decidedOn: '2025-01-10',
      meeting: '管委会主任办公会',
      decisionNote: '同意',
    });

    const rows = await sheetRows((await leader.get('/api/reform/dashboard/export.xlsx')).rawPayload);
    const at = (name: string) => rows.find((r) => r[1] === name)!;
    const total = async (url: string) => (await leader.get(url)).json().total as number;
    expect(at('职责清单事项')[3]).toBe(await total(`${L}?list=duty&asOf=${today}`));
    expect(at('剥离社会事务')[3]).toBe(await total(`${L}?list=stripped&asOf=${today}`));
    expect(at('剥离社会事务')[3]).toBe(2);
    expect(at('承接主体')[3]).toBe(1);
    expect(at('边界清单事项')[3]).toBe(await total(`${L}?list=boundary&asOf=${today}`));
    expect(at('重大事项已批准(待实施)')[3]).toBe(await total(`${B}/matters?status=approved`));
    expect(at('重大事项已批准(待实施)')[3]).toBe(1);
    expect(at('重大事项已实施')[3]).toBe(await total(`${B}/matters?status=executed`));
    expect(at('清单内委托事项 / 金额(元)')[2]).toBe(await total(`${B}/cooperation?kind=commissioned`));
    expect(at('清单外市场化事项 / 金额(元)')[2]).toBe(await total(`${B}/cooperation?kind=market`));
    const sumOf = async (url: string, key: 'principalFen' | 'yearlyInterestSavedFen') =>
      (await leader.get(url)).json().data.reduce((a: number, r: Record<string, number>) => a + (r[key] ?? 0), 0) / 100;
    expect(at('存续融资本金(元)')[3]).toBe(await sumOf(`${B}/financing?outstanding=true&pageSize=500`, 'principalFen'));
    expect(at('置换年节约利息(元)')[3]).toBe(
      await sumOf(`${B}/financing?refinancing=true&pageSize=500`, 'yearlyInterestSavedFen'),
    );
    expect(at('置换年节约利息(元)')[3]).toBe(3_780_000);
  });
});
