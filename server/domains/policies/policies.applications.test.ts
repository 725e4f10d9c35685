import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../shared/credit-code';
import { makeTenant, makeUser, PASSWORD, type Tenant } from '../../test/factories';
import { type Client, createTestContext, login, type TestContext } from '../../test/harness';

let ctx: TestContext;
let tenant: Tenant;
let leader: Client;
let head: Client;
let eligible: Client;
let eligibleId: string;
let outsider: Client;

let serial = 0;
function creditCode(): string {
  serial++;
  const first17 = `91430900${String(serial).padStart(6, '0')}MC5`;
  return first17 + creditCodeCheckChar(first17);
}

async function enterprise(name: string, tags: string[]) {
  const res = await leader.post('/api/enterprises', { creditCode: creditCode(), name, industryCode: '382', tags });
  expect(res.statusCode).toBe(200);
  const id = res.json().id as string;
  const user = await makeUser(ctx.database.db, 'enterprise', { zoneId: tenant.zoneId, enterpriseId: id });
  return { id, client: await login(ctx.app, user.username, PASSWORD, tenant.zoneId) };
}

async function publish(mode: 'apply' | 'auto', amountFen: number | null) {
  const p = await leader.post('/api/policies', {
    title: mode === 'auto' ? '高新技术企业认定奖励（免申即享）' : '专精特新企业研发奖补',
    mode,
    amountFen,
    rules: { all: [{ field: 'tag', op: 'has', value: '专精特新' }] },
  });
  expect(p.statusCode).toBe(200);
  const published = await leader.post(`/api/policies/${p.json().id}/publish`);
  expect(published.statusCode).toBe(200);
  return published.json().id as string;
}

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  leader = await tenant.as('zone_leader');
  head = await tenant.as('dept_head');
  const a = await enterprise('益阳专精特新电机有限公司', ['专精特新']);
  eligibleId = a.id;
  eligible = a.client;
  outsider = (await enterprise('益阳普通贸易有限公司', [])).client;
});
afterAll(() => ctx.close());

describe('§6 policies: application → correction → review → payout → disclosure', () => {
  it('an eligible enterprise applies once; a non-matched one does not see the policy; staff cannot apply', async () => {
    const id = await publish('apply', 5_000_000);
    expect((await eligible.get('/api/policies')).json().data.map((p: { id: string }) => p.id)).toContain(id);
    const first = await eligible.post(`/api/policies/${id}/apply`, { statement: '本企业2025年研发投入1200万元' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'submitted', enterpriseId: eligibleId, returnCount: 0, paidFen: 0 });
    expect((await eligible.post(`/api/policies/${id}/apply`, { statement: '再次申报一次' })).json().code).toBe(
      'APPLICATION_EXISTS',
    );
    expect((await outsider.post(`/api/policies/${id}/apply`, { statement: '我们也想申报' })).statusCode).toBe(404);
    expect((await leader.post(`/api/policies/${id}/apply`, { statement: '代企业申报' })).statusCode).toBe(403);
    // The other enterprise sees none of its applications.
    expect((await outsider.get('/api/policies/applications')).json().total).toBe(0);
  });

  it('correction loop (补正) then approval with the policy amount; payouts in instalments never exceed the award', async () => {
    const id = await publish('apply', 5_000_000);
    const a = (await eligible.post(`/api/policies/${id}/apply`, { statement: '研发投入说明' })).json();
    // The enterprise cannot review; the department head returns it for correction.
    expect((await eligible.post(`/api/policies/applications/${a.id}/review`, { decision: 'approve' })).statusCode).toBe(
      403,
    );
    const returned = await head.post(`/api/policies/applications/${a.id}/review`, {
      decision: 'return',
      note: '请补充研发费用专项审计报告',
    });
    expect(returned.json()).toMatchObject({
      status: 'returned',
      returnCount: 1,
      reviewNote: '请补充研发费用专项审计报告',
    });
    // Cannot approve while it waits for the enterprise.
    expect((await head.post(`/api/policies/applications/${a.id}/review`, { decision: 'approve' })).statusCode).toBe(
      409,
    );
    const again = await eligible.post(`/api/policies/applications/${a.id}/resubmit`, {
      statement: '已补充专项审计报告',
    });
    expect(again.json()).toMatchObject({ status: 'submitted', statement: '已补充专项审计报告' });
    const approved = (await head.post(`/api/policies/applications/${a.id}/review`, { decision: 'approve' })).json();
    expect(approved).toMatchObject({ status: 'approved', awardFen: 5_000_000, returnCount: 1 });

    // 兑现: 30 000.00 + 20 000.00 = the award of 50 000.00; one fen more is refused, nothing written.
    const pay = (amountFen: number, paidOn = '2025-06-30') =>
      head.post(`/api/policies/applications/${a.id}/payouts`, { amountFen, paidOn, voucher: `PZ-${amountFen}` });
    expect((await pay(3_000_000)).json().paidFen).toBe(3_000_000);
    expect((await pay(2_000_001)).json().fields).toEqual({ amountFen: '累计兑现金额不能超过核定金额' });
    expect((await pay(2_000_000)).json().paidFen).toBe(5_000_000);
    expect((await pay(1)).statusCode).toBe(400);
    expect((await head.get(`/api/policies/applications/${a.id}/payouts`)).json()).toHaveLength(2);
    expect((await pay(100, '2099-01-01')).json().fields).toEqual({ paidOn: '日期不能晚于今天' });

    // 公示: public, without login; only approved awards, with what was paid.
    const pub = ctx.app.inject({ method: 'GET', url: `/api/public/policies/${tenant.zoneId}/awards` });
    const rows = (await pub).json();
    expect(rows).toContainEqual(
      expect.objectContaining({
        policyId: id,
        enterpriseName: '益阳专精特新电机有限公司',
        awardFen: 5_000_000,
        paidFen: 5_000_000,
        autoGranted: false,
      }),
    );
  });

  it('a rejected application is final and not disclosed; a policy without an amount needs the award at approval', async () => {
    const id = await publish('apply', null);
    const a = (await eligible.post(`/api/policies/${id}/apply`, { statement: '申报说明材料' })).json();
    expect(
      (await head.post(`/api/policies/applications/${a.id}/review`, { decision: 'approve' })).json().fields,
    ).toEqual({
      awardFen: '该政策未设定金额，请填写核定金额',
    });
    const rejected = await head.post(`/api/policies/applications/${a.id}/review`, {
      decision: 'reject',
      note: '研发投入未达到政策门槛',
    });
    expect(rejected.json().status).toBe('rejected');
    expect(
      (await eligible.post(`/api/policies/applications/${a.id}/resubmit`, { statement: '再试一次申报' })).statusCode,
    ).toBe(409);
    const rows = (await ctx.app.inject({ method: 'GET', url: `/api/public/policies/${tenant.zoneId}/awards` })).json();
    expect(rows.find((r: { policyId: string }) => r.policyId === id)).toBeUndefined();
  });

  it('免申即享: publishing an auto policy grants every matched enterprise without an application', async () => {
    const id = await publish('auto', 10_000_000);
    const list = (await leader.get(`/api/policies/applications?policyId=${id}`)).json();
    expect(list.total).toBe(1);
    expect(list.data[0]).toMatchObject({
      enterpriseId: eligibleId,
      status: 'approved',
      autoGranted: true,
      awardFen: 10_000_000,
    });
    expect((await eligible.post(`/api/policies/${id}/apply`, { statement: '免申政策也申报' })).json().code).toBe(
      'POLICY_NOT_OPEN',
    );
    const rows = (await ctx.app.inject({ method: 'GET', url: `/api/public/policies/${tenant.zoneId}/awards` })).json();
    expect(rows).toContainEqual(expect.objectContaining({ policyId: id, autoGranted: true, paidFen: 0 }));
  });

  it('明白卡: the policies the enterprise may claim with its state, and whom to call; its own card only', async () => {
    const open = await publish('apply', 3_000_000);
    await leader.put('/api/services/routing-rules', { tag: 'land', departmentId: tenant.deptA.id });
    const card = (await eligible.get(`/api/services/enterprises/${eligibleId}/card`)).json();
    expect(card.enterpriseName).toBe('益阳专精特新电机有限公司');
    const byId = new Map(card.policies.map((p: { policyId: string }) => [p.policyId, p]));
    expect(byId.get(open)).toMatchObject({ mode: 'apply', applicationStatus: null, amountFen: 3_000_000 });
    // Every earlier policy of this file is on the card with its state (approved, rejected, auto-granted…).
    expect(card.policies.filter((p: { applicationStatus: string }) => p.applicationStatus === 'approved').length).toBe(
      2,
    );
    expect(card.policies.filter((p: { applicationStatus: string }) => p.applicationStatus === 'rejected').length).toBe(
      1,
    );
    expect(card.contacts).toEqual([{ tag: 'land', departmentName: tenant.deptA.name }]);
    // The other enterprise meets no condition: an empty list; it cannot read the eligible one's card.
    const outsiderCard = await outsider.get(`/api/services/enterprises/${eligibleId}/card`);
    expect(outsiderCard.statusCode).toBe(404);
    const staffView = (await leader.get(`/api/services/enterprises/${eligibleId}/card`)).json();
    expect(staffView.policies).toHaveLength(card.policies.length);
  });
});
