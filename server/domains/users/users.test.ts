import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTenant, type Tenant } from '../../test/factories';
import { createTestContext, login, type TestContext } from '../../test/harness';

let ctx: TestContext;
let tenant: Tenant;
beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
});
afterAll(() => ctx.close());

const base = { displayName: '新同事', locale: 'zh-CN' };

describe('user administration', () => {
  it('creates a department head who must change the password at first login', async () => {
    const admin = await tenant.as('admin');
    const res = await admin.post('/api/users', {
      ...base,
      username: 'new.head',
      password: 'Initial-pass-1',
      role: 'dept_head',
      zoneId: tenant.zoneId,
      departmentId: tenant.deptA.id,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'dept_head', departmentName: tenant.deptA.name, disabled: false });
    const c = await login(ctx.app, 'new.head', 'Initial-pass-1');
    expect((await c.get('/api/auth/session')).json().user.mustChangePassword).toBe(true);
    const dup = await admin.post('/api/users', {
      ...base,
      username: 'new.head',
      password: 'Initial-pass-1',
      role: 'admin',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().fields).toEqual({ username: '已存在相同的值' });
  });

  it.each([
    [{ role: 'zone_leader' }, 'zoneId', '该角色必须指定园区'],
    [{ role: 'dept_staff', zoneId: 'Z' }, 'departmentId', '该角色必须指定部门'],
    [{ role: 'province_viewer' }, 'provinceId', '省级查看角色必须指定省份'],
    [{ role: 'admin', zoneId: 'Z' }, 'zoneId', '该角色不应绑定园区'],
    [{ role: 'enterprise', zoneId: 'Z' }, 'enterpriseId', '企业用户必须关联企业'],
  ])('refuses a role without its scope: %o', async (partial, field, message) => {
    const admin = await tenant.as('admin');
    const body: Record<string, unknown> = {
      ...base,
      username: `u${Date.now()}${Math.random().toString(36).slice(2, 6)}`,
      password: 'Initial-pass-1',
      ...partial,
    };
    if (body.zoneId === 'Z') body.zoneId = tenant.zoneId;
    const res = await admin.post('/api/users', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual({ [field]: message });
  });

  it('refuses a department of another zone', async () => {
    const other = await makeTenant(ctx.app);
    const admin = await tenant.as('admin');
    const res = await admin.post('/api/users', {
      ...base,
      username: 'cross.zone',
      password: 'Initial-pass-1',
      role: 'dept_staff',
      zoneId: tenant.zoneId,
      departmentId: other.deptA.id,
    });
    expect(res.json().fields).toEqual({ departmentId: '部门不属于所选园区' });
  });

  it('changing a role ends the user’s sessions so new rights apply at once; admins cannot demote themselves', async () => {
    const admin = await tenant.as('admin');
    const created = (
      await admin.post('/api/users', {
        ...base,
        username: 'role.change',
        password: 'Initial-pass-1',
        role: 'zone_leader',
        zoneId: tenant.zoneId,
      })
    ).json();
    const c = await login(ctx.app, 'role.change', 'Initial-pass-1');
    const upd = await admin.put(`/api/users/${created.id}`, { ...base, role: 'auditor', zoneId: tenant.zoneId });
    expect(upd.json().role).toBe('auditor');
    expect((await c.get('/api/auth/session')).statusCode).toBe(401);
    const self = await admin.put(`/api/users/${tenant.users.admin.id}`, {
      ...base,
      role: 'auditor',
      zoneId: tenant.zoneId,
    });
    expect(self.statusCode).toBe(400);
  });

  it('resets a password and lists accounts with filters', async () => {
    const admin = await tenant.as('admin');
    const reset = await admin.post(`/api/users/${tenant.users.dept_staff.id}/reset-password`, {
      password: 'Reset-pass-2026',
    });
    expect(reset.statusCode).toBe(200);
    await login(ctx.app, tenant.users.dept_staff.username, 'Reset-pass-2026');
    const list = (await admin.get(`/api/users?zoneId=${tenant.zoneId}&role=dept_staff`)).json();
    expect(list.data.map((u: { id: string }) => u.id)).toContain(tenant.users.dept_staff.id);
    expect(list.data.every((u: { role: string }) => u.role === 'dept_staff')).toBe(true);
  });

  it('links an account to a staff member (我的考核) and lists the linked person; null unlinks', async () => {
    const admin = await tenant.as('admin');
    const u = tenant.users.dept_head;
    const body = {
      displayName: u.displayName,
      role: 'dept_head',
      zoneId: tenant.zoneId,
      departmentId: tenant.deptA.id,
    };
    const linked = await admin.put(`/api/users/${u.id}`, { ...body, staffId: tenant.staffA.id });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({
      staffId: tenant.staffA.id,
      staffName: tenant.staffA.name,
      staffEmployeeNo: tenant.staffA.employeeNo,
    });
    const list = (await admin.get(`/api/users?zoneId=${tenant.zoneId}&role=dept_head`)).json();
    const row = list.data.find((x: { id: string }) => x.id === u.id);
    expect(row).toMatchObject({ staffName: tenant.staffA.name, staffEmployeeNo: tenant.staffA.employeeNo });
    const unknown = await admin.put(`/api/users/${u.id}`, { ...body, staffId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields).toHaveProperty('staffId');
    const unlinked = await admin.put(`/api/users/${u.id}`, { ...body, staffId: null });
    expect(unlinked.json()).toMatchObject({ staffId: null, staffName: null, staffEmployeeNo: null });
  });
});
