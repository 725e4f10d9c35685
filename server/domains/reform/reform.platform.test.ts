import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearlyInterestSaved } from '../../../shared/reform-platform';
import { makeTenant, type Tenant } from '../../test/factories';
import { type Client, createTestContext, type TestContext } from '../../test/harness';
import { sheetRows } from '../../test/imports';

let ctx: TestContext;
let tenant: Tenant;
let other: Tenant;
let leader: Client;
let company: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  other = await makeTenant(ctx.app);
  leader = await tenant.as('zone_leader');
  company = await tenant.as('platform_company');
});
afterAll(() => ctx.close());

const B = '/api/reform/platform';
const matter = (code: string, overrides: Record<string, unknown> = {}) => ({
  code,
  title: '2025 年度投资计划',
  category: 'investment_plan',
  company: '綦江高发集团',
  amountFen: 1_200_000_000_00,
  ...overrides,
});

describe('§1 管委会+公司: major matters need the committee’s decision', () => {
  let id: string;
  it('rule: the company drafts and submits; only the committee decides, recording the meeting; decided matters are frozen', async () => {
    const created = await company.post(`${B}/matters`, matter('GS-ZD-001'));
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ status: 'draft', submittedOn: null });
    id = created.json().id;
    // not yet submitted: the committee cannot decide
    const early = await leader.post(`${B}/matters/${id}/decide`, {
      outcome: 'approved',
      decidedOn: '2025-01-10',
      meeting: '管委会主任办公会 2025 年第 1 次',
      decisionNote: '同意',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('REFORM_MATTER_STATUS');

    const sub = await company.post(`${B}/matters/${id}/submit`, { submittedOn: '2025-01-08' });
    expect(sub.json()).toMatchObject({ status: 'submitted', submittedOn: '2025-01-08' });
    expect((await company.put(`${B}/matters/${id}`, matter('GS-ZD-001', { title: '改一改标题' }))).statusCode).toBe(
      409,
    );
    expect((await company.delete(`${B}/matters/${id}`)).statusCode).toBe(409);
    // the company may not decide its own matter
    const self = await company.post(`${B}/matters/${id}/decide`, {
      outcome: 'approved',
      decidedOn: '2025-01-10',
      meeting: '董事会',
      decisionNote: '同意',
    });
    expect(self.statusCode).toBe(403);
    const before = await leader.post(`${B}/matters/${id}/decide`, {
      outcome: 'approved',
      decidedOn: '2025-01-07',
      meeting: '管委会主任办公会 2025 年第 1 次',
      decisionNote: '同意',
    });
    expect(before.statusCode).toBe(400);
    expect(before.json().fields).toHaveProperty('decidedOn');
    const ok = await leader.post(`${B}/matters/${id}/decide`, {
      outcome: 'approved',
      decidedOn: '2025-01-10',
      meeting: '管委会主任办公会 2025 年第 1 次',
      decisionNote: '同意，按程序实施',
    });
    expect(ok.json()).toMatchObject({ status: 'approved', meeting: '管委会主任办公会 2025 年第 1 次' });
    expect(ok.json().decidedBy).not.toBe('');
  });

  it('rule 决策前置: only an approved matter is carried out; a rejected one never is', async () => {
    const r = (await company.post(`${B}/matters`, matter('GS-ZD-002', { category: 'equity_transfer' }))).json();
    await company.post(`${B}/matters/${r.id}/submit`, { submittedOn: '2025-02-01' });
    await leader.post(`${B}/matters/${r.id}/decide`, {
      outcome: 'rejected',
      decidedOn: '2025-02-05',
      meeting: '管委会党工委会议',
      decisionNote: '评估不充分',
    });
    const no = await company.post(`${B}/matters/${r.id}/execute`, { executedOn: '2025-02-10' });
    expect(no.statusCode).toBe(409);
    const yes = await company.post(`${B}/matters/${id}/execute`, { executedOn: '2025-01-15', executionNote: '已印发' });
    expect(yes.json()).toMatchObject({ status: 'executed', executedOn: '2025-01-15' });
  });

  it('the summary counts matters by status; export lists the decision record', async () => {
    const s = (await leader.get(`${B}/summary`)).json();
    expect(s.matters).toMatchObject({ total: 2, categoriesUsed: 2, byStatus: { executed: 1, rejected: 1, draft: 0 } });
    const res = await leader.request({ method: 'GET', url: `${B}/matters/export.xlsx` });
    const rows = await sheetRows(res.rawPayload);
    expect(rows[1]).toContain('管委会主任办公会 2025 年第 1 次');
    expect(rows[1]).toContain('已实施');
  });
});

describe('§1 管委会+公司: cooperation list and financing', () => {
  it('rule: commissioned work (清单内) names 代建 or 购买服务 and a contract value; market work carries no commission', async () => {
    const bad = await company.post(`${B}/cooperation`, {
      code: 'HZ-001',
      title: '标准厂房代建',
      area: 'construction',
      kind: 'commissioned',
      year: 2025,
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields).sort()).toEqual(['contractFen', 'mode']);
    const c = await company.post(`${B}/cooperation`, {
      code: 'HZ-001',
      title: '标准厂房代建',
      area: 'construction',
      kind: 'commissioned',
      mode: 'agent_construction',
      contractFen: 38_000_000_00,
      year: 2025,
    });
    expect(c.statusCode).toBe(200);
    const m = await company.post(`${B}/cooperation`, {
      code: 'HZ-002',
      title: '区外物业经营',
      area: 'operation',
      kind: 'market',
      mode: 'service_purchase',
      contractFen: 5_000_000_00,
      year: 2025,
    });
    expect(m.json().mode).toBeNull();
    const s = (await leader.get(`${B}/summary`)).json();
    expect(s.cooperation).toEqual([
      { kind: 'commissioned', items: 1, contractFen: 38_000_000_00 },
      { kind: 'market', items: 1, contractFen: 5_000_000_00 },
    ]);
  });

  it('rule: refinancing 1 亿元 from 7.43% to 3.65% saves 378 万元 of interest a year', async () => {
    expect(yearlyInterestSaved(100_000_000_00, 743, 365)).toBe(3_780_000_00);
    expect(yearlyInterestSaved(1, 743, 365)).toBe(0);
    const oldLoan = await company.post(`${B}/financing`, {
      code: 'RZ-001',
      lender: '某信托公司',
      kind: 'trust',
      principalFen: 100_000_000_00,
      rateBp: 743,
      startOn: '2021-06-01',
      endOn: '2026-06-01',
    });
    expect(oldLoan.statusCode).toBe(200);
    const bad = await company.post(`${B}/financing`, {
      code: 'RZ-002',
      lender: '国家开发银行',
      kind: 'bank_loan',
      principalFen: 100_000_000_00,
      rateBp: 365,
      startOn: '2024-06-01',
      endOn: '2024-05-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields).sort()).toEqual(['endOn']);
    const foreign = await company.post(`${B}/financing`, {
      code: 'RZ-002',
      lender: '国家开发银行',
      kind: 'bank_loan',
      principalFen: 100_000_000_00,
      rateBp: 365,
      startOn: '2024-06-01',
      endOn: '2034-06-01',
      replacesId: oldLoan.json().zoneId,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().fields).toHaveProperty('replacesId');
    const refi = await company.post(`${B}/financing`, {
      code: 'RZ-002',
      lender: '国家开发银行',
      kind: 'bank_loan',
      principalFen: 100_000_000_00,
      rateBp: 365,
      startOn: '2024-06-01',
      endOn: '2034-06-01',
      replacesId: oldLoan.json().id,
    });
    expect(refi.json()).toMatchObject({
      replacesCode: 'RZ-001',
      replacedRateBp: 743,
      yearlyInterestSavedFen: 3_780_000_00,
      replaced: false,
    });
    const twice = await company.post(`${B}/financing`, {
      code: 'RZ-003',
      lender: '农业发展银行',
      kind: 'bank_loan',
      principalFen: 100_000_000_00,
      rateBp: 330,
      startOn: '2024-07-01',
      endOn: '2034-07-01',
      replacesId: oldLoan.json().id,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().fields).toHaveProperty('replacesId');
    expect((await leader.get(`${B}/financing/${oldLoan.json().id}`)).json().replaced).toBe(true);
    const s = (await leader.get(`${B}/summary`)).json();
    expect(s.financing).toEqual({
      outstandingFen: 100_000_000_00,
      avgRateBp: '365.00',
      refinancedFen: 100_000_000_00,
      yearlyInterestSavedFen: 3_780_000_00,
    });
    const rows = await sheetRows(
      (await leader.request({ method: 'GET', url: `${B}/financing/export.xlsx` })).rawPayload,
    );
    expect(rows[2]).toContain('7.43');
    expect(rows[2]).toContain(3_780_000);
  });

  it('scope: another zone sees nothing; staff read; only the company and leaders write; enterprises see nothing', async () => {
    expect((await (await other.as('zone_leader')).get(`${B}/financing`)).json().total).toBe(0);
    const staff = await tenant.as('dept_staff');
    expect((await staff.get(`${B}/matters`)).json().total).toBe(2);
    expect((await staff.post(`${B}/matters`, matter('GS-X'))).statusCode).toBe(403);
    expect((await (await tenant.as('enterprise')).get(`${B}/summary`)).statusCode).toBe(403);
  });
});
