import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../shared/credit-code';
import { calendarOf, WorkCalendar } from '../../platform/calendar';
import { makeTenant, makeUser, PASSWORD, type Tenant } from '../../test/factories';
import { type Client, createTestContext, login, type TestContext } from '../../test/harness';
import { enterprises } from '../enterprises/enterprises.tables';
import { computeClock } from './approval.clock';
import { rulesOf } from './approval.repository';
import { recomputeOpenCases } from './approval.service';
import { approvalCases } from './approval.tables';

let ctx: TestContext;
let tenant: Tenant;
let other: Tenant;
let ent: { id: string; name: string };
let ent2: { id: string; name: string };
let entClient: Client;
let ent2Client: Client;

let serial = 0;
function code(): string {
  serial++;
  const first17 = `91430900${String(Date.now() % 1_000_000).padStart(6, '0')}${String(serial).padStart(3, '0')}`.slice(
    0,
    17,
  );
  return first17 + creditCodeCheckChar(first17);
}
async function makeEnterprise(zoneId: string, name: string) {
  const [e] = await ctx.database.db
    .insert(enterprises)
    .values({ zoneId, creditCode: code(), name, industryCode: '382', industrySection: 'C' })
    .returning();
  return e!;
}

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  other = await makeTenant(ctx.app);
  ent = await makeEnterprise(tenant.zoneId, '益阳电气装备有限公司');
  ent2 = await makeEnterprise(tenant.zoneId, '湘潭新材料有限公司');
  const u1 = await makeUser(ctx.database.db, 'enterprise', { zoneId: tenant.zoneId, enterpriseId: ent.id });
  const u2 = await makeUser(ctx.database.db, 'enterprise', { zoneId: tenant.zoneId, enterpriseId: ent2.id });
  entClient = await login(ctx.app, u1.username, PASSWORD);
  ent2Client = await login(ctx.app, u2.username, PASSWORD);
});
afterAll(() => ctx.close());

let itemSerial = 0;
const item = (over: Record<string, unknown> = {}) => ({
  code: `XK-${++itemSerial}-${Date.now() % 100000}`,
  name: '建设工程规划许可证核发',
  type: 'license',
  stage: 2,
  leadDepartmentId: tenant.deptA.id,
  statutoryDays: 20,
  committedDays: 10,
  modes: ['rongque'],
  materials: [
    { code: 'sqb', name: '申请表', required: true, mayFollow: false },
    { code: 'zpmt', name: '总平面图', required: true, mayFollow: true },
  ],
  fees: [{ name: '工本费', amountFen: 1000 }],
  ...over,
});

async function createItem(over: Record<string, unknown> = {}) {
  const res = await (await tenant.as('dept_head')).post('/api/approval/items', item(over));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; code: string };
}

describe('service catalogue (§2 事项)', () => {
  it('rule: committed limit ≤ statutory limit, refused with a field message in zh-CN and en-US', async () => {
    const c = await tenant.as('zone_leader');
    const zh = await c.post('/api/approval/items', item({ committedDays: 25 }));
    expect(zh.statusCode).toBe(400);
    expect(zh.json().fields.committedDays).toBe('承诺时限不能超过法定时限');
    const en = await c.post('/api/approval/items', item({ committedDays: 25 }), {
      headers: { 'accept-language': 'en-US' },
    });
    expect(en.json().fields.committedDays).toBe('The committed limit may not exceed the statutory limit');
  });

  it('keeps every field of the catalogue and lists it with filters; staff below head cannot edit', async () => {
    const created = await createItem({
      stage: 3,
      online: false,
      prerequisiteCodes: ['XK-1'],
    });
    const list = await (await tenant.as('dept_staff')).get('/api/approval/items?stage=3&online=false');
    expect(list.json().data.find((i: { id: string }) => i.id === created.id)).toMatchObject({
      stage: 3,
      online: false,
      modes: ['rongque'],
      fees: [{ name: '工本费', amountFen: 1000 }],
      leadDepartmentName: tenant.deptA.name,
    });
    const denied = await (await tenant.as('dept_staff')).post('/api/approval/items', item());
    expect(denied.statusCode).toBe(403);
  });
});

describe('cases over HTTP (§2 Case, Clock)', () => {
  it('worked example across the 2025 National Day with an expert-review suspension: due 10-17, decided on time', async () => {
    const it1 = await createItem();
    const head = await tenant.as('dept_head');
    const created = await head.post('/api/approval/cases', {
      itemIds: [it1.id],
      enterpriseId: ent.id,
      suppliedMaterials: ['sqb', 'zpmt'],
      receivedOn: '2025-09-25',
      projectCode: 'P-2025-001',
      projectName: '电气装备产业园二期',
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id;
    const step = (body: Record<string, unknown>) => head.post(`/api/approval/cases/${id}/actions`, body);
    for (const body of [
      { action: 'accept', on: '2025-09-25' },
      { action: 'start_review', on: '2025-09-25' },
      { action: 'suspend', on: '2025-09-30', suspensionType: 'expert_review', reason: '组织专家评审' },
      { action: 'resume', on: '2025-10-10' },
    ]) {
      const r = await step(body);
      expect(r.statusCode, r.body).toBe(200);
    }
    const approved = await step({ action: 'approve', on: '2025-10-17' });
    expect(approved.json()).toMatchObject({
      status: 'DECIDED',
      outcome: 'approved',
      clock: { committedDue: '2025-10-17', statutoryDue: '2025-10-31', elapsedWorkdays: 10, suspendedWorkdays: 2 },
    });
    const [row] = await ctx.database.db.select().from(approvalCases).where(eq(approvalCases.id, id));
    expect(row).toMatchObject({ handlingDays: 10, committedPassed: false, overdue: false, committedDue: '2025-10-17' });
    expect(approved.json().events.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'DRAFT',
      'SUBMITTED',
      'ACCEPTED',
      'IN_REVIEW',
      'SUSPENDED',
      'IN_REVIEW',
      'DECIDED',
    ]);
  });

  it('invalid transitions are refused with a clear message in both languages', async () => {
    const it1 = await createItem();
    const head = await tenant.as('dept_head');
    const id = (
      await head.post('/api/approval/cases', { itemIds: [it1.id], enterpriseId: ent.id, suppliedMaterials: ['sqb'] })
    ).json().id;
    const zh = await head.post(`/api/approval/cases/${id}/actions`, { action: 'issue' });
    expect(zh.statusCode).toBe(409);
    expect(zh.json().message).toBe('办件当前为“已提交”，不能执行“发证”');
    const en = await head.post(
      `/api/approval/cases/${id}/actions`,
      { action: 'resume' },
      {
        headers: { 'accept-language': 'en-US' },
      },
    );
    expect(en.json().message).toBe('The case is submitted; it cannot resume');
    const staff = await tenant.as('dept_staff');
    const ext = await staff.post(`/api/approval/cases/${id}/actions`, { action: 'accept' });
    expect(ext.statusCode).toBe(200);
    expect(ext.json()).toMatchObject({ status: 'ACCEPTED', rongqueMaterials: ['zpmt'] });
    await staff.post(`/api/approval/cases/${id}/actions`, { action: 'start_review' });
    const noApprover = await staff.post(`/api/approval/cases/${id}/actions`, { action: 'extend', reason: '复杂' });
    expect(noApprover.statusCode).toBe(403);
    expect(noApprover.json().code).toBe('EXTENSION_NEEDS_APPROVER');
    const future = await staff.post(`/api/approval/cases/${id}/actions`, { action: 'suspend', on: '2099-01-01' });
    expect(future.statusCode).toBe(400);
  });

  it('一件事 bundle: one form, deduplicated materials, joint limits (45 + 15 extension)', async () => {
    const a = await createItem();
    const b = await createItem({
      name: '建筑工程施工许可证核发',
      stage: 3,
      leadDepartmentId: tenant.deptB.id,
      materials: [
        { code: 'sqb', name: '申请表', required: true, mayFollow: false },
        { code: 'sgdw', name: '施工单位资质', required: true, mayFollow: false },
      ],
    });
    const res = await entClient.post('/api/approval/cases', {
      itemIds: [a.id, b.id],
      enterpriseId: ent.id,
      form: { 项目名称: '二期厂房' },
      suppliedMaterials: ['sqb', 'sgdw'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      bundle: true,
      statutoryDays: 45,
      committedDays: 10,
      status: 'SUBMITTED',
      materials: [
        { code: 'sqb', required: true },
        { code: 'zpmt', mayFollow: true },
        { code: 'sgdw', required: true },
      ],
    });
    const metrics = (await (await tenant.as('zone_leader')).get('/api/approval/metrics')).json();
    expect(metrics.bundleMaterialsSaved).toBeGreaterThanOrEqual(1);
  });
});

describe('who sees what', () => {
  let caseId: string;
  let caseNo: string;
  beforeAll(async () => {
    const it1 = await createItem();
    const res = await entClient.post('/api/approval/cases', {
      itemIds: [it1.id],
      enterpriseId: ent.id,
      suppliedMaterials: ['sqb', 'zpmt'],
      form: { 联系人: '李华', 电话: '13800138000' },
    });
    caseId = res.json().id;
    caseNo = res.json().caseNo;
  });

  it('an enterprise applies only for itself and sees only its own cases', async () => {
    const it1 = await createItem();
    const forOther = await entClient.post('/api/approval/cases', { itemIds: [it1.id], enterpriseId: ent2.id });
    expect(forOther.statusCode).toBe(400);
    expect((await ent2Client.get(`/api/approval/cases/${caseId}`)).statusCode).toBe(404);
    const list = (await ent2Client.get('/api/approval/cases')).json();
    expect(list.data.every((c: { enterpriseId: string }) => c.enterpriseId === ent2.id)).toBe(true);
    expect((await entClient.get(`/api/approval/cases/${caseId}`)).statusCode).toBe(200);
    // Applicants cannot take staff steps.
    const accept = await entClient.post(`/api/approval/cases/${caseId}/actions`, { action: 'accept' });
    expect(accept.statusCode).toBe(403);
  });

  it('department roles see their department only; another zone sees nothing', async () => {
    const b = await makeUser(ctx.database.db, 'dept_staff', { zoneId: tenant.zoneId, departmentId: tenant.deptB.id });
    const staffB = await login(ctx.app, b.username, PASSWORD);
    expect((await staffB.get(`/api/approval/cases/${caseId}`)).statusCode).toBe(404);
    expect((await (await tenant.as('dept_staff')).get(`/api/approval/cases/${caseId}`)).statusCode).toBe(200);
    expect((await (await other.as('zone_leader')).get(`/api/approval/cases/${caseId}`)).statusCode).toBe(404);
    const act = await (await other.as('zone_leader')).post(`/api/approval/cases/${caseId}/actions`, {
      action: 'accept',
    });
    expect(act.statusCode).toBe(404);
  });

  it('public status lookup by case number works without login and carries no personal data', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/public/approval/cases/${caseNo}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ caseNo, status: 'SUBMITTED' });
    for (const secret of [ent.name, '李华', '13800138000', ent.id, 'sqb', 'enterprise', 'agent']) {
      expect(res.body).not.toContain(secret);
    }
    expect((await ctx.app.inject({ method: 'GET', url: '/api/public/approval/cases/SP00000000NOPE' })).statusCode).toBe(
      404,
    );
  });

  it('the case shows on the enterprise timeline', async () => {
    const res = await (await tenant.as('zone_leader')).get(`/api/enterprises/${ent.id}/timeline`);
    expect(
      res
        .json()
        .some((t: { source: string; summary: string }) => t.source === 'approval' && t.summary.startsWith(caseNo)),
    ).toBe(true);
  });
});

describe('calendar change (§3: open deadlines recomputed, closed cases frozen)', () => {
  it('a newly published year moves the due date of an open case and clears its provisional flag', async () => {
    const it1 = await createItem({ committedDays: 30, statutoryDays: 60 });
    const head = await tenant.as('dept_head');
    const mk = async () =>
      (
        await head.post('/api/approval/cases', {
          itemIds: [it1.id],
          enterpriseId: ent.id,
          suppliedMaterials: ['sqb', 'zpmt'],
          receivedOn: '2026-11-20',
        })
      ).json().id as string;
    const open = await mk();
    const closed = await mk();
    await head.post(`/api/approval/cases/${open}/actions`, { action: 'accept', on: '2026-11-20' });
    await head.post(`/api/approval/cases/${closed}/actions`, { action: 'accept', on: '2026-11-20' });
    await head.post(`/api/approval/cases/${closed}/actions`, {
      action: 'deny',
      on: '2026-11-23',
      reason: '不符合规划',
    });
    const db = ctx.database.db;
    const [frozenBefore] = await db.select().from(approvalCases).where(eq(approvalCases.id, closed));
    // 2027 as published: New Year 01-01..01-03 plus a made-up week off 01-04..01-08 (forces a visible shift).
    const current = await calendarOf(db);
    const days = [1, 2, 3, 4, 5, 6, 7, 8].map((d) => ({
      date: `2027-01-0${d}`,
      kind: 'holiday' as const,
      name: '元旦',
    }));
    const entries = [];
    for (const y of current.publishedYears.filter((y) => y < 2027)) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= 31; d++) {
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          try {
            const s = current.isWorkday(iso);
            if (s.kind) entries.push({ date: iso, kind: s.kind, name: s.name ?? '' });
          } catch {}
        }
      }
    }
    const next = new WorkCalendar([...entries, ...days], [...current.publishedYears.filter((y) => y < 2027), 2027]);
    const n = await db.transaction((tx) => recomputeOpenCases(tx, [2027], next));
    expect(n).toBeGreaterThanOrEqual(1);
    const [after] = await db.select().from(approvalCases).where(eq(approvalCases.id, open));
    const rules = await rulesOf(db, tenant.zoneId, 2026);
    const expected = computeClock(next, after!, '2026-11-24', rules);
    expect(after).toMatchObject({ committedDue: expected.committedDue, deadlineProvisional: false });
    expect(expected.committedDue! > '2027-01-08').toBe(true);
    const [frozenAfter] = await db.select().from(approvalCases).where(eq(approvalCases.id, closed));
    expect(frozenAfter!.statutoryDue).toBe(frozenBefore!.statutoryDue);
    expect(frozenAfter!.updatedAt.getTime()).toBe(frozenBefore!.updatedAt.getTime());
  });
});

describe('case materials as uploaded files (files domain)', () => {
  it('an uploaded file supplies its material; a file of another enterprise is refused', async () => {
    const it1 = await createItem();
    const pdf = Buffer.from('%PDF-1.4\n% test\n');
    const up = async (c: Client) =>
      (
        await c.request({
          method: 'POST',
          url: '/api/files?filename=%E7%94%B3%E8%AF%B7%E8%A1%A8.pdf',
          payload: pdf,
          headers: { 'content-type': 'application/pdf' },
        })
      ).json().id as string;
    const mine = await up(entClient);
    const theirs = await up(ent2Client);
    const res = await entClient.post('/api/approval/cases', {
      itemIds: [it1.id],
      enterpriseId: ent.id,
      attachments: { sqb: [mine] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ suppliedMaterials: ['sqb'], attachments: { sqb: [mine] } });
    const bad = await entClient.post('/api/approval/cases', {
      itemIds: [it1.id],
      enterpriseId: ent.id,
      attachments: { sqb: [theirs] },
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(['attachments']);
    // 容缺 supplement with a file.
    const id = res.json().id;
    await (await tenant.as('dept_staff')).post(`/api/approval/cases/${id}/actions`, { action: 'accept' });
    const zpmt = await up(entClient);
    const sup = await entClient.post(`/api/approval/cases/${id}/actions`, {
      action: 'supplement',
      attachments: { zpmt: [zpmt] },
    });
    expect(sup.statusCode, sup.body).toBe(200);
    expect(sup.json()).toMatchObject({ rongqueMaterials: [], attachments: { sqb: [mine], zpmt: [zpmt] } });
  });
});
