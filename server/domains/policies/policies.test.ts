import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyCondition } from '../../../shared/policies';
import { type GeneratedEnterprise, generateZoneEnterprises, insertEnterprises } from '../../seed/enterprises';
import { Random } from '../../seed/random';
import { makeTenant, makeUser, PASSWORD, type Tenant } from '../../test/factories';
import { type Client, createTestContext, login, type TestContext } from '../../test/harness';
import { subParks } from '../tenancy/tenancy.tables';

let ctx: TestContext;
let tenant: Tenant;
let leader: Client;
let generated: GeneratedEnterprise[];
let parkIds: string[];
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  leader = await tenant.as('zone_leader');
  const parks = await ctx.database.db
    .insert(subParks)
    .values([
      { zoneId: tenant.zoneId, code: 'DQZB', name: '电气装备产业园', nameEn: 'Electrical' },
      { zoneId: tenant.zoneId, code: 'DZXX', name: '电子信息产业园', nameEn: 'Electronics' },
      { zoneId: tenant.zoneId, code: 'XNY', name: '新能源新材料产业园', nameEn: 'New energy' },
    ])
    .returning();
  parkIds = parks.map((p) => p.id);
  generated = generateZoneEnterprises(new Random(20261124), {
    zoneId: tenant.zoneId,
    count: 400,
    subParks: parks.map((p) => ({ id: p.id, code: p.code })),
    officerIds: [tenant.staffA.id],
    places: ['益阳', '赫山', '资阳'],
    division: '430900',
  });
  await insertEnterprises(ctx.database.db, generated);
});
afterAll(() => ctx.close());

/** Whole years from `from` to `to` (ISO dates), computed on the date parts — independent of the SQL. */
function age(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

/** The test's own reading of a condition, over the generated rows (not the server's SQL). */
function holds(e: GeneratedEnterprise, c: PolicyCondition): boolean {
  switch (c.field) {
    case 'scale':
      return e.scale === c.value;
    case 'tag':
      return c.op === 'has' ? e.tags.includes(c.value) : !e.tags.includes(c.value);
    case 'industry':
      return c.value.some((v) => (/^[A-T]$/.test(v) ? e.industrySection === v : e.industryCode.startsWith(v)));
    case 'subPark':
      return e.subParkId !== null && c.value.includes(e.subParkId);
    case 'landMu':
      return e.landMu !== null && (c.op === 'gte' ? e.landMu >= c.value : e.landMu <= c.value);
    case 'establishedYears': {
      if (!e.establishedOn) return false;
      const a = age(e.establishedOn, today);
      return c.op === 'gte' ? a >= c.value : a <= c.value;
    }
  }
}
const expected = (all: PolicyCondition[]) =>
  generated
    .filter((e) => e.status === 'operating' && all.every((c) => holds(e, c)))
    .map((e) => e.id)
    .sort();

async function publish(all: PolicyCondition[], mode = 'apply') {
  const created = await leader.post('/api/policies', {
    title: '测试政策：规上高新技术企业研发奖补',
    issuer: '经济发展局',
    mode,
    amountFen: 20_000_000,
    rules: { all },
  });
  expect(created.statusCode).toBe(200);
  const id = created.json().id;
  const published = await leader.post(`/api/policies/${id}/publish`);
  expect(published.json()).toMatchObject({ status: 'published', publishedOn: today });
  const matches = (await leader.get(`/api/policies/${id}/matches`)).json() as { enterpriseId: string }[];
  return { id, matched: matches.map((m) => m.enterpriseId).sort(), count: published.json().matchedCount };
}

describe('§6 policies: automatic matching on generated enterprises (matched set = set computed by the test)', () => {
  const cases: [string, PolicyCondition[]][] = [
    [
      '规上 + 高新技术企业 + 制造业 C',
      [
        { field: 'scale', op: 'eq', value: 'above' },
        { field: 'tag', op: 'has', value: '高新技术企业' },
        { field: 'industry', op: 'in', value: ['C'] },
      ],
    ],
    [
      '电气/电子 (38, 39) 且用地 ≥ 20 亩、成立 ≥ 3 年',
      [
        { field: 'industry', op: 'in', value: ['38', '39'] },
        { field: 'landMu', op: 'gte', value: 20 },
        { field: 'establishedYears', op: 'gte', value: 3 },
      ],
    ],
    [
      '规下、非专精特新、成立 ≤ 5 年、两个园区之一 (科技型中小企业培育)',
      [
        { field: 'scale', op: 'eq', value: 'below' },
        { field: 'tag', op: 'hasNot', value: '专精特新' },
        { field: 'establishedYears', op: 'lte', value: 5 },
        { field: 'subPark', op: 'in', value: [] as string[] },
      ],
    ],
    ['用地 ≤ 10 亩', [{ field: 'landMu', op: 'lte', value: 10 }]],
    ['no conditions: every operating enterprise', []],
  ];

  it.each(cases)('%s', async (_name, all) => {
    const conditions = all.map((c) => (c.field === 'subPark' ? { ...c, value: parkIds.slice(0, 2) } : c));
    const want = expected(conditions);
    const got = await publish(conditions);
    expect(got.matched).toEqual(want);
    expect(got.count).toBe(want.length);
  });

  it('the worked example is not vacuous: each case matches some but not all enterprises', () => {
    const first = expected(cases[0]![1]);
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(generated.length);
  });
});

describe('§6 policies: notification, visibility, drafts', () => {
  it('an eligible enterprise sees the published policy; an ineligible one does not; drafts are invisible', async () => {
    const all: PolicyCondition[] = [{ field: 'tag', op: 'has', value: '专精特新' }];
    const eligible = generated.find((e) => e.status === 'operating' && e.tags.includes('专精特新'))!;
    const ineligible = generated.find((e) => !e.tags.includes('专精特新'))!;
    const draft = (await leader.post('/api/policies', { title: '专精特新企业奖励（草稿）', rules: { all } })).json();
    const { id } = await publish(all);
    const seeing = async (enterpriseId: string) => {
      const u = await makeUser(ctx.database.db, 'enterprise', { zoneId: tenant.zoneId, enterpriseId });
      const c = await login(ctx.app, u.username, PASSWORD, tenant.zoneId);
      const list = (await c.get('/api/policies?pageSize=100')).json();
      return { c, ids: list.data.map((p: { id: string }) => p.id) as string[] };
    };
    const yes = await seeing(eligible.id);
    expect(yes.ids).toContain(id);
    expect(yes.ids).not.toContain(draft.id);
    expect((await yes.c.get(`/api/policies/${id}/matches`)).json()).toEqual([
      expect.objectContaining({ enterpriseId: eligible.id, notifiedOn: today }),
    ]);
    const no = await seeing(ineligible.id);
    expect(no.ids).not.toContain(id);
    expect((await no.c.get(`/api/policies/${id}`)).statusCode).toBe(404);
  });

  it('a published policy cannot be edited or published twice; a sub-park of another zone is refused', async () => {
    const { id } = await publish([{ field: 'scale', op: 'eq', value: 'above' }]);
    expect((await leader.post(`/api/policies/${id}/publish`)).json().code).toBe('POLICY_NOT_DRAFT');
    const edit = await leader.put(`/api/policies/${id}`, { title: '改标题试试', rules: { all: [] } });
    expect(edit.statusCode).toBe(409);
    const bad = await leader.post('/api/policies', {
      title: '园区政策',
      rules: { all: [{ field: 'subPark', op: 'in', value: ['00000000-0000-4000-8000-000000000000'] }] },
    });
    expect(bad.json().fields).toEqual({ rules: '引用的记录不存在' });
    const malformed = await leader.post('/api/policies', {
      title: '园区政策',
      rules: { all: [{ field: 'landMu', op: 'eq', value: 'x' }] },
    });
    expect(malformed.statusCode).toBe(400);
  });
});
