import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../shared/credit-code';
import { auditEvents } from '../../platform/audit.tables';
import { makeTenant, type Tenant } from '../../test/factories';
import { type Client, createTestContext, type TestContext } from '../../test/harness';
import { importFile, xlsxOf } from '../../test/imports';
import { enterprises } from '../enterprises/enterprises.tables';
import { approvalCases } from './approval.tables';

/**
 * Catalogue settings: the authority-list link and the rule parameters.
 * DOMAIN.md §2 "Service catalogue (事项) derived from the authority list": an item's authority_item_code must name a
 * power of the zone's currently published 权责清单 (reform domain, sources retained / newly empowered).
 */
let ctx: TestContext;
let tenant: Tenant;
let other: Tenant;
let leader: Client;
let v1: string;

const power = (code: string, over: Record<string, unknown> = {}) => ({
  code,
  name: `权力事项 ${code}`,
  category: '行政许可',
  source: 'retained',
  mode: 'direct',
  grantingDept: '区自然资源局',
  legalBasis: '《行政许可法》',
  handling: 'full',
  ...over,
});

let serial = 0;
const item = (authorityItemCode: string | null, over: Record<string, unknown> = {}) => ({
  code: `AU-${++serial}`,
  name: '建设工程规划许可证核发',
  type: 'license',
  stage: 2,
  leadDepartmentId: tenant.deptA.id,
  statutoryDays: 20,
  committedDays: 5,
  materials: [{ code: 'sqb', name: '申请表', required: true, mayFollow: false }],
  authorityItemCode,
  ...over,
});

async function publish(powers: ReturnType<typeof power>[]) {
  const draft = await leader.post('/api/reform/authority/versions', { title: `清单 ${Date.now()}` });
  expect(draft.statusCode, draft.body).toBe(200);
  const id: string = draft.json().id;
  for (const p of powers) {
    const r = await leader.post(`/api/reform/authority/versions/${id}/items`, p);
    expect(r.statusCode, r.body).toBe(200);
  }
  return id;
}

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  other = await makeTenant(ctx.app);
  leader = await tenant.as('zone_leader');
  v1 = await publish([
    power('QZ-0101'),
    power('QZ-0102', { source: 'empowered', handling: 'accept_only', name: '建设工程规划条件核实' }),
    power('QZ-0103'),
    power('QZ-0199', { source: 'cancelled' }),
  ]);
  expect((await leader.post(`/api/reform/authority/versions/${v1}/publish`)).statusCode).toBe(200);
});
afterAll(() => ctx.close());

describe('§2 rule: an item derives from a power of the published authority list', () => {
  it('accepts a published power (code normalised to upper case) and shows the link on the item', async () => {
    const head = await tenant.as('dept_head');
    const res = await head.post('/api/approval/items', item('qz-0102'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      authorityItemCode: 'QZ-0102',
      authority: { code: 'QZ-0102', name: '建设工程规划条件核实', source: 'empowered', handling: 'accept_only' },
    });
    const list = await head.get('/api/approval/items?q=AU-');
    const row = list.json().data.find((i: { id: string }) => i.id === res.json().id);
    expect(row.authority.code).toBe('QZ-0102');
    // An item need not come from the list (e.g. 市政接入), then it has no link.
    const free = await head.post('/api/approval/items', item(null, { type: 'utility' }));
    expect(free.json()).toMatchObject({ authorityItemCode: null, authority: null });
  });

  it('refuses an unknown code, a cancelled power and another zone’s list with a field error in zh-CN and en-US', async () => {
    const head = await tenant.as('dept_head');
    const zh = await head.post('/api/approval/items', item('QZ-9999'));
    expect(zh.statusCode).toBe(400);
    expect(zh.json().fields.authorityItemCode).toBe(
      '权责清单编码“QZ-9999”不在本园区现行发布的权责清单中（须为保留或新增赋权事项）',
    );
    const en = await head.post('/api/approval/items', item('QZ-0199'), { headers: { 'accept-language': 'en-US' } });
    expect(en.statusCode).toBe(400);
    expect(en.json().fields.authorityItemCode).toBe(
      'Code "QZ-0199" is not a power in the zone\'s currently published authority list (retained or newly empowered)',
    );
    // The other zone has no published list: the same code is unknown there.
    const o = await (await other.as('dept_head')).post('/api/approval/items', {
      ...item('QZ-0101'),
      leadDepartmentId: other.deptA.id,
    });
    expect(o.statusCode).toBe(400);
    expect(o.json().fields).toHaveProperty('authorityItemCode');
  });

  it('follows the list as versions are published: drafts do not count; a cancelled power can only be retired', async () => {
    const head = await tenant.as('dept_head');
    const linked = (await head.post('/api/approval/items', item('QZ-0103'))).json();
    expect(linked.authority.code).toBe('QZ-0103');

    // v2 (draft): QZ-0103 cancelled, QZ-0104 newly empowered. Nothing changes until it is published.
    const draft = (await leader.post('/api/reform/authority/versions', { title: '2025 赋权清单' })).json();
    const items = (await leader.get(`/api/reform/authority/versions/${draft.id}/items?pageSize=50`)).json().data;
    const p103 = items.find((p: { code: string }) => p.code === 'QZ-0103');
    expect(
      (await leader.put(`/api/reform/authority/items/${p103.id}`, power('QZ-0103', { source: 'cancelled' })))
        .statusCode,
    ).toBe(200);
    await leader.post(`/api/reform/authority/versions/${draft.id}/items`, power('QZ-0104', { source: 'empowered' }));
    expect((await head.post('/api/approval/items', item('QZ-0104'))).statusCode).toBe(400);
    expect((await leader.post(`/api/reform/authority/versions/${draft.id}/publish`)).statusCode).toBe(200);

    expect((await head.post('/api/approval/items', item('QZ-0104'))).statusCode).toBe(200);
    // The item linked to the now-cancelled power shows no link, may not be saved as active with it…
    const stale = (await head.get(`/api/approval/items/${linked.id}`)).json();
    expect(stale).toMatchObject({ authorityItemCode: 'QZ-0103', authority: null });
    const {
      id: _id,
      zoneId: _z,
      leadDepartmentName: _l,
      authority: _a,
      createdAt: _c,
      updatedAt: _u,
      ...input
    } = stale;
    const keep = await head.put(`/api/approval/items/${linked.id}`, input);
    expect(keep.statusCode).toBe(400);
    expect(keep.json().fields).toHaveProperty('authorityItemCode');
    // …but it can be retired unchanged, or relinked to a published power.
    expect((await head.put(`/api/approval/items/${linked.id}`, { ...input, active: false })).statusCode).toBe(200);
    const relinked = await head.put(`/api/approval/items/${linked.id}`, { ...input, authorityItemCode: 'QZ-0104' });
    expect(relinked.json().authority.code).toBe('QZ-0104');

    const options = (await head.get('/api/approval/authority-items')).json();
    expect(options.map((p: { code: string }) => p.code)).toEqual(['QZ-0101', 'QZ-0102', 'QZ-0104']);
  });

  it('the Excel import checks the same rule row by row (nothing written when one code is unknown)', async () => {
    const header = ['事项编码', '事项名称', '事项类型', '牵头部门', '法定时限', '承诺时限', '权责清单编码'];
    const rows = [
      ['IMP-1', '建设工程规划许可证核发', '行政许可', tenant.deptA.name, 20, 5, 'QZ-0101'],
      ['IMP-2', '建设工程规划条件核实', '行政许可', tenant.deptA.name, 20, 5, 'QZ-0777'],
    ];
    const job = await importFile(await tenant.as('dept_head'), 'approval-items', await xlsxOf(header, rows));
    expect(job.status).toBe('failed_validation');
    expect(job.errors).toEqual([expect.objectContaining({ row: 3, message: expect.stringContaining('QZ-0777') })]);
  });
});

describe('rule parameters (DOMAIN.md: thresholds are defaults of configurable rules, per zone and year)', () => {
  it('reads the defaults, refuses inconsistent values with field errors, lets only leaders save, audits', async () => {
    const head = await tenant.as('dept_head');
    const read = (await head.get('/api/approval/rules?year=2026')).json();
    expect(read).toMatchObject({
      year: 2026,
      fromYear: null,
      savedYears: [],
      params: { completenessDays: 5, rongqueDays: 10 },
    });
    const params = { ...read.params, yellowDays: 3, redDays: 5 };
    expect((await head.put('/api/approval/rules', { year: 2026, params })).statusCode).toBe(403);
    const bad = await leader.put('/api/approval/rules', { year: 2026, params });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields['params.redDays']).toBe('红色预警天数不能大于黄色预警天数');
    const neg = await leader.put(
      '/api/approval/rules',
      { year: 2026, params: { ...read.params, rongqueDays: 0, extensionJointDays: 5 } },
      { headers: { 'accept-language': 'en-US' } },
    );
    expect(neg.json().fields).toMatchObject({
      'params.rongqueDays': expect.any(String),
      'params.extensionJointDays': 'The joint extension cannot be shorter than the single-agency extension',
    });
    // A later year's parameters apply from that year on; earlier years keep theirs.
    const saved = await leader.put('/api/approval/rules', { year: 2030, params: { ...read.params, rongqueDays: 15 } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ fromYear: 2030, recomputed: 0, savedYears: [{ year: 2030 }] });
    expect((await head.get('/api/approval/rules?year=2031')).json()).toMatchObject({
      fromYear: 2030,
      params: { rongqueDays: 15 },
    });
    expect((await head.get('/api/approval/rules?year=2029')).json()).toMatchObject({
      fromYear: null,
      params: { rongqueDays: 10 },
    });
    const [audit] = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'approval_rules'), eq(auditEvents.zoneId, tenant.zoneId)));
    expect(audit).toMatchObject({
      action: 'update',
      before: { year: 2030, rongqueDays: 10 },
      after: { year: 2030, rongqueDays: 15 },
    });
  });

  it('saving the parameters in force moves the stored due dates of open cases (suspension cap lowered)', async () => {
    const head = await tenant.as('dept_head');
    const it1 = (await head.post('/api/approval/items', item(null))).json();
    const [firm] = await ctx.database.db
      .insert(enterprises)
      .values({
        zoneId: tenant.zoneId,
        creditCode: `91430900MA4Q0RUL1${creditCodeCheckChar('91430900MA4Q0RUL1')}`,
        name: '规则测试企业',
        industryCode: '382',
        industrySection: 'C',
      })
      .returning();
    const id = (
      await head.post('/api/approval/cases', {
        itemIds: [it1.id],
        enterpriseId: firm!.id,
        suppliedMaterials: ['sqb'],
        receivedOn: '2026-09-01',
      })
    ).json().id;
    for (const body of [
      { action: 'accept', on: '2026-09-01' },
      { action: 'start_review', on: '2026-09-01' },
      { action: 'suspend', on: '2026-09-02', suspensionType: 'expert_review', reason: '专家评审' },
    ]) {
      expect((await head.post(`/api/approval/cases/${id}/actions`, body)).statusCode).toBe(200);
    }
    const before = (await head.get(`/api/approval/cases/${id}`)).json().clock.statutoryDue;
    const year = Number(new Date().toISOString().slice(0, 4));
    const params = (await head.get(`/api/approval/rules?year=${year}`)).json().params;
    const saved = await leader.put('/api/approval/rules', {
      year,
      params: { ...params, suspensionCaps: { ...params.suspensionCaps, expert_review: 5 } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().recomputed).toBeGreaterThanOrEqual(1);
    const [row] = await ctx.database.db.select().from(approvalCases).where(eq(approvalCases.id, id));
    expect(row!.statutoryDue! < before).toBe(true);
    expect((await head.get(`/api/approval/cases/${id}`)).json().clock.statutoryDue).toBe(row!.statutoryDue);
  });
});

describe('§2 Documents: suspension, resumption and extension notices are issued at the step and kept as issued', () => {
  it('worked example: expert review 09-30 (cap 20), resumed 10-10, extended +10 on 10-13: statutory 10-31 → 11-14', async () => {
    const head = await tenant.as('dept_head');
    const it1 = (await head.post('/api/approval/items', item(null, { statutoryDays: 20, committedDays: 10 }))).json();
    const [firm] = await ctx.database.db
      .insert(enterprises)
      .values({
        zoneId: tenant.zoneId,
        creditCode: `91430900MA4Q0RUL2${creditCodeCheckChar('91430900MA4Q0RUL2')}`,
        name: '文书测试企业',
        industryCode: '382',
        industrySection: 'C',
      })
      .returning();
    const created = await head.post('/api/approval/cases', {
      itemIds: [it1.id],
      enterpriseId: firm!.id,
      suppliedMaterials: ['sqb'],
      receivedOn: '2025-09-25',
    });
    const { id, caseNo } = created.json();
    for (const body of [
      { action: 'accept', on: '2025-09-25' },
      { action: 'start_review', on: '2025-09-25' },
      { action: 'suspend', on: '2025-09-30', suspensionType: 'expert_review', reason: '组织专家评审' },
      { action: 'resume', on: '2025-10-10' },
      { action: 'extend', on: '2025-10-13', reason: '情况复杂，需延长审查期限' },
    ]) {
      const r = await head.post(`/api/approval/cases/${id}/actions`, body);
      expect(r.statusCode, r.body).toBe(200);
    }
    const detail = (await head.get(`/api/approval/cases/${id}`)).json();
    expect(detail.notices).toEqual([
      expect.objectContaining({
        kind: 'suspension',
        noticeNo: `${caseNo}-ZT1`,
        issuedOn: '2025-09-30',
        content: expect.objectContaining({ suspensionType: 'expert_review', capWorkdays: 20, reason: '组织专家评审' }),
      }),
      // 恢复计时告知书: 09-30 and 10-09 were working days (10-01…10-08 National Day), so two days stayed off the
      // clock and the statutory due date is 10-31 again.
      expect.objectContaining({
        kind: 'resumption',
        noticeNo: `${caseNo}-HF1`,
        issuedOn: '2025-10-10',
        content: expect.objectContaining({
          suspensionType: 'expert_review',
          capWorkdays: 20,
          suspendedFrom: '2025-09-30',
          suspendedWorkdays: 2,
          statutoryDueAfter: '2025-10-31',
        }),
      }),
      expect.objectContaining({
        kind: 'extension',
        noticeNo: `${caseNo}-YQ1`,
        issuedOn: '2025-10-13',
        content: expect.objectContaining({
          extensionDays: 10,
          approver: expect.any(String),
          statutoryDueBefore: '2025-10-31',
          statutoryDueAfter: '2025-11-14',
        }),
      }),
    ]);
    // A refused step issues nothing: a second extension is refused and no fourth notice appears.
    expect(
      (await head.post(`/api/approval/cases/${id}/actions`, { action: 'extend', reason: '再延' })).statusCode,
    ).toBe(409);
    expect((await head.get(`/api/approval/cases/${id}`)).json().notices).toHaveLength(3);
    // Another zone cannot reach the case or its notices.
    expect((await (await other.as('zone_leader')).get(`/api/approval/cases/${id}`)).statusCode).toBe(404);
  });

  it('a non-acceptance notice carries the reason', async () => {
    const head = await tenant.as('dept_head');
    const it1 = (await head.post('/api/approval/items', item(null))).json();
    const [firm] = await ctx.database.db
      .insert(enterprises)
      .values({
        zoneId: tenant.zoneId,
        creditCode: `91430900MA4Q0RUL3${creditCodeCheckChar('91430900MA4Q0RUL3')}`,
        name: '不予受理测试企业',
        industryCode: '382',
        industrySection: 'C',
      })
      .returning();
    const { id } = (
      await head.post('/api/approval/cases', { itemIds: [it1.id], enterpriseId: firm!.id, suppliedMaterials: ['sqb'] })
    ).json();
    const r = await head.post(`/api/approval/cases/${id}/actions`, {
      action: 'not_accept',
      reason: '不属于本机关职权范围',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().notices).toEqual([
      expect.objectContaining({
        kind: 'not_accepted',
        content: expect.objectContaining({ reason: '不属于本机关职权范围' }),
      }),
    ]);
  });
});
