import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../shared/credit-code';
import { verifyAudit } from '../../platform/audit';
import { auditEvents } from '../../platform/audit.tables';
import { calendarOf, WorkCalendar } from '../../platform/calendar';
import { makeTenant, makeUser, PASSWORD, type Tenant } from '../../test/factories';
import { type Client, createTestContext, login, type TestContext } from '../../test/harness';
import { createDemand, recomputeDemandDeadlines } from './demands.service';
import { demands } from './services.tables';

let ctx: TestContext;
let tenant: Tenant;
let leader: Client;
let officer: Client;
let staffA: Client;
let headA: Client;
let ownEnterprise: Client;
let enterpriseId: string;
let otherEnterpriseId: string;

let serial = 0;
function code(): string {
  serial++;
  const first17 = `91430900${String(serial).padStart(6, '0')}MB3`;
  return first17 + creditCodeCheckChar(first17);
}

async function enterprise(name: string): Promise<string> {
  const res = await leader.post('/api/enterprises', { creditCode: code(), name, industryCode: '382' });
  expect(res.statusCode).toBe(200);
  return res.json().id;
}

const demand = (overrides: Record<string, unknown> = {}) => ({
  enterpriseId,
  title: '厂区道路积水影响物流',
  content: '雨季厂区门前道路积水，货车无法进出，请协调疏通排水管网。',
  source: 'hotline',
  tags: ['infrastructure'],
  ...overrides,
});

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  leader = await tenant.as('zone_leader');
  officer = await tenant.as('service_officer');
  staffA = await tenant.as('dept_staff'); // department A
  headA = await tenant.as('dept_head'); // department A
  enterpriseId = await enterprise('益阳恒达电气有限公司');
  otherEnterpriseId = await enterprise('益阳华宇新材料有限公司');
  const user = await makeUser(ctx.database.db, 'enterprise', { zoneId: tenant.zoneId, enterpriseId });
  ownEnterprise = await login(ctx.app, user.username, PASSWORD, tenant.zoneId);
  expect(
    (await leader.put('/api/services/routing-rules', { tag: 'infrastructure', departmentId: tenant.deptA.id }))
      .statusCode,
  ).toBe(200);
  expect(
    (await leader.put('/api/services/routing-rules', { tag: 'finance', departmentId: tenant.deptB.id })).statusCode,
  ).toBe(200);
});
afterAll(() => ctx.close());

describe('§6 demands: routing (分类派单, 分派, 吹哨)', () => {
  it('routes by the first tag with a rule; without a rule it waits for a dispatcher', async () => {
    const byTag = (await officer.post('/api/services/demands', demand({ tags: ['labour', 'finance'] }))).json();
    expect(byTag).toMatchObject({ status: 'assigned', routeKind: 'department', departmentId: tenant.deptB.id });
    expect(byTag.serial).toMatch(/^SQ\d{4}\d{5}$/);

    const none = (await officer.post('/api/services/demands', demand({ tags: ['labour'] }))).json();
    expect(none).toMatchObject({ status: 'pending_route', routeKind: null, departmentId: null });
    // Department A does not see an unrouted demand, nor department B's.
    expect((await staffA.get(`/api/services/demands/${none.id}`)).statusCode).toBe(404);
    expect((await staffA.get(`/api/services/demands/${byTag.id}`)).statusCode).toBe(404);

    const routed = await officer.post(`/api/services/demands/${none.id}/route`, {
      kind: 'department',
      departmentId: tenant.deptA.id,
      note: '用工问题由A部门牵头',
    });
    expect(routed.json()).toMatchObject({ status: 'assigned', departmentId: tenant.deptA.id });
    expect((await staffA.get(`/api/services/demands/${none.id}`)).statusCode).toBe(200);

    // Department A sends it back; it waits for a dispatcher again and A no longer sees it.
    const back = await staffA.post(`/api/services/demands/${none.id}/return`, { reason: '不属于本部门职责' });
    expect(back.json()).toMatchObject({ status: 'pending_route', departmentId: null });
    expect((await staffA.get(`/api/services/demands/${none.id}`)).statusCode).toBe(404);
  });

  it('whistles to an outside body; the department cannot act on it, the dispatcher follows it up', async () => {
    const body = await leader.post('/api/reform/district-departments', {
      name: '国网益阳供电公司',
      responseDays: 3,
    });
    expect(body.statusCode).toBe(200);
    const d = (await officer.post('/api/services/demands', demand({ tags: ['energy'] }))).json();
    const w = await officer.post(`/api/services/demands/${d.id}/route`, {
      kind: 'external',
      districtDepartmentId: body.json().id,
    });
    expect(w.json()).toMatchObject({
      status: 'assigned',
      routeKind: 'external',
      externalBody: '国网益阳供电公司',
      whistleStatus: 'open',
    });
    expect(w.json().whistleCode).toMatch(/^CS-\d{4}-\d{3}$/);
    expect((await headA.post(`/api/services/demands/${d.id}/sign`)).statusCode).toBe(404);
    expect((await officer.post(`/api/services/demands/${d.id}/sign`)).json().status).toBe('signed');
    const history = (await leader.get(`/api/services/demands/${d.id}/history`)).json();
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'whistle', 'sign']);
  });

  it('吹哨 raises a reform whistle matter in the same transaction (origin enterprise_demand, linked both ways)', async () => {
    const body = (
      await leader.post('/api/reform/district-departments', { name: '益阳市自然资源和规划局', responseDays: 5 })
    ).json();
    const d = (await officer.post('/api/services/demands', demand({ tags: ['land'] }))).json();
    const routed = (
      await officer.post(`/api/services/demands/${d.id}/route`, {
        kind: 'external',
        districtDepartmentId: body.id,
        note: '用地指标需市局协调',
      })
    ).json();
    expect(routed.whistleId).toBeTruthy();
    const whistle = (await leader.get(`/api/reform/whistles/${routed.whistleId}`)).json();
    expect(whistle).toMatchObject({
      origin: 'enterprise_demand',
      originRef: d.id,
      departmentId: body.id,
      responseDays: 5,
      status: 'open',
    });
    expect(whistle.title).toContain(d.serial);
    // The response deadline is counted on the working-day calendar from the day it was raised.
    expect(whistle.dueOn).toBe((await calendarOf(ctx.database.db)).addWorkdays(whistle.raisedOn, 5).date);
    // An unknown (or another zone's) outside body is a field error, and nothing is written: no demand change, no
    // whistle matter.
    const d2 = (await officer.post('/api/services/demands', demand({ tags: ['land'] }))).json();
    const before = (await leader.get('/api/reform/whistles?pageSize=500')).json().total;
    const other = await makeTenant(ctx.app);
    const otherBody = (
      await (await other.as('zone_leader')).post('/api/reform/district-departments', { name: '外区部门' })
    ).json();
    const bad = await officer.post(`/api/services/demands/${d2.id}/route`, {
      kind: 'external',
      districtDepartmentId: otherBody.id,
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(['districtDepartmentId']);
    expect((await leader.get('/api/reform/whistles?pageSize=500')).json().total).toBe(before);
    expect((await leader.get(`/api/services/demands/${d2.id}`)).json()).toMatchObject({
      status: 'pending_route',
      whistleId: null,
    });
  });

  it("吹哨回流: the outside body's response and closure flow back to the demand, with its history and audit", async () => {
    const body = (
      await leader.post('/api/reform/district-departments', { name: '益阳市生态环境局回流', responseDays: 5 })
    ).json();
    const d = (await officer.post('/api/services/demands', demand({ tags: ['safety_env'] }))).json();
    const routed = (
      await officer.post(`/api/services/demands/${d.id}/route`, { kind: 'external', districtDepartmentId: body.id })
    ).json();
    const wid = routed.whistleId;
    const raised = (await leader.get(`/api/reform/whistles/${wid}`)).json();

    // A failing response (date before raised) changes neither the whistle nor the demand.
    const bad = await leader.post(`/api/reform/whistles/${wid}/respond`, {
      respondedOn: '2000-01-01',
      response: '已受理',
    });
    expect(bad.statusCode).toBe(400);
    expect((await officer.get(`/api/services/demands/${d.id}`)).json()).toMatchObject({ status: 'assigned' });

    const respondedOn = raised.raisedOn;
    const r = await leader.post(`/api/reform/whistles/${wid}/respond`, {
      respondedOn,
      response: '已安排技术人员上门核查环评材料',
    });
    expect(r.statusCode).toBe(200);
    let now = (await officer.get(`/api/services/demands/${d.id}`)).json();
    expect(now).toMatchObject({
      status: 'replied',
      whistleStatus: 'responded',
      signedOn: respondedOn,
      repliedOn: respondedOn,
      reply: '益阳市生态环境局回流：已安排技术人员上门核查环评材料',
    });

    const c = await leader.post(`/api/reform/whistles/${wid}/close`, {
      closedOn: respondedOn,
      closureNote: '环评批复已下达',
    });
    expect(c.statusCode).toBe(200);
    now = (await officer.get(`/api/services/demands/${d.id}`)).json();
    expect(now).toMatchObject({
      status: 'resolved',
      whistleStatus: 'closed',
      resolvedOn: respondedOn,
      resolution: '环评批复已下达',
    });
    // The enterprise sees it on its side too (its own demand), and the satisfaction callback closes it as usual.
    const history = (await leader.get(`/api/services/demands/${d.id}/history`)).json();
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'create',
      'whistle',
      'whistle_respond',
      'whistle_close',
    ]);
    expect(history[2].note).toContain('已安排技术人员上门核查环评材料');
    // Each flow-back is an audit event of the demand, by whoever recorded the whistle's step.
    const events = await ctx.database.db
      .select({ action: auditEvents.action, entity: auditEvents.entity })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, d.id));
    expect(events.filter((e) => e.entity === 'demand').map((e) => e.action)).toEqual(
      expect.arrayContaining(['whistle_respond', 'whistle_close']),
    );
    const rated = await officer.post(`/api/services/demands/${d.id}/rate`, {
      satisfaction: 'satisfied',
      channel: 'phone',
      comment: '',
    });
    expect(rated.json().status).toBe('closed');

    // A whistle the demand no longer points at (returned, routed elsewhere) does not touch it.
    const d2 = (await officer.post('/api/services/demands', demand({ tags: ['safety_env'] }))).json();
    const first = (
      await officer.post(`/api/services/demands/${d2.id}/route`, { kind: 'external', districtDepartmentId: body.id })
    ).json().whistleId;
    await officer.post(`/api/services/demands/${d2.id}/return`, { reason: '改派本区部门办理' });
    await officer.post(`/api/services/demands/${d2.id}/route`, { kind: 'department', departmentId: tenant.deptA.id });
    const firstRaised = (await leader.get(`/api/reform/whistles/${first}`)).json().raisedOn;
    await leader.post(`/api/reform/whistles/${first}/respond`, { respondedOn: firstRaised, response: '迟到的答复' });
    expect((await officer.get(`/api/services/demands/${d2.id}`)).json()).toMatchObject({
      status: 'assigned',
      reply: null,
    });
  });

  it('demands created at the same moment get distinct consecutive numbers (no 409 from the serial race)', async () => {
    const created = await Promise.all(
      Array.from({ length: 6 }, () => officer.post('/api/services/demands', demand({ receivedOn: '2024-03-05' }))),
    );
    expect(created.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const serials = created.map((r) => r.json().serial as string).sort();
    expect(new Set(serials).size).toBe(6);
    const numbers = serials.map((x) => Number(x.slice(-5)));
    expect(numbers.at(-1)! - numbers[0]!).toBe(5);
  });

  it('the next number follows the highest of the year, so a gap (a number taken by a migration) is not reused', async () => {
    const first = (await officer.post('/api/services/demands', demand({ receivedOn: '2023-06-01' }))).json();
    expect(first.serial).toBe('SQ202300001');
    // A demand brought over from the old system under number 41 of 2023: no 409 for the next one, it becomes 42.
    await ctx.database.db.update(demands).set({ serial: 'SQ202300041' }).where(eq(demands.id, first.id));
    const next = await officer.post('/api/services/demands', demand({ receivedOn: '2023-07-01' }));
    expect(next.statusCode).toBe(200);
    expect(next.json().serial).toBe('SQ202300042');
  });

  it('a demand of another zone is simply not found (read, act, history)', async () => {
    const d = (await officer.post('/api/services/demands', demand())).json();
    const other = await makeTenant(ctx.app);
    const otherLeader = await other.as('zone_leader');
    expect((await otherLeader.get(`/api/services/demands/${d.id}`)).statusCode).toBe(404);
    expect((await otherLeader.get(`/api/services/demands/${d.id}/history`)).statusCode).toBe(404);
    const routed = await otherLeader.post(`/api/services/demands/${d.id}/route`, {
      kind: 'department',
      departmentId: other.deptA.id,
    });
    expect(routed.statusCode).toBe(404);
    expect((await otherLeader.get('/api/services/demands?pageSize=500')).json().total).toBe(0);
    // Another zone's enterprise cannot be named in a new demand.
    expect((await otherLeader.post('/api/services/demands', demand())).json().fields).toEqual({
      enterpriseId: '引用的记录不存在',
    });
  });

  it('a department routing rule must name a department of the zone; dispatch of a signed demand is refused', async () => {
    const other = await makeTenant(ctx.app);
    const bad = await leader.put('/api/services/routing-rules', { tag: 'land', departmentId: other.deptA.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual({ departmentId: '引用的记录不存在' });
    const d = (await officer.post('/api/services/demands', demand())).json();
    await staffA.post(`/api/services/demands/${d.id}/sign`);
    const again = await officer.post(`/api/services/demands/${d.id}/route`, {
      kind: 'department',
      departmentId: tenant.deptB.id,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DEMAND_WRONG_STATE');
  });
});

describe('§6/§3 demands: working-day limits on the calendar (sign 1, reply 2, resolve 10, complex 25)', () => {
  it('across the 2025 National Day holiday (1–8 Oct, make-up Sat 11 Oct)', async () => {
    const d = (await officer.post('/api/services/demands', demand({ receivedOn: '2025-09-30' }))).json();
    expect(d).toMatchObject({
      receivedOn: '2025-09-30',
      signDue: '2025-10-09',
      replyDue: '2025-10-10',
      resolveDue: '2025-10-21', // 9, 10, 11 (make-up Saturday), 13–17, 20, 21
      deadlineProvisional: false,
    });
    await headA.post(`/api/services/demands/${d.id}/sign`);
    const complex = await headA.post(`/api/services/demands/${d.id}/complex`, {
      reason: '涉及市政管网改造，需市级审批',
    });
    expect(complex.json()).toMatchObject({ complex: true, resolveDue: '2025-11-11' });
    const twice = await headA.post(`/api/services/demands/${d.id}/complex`, { reason: '再次延期' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('DEMAND_ALREADY_COMPLEX');
  });

  it('across the nine-day 2026 Spring Festival (15–23 Feb; make-up Sat 14 and Sat 28 Feb)', async () => {
    const d = (await officer.post('/api/services/demands', demand({ receivedOn: '2026-02-13' }))).json();
    expect(d).toMatchObject({
      signDue: '2026-02-14', // the make-up Saturday is a working day
      replyDue: '2026-02-24',
      resolveDue: '2026-03-05', // 14, 24–27, 28 (make-up), 2–5 Mar
      deadlineProvisional: false,
    });
  });

  it("uses the zone's own limits for the year received, and refuses a complex limit below the normal one", async () => {
    const t = await makeTenant(ctx.app);
    const l = await t.as('zone_leader');
    const e = (
      await l.post('/api/enterprises', { creditCode: code(), name: '益阳规则测试有限公司', industryCode: '382' })
    ).json().id;
    const bad = await l.put('/api/services/rules', {
      year: 2024,
      rules: { signDays: 1, replyDays: 3, resolveDays: 15, complexDays: 10 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields['rules.complexDays']).toBe('复杂件时限不能短于一般办结时限');
    const ok = await l.put('/api/services/rules', {
      year: 2024,
      rules: { signDays: 1, replyDays: 3, resolveDays: 15, complexDays: 30 },
    });
    expect(ok.json().rules).toMatchObject({ replyDays: 3, resolveDays: 15, leaderEscalationDays: 5 });
    // 2024 National Day: 1–7 Oct holiday, make-up Sun 29 Sep and Sat 12 Oct.
    const d = (await l.post('/api/services/demands', demand({ enterpriseId: e, receivedOn: '2024-09-30' }))).json();
    expect(d).toMatchObject({ signDue: '2024-10-08', replyDue: '2024-10-10', resolveDue: '2024-10-25' });
    // 2025 has no row of its own → 2024's rules carry over; a zone without rows uses the DOMAIN.md defaults.
    expect((await l.get('/api/services/rules?year=2025')).json().rules.resolveDays).toBe(15);
    expect((await leader.get('/api/services/rules?year=2025')).json().rules).toMatchObject({
      signDays: 1,
      replyDays: 2,
      resolveDays: 10,
      complexDays: 25,
    });
  });

  it('flags deadlines in a year without an arrangement as provisional, and recomputes them when it is published', async () => {
    // Received 30 Dec 2026 (the service is called with a clock set then): its limits fall in 2027.
    const leaderScope = {
      zoneId: tenant.zoneId,
      departmentId: null,
      enterpriseId: null,
      actor: { ...(await leaderActor()), role: 'zone_leader' as const },
    };
    const d = await createDemand(
      ctx.database.db,
      leaderScope,
      { ...demand(), source: 'hotline', tags: ['infrastructure'], contactName: '', contactPhone: '', visitId: null },
      new Date('2026-12-30T02:00:00Z'),
    );
    expect(d).toMatchObject({ receivedOn: '2026-12-30', resolveDue: '2027-01-13', deadlineProvisional: true });

    // A 2027 arrangement with 1–3 Jan off: the open demand moves one day; a closed one would stay frozen.
    const calendar = new WorkCalendar(
      [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-01-04', kind: 'holiday', name: '元旦（测试）' },
      ],
      [2025, 2026, 2027],
    );
    const changed = await ctx.database.db.transaction((tx) => recomputeDemandDeadlines(tx, [2027], calendar));
    expect(changed).toBeGreaterThanOrEqual(1);
    const [after] = await ctx.database.db.select().from(demands).where(eq(demands.id, d.id));
    expect(after).toMatchObject({ resolveDue: '2027-01-15', deadlineProvisional: false });
    const [event] = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, d.id), eq(auditEvents.action, 'recompute_deadlines')));
    expect(event!.before).toMatchObject({ resolveDue: '2027-01-13', provisional: true });
  });
});

async function leaderActor() {
  const me = (await leader.get('/api/auth/me')).json();
  return {
    userId: tenant.users.zone_leader.id,
    username: tenant.users.zone_leader.username,
    displayName: tenant.users.zone_leader.displayName,
    role: 'zone_leader' as const,
    locale: 'zh-CN' as const,
    zoneId: tenant.zoneId,
    provinceId: null,
    departmentId: null,
    enterpriseId: null,
    mustChangePassword: false,
    sessionId: me?.sessionId ?? 'test',
    csrfToken: 'test',
    ip: '127.0.0.1',
  };
}

describe('§6 demands: escalation (督办)', () => {
  it('missed sign limit → department head; resolution 5 working days late → zone leader; levels only rise', async () => {
    const d = (await officer.post('/api/services/demands', demand({ receivedOn: '2025-09-30' }))).json();
    const run = (asOf: string) => officer.post('/api/services/escalations/run', { asOf });
    const level = async () => (await leader.get(`/api/services/demands/${d.id}`)).json().escalationLevel;

    await run('2025-10-09'); // the sign limit day itself is still in time
    expect(await level()).toBe(0);
    await run('2025-10-10');
    expect(await level()).toBe(1);
    await headA.post(`/api/services/demands/${d.id}/sign`);
    await run('2025-10-27'); // resolve due 21 Oct; 22–24, 27 = 4 working days late
    expect(await level()).toBe(1);
    await run('2025-10-28'); // 5 working days late
    expect(await level()).toBe(2);
    await run('2025-10-09');
    expect(await level()).toBe(2);
    const escalated = (await leader.get('/api/services/demands?escalated=yes&pageSize=100')).json();
    expect(escalated.data.map((x: { id: string }) => x.id)).toContain(d.id);
    const history = (await leader.get(`/api/services/demands/${d.id}/history`)).json();
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'create',
      'escalate_head',
      'sign',
      'escalate_leader',
    ]);
  });
});

describe('§6 demands: portal, resolution evidence, satisfaction callback, reopening', () => {
  it('an enterprise raises and sees only its own demands', async () => {
    const forOther = await ownEnterprise.post('/api/services/demands', demand({ enterpriseId: otherEnterpriseId }));
    expect(forOther.statusCode).toBe(400);
    expect(forOther.json().fields).toEqual({ enterpriseId: '引用的记录不存在' });
    const mine = await ownEnterprise.post(
      '/api/services/demands',
      demand({ source: 'hotline', receivedOn: '2025-01-02' }),
    );
    expect(mine.json()).toMatchObject({ source: 'portal', enterpriseId }); // portal, dated today
    expect(mine.json().receivedOn).not.toBe('2025-01-02');
    const other = (await officer.post('/api/services/demands', demand({ enterpriseId: otherEnterpriseId }))).json();
    expect((await ownEnterprise.get(`/api/services/demands/${other.id}`)).statusCode).toBe(404);
    const list = (await ownEnterprise.get('/api/services/demands?pageSize=500')).json();
    expect(list.data.every((x: { enterpriseId: string }) => x.enterpriseId === enterpriseId)).toBe(true);
    expect(list.total).toBeGreaterThan(0);
  });

  it('resolve needs evidence; unsatisfied reopens a new cycle; satisfied closes; metrics count it', async () => {
    const d = (await ownEnterprise.post('/api/services/demands', demand())).json();
    expect(d.status).toBe('assigned');
    await staffA.post(`/api/services/demands/${d.id}/sign`);
    await staffA.post(`/api/services/demands/${d.id}/reply`, { reply: '已联系市政，三日内疏通' });
    const noEvidence = await staffA.post(`/api/services/demands/${d.id}/resolve`, {
      resolution: '已疏通排水管网',
      evidenceNote: '',
    });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().fields).toEqual({ evidenceFileIds: '请上传办结佐证材料或填写佐证说明' });
    const foreignFile = await staffA.post(`/api/services/demands/${d.id}/resolve`, {
      resolution: '已疏通排水管网',
      evidenceFileIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(foreignFile.json().fields).toEqual({ evidenceFileIds: '附件不存在或无权使用' });
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    const photo = await staffA.post(
      `/api/files?filename=${encodeURIComponent('疏通后道路.png')}&enterpriseId=${enterpriseId}`,
      png,
      {
        headers: { 'content-type': 'image/png' },
      },
    );
    expect(photo.statusCode).toBe(201);
    const resolved = await staffA.post(`/api/services/demands/${d.id}/resolve`, {
      resolution: '已疏通排水管网并加装截水沟',
      evidenceFileIds: [photo.json().id],
    });
    expect(resolved.json()).toMatchObject({
      status: 'resolved',
      onTime: true,
      overdue: null,
      evidenceFileIds: [photo.json().id],
    });
    // The enterprise sees the evidence photo.
    expect((await ownEnterprise.get(`/api/files/${photo.json().id}`)).statusCode).toBe(200);

    // The department cannot rate its own work; the enterprise is unsatisfied → reopened for a new cycle.
    expect((await staffA.post(`/api/services/demands/${d.id}/rate`, { satisfaction: 'satisfied' })).statusCode).toBe(
      403,
    );
    const unhappy = await ownEnterprise.post(`/api/services/demands/${d.id}/rate`, {
      satisfaction: 'unsatisfied',
      comment: '下雨后仍有积水',
    });
    expect(unhappy.json()).toMatchObject({
      status: 'assigned',
      departmentId: tenant.deptA.id,
      reopenCount: 1,
      satisfaction: 'unsatisfied',
      signedOn: null,
      resolvedOn: null,
    });
    expect(unhappy.json().cycleStartOn >= d.receivedOn).toBe(true);

    await staffA.post(`/api/services/demands/${d.id}/sign`);
    await staffA.post(`/api/services/demands/${d.id}/resolve`, {
      resolution: '更换更大管径排水管',
      evidenceNote: '施工验收单（纸质存档）',
    });
    const happy = await ownEnterprise.post(`/api/services/demands/${d.id}/rate`, { satisfaction: 'satisfied' });
    expect(happy.json()).toMatchObject({ status: 'closed', satisfaction: 'satisfied', callbackChannel: 'portal' });
    expect(
      (await ownEnterprise.post(`/api/services/demands/${d.id}/rate`, { satisfaction: 'satisfied' })).statusCode,
    ).toBe(409);

    // A phone callback by a dispatcher must say the channel.
    const phone = (await officer.post('/api/services/demands', demand())).json();
    await staffA.post(`/api/services/demands/${phone.id}/sign`);
    await staffA.post(`/api/services/demands/${phone.id}/resolve`, {
      resolution: '已协调处理完毕',
      evidenceNote: '处理记录（纸质存档）',
    });
    const noChannel = await officer.post(`/api/services/demands/${phone.id}/rate`, { satisfaction: 'basically' });
    expect(noChannel.json().fields).toEqual({ channel: '必填' });
    const byPhone = await officer.post(`/api/services/demands/${phone.id}/rate`, {
      satisfaction: 'basically',
      channel: 'phone',
    });
    expect(byPhone.json()).toMatchObject({ status: 'closed', callbackChannel: 'phone' });
    // Reopen by a dispatcher when the problem comes back.
    const again = await officer.post(`/api/services/demands/${phone.id}/reopen`, { reason: '问题再次出现' });
    expect(again.json()).toMatchObject({ status: 'assigned', reopenCount: 1, closedOn: null });

    const metrics = (await leader.get('/api/services/demands/metrics')).json();
    const a = metrics.find((m: { departmentId: string | null }) => m.departmentId === tenant.deptA.id);
    expect(a.closed).toBeGreaterThanOrEqual(1);
    expect(a.satisfied).toBeGreaterThanOrEqual(1);
    expect(a.closureRate).toMatch(/^\d+\.\d{2}$/);
    expect((await verifyAudit(ctx.database.db, { chains: [`zone:${tenant.zoneId}`] })).ok).toBe(true);
  });

  it('metrics per department: worked example (3 received, 2 finished of which 1 on time, 1 of 2 rated satisfied)', async () => {
    const t = await makeTenant(ctx.app);
    const l = await t.as('zone_leader');
    const o = await t.as('service_officer');
    const s = await t.as('dept_staff');
    const e = (
      await l.post('/api/enterprises', { creditCode: code(), name: '益阳某某科技有限公司', industryCode: '382' })
    ).json().id;
    await l.put('/api/services/routing-rules', { tag: 'land', departmentId: t.deptA.id });
    const mk = (receivedOn: string) =>
      o.post('/api/services/demands', demand({ enterpriseId: e, tags: ['land'], receivedOn })).then((r) => r.json());
    const late = await mk('2025-09-30'); // signed today: far past 9 Oct → not on time
    const fresh = await mk(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()));
    await mk('2025-09-30'); // left open and overdue
    for (const x of [late, fresh]) {
      await s.post(`/api/services/demands/${x.id}/sign`);
      await s.post(`/api/services/demands/${x.id}/resolve`, {
        resolution: '已协调办结',
        evidenceNote: '回执（纸质存档）',
      });
    }
    await o.post(`/api/services/demands/${late.id}/rate`, { satisfaction: 'satisfied', channel: 'phone' });
    await o.post(`/api/services/demands/${fresh.id}/rate`, { satisfaction: 'unsatisfied', channel: 'phone' });
    const [row] = (await l.get('/api/services/demands/metrics')).json();
    expect(row).toMatchObject({
      departmentId: t.deptA.id,
      received: 3,
      resolved: 1, // the unsatisfied one was reopened
      closed: 1,
      onTime: 0,
      overdueOpen: 1,
      rated: 2,
      satisfied: 1,
      closureRate: '33.33',
      onTimeRate: '0.00',
      satisfactionRate: '50.00',
    });
  });
});
