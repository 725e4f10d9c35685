import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIGHT_PARAMS, percent } from '../../../shared/projects';
import { makeTenant, type Tenant } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { addMonths, computeLight, type LightInput } from './projects.lights';

let ctx: TestContext;
let tenant: Tenant;
let other: Tenant;
beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  other = await makeTenant(ctx.app);
});
afterAll(() => ctx.close());

const P = DEFAULT_LIGHT_PARAMS;
const W = 1_000_000; // 1 万元 in fen
const YI = 10_000 * W; // 1 亿元 in fen
const base: LightInput = {
  plannedStart: '2026-01-15',
  actualStart: '2026-01-10',
  actualCompletion: null,
  statsRegisteredOn: '2026-02-01',
  yearPlannedFen: 12 * YI,
  completedFen: 0,
  previous: null,
};

describe('traffic lights, pure rules (DOMAIN.md §5)', () => {
  it('month arithmetic clamps to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2026-03-15', 3)).toBe('2026-06-15');
  });

  it('§5 rule 1: yellow when completion lags the schedule by 10–30 points (worked example)', () => {
    // As of 2026-07-10, six months are reported: schedule 6/12 = 50.00 %. Done 4.8 亿 of 12 亿 = 40.00 % → lag 10.00.
    const r = computeLight({ ...base, completedFen: 48_000 * W }, P, '2026-07-10');
    expect(r.light).toBe('yellow');
    expect(r.reasons).toEqual([{ code: 'LAG', lag: '10.00', schedule: '50.00', completion: '40.00', light: 'yellow' }]);
    // 4.81 亿 → 40.08 % → lag 9.92: green.
    expect(computeLight({ ...base, completedFen: 48_100 * W }, P, '2026-07-10').light).toBe('green');
    // Exactly 30 points behind is still yellow: 2.4 亿 = 20 %, lag 30.00.
    expect(computeLight({ ...base, completedFen: 24_000 * W }, P, '2026-07-10').light).toBe('yellow');
  });

  it('§5 rule 2: red when the lag is beyond 30 points', () => {
    // 2.39 亿 of 12 亿 = 19.92 % → lag 30.08.
    const r = computeLight({ ...base, completedFen: 23_900 * W }, P, '2026-07-10');
    expect(r.light).toBe('red');
    expect(r.reasons[0]).toMatchObject({ code: 'LAG', lag: '30.08', light: 'red' });
  });

  it('§5 rule 1–2: the schedule of a project started during the year runs from its start month', () => {
    // Started 2026-04-20: reported months from April; as of 2026-10-05 → 6 of 9 months = 66.67 %.
    const r = computeLight(
      { ...base, actualStart: '2026-04-20', statsRegisteredOn: '2026-05-10', completedFen: 6 * YI },
      P,
      '2026-10-05',
    );
    expect(r.reasons).toEqual([{ code: 'LAG', lag: '16.67', schedule: '66.67', completion: '50.00', light: 'yellow' }]);
  });

  it('§5 rule 3: red when not started 3 months after the planned start', () => {
    const notStarted = { ...base, actualStart: null, statsRegisteredOn: null, plannedStart: '2026-03-15' };
    expect(computeLight(notStarted, P, '2026-06-14').light).toBe('green');
    const r = computeLight(notStarted, P, '2026-06-15');
    expect(r.light).toBe('red');
    expect(r.reasons).toEqual([{ code: 'NOT_STARTED', plannedStart: '2026-03-15', months: 3 }]);
    // The zone may set another parameter.
    expect(computeLight(notStarted, { ...P, notStartedMonths: 4 }, '2026-06-15').light).toBe('green');
  });

  it('§5 rule 4: red when 2 months after the start the project is not in the statistics register', () => {
    const started = { ...base, actualStart: '2026-05-20', statsRegisteredOn: null, yearPlannedFen: 0 };
    expect(computeLight(started, P, '2026-07-19').light).toBe('green');
    const r = computeLight(started, P, '2026-07-20');
    expect(r).toMatchObject({
      light: 'red',
      reasons: [{ code: 'NOT_IN_STATS', actualStart: '2026-05-20', months: 2 }],
    });
    expect(computeLight({ ...started, statsRegisteredOn: '2026-07-01' }, P, '2026-07-20').light).toBe('green');
  });

  it('§5 rule 5: a red project turns yellow (not green) once it catches up; green at the next month', () => {
    const red = computeLight({ ...base, completedFen: 1 * YI }, P, '2026-07-10');
    expect(red.light).toBe('red');
    // Catches up within July (5.5 亿 = 45.83 %, lag 4.17): yellow, reason CAUGHT_UP.
    const caught = computeLight(
      { ...base, completedFen: 55_000 * W, previous: { light: red.light, reasons: red.reasons, since: red.since } },
      P,
      '2026-07-20',
    );
    expect(caught).toEqual({
      light: 'yellow',
      reasons: [{ code: 'CAUGHT_UP', since: '2026-07-20' }],
      since: '2026-07-20',
    });
    // Re-evaluated later in July: still yellow.
    const prev = { light: caught.light, reasons: caught.reasons, since: caught.since };
    expect(computeLight({ ...base, completedFen: 55_000 * W, previous: prev }, P, '2026-07-28').light).toBe('yellow');
    // August, on schedule (7 of 12 = 58.33 %; 7 亿 = 58.33 %): green.
    const aug = computeLight({ ...base, completedFen: 7 * YI, previous: prev }, P, '2026-08-05');
    expect(aug).toEqual({ light: 'green', reasons: [], since: '2026-08-05' });
    // A yellow that was never red goes green at once.
    const yellow = computeLight({ ...base, completedFen: 48_000 * W }, P, '2026-07-10');
    const fine = computeLight(
      { ...base, completedFen: 6 * YI, previous: { light: 'yellow', reasons: yellow.reasons, since: yellow.since } },
      P,
      '2026-07-11',
    );
    expect(fine.light).toBe('green');
  });

  it('a completed project is green', () => {
    expect(computeLight({ ...base, actualCompletion: '2026-06-30', completedFen: 0 }, P, '2026-07-10').light).toBe(
      'green',
    );
  });

  it('§5 worked example: investment completion 153.52亿 planned, 103.39亿 done → 67.35 %', () => {
    expect(percent(10339 * 1_000_000_00, 15352 * 1_000_000_00)).toBe('67.35');
    expect(percent(0, 0)).toBe('');
    expect(percent(1, 3)).toBe('33.33');
    expect(percent(2, 3)).toBe('66.67');
  });
});

const kpBody = (overrides: Record<string, unknown> = {}) => ({
  code: `KP-T${Math.floor(Math.random() * 1e8)}`,
  name: '储能电池生产线项目',
  level: 'city',
  plannedStart: '2026-01-15',
  plannedCompletion: '2027-12-31',
  actualStart: '2026-01-10',
  statsRegisteredOn: '2026-02-01',
  totalInvestmentFen: 30 * YI,
  annualPlans: [{ year: 2026, plannedFen: 12 * YI }],
  ...overrides,
});

describe('key projects through the API (DOMAIN.md §5)', () => {
  it('§5 rule 5 via the API: a red project reporting its catch-up turns yellow, with reasons stored', async () => {
    const c = await tenant.as('dept_head');
    const created = await c.post(
      '/api/projects/key',
      kpBody({
        plannedStart: '2027-01-15',
        actualStart: '2027-01-10',
        statsRegisteredOn: '2027-02-01',
        annualPlans: [{ year: 2027, plannedFen: 12 * YI }],
      }),
    );
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id;
    for (const month of [1, 2, 3, 4, 5, 6]) {
      const r = await c.put(`/api/projects/key/${id}/months`, { year: 2027, month, completedFen: 2_000 * W });
      expect(r.statusCode, r.body).toBe(200);
    }
    const red = await c.post('/api/projects/lights/recompute', { asOf: '2027-07-10' });
    expect(red.json()).toMatchObject({ asOf: '2027-07-10' });
    const kp = (await c.get(`/api/projects/key/${id}`)).json();
    expect(kp).toMatchObject({ light: 'red', lightAsOf: '2027-07-10' });
    // 1.2 亿 of 12 亿 = 10.00 % against a 50.00 % schedule.
    expect(kp.lightReasons[0]).toMatchObject({ code: 'LAG', lag: '40.00', completion: '10.00', light: 'red' });
    // June's figure corrected upwards to 4.5 亿 → 5.5 亿 in the year = 45.83 %, lag 4.17: re-evaluated at once as of
    // the latest evaluation day (2027-07-10), yellow because it was red.
    const fixed = await c.put(`/api/projects/key/${id}/months`, { year: 2027, month: 6, completedFen: 45_000 * W });
    expect(fixed.json()).toMatchObject({ light: 'yellow', lightReasons: [{ code: 'CAUGHT_UP', since: '2027-07-10' }] });
    await c.post('/api/projects/lights/recompute', { asOf: '2027-07-20' });
    expect((await c.get(`/api/projects/key/${id}`)).json().light).toBe('yellow');
    await c.post('/api/projects/lights/recompute', { asOf: '2027-08-03' });
    // August: 7 of 12 months = 58.33 % vs 45.83 % → lag 12.50 → yellow on its own merits now.
    const aug = (await c.get(`/api/projects/key/${id}`)).json();
    expect(aug.lightReasons).toEqual([
      { code: 'LAG', lag: '12.50', schedule: '58.33', completion: '45.83', light: 'yellow' },
    ]);
    const months = aug.months.map((m: { completedFen: number }) => m.completedFen);
    expect(months.reduce((a: number, b: number) => a + b, 0)).toBe(55_000 * W);
  });

  it('light parameters are per zone', async () => {
    const c = await other.as('zone_leader');
    const s = (await c.get('/api/investment/settings')).json();
    const put = await c.put('/api/investment/settings', {
      ...s,
      lightParams: { ...s.lightParams, yellowLagPoints: 5 },
    });
    expect(put.statusCode, put.body).toBe(200);
    const bad = await c.put('/api/investment/settings', { ...s, lightParams: { ...s.lightParams, redLagPoints: 4 } });
    expect(bad.statusCode).toBe(400);
    const kp = (await c.post('/api/projects/key', kpBody())).json();
    // 5.5 亿 of 12 亿 as of 2026-07-10 → lag 4.17 with the default 10 → green; here 5 → still green; 5.0 亿 → 8.33 → yellow.
    await c.put(`/api/projects/key/${kp.id}/months`, { year: 2026, month: 3, completedFen: 5 * YI });
    await c.post('/api/projects/lights/recompute', { asOf: '2026-07-10' });
    expect((await c.get(`/api/projects/key/${kp.id}`)).json().light).toBe('yellow');
    // The same figures in the default zone are green.
    const t = await tenant.as('zone_leader');
    const kp2 = (await t.post('/api/projects/key', kpBody())).json();
    await t.put(`/api/projects/key/${kp2.id}/months`, { year: 2026, month: 3, completedFen: 5 * YI });
    await t.post('/api/projects/lights/recompute', { asOf: '2026-07-10' });
    expect((await t.get(`/api/projects/key/${kp2.id}`)).json().light).toBe('green');
  });

  it('dispatch meeting: agenda from red/yellow projects and open issues; working-day deadline; 消项 one by one', async () => {
    const c = await tenant.as('dept_head');
    const late = (
      await c.post(
        '/api/projects/key',
        kpBody({ name: '未按期开工项目', plannedStart: '2026-03-01', actualStart: null, statsRegisteredOn: null }),
      )
    ).json();
    const m = await c.post('/api/projects/meetings', {
      title: '第27周重点项目调度会',
      kind: 'weekly',
      heldOn: '2026-09-30',
      chairName: '周建国',
    });
    expect(m.statusCode, m.body).toBe(201);
    const meeting = m.json();
    const onAgenda = meeting.agenda.projects.find((p: { id: string }) => p.id === late.id);
    expect(onAgenda).toMatchObject({ light: 'red', reasons: [{ code: 'NOT_STARTED', plannedStart: '2026-03-01' }] });
    expect(meeting.agenda.projects[0].light).toBe('red');
    // 5 working days after 2026-09-30 across National Day (Oct 1–7 off, Sat Oct 10 a make-up day):
    // Oct 8, 9, 10, 12, 13 → 2026-10-13, as the platform calendar counts it.
    const issue = await c.post(`/api/projects/meetings/${meeting.id}/issues`, {
      keyProjectId: late.id,
      description: '施工许可证办理滞后',
      ownerDepartmentId: tenant.deptA.id,
      ownerName: '刘志强',
      commitment: 'tolerance',
      workdays: 5,
    });
    expect(issue.statusCode, issue.body).toBe(201);
    const cal = await c.get('/api/calendar/workdays/add?start=2026-09-30&n=5');
    expect(issue.json().dueOn).toBe(cal.json().date);
    expect(issue.json()).toMatchObject({
      status: 'open',
      commitment: 'tolerance',
      raisedOn: '2026-09-30',
      dueOn: '2026-10-13',
      dueProvisional: false,
    });
    const list = (await c.get(`/api/projects/issues?status=open&keyProjectId=${late.id}`)).json();
    expect(list.total).toBe(1);
    expect((await c.get(`/api/projects/key/${late.id}`)).json().openIssues).toBe(1);
    // The next meeting's agenda carries the open issue.
    const next = (
      await c.post('/api/projects/meetings', { title: '第28周调度会', kind: 'weekly', heldOn: '2026-10-09' })
    ).json();
    expect(next.agenda.issues.map((i: { id: string }) => i.id)).toContain(issue.json().id);
    const closed = await c.post(`/api/projects/issues/${issue.json().id}/close`, { note: '已取得施工许可证' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closingNote: '已取得施工许可证' });
    expect((await c.post(`/api/projects/issues/${issue.json().id}/close`, { note: '再次' })).statusCode).toBe(409);
    const minutes = await c.put(`/api/projects/meetings/${meeting.id}/minutes`, { minutes: '会议要求限期办结。' });
    expect(minutes.json()).toMatchObject({ minutes: '会议要求限期办结。', issueCount: 1, openIssueCount: 0 });
    // Other zones and enterprise users see nothing of it.
    expect((await (await other.as('zone_leader')).get(`/api/projects/meetings/${meeting.id}`)).statusCode).toBe(404);
    expect((await (await tenant.as('enterprise')).get('/api/projects/meetings')).statusCode).toBe(403);
    expect(
      (await (await other.as('dept_head')).post(`/api/projects/issues/${issue.json().id}/close`, { note: '越权' }))
        .statusCode,
    ).toBe(404);
  });

  it('metrics: completion rate of the year is completed / planned (worked example 153.52亿 vs 103.39亿)', async () => {
    const t = await makeTenant(ctx.app);
    const c = await t.as('dept_head');
    const a = (
      await c.post('/api/projects/key', kpBody({ annualPlans: [{ year: 2025, plannedFen: 10000 * 1_000_000_00 }] }))
    ).json();
    const b = (
      await c.post('/api/projects/key', kpBody({ annualPlans: [{ year: 2025, plannedFen: 5352 * 1_000_000_00 }] }))
    ).json();
    await c.put(`/api/projects/key/${a.id}/months`, { year: 2025, month: 7, completedFen: 7000 * 1_000_000_00 });
    await c.put(`/api/projects/key/${b.id}/months`, { year: 2025, month: 7, completedFen: 3339 * 1_000_000_00 });
    const m = (await c.get('/api/projects/metrics?year=2025')).json();
    expect(m).toMatchObject({
      plannedFen: 15352 * 1_000_000_00,
      completedFen: 10339 * 1_000_000_00,
      completionRate: '67.35',
      newStarts: 0,
    });
    expect((await c.get('/api/projects/metrics?year=2026')).json().newStarts).toBe(2);
  });
});
