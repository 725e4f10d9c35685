import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodsOverlap } from '../../../shared/reform-lists';
import { makeTenant, type Tenant } from '../../test/factories';
import { type Client, createTestContext, type TestContext } from '../../test/harness';
import { importFile, sheetRows, xlsxOf } from '../../test/imports';

let ctx: TestContext;
let tenant: Tenant;
let other: Tenant;
let leader: Client;
const deptIds: string[] = [];
beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  other = await makeTenant(ctx.app);
  leader = await tenant.as('zone_leader');
  for (const name of ['区发展和改革局', '区自然资源局', '区住房和城乡建设局']) {
    const r = await leader.post('/api/reform/district-departments', { name });
    deptIds.push(r.json().id);
  }
});
afterAll(() => ctx.close());

const P = '/api/reform/duty-items';
const pad = (n: number) => String(n).padStart(3, '0');
const AREAS = ['民政和社会管理', '平安建设', '征地拆迁', '农业农村', '城市管理', '教育卫生'];
const stripped = (i: number, overrides: Record<string, unknown> = {}) => ({
  list: 'stripped',
  code: `BL-${pad(i)}`,
  name: `社会事务 ${i}`,
  area: AREAS[i % 6],
  receiverKind: 'town',
  receivingBody: `${['古南', '文龙', '通惠'][i % 3]}街道`,
  effectiveOn: '2024-07-01',
  ...overrides,
});

describe('§1 两张清单 and the boundary list', () => {
  it('rule: a stripped social affair names its receiver; a boundary item names the department and both duties', async () => {
    const bad = await leader.post(P, {
      list: 'stripped',
      code: 'BL-X',
      name: '养老服务',
      area: '民政',
      effectiveOn: '2024-07-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields).sort()).toEqual(['receiverKind', 'receivingBody']);
    const b = await leader.post(P, {
      list: 'boundary',
      code: 'BJ-X',
      name: '项目用地报批',
      area: '要素保障',
      effectiveOn: '2024-07-01',
    });
    expect(b.statusCode).toBe(400);
    expect(Object.keys(b.json().fields).sort()).toEqual(['districtDepartmentId', 'districtDuty', 'zoneDuty']);
    const en = await leader.request({
      method: 'POST',
      url: P,
      payload: { ...stripped(1), retiredOn: '2024-06-30' },
      headers: { 'accept-language': 'en-US' },
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().fields.retiredOn).toBe('Must be after the effective date');
    // another zone's department is not a reference this zone can use
    const o = await (await other.as('zone_leader')).post('/api/reform/district-departments', { name: '区财政局' });
    const foreign = await leader.post(P, {
      list: 'boundary',
      code: 'BJ-Y',
      name: '项目资金拨付',
      area: '财政',
      districtDepartmentId: o.json().id,
      zoneDuty: '审核',
      districtDuty: '拨付',
      effectiveOn: '2024-07-01',
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().fields).toHaveProperty('districtDepartmentId');
  });

  it('Qijiang (seed 004): 45 functions in 6 areas to towns, 24 boundary items; a duty entry carries no receiver', async () => {
    for (let i = 1; i <= 45; i++) expect((await leader.post(P, stripped(i))).statusCode).toBe(200);
    for (let i = 1; i <= 24; i++) {
      const r = await leader.post(P, {
        list: 'boundary',
        code: `BJ-${pad(i)}`,
        name: `权责边界 ${i}`,
        area: ['经济发展', '产业培育', '营商环境', '要素保障'][i % 4],
        districtDepartmentId: deptIds[i % 3],
        zoneDuty: '牵头服务企业',
        districtDuty: '依法审批',
        platformDuty: i % 2 ? '代建实施' : '',
        effectiveOn: '2024-07-01',
      });
      expect(r.statusCode).toBe(200);
    }
    const duty = await leader.post(P, {
      list: 'duty',
      code: 'ZZ-001',
      name: '招商引资',
      area: '经济发展',
      receivingBody: '不应保存',
      zoneDuty: '不应保存',
      effectiveOn: '2024-07-01',
    });
    expect(duty.json()).toMatchObject({ receivingBody: '', zoneDuty: '', receiverKind: null, inForce: true });

    const s = (await leader.get(`${P}/summary?asOf=2024-12-31`)).json();
    expect(s.stripped).toMatchObject({ items: 45, areas: 6, receivingBodies: 3 });
    expect(s.stripped.byReceiverKind).toEqual([{ receiverKind: 'town', items: 45, areas: 6, receivingBodies: 3 }]);
    expect(s.boundary).toEqual({ items: 24, districtDepartments: 3 });
    expect(s.duty).toEqual({ items: 1, areas: 1 });
    const list = (await leader.get(`${P}?list=boundary&pageSize=5&sortField=code`)).json();
    expect(list.total).toBe(24);
    expect(list.data[0]).toMatchObject({ code: 'BJ-001', districtDepartmentName: '区自然资源局' });
    const dup = await leader.post(P, stripped(1));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().fields).toHaveProperty('code');
  });

  it('rule 园区事园区办、社会事社会办: a function is never on the duty list and the stripped list in the same period', async () => {
    const duty = {
      list: 'duty',
      code: 'ZZ-002',
      name: '社会事务 7',
      area: '民政和社会管理',
      effectiveOn: '2023-01-01',
    };
    const clash = await leader.post(P, duty);
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'REFORM_DUTY_CONFLICT', fields: { name: expect.any(String) } });
    // the committee did it until the day it was handed over: periods [2023-01-01, 2024-07-01) and [2024-07-01, …)
    const before = await leader.post(P, { ...duty, retiredOn: '2024-07-01' });
    expect(before.statusCode).toBe(200);
    expect(before.json().inForce).toBe(false);
    expect(
      periodsOverlap(
        { effectiveOn: '2023-01-01', retiredOn: '2024-07-02' },
        { effectiveOn: '2024-07-01', retiredOn: null },
      ),
    ).toBe(true);
    const extend = await leader.put(`${P}/${before.json().id}`, { ...duty, retiredOn: '2024-07-02' });
    expect(extend.statusCode).toBe(409);
  });

  it('effective dates: the lists as of a date (before the hand-over the affair was still the committee’s duty)', async () => {
    const mid2023 = (await leader.get(`${P}/summary?asOf=2023-06-30`)).json();
    expect(mid2023).toMatchObject({
      asOf: '2023-06-30',
      duty: { items: 1 },
      stripped: { items: 0 },
      boundary: { items: 0 },
    });
    expect((await leader.get(`${P}?asOf=2023-06-30`)).json().data.map((r: { code: string }) => r.code)).toEqual([
      'ZZ-002',
    ]);
    expect(
      (await leader.get(`${P}?asOf=2024-07-01&list=duty`)).json().data.map((r: { code: string }) => r.code),
    ).toEqual(['ZZ-001']);
  });

  it('Excel: export is importable; import is all-or-nothing with duplicate, department and conflict checks', async () => {
    const res = await leader.request({ method: 'GET', url: `${P}/export.xlsx?list=boundary` });
    expect(res.statusCode).toBe(200);
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]!.slice(0, 4)).toEqual(['清单', '编号', '职能 / 事项', '领域']);
    expect(rows).toHaveLength(25);
    expect(rows[1]).toContain('区自然资源局');

    const header = [
      '清单',
      '编号',
      '职能 / 事项',
      '领域',
      '承接主体类型',
      '承接主体',
      '区直部门',
      '管委会职责',
      '区直部门职责',
      '生效日期',
    ];
    const bad = await importFile(
      leader,
      'reform-duty-items',
      await xlsxOf(header, [
        ['剥离社会事务清单', 'BL-101', '殡葬管理', '民政和社会管理', '区直部门', '区民政局', '', '', '', '2024-07-01'],
        ['剥离社会事务清单', 'BL-101', '殡葬管理2', '民政和社会管理', '区直部门', '区民政局', '', '', '', '2024-07-01'],
        ['边界清单', 'BJ-101', '环评审批', '要素保障', '', '', '区生态环境局', '服务', '审批', '2024-07-01'],
        ['职责清单', 'ZZ-101', '社会事务 3', '民政和社会管理', '', '', '', '', '', '2024-08-01'],
        ['剥离社会事务清单', 'BL-102', '村务管理', '农业农村', '', '', '', '', '', '2024-07-01'],
      ]),
    );
    expect(bad).toMatchObject({ status: 'failed_validation' });
    const cols = bad.errors.map((e) => `${e.row}:${e.column}`).sort();
    expect(cols).toEqual(['3:编号', '4:区直部门', '5:职能 / 事项', '6:承接主体', '6:承接主体类型']);
    expect((await leader.get(`${P}?q=殡葬`)).json().total).toBe(0);

    const ok = await importFile(
      leader,
      'reform-duty-items',
      await xlsxOf(header, [
        ['剥离社会事务清单', 'BL-101', '殡葬管理', '民政和社会管理', '区直部门', '区民政局', '', '', '', '2024-07-01'],
        ['边界清单', 'BJ-101', '项目用地报批', '要素保障', '', '', '区自然资源局', '组卷', '报批', '2024-07-01'],
      ]),
    );
    expect(ok).toMatchObject({ status: 'succeeded', summary: { inserted: 2 } });
    const s = (await leader.get(`${P}/summary?asOf=2024-12-31`)).json();
    expect(s.stripped.byReceiverKind).toContainEqual({
      receiverKind: 'district_dept',
      items: 1,
      areas: 1,
      receivingBodies: 1,
    });
    expect(s.boundary.items).toBe(25);
  });

  it('zone and role scope: another zone sees nothing; enterprises cannot read; only leaders write', async () => {
    expect((await (await other.as('zone_leader')).get(P)).json().total).toBe(0);
    expect((await (await tenant.as('enterprise')).get(P)).statusCode).toBe(403);
    const staff = await tenant.as('dept_staff');
    expect((await staff.get(`${P}/summary`)).statusCode).toBe(200);
    expect((await staff.post(P, stripped(200))).statusCode).toBe(403);
  });
});
