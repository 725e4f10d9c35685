import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TAGS } from './app';
import { createTestContext, type TestContext } from './test/harness';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document with one tag per domain and a tag on every operation', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const tags = new Set(API_TAGS.map((t) => t.name));
    for (const [path, ops] of Object.entries<Record<string, { tags?: string[] }>>(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.tags?.length, `${method} ${path}`).toBe(1);
        expect(tags.has(op.tags![0]!), `${method} ${path}`).toBe(true);
      }
    }
    expect((await ctx.app.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(200);
  });

  it('docs/openapi.json is up to date (run `npm run openapi`)', async () => {
    const live = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const committed = JSON.parse(readFileSync('docs/openapi.json', 'utf8'));
    expect(committed).toEqual(live);
  });

  it('health reports the database and version', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { reachable: true } });
  });

  it('unknown API routes get a JSON 404 in the caller’s language', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/nope', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'ROUTE_NOT_FOUND', message: 'No such API route' });
  });
});
