import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTenant, type Tenant } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';

let ctx: TestContext;
let tenant: Tenant;
let other: Tenant;
beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  other = await makeTenant(ctx.app);
});
afterAll(() => ctx.close());

describe('departments, posts, staff', () => {
  it('creates a department, a post with its coefficient, and a staff member with 双轨 rank and post', async () => {
    const c = await tenant.as('zone_leader');
    const dept = await c.post('/api/org/departments', {
      code: 'TZ',
      name: '投资促进局',
      nameEn: 'Investment Promotion Bureau',
      class: 'A',
      coefficient: 1.2,
      establishment: 12,
    });
    expect(dept.statusCode).toBe(200);
    expect(dept.json()).toMatchObject({ class: 'A', kind: 'internal', coefficient: 1.2, staffCount: 0 });
    const post = await c.post('/api/org/posts', {
      departmentId: dept.json().id,
      name: '局长',
      grade: '部门正职',
      coefficient: 1.65,
    });
    expect(post.statusCode).toBe(200);
    expect(post.json()).toMatchObject({ coefficient: 1.65, departmentName: '投资促进局', occupied: 0 });
    const person = await c.post('/api/org/staff', {
      employeeNo: 'T0001',
      name: '张明',
      gender: 'M',
      departmentId: dept.json().id,
      postId: post.json().id,
      establishmentType: 'institution',
      archiveRank: '副科',
      phone: '13800138000',
      hiredOn: '2019-03-01',
    });
    expect(person.statusCode).toBe(200);
    expect(person.json()).toMatchObject({
      archiveRank: '副科',
      postName: '局长',
      postCoefficient: 1.65,
      hiredOn: '2019-03-01',
    });
    const d = (await c.get(`/api/org/departments/${dept.json().id}`)).json();
    expect(d.staffCount).toBe(1);
    expect((await c.get(`/api/org/posts/${post.json().id}`)).json().occupied).toBe(1);
  });

  it('gives field errors in the caller’s language', async () => {
    const c = await tenant.as('zone_leader');
    const zh = await c.post('/api/org/staff', {
      employeeNo: '',
      name: 'x',
      gender: 'X',
      departmentId: 'nope',
      establishmentType: 'x',
      archiveRank: '大官',
      phone: '123',
    });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().fields).toMatchObject({ name: '至少 2 个字符', departmentId: '不是有效的编号' });
    expect(Object.keys(zh.json().fields)).toEqual(
      expect.arrayContaining(['employeeNo', 'gender', 'establishmentType', 'archiveRank', 'phone']),
    );
    const en = await c.post(
      '/api/org/departments',
      { code: 'x y', name: 'ok name', class: 'A', coefficient: 0 },
      { headers: { 'accept-language': 'en-US,en;q=0.9' } },
    );
    expect(en.json().fields).toMatchObject({ code: 'Invalid format', coefficient: 'Must be at least 0.1' });
  });

  it('refuses a post of another department and references into another zone', async () => {
    const c = await tenant.as('zone_leader');
    const otherPost = (
      await c.post('/api/org/posts', { departmentId: tenant.deptB.id, name: '科员', coefficient: 1 })
    ).json();
    const wrong = await c.post('/api/org/staff', {
      employeeNo: 'T0002',
      name: '李华',
      gender: 'F',
      departmentId: tenant.deptA.id,
      postId: otherPost.id,
      establishmentType: 'contract',
      archiveRank: '无',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields).toEqual({ postId: '岗位不属于所选部门' });
    const foreign = await c.post('/api/org/posts', { departmentId: other.deptA.id, name: '越界', coefficient: 1 });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().fields).toEqual({ departmentId: '引用的记录不存在' });
  });

  it('refuses to delete a department still in use, then deletes it once empty', async () => {
    const c = await tenant.as('zone_leader');
    const d = (await c.post('/api/org/departments', { code: 'TMP', name: '临时部门', class: 'B' })).json();
    const p = (await c.post('/api/org/posts', { departmentId: d.id, name: '临时岗', coefficient: 1 })).json();
    const inUse = await c.delete(`/api/org/departments/${d.id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().code).toBe('IN_USE');
    expect((await c.delete(`/api/org/posts/${p.id}`)).statusCode).toBe(200);
    expect((await c.delete(`/api/org/departments/${d.id}`)).statusCode).toBe(200);
    expect((await c.get(`/api/org/departments/${d.id}`)).statusCode).toBe(404);
  });

  it('lists with search, filter, sort and paging', async () => {
    const c = await tenant.as('zone_leader');
    for (const [code, name, cls] of [
      ['S1', '排序甲', 'A'],
      ['S2', '排序乙', 'B'],
      ['S3', '排序丙', 'A'],
    ] as const) {
      await c.post('/api/org/departments', { code, name, class: cls, coefficient: Number(code.slice(1)) });
    }
    const page = (
      await c.get('/api/org/departments?q=排序&class=A&sortField=coefficient&sortOrder=descend&pageSize=1&current=2')
    ).json();
    expect(page).toMatchObject({ total: 2, current: 2, pageSize: 1 });
    expect(page.data.map((d: { code: string }) => d.code)).toEqual(['S1']);
    const like = (await c.get('/api/org/departments?q=%25')).json();
    expect(like.total).toBe(0);
  });
});

describe('scope', () => {
  it('a zone leader cannot read or change another zone’s rows (404) nor switch to it (403)', async () => {
    const c = await tenant.as('zone_leader');
    expect((await c.get(`/api/org/departments/${other.deptA.id}`)).statusCode).toBe(404);
    expect(
      (await c.put(`/api/org/departments/${other.deptA.id}`, { code: 'X', name: '改别人', class: 'A' })).statusCode,
    ).toBe(404);
    expect((await c.delete(`/api/org/staff/${other.staffA.id}`)).statusCode).toBe(404);
    const switched = await c.get('/api/org/departments', { zone: other.zoneId });
    expect(switched.statusCode).toBe(403);
    expect(switched.json().code).toBe('FORBIDDEN_ZONE');
    const list = (await c.get('/api/org/departments?pageSize=500')).json();
    expect(list.data.every((d: { zoneId: string }) => d.zoneId === tenant.zoneId)).toBe(true);
  });

  it('department roles see only their own department’s staff', async () => {
    for (const role of ['dept_head', 'dept_staff', 'service_officer'] as const) {
      const c = await tenant.as(role);
      const list = (await c.get('/api/org/staff?pageSize=500')).json();
      expect(list.data.length).toBeGreaterThan(0);
      expect(list.data.every((s: { departmentId: string }) => s.departmentId === tenant.deptA.id)).toBe(true);
      expect((await c.get(`/api/org/staff/${tenant.staffB.id}`)).statusCode).toBe(404);
    }
    const leader = await tenant.as('zone_leader');
    expect((await leader.get(`/api/org/staff/${tenant.staffB.id}`)).statusCode).toBe(200);
  });

  it('the platform admin must choose a zone, and then sees it', async () => {
    const admin = await tenant.as('admin');
    const none = await admin.get('/api/org/departments', { zone: null });
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('ZONE_REQUIRED');
    expect((await admin.get(`/api/org/staff/${other.staffA.id}`, { zone: other.zoneId })).statusCode).toBe(200);
  });

  it('a province viewer reads zones of its province only, and cannot write', async () => {
    const pv = await tenant.as('province_viewer');
    expect((await pv.get('/api/org/departments')).statusCode).toBe(200);
    const foreign = await pv.get('/api/org/departments', { zone: other.zoneId });
    expect(foreign.statusCode).toBe(403);
    expect((await pv.post('/api/org/departments', { code: 'PV', name: '省里建的', class: 'A' })).statusCode).toBe(403);
    const zones = (await pv.get('/api/tenancy/zones')).json();
    expect(zones.map((z: { id: string }) => z.id)).toEqual([tenant.zoneId]);
  });

  it('enterprise and platform-company users cannot see the committee’s organisation', async () => {
    for (const role of ['enterprise', 'platform_company'] as const) {
      const c = await tenant.as(role);
      expect((await c.get('/api/org/staff')).statusCode).toBe(403);
      expect((await c.get('/api/org/departments')).statusCode).toBe(403);
      expect((await c.get('/api/audit/events')).statusCode).toBe(403);
    }
  });
});
