import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, ROLES, type Role } from '../../../shared/roles';
import { makeTenant, type Tenant } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import type { ApiRoute } from './guard';

/**
 * The role × route matrix over EVERY /api route the app registers (later domains are covered automatically):
 * a role without the route's permission gets 403, one with it never gets 401/403/5xx; anonymous gets 401;
 * a malformed body or query gets 400 with field errors, never 500.
 */
let ctx: TestContext;
let tenant: Tenant;
let routes: ApiRoute[];

// Routes that end the caller's session are exercised in auth.test.ts instead.
const SESSION_ENDING = new Set(['POST /api/auth/logout', 'POST /api/auth/logout-all', 'POST /api/auth/password']);

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  routes = ctx.app.apiRoutes.filter((r) => !SESSION_ENDING.has(`${r.method} ${r.url}`));
});
afterAll(() => ctx.close());

// Routes whose permission depends on a path parameter (e.g. /api/imports/:kind) are called with a real value of
// it, and checked against that value's permission.
const urlOf = (r: ApiRoute) => {
  const url = r.paramAccess ? r.url.replace(`:${r.paramAccess.param}`, r.paramAccess.sample() ?? 'none') : r.url;
  return url.replace(/:id\b/g, randomUUID());
};

function allowed(role: Role, r: ApiRoute): boolean {
  const byParam = r.paramAccess ? r.paramAccess.permissionOf(r.paramAccess.sample() ?? '') : undefined;
  const paramOk = byParam === undefined || can(role, byParam);
  if (r.access === 'public' || r.access === 'authenticated') return paramOk;
  return can(role, r.access) && paramOk;
}

describe('role × route matrix', () => {
  it('registers every /api route with an access flag and covers several domains', () => {
    expect(routes.length).toBeGreaterThan(15);
    for (const r of ctx.app.apiRoutes) expect(r.access).toBeTruthy();
  });

  it.each(ROLES)('%s reaches exactly the routes its permissions allow', async (role) => {
    const client = await tenant.as(role);
    const wrong: string[] = [];
    for (const r of routes) {
      if (r.access === 'public') continue;
      const res = await client.request({
        method: r.method as 'GET',
        url: urlOf(r),
        payload: r.hasBody ? {} : undefined,
      });
      const ok = allowed(role, r);
      if (ok && (res.statusCode === 401 || res.statusCode === 403 || res.statusCode >= 500)) {
        wrong.push(`${r.method} ${r.url} → ${res.statusCode} ${res.body.slice(0, 120)} (expected access)`);
      }
      if (!ok && res.statusCode !== 403) wrong.push(`${r.method} ${r.url} → ${res.statusCode} (expected 403)`);
    }
    expect(wrong).toEqual([]);
  });

  it('anonymous callers get 401 on every non-public route', async () => {
    const wrong: string[] = [];
    for (const r of routes) {
      if (r.access === 'public') continue;
      const res = await ctx.app.inject({
        method: r.method as 'GET',
        url: urlOf(r),
        payload: r.hasBody ? {} : undefined,
      });
      if (res.statusCode !== 401) wrong.push(`${r.method} ${r.url} → ${res.statusCode}`);
      else expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    expect(wrong).toEqual([]);
  });
});

describe('malformed input never yields 500', () => {
  const roleFor = (r: ApiRoute): Role =>
    ROLES.find((role) => allowed(role, r) && role !== 'province_viewer') ?? 'admin';

  it('every route with a body answers 400 with field errors for an empty object and for an array', async () => {
    const wrong: string[] = [];
    for (const r of routes.filter((x) => x.hasBody && x.url !== '/api/auth/login')) {
      const client = await tenant.as(roleFor(r));
      for (const payload of [{}, [], { name: 12345, code: null, zoneId: 'not-a-uuid' }]) {
        const res = await client.request({ method: r.method as 'POST', url: urlOf(r), payload });
        const body = res.json();
        if (res.statusCode !== 400 || body.code !== 'VALIDATION' || Object.keys(body.fields ?? {}).length === 0) {
          wrong.push(`${r.method} ${r.url} ${JSON.stringify(payload)} → ${res.statusCode} ${res.body.slice(0, 100)}`);
        }
      }
      const broken = await client.request({
        method: r.method as 'POST',
        url: urlOf(r),
        payload: '{"unterminated',
        headers: { 'content-type': 'application/json' },
      });
      if (broken.statusCode !== 400) wrong.push(`${r.method} ${r.url} broken JSON → ${broken.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('list routes refuse bad paging parameters with 400, and bad ids with 400', async () => {
    const wrong: string[] = [];
    for (const r of routes.filter((x) => x.method === 'GET')) {
      const client = await tenant.as(roleFor(r));
      if (r.url.includes(':id')) {
        const res = await client.get(r.url.replace(':id', 'not-a-uuid'));
        if (res.statusCode !== 400) wrong.push(`${r.url} bad id → ${res.statusCode}`);
        continue;
      }
      const res = await client.get(`${urlOf(r)}?pageSize=abc&current=-1`);
      if (res.statusCode >= 500) wrong.push(`${r.url} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('login with a wrong-typed body is a 400, not a 500', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 1, password: [] },
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().fields)).toEqual(expect.arrayContaining(['username', 'password']));
  });
});
