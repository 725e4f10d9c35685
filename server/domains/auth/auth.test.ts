import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTenant, makeUser, makeZone, PASSWORD, type Tenant } from '../../test/factories';
import { Client, createTestContext, login, type TestContext } from '../../test/harness';
import { sessions } from './auth.tables';

let ctx: TestContext;
let tenant: Tenant;
beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
});
afterAll(() => ctx.close());

const loginAs = (username: string, password: string, ip = '127.0.0.1', headers: Record<string, string> = {}) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: ip,
    headers,
  });

describe('login', () => {
  it('sets an httpOnly SameSite cookie and returns the session with permissions and a CSRF token', async () => {
    const res = await loginAs(tenant.users.zone_leader.username, PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/zoneos_sid=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/);
    const body = res.json();
    expect(body.user.role).toBe('zone_leader');
    expect(body.permissions).toContain('org.write');
    expect(body.zones.map((z: { id: string }) => z.id)).toEqual([tenant.zoneId]);
    expect(body.csrfToken.length).toBeGreaterThan(20);
  });

  it('marks the cookie Secure behind HTTPS', async () => {
    const secure = await createTestContext({ TRUST_PROXY: 'true' });
    try {
      const u = await makeUser(secure.database.db, 'admin');
      const res = await secure.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: u.username, password: PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/Secure/);
    } finally {
      await secure.close();
    }
  });

  it('refuses a wrong password with the same message as an unknown user, localized', async () => {
    const a = await loginAs(tenant.users.auditor.username, 'wrong-password-1', '10.0.0.1');
    const b = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody-here', password: 'x' },
      remoteAddress: '10.0.0.1',
      headers: { 'accept-language': 'en-US' },
    });
    expect(a.statusCode).toBe(401);
    expect(a.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    expect(b.statusCode).toBe(401);
    expect(b.json().message).toBe('Wrong username or password');
  });

  it('rate limits a username after 5 failures in the window, even with the right password', async () => {
    const u = await makeUser(ctx.database.db, 'dept_staff', { zoneId: tenant.zoneId, departmentId: tenant.deptA.id });
    for (let i = 0; i < 5; i++) expect((await loginAs(u.username, `bad-${i}`, '10.0.1.1')).statusCode).toBe(401);
    const locked = await loginAs(u.username, PASSWORD, '10.0.1.2');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('LOGIN_RATE_LIMITED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.json().message).toMatch(/分钟后再试/);
  });

  it('rate limits an IP that guesses many usernames', async () => {
    for (let i = 0; i < 20; i++) await loginAs(`ghost-${i}`, 'x', '10.0.2.1');
    const res = await loginAs(tenant.users.zone_leader.username, PASSWORD, '10.0.2.1');
    expect(res.statusCode).toBe(429);
    expect((await loginAs(tenant.users.zone_leader.username, PASSWORD, '10.0.2.2')).statusCode).toBe(200);
  });

  it('refuses disabled accounts', async () => {
    const u = await makeUser(ctx.database.db, 'auditor', { zoneId: tenant.zoneId });
    const admin = await tenant.as('admin');
    const upd = await admin.put(`/api/users/${u.id}`, {
      displayName: u.displayName,
      role: 'auditor',
      zoneId: tenant.zoneId,
      disabled: true,
    });
    expect(upd.statusCode).toBe(200);
    expect((await loginAs(u.username, PASSWORD, '10.0.3.1')).statusCode).toBe(403);
  });

  it('refuses a cross-site Origin on login', async () => {
    const res = await loginAs(tenant.users.zone_leader.username, PASSWORD, '10.0.4.1', {
      origin: 'https://evil.example',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_FAILED');
  });
});

describe('CSRF', () => {
  it('refuses a write with a missing or forged token and accepts the real one', async () => {
    const c = await tenant.as('zone_leader');
    const body = { code: 'CSRF1', name: '防伪测试部', class: 'A' };
    const missing = await c.post('/api/org/departments', body, { csrf: null });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe('CSRF_FAILED');
    const forged = await c.post('/api/org/departments', body, { csrf: 'forged-token-forged-token-00' });
    expect(forged.statusCode).toBe(403);
    // A token from another session of the same user is not valid for this one.
    const other = await login(ctx.app, tenant.users.zone_leader.username, PASSWORD, tenant.zoneId);
    expect((await c.post('/api/org/departments', body, { csrf: other.csrfToken })).statusCode).toBe(403);
    const ok = await c.post('/api/org/departments', body);
    expect(ok.statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('logout ends this session only; logout everywhere ends all of them', async () => {
    const u = await makeUser(ctx.database.db, 'zone_leader', { zoneId: tenant.zoneId });
    const s1 = await login(ctx.app, u.username, PASSWORD);
    const s2 = await login(ctx.app, u.username, PASSWORD);
    const s3 = await login(ctx.app, u.username, PASSWORD);
    expect((await s1.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await s1.get('/api/auth/session')).statusCode).toBe(401);
    expect((await s2.get('/api/auth/session')).statusCode).toBe(200);
    expect((await s2.post('/api/auth/logout-all')).statusCode).toBe(200);
    expect((await s2.get('/api/auth/session')).statusCode).toBe(401);
    expect((await s3.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('a forged cookie is just anonymous', async () => {
    const c = new Client(ctx.app, 'zoneos_sid=forged', 'x');
    expect((await c.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('idle sessions expire', async () => {
    // Cache off: the test ages the session row behind the app's back.
    const short = await createTestContext({ SESSION_IDLE_MINUTES: '5', SESSION_CACHE_SECONDS: '0' });
    try {
      const u = await makeUser(short.database.db, 'admin');
      const c = await login(short.app, u.username, PASSWORD);
      expect((await c.get('/api/auth/session')).statusCode).toBe(200);
      await short.database.db.execute(
        (await import('drizzle-orm')).sql`update sessions set last_seen_at = now() - interval '6 minutes'`,
      );
      expect((await c.get('/api/auth/session')).statusCode).toBe(401);
    } finally {
      await short.close();
    }
  });

  it('keeps a resolved session for SESSION_CACHE_SECONDS, but a logout or disable on this server ends it at once', async () => {
    const db = ctx.app.ctx.database.db;
    const u = await makeUser(db, 'zone_leader', { zoneId: tenant.zoneId });
    const c = await login(ctx.app, u.username, PASSWORD);
    expect((await c.get('/api/auth/session')).statusCode).toBe(200);
    // A session removed behind this server's back (e.g. a logout served by another app server) is still honoured
    // here for at most SESSION_CACHE_SECONDS: the documented trade-off of the cache.
    await db.delete(sessions).where(eq(sessions.userId, u.id));
    expect((await c.get('/api/auth/session')).statusCode).toBe(200);
    // A logout through this server is immediate, and so is disabling the account.
    const again = await login(ctx.app, u.username, PASSWORD);
    expect((await again.get('/api/auth/session')).statusCode).toBe(200);
    expect((await again.post('/api/auth/logout', {})).statusCode).toBeLessThan(300);
    expect((await again.get('/api/auth/session')).statusCode).toBe(401);
    const third = await login(ctx.app, u.username, PASSWORD);
    expect((await third.get('/api/auth/session')).statusCode).toBe(200);
    const admin = await tenant.as('admin');
    const current = (await admin.get(`/api/users/${u.id}`)).json();
    const res = await admin.put(`/api/users/${u.id}`, {
      displayName: current.displayName,
      role: current.role,
      zoneId: current.zoneId,
      provinceId: current.provinceId,
      departmentId: current.departmentId,
      enterpriseId: current.enterpriseId,
      disabled: true,
    });
    expect(res.statusCode).toBe(200);
    expect((await third.get('/api/auth/session')).statusCode).toBe(401);
  });
});

describe('password and profile', () => {
  it('changes the password with field errors for a wrong current or weak new password, ending other sessions', async () => {
    const u = await makeUser(ctx.database.db, 'dept_head', { zoneId: tenant.zoneId, departmentId: tenant.deptA.id });
    const c = await login(ctx.app, u.username, PASSWORD);
    const other = await login(ctx.app, u.username, PASSWORD);
    const wrong = await c.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'NewPassword-2026' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields).toEqual({ currentPassword: '当前密码不正确' });
    const weak = await c.post(
      '/api/auth/password',
      { currentPassword: PASSWORD, newPassword: 'short' },
      { headers: { 'accept-language': 'en-US' } },
    );
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields.newPassword).toBe('At least 10 characters');
    const noDigit = await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'onlyletters-here' });
    expect(noDigit.json().fields.newPassword).toBe('密码需包含数字');
    const ok = await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'NewPassword-2026' });
    expect(ok.statusCode).toBe(200);
    expect((await c.get('/api/auth/session')).statusCode).toBe(200);
    expect((await other.get('/api/auth/session')).statusCode).toBe(401);
    expect((await loginAs(u.username, 'NewPassword-2026', '10.0.5.1')).statusCode).toBe(200);
  });

  it('updates display name and language', async () => {
    const u = await makeUser(ctx.database.db, 'auditor', { zoneId: (await makeZone(ctx.database.db)).id });
    const c = await login(ctx.app, u.username, PASSWORD);
    const res = await c.put('/api/auth/profile', { displayName: '新名字', locale: 'en-US' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ displayName: '新名字', locale: 'en-US' });
  });
});
