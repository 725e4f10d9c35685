import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reductionRate } from '../../../shared/reform';
import { auditEvents } from '../../platform/audit.tables';
import { WorkCalendar } from '../../platform/calendar';
import { insertMany } from '../../platform/db/bulk';
import { makeTenant, type Tenant } from '../../test/factories';
import { type Client, createTestContext, type TestContext } from '../../test/harness';
import { importFile, sheetRows, xlsxOf } from '../../test/imports';
import { reformContractStaff } from './reform.tables';
import { recomputeWhistleDeadlines } from './reform.whistle.service';

let ctx: TestContext;
let tenant: Tenant;
let other: Tenant;
let leader: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  other = await makeTenant(ctx.app);
  leader = await tenant.as('zone_leader');
});
afterAll(() => ctx.close());

const item = (code: string, overrides: Record<string, unknown> = {}) => ({
  code,
  name: `事项 ${code}`,
  category: '行政许可',
  source: 'retained',
  mode: 'direct',
  grantingDept: '区发展和改革局',
  legalBasis: '《行政许可法》',
  handling: 'full',
  ...overrides,
});
const pad = (n: number) => String(n).padStart(3, '0');

describe('§1 authority lists (权责清单), versioned', () => {
  let v1: string;
  let v2: string;

  it('a draft takes items; publishing freezes it (published versions are immutable)', async () => {
    const draft = await leader.post('/api/reform/authority/versions', { title: '改革前权力事项清单' });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ versionNo: 1, status: 'draft', counts: { total: 0 } });
    v1 = draft.json().id;
    expect((await leader.post(`/api/reform/authority/versions/${v1}/publish`)).json().code).toBe(
      'REFORM_VERSION_EMPTY',
    );
    for (let i = 1; i <= 49; i++) {
      const r = await leader.post(`/api/reform/authority/versions/${v1}/items`, item(`YY-R-${pad(i)}`));
      expect(r.statusCode).toBe(200);
    }
    for (let i = 1; i <= 19; i++)
      await leader.post(`/api/reform/authority/versions/${v1}/items`, item(`YY-C-${pad(i)}`));
    const dup = await leader.post(`/api/reform/authority/versions/${v1}/items`, item('yy-r-001'));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().fields).toHaveProperty('code');

    expect((await leader.post('/api/reform/authority/versions', { title: '第二份草稿' })).json().code).toBe(
      'REFORM_DRAFT_EXISTS',
    );
    const pub = await leader.post(`/api/reform/authority/versions/${v1}/publish`);
    expect(pub.json()).toMatchObject({ status: 'published', counts: { total: 68, active: 68 } });

    const late = await leader.post(`/api/reform/authority/versions/${v1}/items`, item('YY-X-001'));
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('REFORM_VERSION_PUBLISHED');
    const anItem = (await leader.get(`/api/reform/authority/versions/${v1}/items?pageSize=1`)).json().data[0];
    expect((await leader.put(`/api/reform/authority/items/${anItem.id}`, item(anItem.code))).statusCode).toBe(409);
    expect((await leader.delete(`/api/reform/authority/items/${anItem.id}`)).statusCode).toBe(409);
  });

  it('§1 diff: "49 retained + 30 new − 19 cancelled → 79" (import of the 30 new into the draft)', async () => {
    const draft = (await leader.post('/api/reform/authority/versions', { title: '79项核心赋权清单' })).json();
    v2 = draft.id;
    expect(draft.counts).toMatchObject({ total: 68, retained: 68 }); // a copy of v1's active powers
    const page = (await leader.get(`/api/reform/authority/versions/${v2}/items?q=YY-C&pageSize=50`)).json();
    expect(page.total).toBe(19);
    for (const c of page.data) {
      const r = await leader.put(`/api/reform/authority/items/${c.id}`, item(c.code, { source: 'cancelled' }));
      expect(r.statusCode).toBe(200);
    }
    const header = ['事项编码', '事项名称', '事项类别', '来源', '赋权方式', '赋权部门', '法律依据', '办理方式', '备注'];
    const rows = Array.from({ length: 30 }, (_, i) => [
      `YY-N-${pad(i + 1)}`,
      `新增赋权事项 ${i + 1}`,
      '行政许可',
      '新增赋权',
      i < 25 ? '直接赋权' : '委托',
      '区住房和城乡建设局',
      '《建筑法》',
      i < 22 ? '一章通办' : '见章跟章',
      '',
    ]);
    const job = await importFile(leader, 'reform-authority-items', await xlsxOf(header, rows));
    expect(job).toMatchObject({ status: 'succeeded', summary: { inserted: 30 } });

    const diffBefore = (await leader.get(`/api/reform/authority/diff?from=${v1}&to=${v2}`)).json();
    expect(diffBefore.counts).toEqual({ retained: 49, added: 30, cancelled: 19 });

    const pub = (await leader.post(`/api/reform/authority/versions/${v2}/publish`)).json();
    expect(pub.counts).toMatchObject({
      total: 98,
      active: 79,
      retained: 49,
      empowered: 30,
      cancelled: 19,
      acceptOnly: 8,
    });
    const diff = (await leader.get(`/api/reform/authority/diff?from=${v1}&to=${v2}`)).json();
    expect(diff).toMatchObject({ before: 68, after: 79, counts: { retained: 49, added: 30, cancelled: 19 } });
    expect(diff.added[0]).toMatchObject({ code: 'YY-N-001', source: 'empowered' });
    expect(diff.cancelled.map((c: { code: string }) => c.code)).toContain('YY-C-019');
    expect(diff.mismatches).toEqual([]);

    const [event] = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entity, 'reform_authority_version'),
          eq(auditEvents.entityId, v2),
          eq(auditEvents.action, 'publish'),
        ),
      );
    expect(event?.actorRole).toBe('zone_leader');
  });

  it('an import without a draft writes nothing and names the problem per row', async () => {
    const job = await importFile(
      leader,
      'reform-authority-items',
      await xlsxOf(
        ['事项编码', '事项名称', '来源', '赋权方式', '办理方式'],
        [['YY-Z-001', '某事项', '保留', '委托', '一章通办']],
      ),
    );
    expect(job).toMatchObject({ status: 'failed_validation', errorCount: 1 });
    expect(job.errors[0]).toMatchObject({ row: 2 });
  });

  it('exports a version as .xlsx in the import layout', async () => {
    const res = await leader.get(`/api/reform/authority/versions/${v2}/items/export.xlsx?source=empowered`);
    expect(res.statusCode).toBe(200);
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]!.slice(0, 4)).toEqual(['事项编码', '事项名称', '事项类别', '来源']);
    expect(rows).toHaveLength(31);
    expect(rows[1]!.slice(0, 4)).toEqual(['YY-N-001', '新增赋权事项 1', '行政许可', '新增赋权']);
  });

  it('another zone sees none of it; enterprises may not read the registers', async () => {
    const o = await other.as('zone_leader');
    expect((await o.get('/api/reform/authority/versions')).json()).toEqual([]);
    expect((await o.get(`/api/reform/authority/versions/${v1}`)).statusCode).toBe(404);
    expect((await o.get(`/api/reform/authority/diff?from=${v1}&to=${v2}`)).statusCode).toBe(404);
    expect((await o.post(`/api/reform/authority/versions/${v1}/publish`)).statusCode).toBe(404);
    expect((await (await tenant.as('enterprise')).get('/api/reform/authority/versions')).statusCode).toBe(403);
    expect(
      (await (await tenant.as('dept_head')).post('/api/reform/authority/versions', { title: '越权' })).statusCode,
    ).toBe(403);
  });
});

describe('§1 园区吹哨、部门报到', () => {
  let dept: string;
  let staff: Client;
  beforeAll(async () => {
    staff = await tenant.as('dept_staff');
    dept = (await leader.post('/api/reform/district-departments', { name: '区自然资源局', responseDays: 5 })).json().id;
  });

  it('§1/§3 the response deadline is N working days after raising, across National Day 2026', async () => {
    const res = await staff.post('/api/reform/whistles', {
      title: '传化二期用地红线复核',
      departmentId: dept,
      raisedOn: '2026-09-30',
    });
    expect(res.statusCode).toBe(200);
    // Oct 1–7 off; Oct 8, 9, 10 (make-up Saturday), 12, 13.
    expect(res.json()).toMatchObject({
      code: 'CS-2026-001',
      responseDays: 5,
      dueOn: '2026-10-13',
      dueProvisional: false,
      status: 'open',
      overdue: true,
    });
  });

  it('a late response is overdue and counts its working days; closure follows the response', async () => {
    const w = (
      await staff.post('/api/reform/whistles', { title: '排水接驳', departmentId: dept, raisedOn: '2026-09-30' })
    ).json();
    expect((await staff.post(`/api/reform/whistles/${w.id}/close`, { closedOn: '2026-10-20' })).json().code).toBe(
      'REFORM_WHISTLE_NOT_RESPONDED',
    );
    const bad = await staff.post(`/api/reform/whistles/${w.id}/respond`, {
      respondedOn: '2026-09-01',
      response: '已处理',
    });
    expect(bad.json().fields).toEqual({ respondedOn: expect.any(String) });
    const r = (
      await staff.post(`/api/reform/whistles/${w.id}/respond`, { respondedOn: '2026-10-15', response: '已现场办理' })
    ).json();
    expect(r).toMatchObject({ status: 'responded', responseWorkdays: 7, overdue: true });
    const c = (
      await staff.post(`/api/reform/whistles/${w.id}/close`, { closedOn: '2026-10-16', closureNote: '企业确认' })
    ).json();
    expect(c).toMatchObject({ status: 'closed', overdue: true });
    expect(
      (await staff.post(`/api/reform/whistles/${w.id}/respond`, { respondedOn: '2026-10-16', response: '再次' }))
        .statusCode,
    ).toBe(409);

    const onTime = (
      await staff.post('/api/reform/whistles', {
        title: '施工许可联审',
        departmentId: dept,
        raisedOn: '2026-11-02',
        responseDays: 3,
      })
    ).json();
    expect(onTime.dueOn).toBe('2026-11-05');
    const ok = (
      await staff.post(`/api/reform/whistles/${onTime.id}/respond`, { respondedOn: '2026-11-04', response: '已派员' })
    ).json();
    expect(ok).toMatchObject({ overdue: false, responseWorkdays: 2 });

    const list = (await leader.get('/api/reform/whistles?overdue=true')).json();
    expect(list.total).toBe(2);
  });

  it('department league table: on-time rate and average working days to two decimals', async () => {
    const other = (
      await leader.post('/api/reform/district-departments', { name: '区住房和城乡建设局', responseDays: 3 })
    ).json().id;
    const w = (
      await staff.post('/api/reform/whistles', { title: '消防前置审查', departmentId: other, raisedOn: '2026-11-02' })
    ).json();
    await staff.post(`/api/reform/whistles/${w.id}/respond`, { respondedOn: '2026-11-03', response: '已对接' });
    const league = (await leader.get('/api/reform/whistles/league?year=2026')).json();
    expect(league).toEqual([
      expect.objectContaining({
        departmentName: '区住房和城乡建设局',
        raised: 1,
        responded: 1,
        onTime: 1,
        onTimeRate: '100.00',
        avgResponseWorkdays: '1.00',
        rank: 1,
      }),
      expect.objectContaining({
        departmentName: '区自然资源局',
        raised: 3,
        responded: 2,
        onTime: 1,
        overdue: 2,
        open: 1,
        onTimeRate: '50.00',
        avgResponseWorkdays: '4.50',
        rank: 2,
      }),
    ]);
  });

  it('§3 a deadline in a year without an arrangement is provisional and is recomputed when one is published', async () => {
    const w = (
      await staff.post('/api/reform/whistles', { title: '跨年事项', departmentId: dept, raisedOn: '2026-12-28' })
    ).json();
    expect(w).toMatchObject({ dueOn: '2027-01-04', dueProvisional: true });
    const done = (
      await staff.post('/api/reform/whistles', { title: '跨年已响应', departmentId: dept, raisedOn: '2026-12-28' })
    ).json();
    await staff.post(`/api/reform/whistles/${done.id}/respond`, { respondedOn: '2026-12-29', response: '已响应' });
    // A 2027 arrangement with 1 January off, applied in a transaction that is rolled back (the shared test
    // database's calendar stays as it is).
    const calendar = new WorkCalendar([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }], [2026, 2027]);
    const rollback = new Error('rollback');
    await expect(
      ctx.database.db.transaction(async (tx) => {
        expect(await recomputeWhistleDeadlines(tx, [2027], calendar)).toBeGreaterThanOrEqual(1);
        const { reformWhistles } = await import('./reform.tables');
        const [open] = await tx.select().from(reformWhistles).where(eq(reformWhistles.id, w.id));
        expect(open).toMatchObject({ dueOn: '2027-01-05', dueProvisional: false });
        const [frozen] = await tx.select().from(reformWhistles).where(eq(reformWhistles.id, done.id));
        expect(frozen).toMatchObject({ dueOn: '2027-01-04', dueProvisional: true });
        throw rollback;
      }),
    ).rejects.toBe(rollback);
  });

  it('a department with matters cannot be deleted; other zones and enterprises cannot reach the matters', async () => {
    expect((await leader.delete(`/api/reform/district-departments/${dept}`)).statusCode).toBe(409);
    const any = (await leader.get('/api/reform/whistles?pageSize=1')).json().data[0];
    expect((await (await other.as('zone_leader')).get(`/api/reform/whistles/${any.id}`)).statusCode).toBe(404);
    expect(
      (
        await (
          await other.as('zone_leader')
        ).post('/api/reform/whistles', { title: '跨园区', departmentId: dept, raisedOn: '2026-11-02' })
      ).json().fields,
    ).toEqual({ departmentId: expect.any(String) });
    expect((await (await tenant.as('enterprise')).get('/api/reform/whistles')).statusCode).toBe(403);
    expect(
      (
        await (
          await tenant.as('auditor')
        ).post('/api/reform/whistles', { title: '审计', departmentId: dept, raisedOn: '2026-11-02' })
      ).statusCode,
    ).toBe(403);
  });
});

describe('§1 organisation before/after and 七个一批 (seed 000, 益阳高新区)', () => {
  it('reduction rate = (before − after) / before to two decimals, as the article prints them', () => {
    expect(reductionRate(149, 27)).toBe('81.88');
    expect(reductionRate(695, 214)).toBe('69.21');
    expect(reductionRate(622, 196)).toBe('68.49');
    expect(reductionRate(521, 107)).toBe('79.46');
    expect(reductionRate(1687, 487)).toBe('71.13'); // the article rounds it to 71.1%
    expect(reductionRate(0, 0)).toBeNull();
    expect(reductionRate(100, 120)).toBe('-20.00');
  });

  it('§1 entering the raw counts reproduces every rate of the article; the 七个一批 roster must balance (each person once)', async () => {
    const before = {
      asOf: '2023-12-31',
      institutions: 8,
      publicInstitutions: 5,
      leadershipPosts: 7,
      sectionCadres: 149,
      establishment: 695,
      onStaff: 622,
      contractStaff: 521,
      soeStaff: 544,
      total: 1687,
      yearlyCostFen: 30_000_000_000,
    };
    const after = {
      ...before,
      asOf: '2024-12-31',
      institutions: 6,
      publicInstitutions: 2,
      leadershipPosts: 6,
      sectionCadres: 27,
      establishment: 214,
      onStaff: 196,
      contractStaff: 107,
      soeStaff: 189,
      total: 487,
      yearlyCostFen: 17_000_000_000,
    };
    expect((await leader.put('/api/reform/org/snapshots/before', before)).statusCode).toBe(200);
    // 七个一批: 521 people, each in exactly one channel; 107 kept by examination (the after count). One is missing.
    const channels = ['taken_over', 'dismissed', 'early_leave', 'negotiated', 'compensated', 'reemployed'] as const;
    const roster = Array.from({ length: 520 }, (_, i) => ({
      zoneId: tenant.zoneId,
      personNo: `BW-${String(i + 1).padStart(4, '0')}`,
      name: `人员${i + 1}`,
      channel: i < 107 ? ('exam_retained' as const) : channels[i % channels.length]!,
    }));
    await insertMany(ctx.database.db, reformContractStaff, roster);
    const unbalanced = await leader.put('/api/reform/org/snapshots/after', after);
    expect(unbalanced.statusCode).toBe(409);
    expect(unbalanced.json()).toMatchObject({
      code: 'REFORM_DISPOSITION_UNBALANCED',
      fields: { contractStaff: expect.any(String) },
    });
    expect(unbalanced.json().message).toContain('名册 520 人（应为改革前 521 人）');
    expect((await leader.get('/api/reform/org/comparison')).json().after).toBeNull(); // nothing half-written

    const dup = await leader.post('/api/reform/contract-staff', {
      personNo: 'bw-0001',
      name: '重复人员',
      channel: 'dismissed',
    });
    expect(dup.statusCode).toBe(409); // a person is on the roster once
    expect(dup.json().fields).toHaveProperty('personNo');
    expect(
      (
        await leader.post('/api/reform/contract-staff', {
          personNo: 'BW-0521',
          name: '最后一人',
          channel: 'negotiated',
        })
      ).statusCode,
    ).toBe(200);
    const summary = (await leader.get('/api/reform/contract-staff/summary')).json();
    expect(summary).toMatchObject({ roster: 521, before: 521, after: null, retained: 107, balanced: false });
    expect(summary.channels.find((c: { channel: string }) => c.channel === 'exam_retained')).toEqual({
      channel: 'exam_retained',
      count: 107,
      share: '20.54',
    });

    expect((await leader.put('/api/reform/org/snapshots/after', after)).statusCode).toBe(200);
    expect((await leader.get('/api/reform/contract-staff/summary')).json()).toMatchObject({
      after: 107,
      balanced: true,
    });
    const cmp = (await leader.get('/api/reform/org/comparison')).json();
    const rate = (m: string) => cmp.rows.find((r: { metric: string }) => r.metric === m).reductionRate;
    expect([
      rate('sectionCadres'),
      rate('establishment'),
      rate('onStaff'),
      rate('contractStaff'),
      rate('total'),
    ]).toEqual(['81.88', '69.21', '68.49', '79.46', '71.13']);
    expect(rate('institutions')).toBe('25.00');
    expect(cmp.yearlyCostSavedFen).toBe(13_000_000_000); // 1.3亿元
    expect(cmp.sumOfGroups).toEqual({ before: 1687, after: 492 });
    const bad = await leader.put('/api/reform/org/snapshots/after', { ...after, total: -1 });
    expect(bad.statusCode).toBe(400);
    expect((await (await tenant.as('dept_head')).put('/api/reform/org/snapshots/after', after)).statusCode).toBe(403);
  });
});

describe('§1 reform task checklist (清单化推进)', () => {
  it('a task is done only with a completion date and evidence; late when past its deadline', async () => {
    const body = {
      code: 'RW-01',
      title: '制定社会事务剥离方案',
      workGroup: '社会事务剥离组',
      owner: '李卫东',
      deadline: '2024-03-31',
    };
    const noEvidence = await leader.post('/api/reform/tasks', { ...body, status: 'done', completedOn: '2024-03-20' });
    expect(noEvidence.statusCode).toBe(400);
    expect(Object.keys(noEvidence.json().fields)).toEqual(['evidence']);
    const done = await leader.post('/api/reform/tasks', {
      ...body,
      status: 'done',
      completedOn: '2024-04-02',
      evidence: '益高改发〔2024〕3号',
    });
    expect(done.json()).toMatchObject({ status: 'done', late: true });
    const open = (
      await leader.post('/api/reform/tasks', {
        ...body,
        code: 'RW-02',
        status: 'in_progress',
        completedOn: '2024-01-01',
      })
    ).json();
    expect(open).toMatchObject({ completedOn: null, late: true });
    expect((await leader.get('/api/reform/tasks?late=true')).json().total).toBe(2);
    expect(
      (await (await tenant.as('dept_staff')).post('/api/reform/tasks', { ...body, code: 'RW-03' })).statusCode,
    ).toBe(403);
    expect((await (await other.as('zone_leader')).get(`/api/reform/tasks/${open.id}`)).statusCode).toBe(404);
  });
});

describe('reform dashboard export', () => {
  it('lists the figures with the rates the page shows', async () => {
    const res = await leader.get('/api/reform/dashboard/export.xlsx?year=2026');
    expect(res.statusCode).toBe(200);
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]).toEqual(['板块', '指标', '改革前', '改革后', '变化(核减为正)', '比率(%)']);
    expect(rows).toContainEqual(['机构人员', '正副科级领导干部', 149, 27, 122, '81.88']);
    expect(rows).toContainEqual(['权责清单', '核心赋权事项', 68, 79, 11]);
    expect(rows).toContainEqual(['编外人员七个一批', '名册人数 → 考试留用', 521, 107, 414, '79.46']);
  });
});
