import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { auditEvents } from '../../platform/audit.tables';
import { creditCode, makeTenant, type Tenant } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { importFile, sheetRows, xlsxOf } from '../../test/imports';
import { investmentTargetCompanies } from './investment-library.tables';

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

async function newChain(name = `新能源${++serial}`) {
  const c = await tenant.as('dept_head');
  const res = await c.post('/api/investment/chains', { name, description: '动力电池全产业链' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function addLink(chainId: string, body: Record<string, unknown>) {
  const c = await tenant.as('dept_head');
  const res = await c.post(`/api/investment/chains/${chainId}/links`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function newEnterprise(name: string) {
  const c = await tenant.as('zone_leader');
  const res = await c.post('/api/enterprises', { creditCode: creditCode(), name, industryCode: '384' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('industry-chain map (DOMAIN.md §4 招商图谱: chain → links 上/中/下游 → targets, gaps)', () => {
  it('§4 rule: counts per link and per segment; a link with no local enterprise (itself or below) is a gap', async () => {
    const chain = await newChain();
    const lithium = await addLink(chain.id, { segment: 'upstream', name: '锂矿资源', gapAction: 'fill' });
    const cathode = await addLink(chain.id, { segment: 'upstream', name: '正极材料' });
    const cells = await addLink(chain.id, { segment: 'midstream', name: '动力电池' });
    const packs = await addLink(chain.id, { segment: 'midstream', name: '电池模组', parentId: cells.id });
    await addLink(chain.id, { segment: 'downstream', name: '储能电站', gapAction: 'extend' });
    const staff = await tenant.as('dept_staff');
    const e1 = await newEnterprise('益阳正极材料有限公司');
    const e2 = await newEnterprise('资江电池模组有限公司');
    expect(
      (await staff.post(`/api/investment/chain-links/${cathode.id}/enterprises`, { enterpriseId: e1.id })).statusCode,
    ).toBe(200);
    const placed = await staff.post(`/api/investment/chain-links/${packs.id}/enterprises`, {
      enterpriseId: e2.id,
      chainLeader: true,
    });
    expect(placed.statusCode, placed.body).toBe(200);
    expect(placed.json().enterprises).toEqual([
      expect.objectContaining({ name: '资江电池模组有限公司', chainLeader: true }),
    ]);
    for (const [name, linkId] of [
      ['宁德时代', cells.id],
      ['天齐锂业', lithium.id],
      ['赣锋锂业', lithium.id],
    ]) {
      const t = await staff.post('/api/investment/target-companies', {
        name: `${name}${serial}`,
        linkId,
        priority: 'A',
      });
      expect(t.statusCode, t.body).toBe(200);
      expect(t.json().chainId).toBe(chain.id); // a link implies its chain
    }

    const map = (await staff.get(`/api/investment/chains/${chain.id}/map`)).json();
    const node = (name: string) => map.nodes.find((n: { name: string }) => n.name === name);
    expect(node('锂矿资源')).toMatchObject({ enterpriseCount: 0, targetCount: 2, gap: true, gapAction: 'fill' });
    expect(node('正极材料')).toMatchObject({ enterpriseCount: 1, gap: false });
    // 动力电池 has no enterprise of its own, but its sub-link 电池模组 has one: covered, not a gap.
    expect(node('动力电池')).toMatchObject({ enterpriseCount: 0, targetCount: 1, gap: false });
    expect(node('储能电站')).toMatchObject({ gap: true, gapAction: 'extend' });
    expect(map.segments).toEqual([
      { segment: 'upstream', links: 2, gaps: 1, enterprises: 1, targets: 2 },
      { segment: 'midstream', links: 2, gaps: 0, enterprises: 1, targets: 1 },
      { segment: 'downstream', links: 1, gaps: 1, enterprises: 0, targets: 0 },
    ]);
    expect(map.chain).toMatchObject({ linkCount: 5, gapCount: 2, targetCount: 3 });

    // Click a node: its enterprises and targets.
    const detail = (await staff.get(`/api/investment/chain-links/${lithium.id}`)).json();
    expect(detail.enterprises).toEqual([]);
    expect(detail.targets.map((t: { name: string }) => t.name).sort()).toEqual(
      [`天齐锂业${serial}`, `赣锋锂业${serial}`].sort(),
    );

    // Taking the only enterprise off 正极材料 turns it into a gap.
    const off = await staff.delete(`/api/investment/chain-links/${cathode.id}/enterprises/${e1.id}`);
    expect(off.json().link.gap).toBe(true);
  });

  it('§4 rule: a parent link must be of the same chain and segment, and never the link itself or below it', async () => {
    const chain = await newChain();
    const a = await addLink(chain.id, { segment: 'midstream', name: '整车' });
    const b = await addLink(chain.id, { segment: 'midstream', name: '底盘', parentId: a.id });
    const head = await tenant.as('dept_head');
    const cross = await head.post(`/api/investment/chains/${chain.id}/links`, {
      segment: 'upstream',
      name: '钢材',
      parentId: a.id,
    });
    expect(cross.statusCode).toBe(400);
    expect(cross.json().fields.parentId).toBeTruthy();
    const cycle = await head.put(`/api/investment/chains/${chain.id}/links/${a.id}`, {
      segment: 'midstream',
      name: '整车',
      parentId: b.id,
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().fields.parentId).toBeTruthy();
    const dup = await head.post(`/api/investment/chains/${chain.id}/links`, { segment: 'downstream', name: '整车' });
    expect(dup.statusCode).toBe(409);
    // Staff may add targets but not reshape the map.
    const staff = await tenant.as('dept_staff');
    expect(
      (await staff.post(`/api/investment/chains/${chain.id}/links`, { segment: 'upstream', name: 'x' })).statusCode,
    ).toBe(403);
  });

  it('zone scope: another zone neither sees the chain nor places its enterprises on it', async () => {
    const chain = await newChain();
    const link = await addLink(chain.id, { segment: 'upstream', name: '稀土' });
    const theirs = await other.as('dept_staff');
    expect((await theirs.get(`/api/investment/chains/${chain.id}/map`)).statusCode).toBe(404);
    expect((await theirs.get(`/api/investment/chain-links/${link.id}`)).statusCode).toBe(404);
    const foreign = await (await other.as('zone_leader')).post('/api/enterprises', {
      creditCode: creditCode(),
      name: '外区企业有限公司',
      industryCode: '384',
    });
    const staff = await tenant.as('dept_staff');
    const res = await staff.post(`/api/investment/chain-links/${link.id}/enterprises`, {
      enterpriseId: foreign.json().id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.enterpriseId).toBeTruthy();
    const t = await staff.post('/api/investment/target-companies', { name: `跨区目标${serial}`, linkId: link.id });
    expect(t.statusCode).toBe(200);
    expect((await theirs.post('/api/investment/target-companies', { name: 'x公司', linkId: link.id })).statusCode).toBe(
      400,
    );
  });
});

const HEADER = [
  '企业名称',
  '产业链',
  '环节',
  '所在地区',
  '行业',
  '联系人',
  '联系电话',
  '优先级',
  '500强',
  '上市',
  '备注',
];

describe('target library import (DOMAIN.md §4 目标库, e.g. 1,087 targets) — all rows or none', () => {
  it('refuses a file with bad rows whole, naming each row, and writes nothing', async () => {
    const chain = await newChain('电子信息导入');
    await addLink(chain.id, { segment: 'midstream', name: '显示面板' });
    const c = await tenant.as('dept_staff');
    const job = await importFile(
      c,
      'investment-targets',
      await xlsxOf(HEADER, [
        [
          '京东方科技集团',
          '电子信息导入',
          '显示面板',
          '北京',
          '显示器件',
          '张三',
          '010-6000 0000',
          'A',
          '是',
          '是',
          '',
        ],
        ['京东方科技集团', '', '', '', '', '', '', '', '', '', ''], // duplicate of row 2
        ['华星光电', '不存在的链', '', '', '', '', '', '', '', '', ''],
        ['天马微电子', '电子信息导入', '背光模组', '', '', '', '', 'Z', '', '', ''],
        ['维信诺', '', '显示面板', '', '', '', '', '', '', '', ''],
      ]),
    );
    expect(job.status).toBe('failed_validation');
    const errs = job.errors.map((e) => `${e.row}:${e.column}`).sort();
    // Row 5 fails the row schema (priority Z), so its link is not looked up; row 6 gives a link without a chain.
    expect(errs).toEqual(['3:企业名称', '4:产业链', '5:优先级', '6:环节'].sort());
    const rows = await ctx.database.db
      .select()
      .from(investmentTargetCompanies)
      .where(
        and(eq(investmentTargetCompanies.zoneId, tenant.zoneId), eq(investmentTargetCompanies.name, '京东方科技集团')),
      );
    expect(rows).toHaveLength(0);
  });

  it('imports a clean file in one transaction with one audit event, and the export re-reads the same columns', async () => {
    const chain = await newChain('半导体导入');
    const link = await addLink(chain.id, { segment: 'upstream', name: '硅片' });
    const c = await tenant.as('dept_staff');
    const job = await importFile(
      c,
      'investment-targets',
      await xlsxOf(HEADER, [
        ['沪硅产业', '半导体导入', '硅片', '上海', '半导体材料', '李四', '021-1234', 'A', '否', '是', '重点跟踪'],
        ['立昂微', '半导体导入', '', '浙江', '', '', '', '', '', '', ''],
      ]),
    );
    expect(job.status, JSON.stringify(job.errors)).toBe('succeeded');
    const list = (await c.get(`/api/investment/target-companies?chainId=${chain.id}&sortField=name`)).json();
    expect(list.total).toBe(2);
    expect(list.data.find((t: { name: string }) => t.name === '沪硅产业')).toMatchObject({
      linkId: link.id,
      linkName: '硅片',
      segment: 'upstream',
      priority: 'A',
      listed: true,
      fortune500: false,
    });
    expect(list.data.find((t: { name: string }) => t.name === '立昂微')).toMatchObject({ priority: 'B', linkId: null });
    const audits = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.zoneId, tenant.zoneId), eq(auditEvents.entity, 'investment_target_company')));
    expect(audits.filter((a) => a.action === 'import')).toHaveLength(1);

    const exp = await c.get(`/api/investment/target-companies/export.xlsx?chainId=${chain.id}`);
    expect(exp.statusCode).toBe(200);
    const sheet = await sheetRows(exp.rawPayload);
    expect(sheet[0]).toEqual(HEADER);
    expect(sheet.slice(1).map((r) => [r[0], r[1], r[2]])).toContainEqual(['沪硅产业', '半导体导入', '硅片']);
    // Importing the export again is refused as a whole: every name already exists.
    const again = await importFile(c, 'investment-targets', exp.rawPayload);
    expect(again.status).toBe('failed_validation');
    expect(again.errors.every((e: { column: string }) => e.column === '企业名称')).toBe(true);
  });
});

describe('target → lead (DOMAIN.md §4: targets feed the pipeline)', () => {
  it('§4 rule: converting a target opens a lead in the first stage, once, and marks the target converted', async () => {
    const staff = await tenant.as('dept_staff');
    const t = (
      await staff.post('/api/investment/target-companies', {
        name: `转化目标${++serial}`,
        region: '深圳',
        fortune500: true,
      })
    ).json();
    const res = await staff.post(`/api/investment/target-companies/${t.id}/convert`, {
      name: `深圳储能项目${serial}`,
      type: 'industrial',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'converted', projectId: expect.any(String) });
    const lead = (await staff.get(`/api/investment/projects/${res.json().projectId}`)).json();
    expect(lead).toMatchObject({ stage: 'lead', investor: t.name, sourceRegion: '深圳', fortune500: true });
    const again = await staff.post(`/api/investment/target-companies/${t.id}/convert`, {
      name: `重复${serial}`,
      type: 'service',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('TARGET_CONVERTED');
  });
});

describe('investment activities (DOMAIN.md §4: outbound trips, inbound visits, events; participants, outcomes)', () => {
  it('§4 rule: an activity needs participants; counts per kind per year (4 outbound + 2 inbound)', async () => {
    const staff = await tenant.as('dept_staff');
    const p = await staff.post('/api/investment/projects', { name: `储能项目${++serial}`, type: 'industrial' });
    const base = { title: '赴深圳招商', heldOn: '2025-04-02', participants: ['王主任', '李科长'] };
    const none = await staff.post('/api/investment/activities', { ...base, kind: 'outbound', participants: [] });
    expect(none.statusCode).toBe(400);
    expect(none.json().fields.participants).toBeTruthy();
    const foreignTeam = await staff.post('/api/investment/activities', {
      ...base,
      kind: 'outbound',
      projectId: (
        await (await other.as('dept_staff')).post('/api/investment/projects', { name: '外区项目', type: 'service' })
      ).json().id,
    });
    expect(foreignTeam.statusCode).toBe(400);
    expect(foreignTeam.json().fields.projectId).toBeTruthy();

    const kinds = ['outbound', 'outbound', 'outbound', 'outbound', 'inbound', 'inbound', 'negotiation'];
    for (const [i, kind] of kinds.entries()) {
      const r = await staff.post('/api/investment/activities', {
        ...base,
        kind,
        heldOn: `2025-0${i + 1}-10`,
        projectId: kind === 'negotiation' ? p.json().id : null,
        outcome: kind === 'negotiation' ? '就用地和租金达成初步一致' : '',
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    await staff.post('/api/investment/activities', { ...base, kind: 'event', heldOn: '2024-12-30' });
    const sum = (await staff.get('/api/investment/activities/summary?year=2025')).json();
    expect(sum.byKind).toEqual([
      { kind: 'outbound', count: 4 },
      { kind: 'inbound', count: 2 },
      { kind: 'event', count: 0 },
      { kind: 'call', count: 0 },
      { kind: 'negotiation', count: 1 },
    ]);
    expect(sum.total).toBe(7);
    const onLead = (await staff.get(`/api/investment/activities?projectId=${p.json().id}`)).json();
    expect(onLead.total).toBe(1);
    expect(onLead.data[0]).toMatchObject({
      kind: 'negotiation',
      projectName: p.json().name,
      recordedByName: expect.any(String),
    });
    expect(
      (await (await other.as('dept_staff')).get('/api/investment/activities/summary?year=2025')).json().total,
    ).toBe(0);
  });
});

describe('服务绿卡 (DOMAIN.md §4: 一项一策一专员, 服务绿卡)', () => {
  async function signedProject() {
    const staff = await tenant.as('dept_staff');
    const head = await tenant.as('dept_head');
    const p = (await staff.post('/api/investment/projects', { name: `绿卡项目${++serial}`, type: 'service' })).json();
    const ev = { summary: '双方完成洽谈并形成纪要', documentNo: '', date: '2025-03-02' };
    for (const [toStage, extra] of [
      ['negotiating', {}],
      [
        'signed',
        {
          enterprise: { creditCode: creditCode(), name: `绿卡企业${serial}有限公司`, industryCode: '72' },
          keyProject: { level: 'district', plannedStart: '2025-06-01', plannedCompletion: '2026-06-01' },
        },
      ],
    ] as const) {
      const m = await staff.post(`/api/investment/projects/${p.id}/moves`, { toStage, evidence: ev, ...extra });
      expect(m.statusCode, m.body).toBe(201);
      expect((await head.post(`/api/investment/moves/${m.json().id}/approve`, { opinion: '同意' })).statusCode).toBe(
        200,
      );
    }
    return p;
  }
  const card = {
    holderName: '陈董事长',
    specialistName: '刘专员',
    specialistPhone: '0737-1234567',
    privileges: ['审批绿色通道', '专员全程帮代办'],
    issuedOn: '2025-07-01',
    validUntil: '2099-06-30',
  };

  it('§4 rule: only a signed project gets a card; one active card per project; numbers run per year', async () => {
    const staff = await tenant.as('dept_staff');
    const head = await tenant.as('dept_head');
    const lead = (await staff.post('/api/investment/projects', { name: `未签约${++serial}`, type: 'service' })).json();
    const early = await head.post(`/api/investment/projects/${lead.id}/green-card`, card);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('GREEN_CARD_NOT_SIGNED');

    const p = await signedProject();
    const backwards = await head.post(`/api/investment/projects/${p.id}/green-card`, {
      ...card,
      validUntil: '2025-01-01',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().fields.validUntil).toBeTruthy();
    expect((await staff.post(`/api/investment/projects/${p.id}/green-card`, card)).statusCode).toBe(403);

    const first = await head.post(`/api/investment/projects/${p.id}/green-card`, card);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'active', valid: true, specialistName: '刘专员' });
    expect(first.json().cardNo).toMatch(/^LK2025-\d{4}$/);
    const second = await head.post(`/api/investment/projects/${p.id}/green-card`, card);
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('GREEN_CARD_ACTIVE');

    const revoked = await head.post(`/api/investment/green-cards/${first.json().id}/revoke`, { reason: '投资方变更' });
    expect(revoked.json()).toMatchObject({ status: 'revoked', valid: false, revokedReason: '投资方变更' });
    expect(
      (await head.post(`/api/investment/green-cards/${first.json().id}/revoke`, { reason: '再次' })).statusCode,
    ).toBe(409);
    const reissued = await head.post(`/api/investment/projects/${p.id}/green-card`, card);
    expect(reissued.statusCode).toBe(201);
    const n = (s: string) => Number(s.slice(-4));
    expect(n(reissued.json().cardNo)).toBe(n(first.json().cardNo) + 1);
    const list = (await staff.get(`/api/investment/green-cards?projectId=${p.id}`)).json();
    expect(list.total).toBe(2);
    expect(
      (await (await other.as('dept_head')).get(`/api/investment/green-cards?projectId=${p.id}`)).json().total,
    ).toBe(0);
  });
});
