import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../shared/credit-code';
import { INDUSTRY_TREE } from '../../../shared/industry-codes';
import { generateZoneEnterprises } from '../../seed/enterprises';
import { Random } from '../../seed/random';
import { makeTenant, makeUser, PASSWORD, type Tenant } from '../../test/factories';
import { createTestContext, login, type TestContext } from '../../test/harness';
import { nameSearchKeys } from './enterprises.pinyin';

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
/** A valid credit code, different on every call. */
function code(): string {
  serial++;
  const first17 = `91430900${String(serial).padStart(6, '0')}MA3`;
  return first17 + creditCodeCheckChar(first17);
}

const body = (overrides: Record<string, unknown> = {}) => ({
  creditCode: code(),
  name: '测试企业有限公司',
  industryCode: '382',
  scale: 'below',
  tags: [],
  ...overrides,
});

describe('enterprise registry', () => {
  it('creates an enterprise with derived pinyin keys and the industry name', async () => {
    const c = await tenant.as('zone_leader');
    const res = await c.post(
      '/api/enterprises',
      body({
        name: '益阳电气装备有限公司',
        scale: 'above',
        tags: ['专精特新', '高新技术企业', '专精特新'],
        landMu: 120.5,
        buildingM2: 56000,
        legalRep: '王建国',
        contacts: [{ name: '李华', phone: '13800138000', role: '总经理' }],
        serviceOfficerId: tenant.staffA.id,
        establishedOn: '2012-05-18',
      }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '益阳电气装备有限公司',
      nameInitials: 'yydqzbyxgs',
      namePinyin: 'yiyangdianqizhuangbeiyouxiangongsi',
      industryCode: '382',
      industrySection: 'C',
      industryName: '输配电及控制设备制造',
      scale: 'above',
      tags: ['专精特新', '高新技术企业'],
      landMu: 120.5,
      serviceOfficerName: tenant.staffA.name,
      establishedOn: '2012-05-18',
    });
  });

  it('names the wrong character of a credit code, in Chinese and in English', async () => {
    const c = await tenant.as('zone_leader');
    const good = code();
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const zh = await c.post('/api/enterprises', body({ creditCode: wrongCheck }));
    expect(zh.statusCode).toBe(400);
    expect(zh.json().fields.creditCode).toBe(`第 18 位校验码应为“${good[17]}”，实际为“${wrongCheck[17]}”`);
    const badChar = `${good.slice(0, 10)}I${good.slice(11)}`;
    const en = await c.post('/api/enterprises', body({ creditCode: badChar }), {
      headers: { 'accept-language': 'en-US' },
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().fields.creditCode).toContain('Character 11 “I” is not allowed');
    const zhChar = await c.post('/api/enterprises', body({ creditCode: badChar }));
    expect(zhChar.json().fields.creditCode).toContain('第 11 位字符“I”不合法');
  });

  it('refuses an unknown industry code and a sub-park of another zone', async () => {
    const c = await tenant.as('zone_leader');
    const res = await c.post('/api/enterprises', body({ industryCode: 'C' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual({ industryCode: '不是 GB/T 4754-2017 的大类或中类代码' });
    const officer = await c.post('/api/enterprises', body({ serviceOfficerId: other.staffA.id }));
    expect(officer.statusCode).toBe(400);
    expect(officer.json().fields).toEqual({ serviceOfficerId: '引用的记录不存在' });
  });

  it('answers 409 on the credit-code field for a duplicate in the zone (another zone may hold it)', async () => {
    const c = await tenant.as('zone_leader');
    const cc = code();
    expect((await c.post('/api/enterprises', body({ creditCode: cc, name: '重复甲有限公司' }))).statusCode).toBe(200);
    const dup = await c.post('/api/enterprises', body({ creditCode: cc.toLowerCase(), name: '重复乙有限公司' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().fields).toEqual({ creditCode: '已存在相同的值' });
    const elsewhere = await (await other.as('zone_leader')).post('/api/enterprises', body({ creditCode: cc }));
    expect(elsewhere.statusCode).toBe(200);
  });

  it('searches by name, pinyin initials, full pinyin and credit code; filters by industry, scale and tag', async () => {
    const c = await tenant.as('zone_leader');
    const cc = code();
    await c.post('/api/enterprises', body({ creditCode: cc, name: '益阳电气科技有限公司', industryCode: '39' }));
    await c.post('/api/enterprises', body({ name: '长沙银行服务有限公司', industryCode: '66', tags: ['链主'] }));
    const names = async (qs: string) =>
      ((await c.get(`/api/enterprises?${qs}`)).json().data as { name: string }[]).map((e) => e.name).sort();
    expect(await names('q=yydq')).toEqual(['益阳电气科技有限公司', '益阳电气装备有限公司']);
    expect(await names('q=YYDQKJ')).toEqual(['益阳电气科技有限公司']);
    expect(await names('q=yiyangdianqi')).toHaveLength(2);
    expect(await names('q=电气')).toHaveLength(2);
    expect(await names(`q=${cc.slice(0, 16)}`)).toEqual(['益阳电气科技有限公司']);
    expect(await names('industry=J')).toEqual(['长沙银行服务有限公司']);
    expect(await names('industry=38&scale=above')).toEqual(['益阳电气装备有限公司']);
    expect(await names(`tag=${encodeURIComponent('链主')}`)).toEqual(['长沙银行服务有限公司']);
    expect(await names(`serviceOfficerId=${tenant.staffA.id}`)).toEqual(['益阳电气装备有限公司']);
    const sorted = (await c.get('/api/enterprises?sortField=landMu&sortOrder=descend&pageSize=1')).json();
    expect(sorted.data[0].name).toBe('益阳电气装备有限公司');
    expect((await c.get('/api/enterprises?industry=XX')).statusCode).toBe(400);
    expect((await c.get('/api/enterprises?q=%25')).json().total).toBe(0);
  });

  it('shows create and update events on the timeline, newest first', async () => {
    const c = await tenant.as('service_officer');
    const created = (
      await c.post('/api/enterprises', body({ name: '时间线有限公司', establishedOn: '2020-01-01' }))
    ).json();
    const updated = await c.put(`/api/enterprises/${created.id}`, {
      ...body({ creditCode: created.creditCode, name: '时间线有限公司', establishedOn: '2020-01-01' }),
      scale: 'above',
    });
    expect(updated.statusCode).toBe(200);
    const tl = await c.get(`/api/enterprises/${created.id}/timeline`);
    expect(tl.statusCode).toBe(200);
    const items = tl.json() as { action: string; fields: string[]; actorName: string | null }[];
    expect(items.map((i) => i.action)).toEqual(['update', 'create', 'established']);
    expect(items[0]!.fields).toEqual(['scale']);
    expect(items[0]!.actorName).toBe(tenant.users.service_officer.displayName);
    const foreign = await (await other.as('zone_leader')).get(`/api/enterprises/${created.id}/timeline`);
    expect(foreign.statusCode).toBe(404);
  });

  it('deletes an unreferenced enterprise but not one with an account', async () => {
    const c = await tenant.as('zone_leader');
    const free = (await c.post('/api/enterprises', body({ name: '可删除有限公司' }))).json();
    expect((await c.delete(`/api/enterprises/${free.id}`)).statusCode).toBe(200);
    expect((await c.get(`/api/enterprises/${free.id}`)).statusCode).toBe(404);
    const held = (await c.post('/api/enterprises', body({ name: '有账号有限公司' }))).json();
    await makeUser(ctx.app.ctx.database.db, 'enterprise', { zoneId: tenant.zoneId, enterpriseId: held.id });
    const res = await c.delete(`/api/enterprises/${held.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('IN_USE');
  });

  it('serves the GB/T 4754-2017 tree: 20 sections, 97 divisions', async () => {
    const res = await (await tenant.as('enterprise')).get('/api/reference/industries');
    expect(res.statusCode).toBe(200);
    const tree = res.json() as { code: string; children: { code: string; children?: unknown[] }[] }[];
    expect(tree.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(tree.flatMap((s) => s.children)).toHaveLength(97);
    const c = tree.find((s) => s.code === 'C')!;
    for (const d of ['26', '27', '30', '32', '33', '34', '35', '36', '38', '39', '40']) {
      expect(c.children.find((x) => x.code === d)?.children?.length).toBeGreaterThan(3);
    }
    expect(INDUSTRY_TREE).toHaveLength(20);
  });
});

describe('who sees and changes what', () => {
  it('an enterprise user sees only its own record and may change only its contacts/building', async () => {
    const staffClient = await tenant.as('zone_leader');
    const own = (await staffClient.post('/api/enterprises', body({ name: '自家企业有限公司' }))).json();
    const neighbour = (await staffClient.post('/api/enterprises', body({ name: '邻居企业有限公司' }))).json();
    const user = await makeUser(ctx.app.ctx.database.db, 'enterprise', { zoneId: tenant.zoneId, enterpriseId: own.id });
    const c = await login(ctx.app, user.username, PASSWORD);
    const list = (await c.get('/api/enterprises?pageSize=100')).json();
    expect(list.total).toBe(1);
    expect(list.data[0].id).toBe(own.id);
    expect((await c.get(`/api/enterprises/${own.id}`)).statusCode).toBe(200);
    expect((await c.get(`/api/enterprises/${neighbour.id}`)).statusCode).toBe(404);
    expect((await c.get(`/api/enterprises/${neighbour.id}/timeline`)).statusCode).toBe(404);
    // The staff write routes are closed to it.
    expect((await c.put(`/api/enterprises/${own.id}`, body({ name: '改名有限公司' }))).statusCode).toBe(403);
    expect((await c.post('/api/enterprises', body())).statusCode).toBe(403);
    expect((await c.delete(`/api/enterprises/${own.id}`)).statusCode).toBe(403);
    // Its own route changes only the narrow fields.
    const self = {
      legalRep: '赵六',
      buildingM2: 1234.5,
      contacts: [{ name: '钱七', phone: '0737-4201234', role: '' }],
    };
    const res = await c.put(`/api/enterprises/${own.id}/self`, { ...self, name: '偷偷改名有限公司' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual({ body: '不允许的字段' });
    const ok = await c.put(`/api/enterprises/${own.id}/self`, self);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ ...self, name: '自家企业有限公司' });
    expect((await c.put(`/api/enterprises/${neighbour.id}/self`, self)).statusCode).toBe(404);
    const tl = (await staffClient.get(`/api/enterprises/${own.id}/timeline`)).json();
    expect(tl[0].action).toBe('self_update');
    expect([...tl[0].fields].sort()).toEqual(['buildingM2', 'contacts', 'legalRep']);
  });

  it('a province viewer reads any zone of its province but cannot write; staff of another zone see nothing', async () => {
    const e = (
      await (await tenant.as('zone_leader')).post('/api/enterprises', body({ name: '省看企业有限公司' }))
    ).json();
    const viewer = await tenant.as('province_viewer');
    expect((await viewer.get(`/api/enterprises/${e.id}`)).statusCode).toBe(200);
    expect((await viewer.get('/api/enterprises')).json().total).toBeGreaterThan(0);
    expect((await viewer.post('/api/enterprises', body())).statusCode).toBe(403);
    expect((await viewer.put(`/api/enterprises/${e.id}`, body())).statusCode).toBe(403);
    expect((await (await tenant.as('auditor')).delete(`/api/enterprises/${e.id}`)).statusCode).toBe(403);
    expect((await (await tenant.as('dept_staff')).post('/api/enterprises', body())).statusCode).toBe(403);
    expect((await (await other.as('zone_leader')).get(`/api/enterprises/${e.id}`)).statusCode).toBe(404);
  });
});

describe('generator', () => {
  it('is deterministic and produces valid credit codes and pinyin keys', () => {
    const spec = {
      zoneId: '00000000-0000-4000-8000-000000000000',
      count: 300,
      subParks: [{ id: '00000000-0000-4000-8000-000000000001', code: 'DZXX' }],
      officerIds: [],
      places: ['益阳'],
      division: '430900',
    };
    const a = generateZoneEnterprises(new Random(7), spec);
    const b = generateZoneEnterprises(new Random(7), spec);
    expect(a).toEqual(b);
    expect(new Set(a.map((e) => e.creditCode)).size).toBe(300);
    for (const e of a) {
      expect(creditCodeCheckChar(e.creditCode.slice(0, 17))).toBe(e.creditCode[17]);
      expect(e.name).toMatch(/^益阳.+有限公司$/);
      expect(e.nameInitials).toBe(nameSearchKeys(e.name).nameInitials);
    }
    expect(a.filter((e) => e.scale === 'above').length / a.length).toBeGreaterThan(0.1);
  });
});
