import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { creditCode, makeTenant, type Tenant } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { usdToFen } from './investment.repository';

let ctx: TestContext;
let tenant: Tenant;
let other: Tenant;
beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  other = await makeTenant(ctx.app);
});
afterAll(() => ctx.close());

let serial = 0;
const evidence = (summary = '双方完成实地考察并形成洽谈纪要') => ({
  summary,
  documentNo: '益高招〔2026〕1号',
  date: '2026-03-02',
});

async function newProject(overrides: Record<string, unknown> = {}) {
  const c = await tenant.as('dept_staff');
  const res = await c.post('/api/investment/projects', {
    name: `新能源电池项目${++serial}`,
    type: 'industrial',
    investor: '某新能源集团',
    agreedInvestmentFen: 50_000_000_000, // 5 亿元
    fortune500: true,
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Request (staff) + approve (head) the next stage. */
async function advance(id: string, toStage: string, extra: Record<string, unknown> = {}) {
  const staff = await tenant.as('dept_staff');
  const head = await tenant.as('dept_head');
  const m = await staff.post(`/api/investment/projects/${id}/moves`, { toStage, evidence: evidence(), ...extra });
  expect(m.statusCode, m.body).toBe(201);
  const a = await head.post(`/api/investment/moves/${m.json().id}/approve`, { opinion: '同意推进' });
  expect(a.statusCode, a.body).toBe(200);
  return a.json();
}

describe('investment pipeline (DOMAIN.md §4)', () => {
  it('a new project starts in the first stage of its type’s stage set', async () => {
    const p = await newProject();
    expect(p).toMatchObject({ stage: 'lead', stageName: '线索', stageIndex: 0, fortune500: true });
    const hq = await newProject({ type: 'headquarters' });
    expect(hq.stage).toBe('lead');
  });

  it('§4 rule: no stage moves without evidence — a move without evidence is refused with field errors', async () => {
    const p = await newProject();
    const c = await tenant.as('dept_staff');
    const res = await c.post(`/api/investment/projects/${p.id}/moves`, { toStage: 'negotiating' });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().fields)).toContain('evidence');
    const short = await c.post(
      `/api/investment/projects/${p.id}/moves`,
      { toStage: 'negotiating', evidence: { summary: '无', date: '2026-03-02' } },
      { headers: { 'accept-language': 'en-US' } },
    );
    expect(short.statusCode).toBe(400);
    expect(short.json().fields['evidence.summary']).toBeTruthy();
  });

  it('§4 rule: a stage moves only after approval, by someone other than the requester, one stage at a time', async () => {
    const p = await newProject();
    const staff = await tenant.as('dept_staff');
    const head = await tenant.as('dept_head');
    const skip = await staff.post(`/api/investment/projects/${p.id}/moves`, {
      toStage: 'signed',
      evidence: evidence(),
    });
    expect(skip.statusCode).toBe(400);
    expect(skip.json().fields.toStage).toBeTruthy();

    const m = await staff.post(`/api/investment/projects/${p.id}/moves`, {
      toStage: 'negotiating',
      evidence: evidence(),
    });
    expect(m.statusCode).toBe(201);
    // Still in lead while pending; a second request is refused.
    expect((await staff.get(`/api/investment/projects/${p.id}`)).json()).toMatchObject({
      stage: 'lead',
      pendingMoveId: m.json().id,
    });
    const twice = await staff.post(`/api/investment/projects/${p.id}/moves`, {
      toStage: 'negotiating',
      evidence: evidence(),
    });
    expect(twice.statusCode).toBe(409);
    // Staff may not approve at all; the head may not approve what the head requested.
    expect((await staff.post(`/api/investment/moves/${m.json().id}/approve`, { opinion: 'ok' })).statusCode).toBe(403);
    const a = await head.post(`/api/investment/moves/${m.json().id}/approve`, { opinion: '同意进入洽谈' });
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({ status: 'approved', decidedByName: expect.any(String), daysInStage: 0 });
    const after = (await staff.get(`/api/investment/projects/${p.id}`)).json();
    expect(after).toMatchObject({ stage: 'negotiating', pendingMoveId: null });

    const own = await head.post(`/api/investment/projects/${p.id}/moves`, { toStage: 'signed', evidence: evidence() });
    expect(own.statusCode).toBe(400); // signing needs the enterprise and key project
    const own2 = await head.post(`/api/investment/projects/${p.id}/moves`, {
      toStage: 'signed',
      evidence: evidence(),
      enterprise: { creditCode: creditCode(), name: '益阳新能源电池有限公司', industryCode: '384' },
      keyProject: { level: 'city', plannedStart: '2026-05-01', plannedCompletion: '2027-12-31' },
    });
    expect(own2.statusCode).toBe(201);
    const self = await head.post(`/api/investment/moves/${own2.json().id}/approve`, { opinion: '同意' });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('SELF_APPROVAL');
    const rejected = await (await tenant.as('zone_leader')).post(`/api/investment/moves/${own2.json().id}/reject`, {
      opinion: '协议条款需再议',
    });
    expect(rejected.json().status).toBe('rejected');
    const hist = (await staff.get(`/api/investment/projects/${p.id}/history`)).json();
    expect(hist.moves).toHaveLength(2);
    expect(hist.opinions.map((o: { text: string }) => o.text)).toEqual(['协议条款需再议', '同意进入洽谈']);
  });

  it('§4 rule: signing creates the enterprise and opens a key project in one transaction; a known credit code is linked', async () => {
    const p = await newProject({ agreedInvestmentFen: 1_200_000_000_00 });
    await advance(p.id, 'negotiating');
    const code = creditCode();
    const signed = await advance(p.id, 'signed', {
      enterprise: { creditCode: code, name: '益阳储能科技有限公司', industryCode: '384' },
      keyProject: { level: 'city', plannedStart: '2026-05-01', plannedCompletion: '2027-12-31' },
    });
    expect(signed.status).toBe('approved');
    const c = await tenant.as('zone_leader');
    const project = (await c.get(`/api/investment/projects/${p.id}`)).json();
    expect(project.stage).toBe('signed');
    expect(project.signedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(project.enterpriseId).toBeTruthy();
    expect(project.keyProjectId).toBeTruthy();
    const ent = (await c.get(`/api/enterprises/${project.enterpriseId}`)).json();
    expect(ent).toMatchObject({ creditCode: code, name: '益阳储能科技有限公司' });
    const kp = (await c.get(`/api/projects/key/${project.keyProjectId}`)).json();
    expect(kp).toMatchObject({
      name: p.name,
      level: 'city',
      enterpriseId: project.enterpriseId,
      totalInvestmentFen: 1_200_000_000_00,
      plannedStart: '2026-05-01',
    });
    expect(kp.code).toMatch(/^KP\d{4}-\d{3}$/);
    const timeline = (await c.get(`/api/enterprises/${project.enterpriseId}/timeline`)).json();
    expect(timeline.map((t: { action: string }) => t.action)).toContain('project_signed');

    // A second project of the same investor links the same enterprise.
    const p2 = await newProject();
    await advance(p2.id, 'negotiating');
    await advance(p2.id, 'signed', {
      enterprise: { creditCode: code, name: '益阳储能科技有限公司', industryCode: '384' },
      keyProject: { level: 'district', plannedStart: '2026-06-01', plannedCompletion: '2027-06-30' },
    });
    expect((await c.get(`/api/investment/projects/${p2.id}`)).json().enterpriseId).toBe(project.enterpriseId);
    // A signed project cannot be deleted.
    expect((await c.delete(`/api/investment/projects/${p.id}`)).statusCode).toBe(409);
  });

  it('funds from abroad are USD cents with the rate recorded; converted in integers', async () => {
    expect(usdToFen(1_000_000_00, '7.1234')).toBe(7_123_400_00); // $1,000,000 → ¥7,123,400.00
    expect(usdToFen(1, '7.1235')).toBe(7); // 7.1235 fen → 7 (half up at the fen)
    expect(usdToFen(3, '7.1667')).toBe(22); // 21.5001 → 22
    const c = await tenant.as('dept_staff');
    const bad = await c.post('/api/investment/projects', {
      name: '外资项目',
      type: 'service',
      fundsAbroadUsdCents: 100,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.usdRate).toBe('填写外资到位资金时必须记录汇率');
    const p = await newProject({ fundsAbroadUsdCents: 500_000_00, usdRate: '7.1000', xiangshangReturn: true });
    expect(p).toMatchObject({ usdRate: '7.1000', fundsAbroadFen: 3_550_000_00, xiangshangReturn: true });
  });

  it('funnel: reached, conversion and average days in stage per stage of a type', async () => {
    const c = await tenant.as('zone_leader');
    const f = (await c.get('/api/investment/funnel?type=industrial')).json();
    expect(f.stages.map((s: { key: string }) => s.key)).toEqual([
      'lead',
      'negotiating',
      'signed',
      'registered',
      'started',
      'producing',
    ]);
    const [lead, neg, signed] = f.stages;
    expect(lead.reached).toBe(lead.current + neg.reached);
    expect(signed.reached).toBe(2);
    expect(neg.reached).toBe(3);
    expect(signed.conversion).toBe('66.67'); // 2 of 3 that reached 洽谈 were signed
    expect(neg.avgDays).toBe('0.0');
  });

  it('pipeline is invisible to enterprise users and to other zones', async () => {
    const p = await newProject();
    expect((await (await tenant.as('enterprise')).get('/api/investment/projects')).statusCode).toBe(403);
    expect((await (await other.as('zone_leader')).get(`/api/investment/projects/${p.id}`)).statusCode).toBe(404);
    const foreignApprove = await (await other.as('dept_head')).post(`/api/investment/moves/${p.id}/approve`, {
      opinion: 'x',
    });
    expect(foreignApprove.statusCode).toBe(404);
    expect((await (await tenant.as('province_viewer')).get('/api/investment/projects')).statusCode).toBe(200);
    expect(
      (await (await tenant.as('province_viewer')).post('/api/investment/projects', { name: 'x项目', type: 'service' }))
        .statusCode,
    ).toBe(403);
  });

  it('stage sets are configurable per zone; a stage with projects in it cannot be removed', async () => {
    const c = await other.as('zone_leader');
    const s = (await c.get('/api/investment/settings')).json();
    const service = [
      ...s.stageSets.service.slice(0, 3),
      { key: 'licensed', name: '取得许可', evidence: '经营许可证' },
      ...s.stageSets.service.slice(3),
    ];
    const put = await c.put('/api/investment/settings', { ...s, stageSets: { ...s.stageSets, service } });
    expect(put.statusCode, put.body).toBe(200);
    const noSign = await c.put('/api/investment/settings', {
      ...s,
      stageSets: { ...s.stageSets, service: service.filter((x: { key: string }) => x.key !== 'signed') },
    });
    expect(noSign.statusCode).toBe(400);
    const proj = await (await other.as('dept_staff')).post('/api/investment/projects', {
      name: '商贸项目',
      type: 'service',
    });
    expect(proj.json().stage).toBe('lead');
    const drop = await c.put('/api/investment/settings', {
      ...s,
      stageSets: { ...s.stageSets, service: service.filter((x: { key: string }) => x.key !== 'lead') },
    });
    expect(drop.statusCode).toBe(400);
    expect(Object.keys(drop.json().fields)).toContain('stageSets.service');
  });
});
