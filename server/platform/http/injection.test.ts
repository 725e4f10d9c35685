import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode as code, makeTenant, type Tenant } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';

/**
 * Injection through every channel a request has: search text (SQL and LIKE wildcards), sort and filter parameters,
 * the zone header, path ids, JSON bodies stored and read back. Values always travel as bound parameters, so hostile
 * text is either refused by the schema (400 with the field named) or matched literally; nothing else happens.
 */
let ctx: TestContext;
let tenant: Tenant;
let other: Tenant;
beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  other = await makeTenant(ctx.app);
});
afterAll(() => ctx.close());

const HOSTILE = [
  "' or 1=1 --",
  "'; drop table enterprises; --",
  "x' union select password_hash from users --",
  '%',
  '_',
  '\\',
  '$1',
  '") or ("1"="1',
];

describe('injection', () => {
  it('search text is matched literally: SQL fragments and LIKE wildcards find nothing but themselves', async () => {
    const c = await tenant.as('zone_leader');
    const names = ['益阳注入测试甲有限公司', '益阳注入测试乙有限公司', "百分之百%'测试有限公司"];
    for (const name of names) {
      const res = await c.post('/api/enterprises', { creditCode: code(), name, industryCode: '382', scale: 'below' });
      expect(res.statusCode, res.body).toBe(200);
    }
    const all = (await c.get('/api/enterprises?pageSize=100')).json();
    expect(all.total).toBe(3);
    for (const q of HOSTILE) {
      const res = await c.get(`/api/enterprises?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      const found = res.json().data.map((e: { name: string }) => e.name);
      // Only a name that really contains the text (the one with a literal % and ') may come back.
      for (const n of found) expect(n.toLowerCase()).toContain(q.toLowerCase().trim());
    }
    expect((await c.get(`/api/enterprises?q=${encodeURIComponent('%')}`)).json().total).toBe(1);
    expect((await c.get(`/api/enterprises?q=${encodeURIComponent("%'")}`)).json().total).toBe(1);
    // The table and the other zone are untouched.
    expect((await c.get('/api/enterprises?pageSize=100')).json().total).toBe(3);
    expect((await (await other.as('zone_leader')).get('/api/enterprises')).json().total).toBe(0);
  });

  it('sort, filter and paging parameters outside their enums or types are refused with the field named', async () => {
    const c = await tenant.as('zone_leader');
    const cases: [string, string][] = [
      ['sortOrder', 'ascend; drop table enterprises'],
      ['scale', "above' or '1'='1"],
      ['subParkId', "1' or '1'='1"],
      ['current', '1 or 1=1'],
      ['pageSize', '20; select pg_sleep(10)'],
      ['tag', "高新技术企业'); drop table enterprises; --"],
    ];
    for (const [field, value] of cases) {
      const res = await c.get(`/api/enterprises?${field}=${encodeURIComponent(value)}`);
      expect(res.statusCode, `${field}=${value}`).toBe(400);
      expect(Object.keys(res.json().fields ?? {}).join(','), field).toContain(field);
    }
    // The sort column is looked up in a whitelist: anything else sorts as the default, it never reaches SQL.
    const ids = (r: { json(): { data: { id: string }[] } }) => r.json().data.map((e) => e.id);
    const hostile = await c.get(`/api/enterprises?sortField=${encodeURIComponent('name desc; drop table users')}`);
    expect(hostile.statusCode).toBe(200);
    expect(ids(hostile)).toEqual(ids(await c.get('/api/enterprises')));
  });

  it('path ids and the zone header must be uuids: anything else is a 400 or ignored, never another zone', async () => {
    const c = await tenant.as('zone_leader');
    for (const id of ["1' or '1'='1", '00000000-0000-0000-0000-000000000000; drop table enterprises']) {
      expect((await c.get(`/api/enterprises/${encodeURIComponent(id)}`)).statusCode).toBe(400);
    }
    const admin = await tenant.as('admin');
    const viaHeader = await admin.get('/api/enterprises', { zone: `${other.zoneId}' or '1'='1` });
    expect(viaHeader.statusCode).toBe(400); // an unreadable zone id is no zone: ZONE_REQUIRED
    expect(viaHeader.json().code).toBe('ZONE_REQUIRED');
    // A zone-bound account asking for another zone by header is refused.
    expect((await c.get('/api/enterprises', { zone: other.zoneId })).statusCode).toBe(403);
  });

  it('hostile text in a body is stored and returned exactly as sent', async () => {
    const c = await tenant.as('zone_leader');
    const name = "注入'; drop table enterprises; --有限公司";
    const legalRep = 'Bob"); delete from users; --';
    const created = await c.post('/api/enterprises', {
      creditCode: code(),
      name,
      industryCode: '382',
      scale: 'below',
      legalRep,
      contacts: [{ name: "O'Brien", phone: '13800138000', role: "$1 $$ ::text \\0 \\'" }],
    });
    expect(created.statusCode, created.body).toBe(200);
    const back = (await c.get(`/api/enterprises/${created.json().id}`)).json();
    expect(back.name).toBe(name);
    expect(back.legalRep).toBe(legalRep);
    expect(back.contacts).toEqual([{ name: "O'Brien", phone: '13800138000', role: "$1 $$ ::text \\0 \\'" }]);
    expect((await c.get('/api/enterprises?pageSize=100')).json().total).toBe(4);
  });
});
