import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../shared/credit-code';
import { makeStaff, makeTenant, makeUser, PASSWORD, type Tenant } from '../../test/factories';
import { type Client, createTestContext, login, type TestContext } from '../../test/harness';
import { staff } from '../org/org.tables';
import { ratio } from './officers.service';
import { demands } from './services.tables';

let ctx: TestContext;
let tenant: Tenant;
let leader: Client;

let serial = 0;
function creditCode(): string {
  serial++;
  const first17 = `91430900${String(serial).padStart(6, '0')}MA4`;
  return first17 + creditCodeCheckChar(first17);
}

async function enterprise(name: string, serviceOfficerId: string | null): Promise<string> {
  const res = await leader.post('/api/enterprises', {
    creditCode: creditCode(),
    name,
    industryCode: '382',
    serviceOfficerId,
  });
  expect(res.statusCode).toBe(200);
  return res.json().id;
}

async function visit(enterpriseId: string, officerId: string, visitedOn: string, departmentId = tenant.deptA.id) {
  const res = await leader.post('/api/services/visits', {
    enterpriseId,
    departmentId,
    officerId,
    visitedOn,
    people: '王总',
    topics: '了解用工与用地需求',
  });
  expect(res.statusCode).toBe(200);
  return res.json().visit.id as string;
}

async function rate(enterpriseId: string, visitId: string, score: number) {
  const user = await makeUser(ctx.database.db, 'enterprise', { zoneId: tenant.zoneId, enterpriseId });
  const c = await login(ctx.app, user.username, PASSWORD, tenant.zoneId);
  expect((await c.post(`/api/services/visits/${visitId}/rate`, { score })).statusCode).toBe(200);
}

let n = 0;
/** A demand row as the workflow leaves it (the metrics only read the stored outcome). */
async function demandRow(enterpriseId: string, receivedOn: string, o: Partial<typeof demands.$inferInsert> = {}) {
  n++;
  await ctx.database.db.insert(demands).values({
    zoneId: tenant.zoneId,
    serial: `OF${String(n).padStart(7, '0')}`,
    enterpriseId,
    title: '测试诉求',
    content: '测试诉求内容',
    source: 'visit',
    receivedOn,
    cycleStartOn: receivedOn,
    signDue: receivedOn,
    replyDue: receivedOn,
    resolveDue: receivedOn,
    status: 'assigned',
    ...o,
  });
}

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  leader = await tenant.as('zone_leader');
});
afterAll(() => ctx.close());

describe('§6 首席服务官: portfolios and per-officer metrics', () => {
  it('ratio rounds half up on integers (2 of 3 = 66.67; 9 of 2 at scale 1 = 4.50)', () => {
    expect(ratio(2, 3)).toBe('66.67');
    expect(ratio(1, 8)).toBe('12.50');
    expect(ratio(9, 2, 1)).toBe('4.50');
    expect(ratio(0, 0)).toBeNull();
  });

  it('worked example: portfolio 3, 3 visits in March (2 rated 4 and 5), coverage 2/3, demands 3 → 2 finished, 1 on time, 1 of 1 satisfied', async () => {
    const db = ctx.database.db;
    const wang = await makeStaff(db, tenant.zoneId, tenant.deptA.id);
    await db.update(staff).set({ name: '王首席' }).where(eq(staff.id, wang.id));
    const li = await makeStaff(db, tenant.zoneId, tenant.deptB.id);
    const e1 = await enterprise('益阳首席一号有限公司', wang.id);
    const e2 = await enterprise('益阳首席二号有限公司', wang.id);
    await enterprise('益阳首席三号有限公司', wang.id);
    const e4 = await enterprise('益阳他人企业有限公司', li.id);

    const v1 = await visit(e1, wang.id, '2025-03-03');
    await visit(e1, wang.id, '2025-03-20');
    const v3 = await visit(e2, wang.id, '2025-03-25');
    await visit(e2, wang.id, '2025-05-01'); // outside the period
    await visit(e4, li.id, '2025-03-10', tenant.deptB.id);
    // Another officer visiting Wang's enterprise does not count as Wang's coverage.
    await visit(e1, li.id, '2025-03-11', tenant.deptB.id);
    await rate(e1, v1, 4);
    await rate(e2, v3, 5);
    // Demands raised during a visit of Wang's (counted as raised by Wang).
    await demandRow(e1, '2025-03-03', { visitId: v1, status: 'closed', allOnTime: true, satisfaction: 'satisfied' });
    await demandRow(e2, '2025-03-26', { status: 'resolved', allOnTime: false });
    await demandRow(e2, '2025-03-28');
    await demandRow(e2, '2025-04-02'); // outside the period
    await demandRow(e4, '2025-03-15', { status: 'closed', allOnTime: true, satisfaction: 'unsatisfied' });

    const res = await leader.get('/api/services/officers/metrics?from=2025-03-01&to=2025-03-31');
    expect(res.statusCode).toBe(200);
    const rows = res.json();
    expect(rows.find((r: { staffId: string }) => r.staffId === wang.id)).toEqual({
      staffId: wang.id,
      name: '王首席',
      departmentId: tenant.deptA.id,
      departmentName: tenant.deptA.name,
      portfolio: 3,
      visits: 3,
      portfolioVisited: 2,
      coverageRate: '66.67',
      demandsRaised: 1,
      ratedVisits: 2,
      avgRating: '4.50',
      demandsReceived: 3,
      demandsFinished: 2,
      demandsOnTime: 1,
      demandsRated: 1,
      demandsSatisfied: 1,
      closureRate: '66.67',
      onTimeRate: '50.00',
      satisfactionRate: '100.00',
    });
    expect(rows.find((r: { staffId: string }) => r.staffId === li.id)).toMatchObject({
      portfolio: 1,
      visits: 2,
      portfolioVisited: 1,
      demandsReceived: 1,
      satisfactionRate: '0.00',
    });

    // The portfolio: never-visited first, then by last visit; open demands counted whatever the period.
    const pf = (await leader.get(`/api/services/officers/${wang.id}/portfolio?from=2025-03-01&to=2025-03-31`)).json();
    expect(pf.map((p: { enterpriseName: string }) => p.enterpriseName)).toEqual([
      '益阳首席三号有限公司',
      '益阳首席一号有限公司',
      '益阳首席二号有限公司',
    ]);
    expect(pf[2]).toMatchObject({ enterpriseId: e2, lastVisitedOn: '2025-05-01', visits: 1, openDemands: 2 });

    // Department B's head sees department B's officers only; another zone sees none of them.
    const headB = await (async () => {
      const u = await makeUser(db, 'dept_head', { zoneId: tenant.zoneId, departmentId: tenant.deptB.id });
      return login(ctx.app, u.username, PASSWORD, tenant.zoneId);
    })();
    const seenByB = (await headB.get('/api/services/officers/metrics')).json();
    expect(seenByB.map((r: { staffId: string }) => r.staffId)).toEqual([li.id]);
    expect((await headB.get(`/api/services/officers/${wang.id}/portfolio`)).statusCode).toBe(404);
    const other = await (await makeTenant(ctx.app)).as('zone_leader');
    expect((await other.get('/api/services/officers/metrics')).json()).toEqual([]);
    // Enterprises have no access.
    const ent = await makeUser(db, 'enterprise', { zoneId: tenant.zoneId, enterpriseId: e1 });
    const entClient = await login(ctx.app, ent.username, PASSWORD, tenant.zoneId);
    expect((await entClient.get('/api/services/officers/metrics')).statusCode).toBe(403);
  });
});
