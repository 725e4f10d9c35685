import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../shared/credit-code';
import { makeTenant, makeUser, PASSWORD, type Tenant } from '../../test/factories';
import { type Client, createTestContext, login, type TestContext } from '../../test/harness';
import { visitRatings } from './services.tables';

let ctx: TestContext;
let tenant: Tenant;
let leader: Client;
let officer: Client;
let ent: Client;
let enterpriseId: string;
let otherEnterpriseId: string;

let serial = 0;
function code(): string {
  serial++;
  const first17 = `91430900${String(serial).padStart(6, '0')}MC3`;
  return first17 + creditCodeCheckChar(first17);
}

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  leader = await tenant.as('zone_leader');
  officer = await tenant.as('service_officer'); // department A
  const mk = async (name: string) =>
    (await leader.post('/api/enterprises', { creditCode: code(), name, industryCode: '382' })).json().id as string;
  enterpriseId = await mk('益阳走访测试电气有限公司');
  otherEnterpriseId = await mk('益阳走访测试材料有限公司');
  const u = await makeUser(ctx.database.db, 'enterprise', { zoneId: tenant.zoneId, enterpriseId });
  ent = await login(ctx.app, u.username, PASSWORD, tenant.zoneId);
});
afterAll(() => ctx.close());

const visit = (overrides: Record<string, unknown> = {}) => ({
  enterpriseId,
  visitedOn: '2026-03-10',
  people: '企业服务局 李思雨；企业 王总',
  topics: '了解二期扩建进展，收集用地和用工诉求',
  officerId: tenant.staffA.id,
  ...overrides,
});

describe('§6 visits: duplicate-visit warning across departments (window 30 days by default)', () => {
  it('warns about another department visiting within the window, not about its own or older visits', async () => {
    const first = await officer.post('/api/services/visits', visit());
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ warnings: [], visit: { departmentId: tenant.deptA.id, demandCount: 0 } });
    // Department A again 5 days later: same department, no warning.
    expect((await officer.post('/api/services/visits', visit({ visitedOn: '2026-03-15' }))).json().warnings).toEqual(
      [],
    );
    // Department B (logged by the leader for it) 20 days after A's first visit: warned about both of A's visits.
    const b = (
      await leader.post('/api/services/visits', visit({ departmentId: tenant.deptB.id, visitedOn: '2026-03-30' }))
    ).json();
    expect(b.warnings.map((w: { visitedOn: string }) => w.visitedOn)).toEqual(['2026-03-10', '2026-03-15']);
    expect(b.warnings[0].departmentName).toBe(tenant.deptA.name);
    // Department B 45 days after: only A's second visit (15 Mar) is more than 30 days ago too → no warning.
    const late = (
      await leader.post('/api/services/visits', visit({ departmentId: tenant.deptB.id, visitedOn: '2026-05-20' }))
    ).json();
    expect(late.warnings).toEqual([]);
    // The zone's rule shortens the window: 10 days → 30 Mar vs 15 Mar is outside.
    await leader.put('/api/services/rules', {
      year: 2026,
      rules: { signDays: 1, replyDays: 2, resolveDays: 10, complexDays: 25, visitWindowDays: 10 },
    });
    const short = (
      await leader.post('/api/services/visits', visit({ departmentId: tenant.deptB.id, visitedOn: '2026-03-24' }))
    ).json();
    expect(short.warnings.map((w: { visitedOn: string }) => w.visitedOn)).toEqual(['2026-03-15']);
  });

  it('refuses a future date, a leader without a department, and an enterprise of another zone', async () => {
    expect((await officer.post('/api/services/visits', visit({ visitedOn: '2099-01-01' }))).json().fields).toEqual({
      visitedOn: '日期不能晚于今天',
    });
    expect((await leader.post('/api/services/visits', visit())).json().fields).toEqual({ departmentId: '必填' });
    const other = await makeTenant(ctx.app);
    const foreign = (
      await (
        await other.as('zone_leader')
      ).post('/api/enterprises', {
        creditCode: code(),
        name: '外区企业有限公司',
        industryCode: '382',
      })
    ).json().id;
    expect((await officer.post('/api/services/visits', visit({ enterpriseId: foreign }))).json().fields).toEqual({
      enterpriseId: '引用的记录不存在',
    });
  });
});

describe('§6 visits: anonymous rating by the enterprise; demands raised from a visit; timeline', () => {
  it('the enterprise rates a visit it received once; no person is stored with the score', async () => {
    const v = (await officer.post('/api/services/visits', visit({ visitedOn: '2026-06-01' }))).json().visit;
    const theirs = (await officer.post('/api/services/visits', visit({ enterpriseId: otherEnterpriseId }))).json()
      .visit;
    expect((await ent.get(`/api/services/visits/${theirs.id}`)).statusCode).toBe(404);
    expect((await ent.post(`/api/services/visits/${theirs.id}/rate`, { score: 1 })).statusCode).toBe(404);
    const rated = await ent.post(`/api/services/visits/${v.id}/rate`, { score: 5, comment: '问题记录详细，回复及时' });
    expect(rated.json()).toMatchObject({ ratingScore: 5, ratingComment: '问题记录详细，回复及时' });
    expect((await ent.post(`/api/services/visits/${v.id}/rate`, { score: 4 })).json().code).toBe('VISIT_ALREADY_RATED');
    expect((await ent.post(`/api/services/visits/${v.id}/rate`, { score: 6 })).statusCode).toBe(400);
    const [row] = await ctx.database.db.select().from(visitRatings).where(eq(visitRatings.visitId, v.id));
    expect(Object.keys(row!).sort()).toEqual(['comment', 'createdAt', 'id', 'score', 'visitId', 'zoneId']);
    // The enterprise sees only the visits it received.
    const mine = (await ent.get('/api/services/visits?pageSize=100')).json();
    expect(mine.data.every((x: { enterpriseId: string }) => x.enterpriseId === enterpriseId)).toBe(true);
  });

  it('a demand raised from a visit counts on it, and both show on the enterprise timeline', async () => {
    const v = (await officer.post('/api/services/visits', visit({ visitedOn: '2026-06-02' }))).json().visit;
    const d = await officer.post('/api/services/demands', {
      enterpriseId,
      visitId: v.id,
      source: 'visit',
      title: '二期扩建用地指标',
      content: '二期扩建需新增工业用地约30亩。',
      tags: ['land'],
      receivedOn: '2026-06-02',
    });
    expect(d.json()).toMatchObject({ visitId: v.id, source: 'visit' });
    // A visit of another enterprise cannot be named.
    const wrong = await officer.post('/api/services/demands', {
      enterpriseId: otherEnterpriseId,
      visitId: v.id,
      title: '二期扩建用地指标',
      content: '二期扩建需新增工业用地约30亩。',
      tags: ['land'],
    });
    expect(wrong.json().fields).toEqual({ visitId: '引用的记录不存在' });
    expect((await officer.get(`/api/services/visits/${v.id}`)).json().demandCount).toBe(1);
    const timeline = (await ent.get(`/api/enterprises/${enterpriseId}/timeline`)).json();
    const sources = new Set(timeline.map((i: { source: string }) => i.source));
    expect(sources).toContain('visits');
    expect(sources).toContain('demands');
    expect(timeline.find((i: { id: string }) => i.id === `demand:${d.json().id}`).summary).toContain(
      '二期扩建用地指标',
    );
  });
});
