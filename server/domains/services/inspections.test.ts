import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../shared/credit-code';
import { enterpriseCodePattern } from '../../../shared/inspections';
import { makeTenant, makeUser, PASSWORD, type Tenant } from '../../test/factories';
import { type Client, createTestContext, login, type TestContext } from '../../test/harness';

let ctx: TestContext;
let tenant: Tenant;
let leader: Client;
let headA: Client;
let officer: Client;

let serial = 0;
function creditCode(): string {
  serial++;
  const first17 = `91430900${String(serial).padStart(6, '0')}QC3`;
  return first17 + creditCodeCheckChar(first17);
}

/** A new enterprise and its code (read by the leader, which issues it). */
async function enterprise(name: string): Promise<{ id: string; code: string }> {
  const res = await leader.post('/api/enterprises', { creditCode: creditCode(), name, industryCode: '382' });
  expect(res.statusCode).toBe(200);
  const code = (await leader.get(`/api/services/enterprise-codes/${res.json().id}`)).json().code;
  return { id: res.json().id, code };
}

const inspection = (code: string, overrides: Record<string, unknown> = {}) => ({
  code,
  inspectedOn: '2025-05-06',
  inspectors: '张三、李四',
  kind: 'routine',
  purpose: '安全生产日常检查',
  result: 'no_issue',
  ...overrides,
});

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  leader = await tenant.as('zone_leader');
  headA = await tenant.as('dept_head');
  officer = await tenant.as('service_officer');
});
afterAll(() => ctx.close());

describe('§6 一码护商: enterprise code and inspections by code', () => {
  it('issues one code per enterprise; the enterprise reads its own only; a reissued code replaces the old one', async () => {
    const e = await enterprise('益阳码上电气有限公司');
    const other = await enterprise('益阳码外材料有限公司');
    expect(e.code).toMatch(enterpriseCodePattern);
    expect((await officer.get(`/api/services/enterprise-codes/${e.id}`)).json().code).toBe(e.code);
    const user = await makeUser(ctx.database.db, 'enterprise', { zoneId: tenant.zoneId, enterpriseId: e.id });
    const own = await login(ctx.app, user.username, PASSWORD, tenant.zoneId);
    expect((await own.get(`/api/services/enterprise-codes/${e.id}`)).json().code).toBe(e.code);
    expect((await own.get(`/api/services/enterprise-codes/${other.id}`)).statusCode).toBe(404);
    // An enterprise registers no inspection, and cannot reissue.
    expect((await own.post('/api/services/inspections', inspection(e.code))).statusCode).toBe(403);
    expect((await own.post(`/api/services/enterprise-codes/${e.id}/reissue`)).statusCode).toBe(403);

    const re = (await leader.post(`/api/services/enterprise-codes/${e.id}/reissue`)).json();
    expect(re.code).not.toBe(e.code);
    expect((await headA.post('/api/services/inspections', inspection(e.code))).json().fields).toEqual({
      code: '引用的记录不存在',
    });
    // Typed from the card in lower case with spaces: accepted.
    const typed = `${re.code.slice(0, 5).toLowerCase()} ${re.code.slice(5)}`;
    const ok = await headA.post('/api/services/inspections', inspection(typed));
    expect(ok.statusCode).toBe(200);
    expect(ok.json().inspection).toMatchObject({ enterpriseId: e.id, departmentId: tenant.deptA.id, flags: [] });
    // The enterprise sees every inspection of itself, and nothing of others.
    await headA.post('/api/services/inspections', inspection(other.code));
    const seen = (await own.get('/api/services/inspections?pageSize=100')).json();
    expect(seen.total).toBe(1);
    expect(seen.data[0].enterpriseId).toBe(e.id);
    // Another zone cannot use this zone's code.
    const otherZone = await makeTenant(ctx.app);
    const res = await (await otherZone.as('dept_head')).post('/api/services/inspections', inspection(re.code));
    expect(res.json().fields).toEqual({ code: '引用的记录不存在' });
  });

  it('refuses a malformed code, a future date and an unknown joint department, writing nothing', async () => {
    const e = await enterprise('益阳校验科技有限公司');
    const bad = await headA.post('/api/services/inspections', inspection('O0I1'));
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(['code']);
    const future = await headA.post('/api/services/inspections', inspection(e.code, { inspectedOn: '2099-01-01' }));
    expect(future.json().fields).toEqual({ inspectedOn: '日期不能晚于今天' });
    const otherZone = await makeTenant(ctx.app);
    const joint = await headA.post(
      '/api/services/inspections',
      inspection(e.code, { jointDepartmentIds: [otherZone.deptA.id] }),
    );
    expect(joint.json().fields).toEqual({ jointDepartmentIds: '引用的记录不存在' });
    expect((await leader.get(`/api/services/inspections?enterpriseId=${e.id}`)).json().total).toBe(0);
  });

  it('rule 涉企检查频次 (per department per year, default 2 routine): the third routine inspection is flagged; complaint-driven ones do not count', async () => {
    const e = await enterprise('益阳频次机械有限公司');
    const post = async (o: Record<string, unknown>) =>
      (await headA.post('/api/services/inspections', inspection(e.code, o))).json().inspection;
    expect((await post({ inspectedOn: '2025-01-10' })).flags).toEqual([]);
    expect((await post({ inspectedOn: '2025-03-10', kind: 'complaint', purpose: '投诉举报核查' })).flags).toEqual([]);
    expect((await post({ inspectedOn: '2025-06-10' })).flags).toEqual([]);
    // Third routine inspection of the year by department A: over the limit of 2.
    expect((await post({ inspectedOn: '2025-09-10' })).flags).toEqual(['dept_over_limit']);
    // A new year starts a new count.
    expect((await post({ inspectedOn: '2026-01-12' })).flags).toEqual([]);
    // Department B joining A's routine inspection as a joint department: counted for A (its 4th of 2025) → flagged.
    const joint = await post({ inspectedOn: '2025-10-20', jointDepartmentIds: [tenant.deptB.id] });
    expect(joint.flags).toEqual(['dept_over_limit']);
    expect(joint.jointDepartmentNames).toEqual([tenant.deptB.name]);
    const flagged = (await leader.get(`/api/services/inspections?enterpriseId=${e.id}&flagged=yes`)).json();
    expect(flagged.total).toBe(2);
  });

  it('rule 频繁检查 (default more than 3 within 30 days): the 4th inspection in the window is flagged; a joint inspection counts once; the window is a zone rule', async () => {
    const e = await enterprise('益阳扰企食品有限公司');
    const by = (dept: 'A' | 'B', on: string, o: Record<string, unknown> = {}) =>
      leader
        .post(
          '/api/services/inspections',
          inspection(e.code, {
            departmentId: dept === 'A' ? tenant.deptA.id : tenant.deptB.id,
            inspectedOn: on,
            kind: 'special',
            ...o,
          }),
        )
        .then((r) => r.json().inspection.flags);
    expect(await by('A', '2025-04-01')).toEqual([]);
    // One joint inspection by A and B: one entry, counted once.
    expect(await by('B', '2025-04-08', { jointDepartmentIds: [tenant.deptA.id] })).toEqual([]);
    expect(await by('A', '2025-04-15')).toEqual([]);
    // 4 inspections between 1 Apr and 30 Apr (30 days including both ends) → more than 3 → frequent.
    expect(await by('B', '2025-04-30')).toEqual(['frequent']);
    // 1 May: the window (2 Apr – 1 May) holds 8, 15, 30 Apr and this one = 4 → still frequent.
    expect(await by('B', '2025-05-01')).toEqual(['frequent']);
    // 20 May: the window (21 Apr – 20 May) holds 30 Apr, 1 May and this one = 3 → not frequent.
    expect(await by('A', '2025-05-20')).toEqual([]);
    // The zone raises the threshold to 5 for 2025: the same pattern is no longer flagged.
    const rules = await leader.put('/api/services/rules', {
      year: 2025,
      rules: { signDays: 1, replyDays: 2, resolveDays: 10, complexDays: 25, inspectionsPerWindow: 5 },
    });
    expect(rules.statusCode).toBe(200);
    expect(await by('A', '2025-05-21')).toEqual([]);
  });

  it('suggests a joint inspection (进一次门、查多项事) when other departments inspected separately within the window', async () => {
    const e = await enterprise('益阳联检新能源有限公司');
    await leader.put('/api/services/rules', {
      year: 2025,
      rules: { signDays: 1, replyDays: 2, resolveDays: 10, complexDays: 25, inspectionWindowDays: 30 },
    });
    const first = (
      await headA.post('/api/services/inspections', inspection(e.code, { inspectedOn: '2025-07-01' }))
    ).json();
    expect(first.jointSuggestion).toEqual([]);
    const second = (
      await leader.post(
        '/api/services/inspections',
        inspection(e.code, { departmentId: tenant.deptB.id, inspectedOn: '2025-07-20', purpose: '消防检查' }),
      )
    ).json();
    expect(second.jointSuggestion).toEqual([
      { departmentId: tenant.deptA.id, departmentName: tenant.deptA.name, lastOn: '2025-07-01' },
    ]);
    const list = (await leader.get('/api/services/inspections/joint-suggestions?asOf=2025-07-25')).json();
    const mine = list.find((s: { enterpriseId: string }) => s.enterpriseId === e.id);
    expect(mine.departments.map((d: { departmentId: string }) => d.departmentId).sort()).toEqual(
      [tenant.deptA.id, tenant.deptB.id].sort(),
    );
    // 40 days later the window (30 days) no longer holds A's inspection.
    const later = (await leader.get('/api/services/inspections/joint-suggestions?asOf=2025-08-10')).json();
    expect(later.find((s: { enterpriseId: string }) => s.enterpriseId === e.id)).toBeUndefined();
    // Per-enterprise metrics for the year.
    const stats = (await leader.get('/api/services/inspections/stats?year=2025')).json();
    expect(stats.find((s: { enterpriseId: string }) => s.enterpriseId === e.id)).toMatchObject({
      inspections: 2,
      departments: 2,
      flagged: 0,
      lastOn: '2025-07-20',
    });
  });
});

describe('§6 一码护商: the code card QR and the page it opens', () => {
  it('serves the QR as SVG encoding the absolute /inspect/<code> URL; an enterprise its own only; no other zone', async () => {
    const e = await enterprise('益阳扫码精工有限公司');
    const other = await enterprise('益阳扫码邻居有限公司');
    const res = await officer.get(`/api/services/enterprise-codes/${e.id}/qr.svg`, {
      headers: { host: 'zone.example.test:8443' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const url = `http://zone.example.test:8443/inspect/${e.code}`;
    expect(res.body).toContain('<svg');
    expect(res.body).toContain(`<title>${url}</title>`);
    // The modules drawn are exactly the QR of that URL (same library, same options: encoding is deterministic).
    const QRCode = (await import('qrcode')).default;
    const expected = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    const pathOf = (svg: string) => [...svg.matchAll(/ d="([^"]+)"/g)].map((m) => m[1]).join('|');
    expect(pathOf(res.body)).toBe(pathOf(expected));
    expect(pathOf(res.body)).not.toBe(pathOf(await QRCode.toString(`${url}X`, { type: 'svg' })));

    // The enterprise: its own card yes, another's no.
    const user = await makeUser(ctx.database.db, 'enterprise', { zoneId: tenant.zoneId, enterpriseId: e.id });
    const own = await login(ctx.app, user.username, PASSWORD, tenant.zoneId);
    expect((await own.get(`/api/services/enterprise-codes/${e.id}/qr.svg`)).statusCode).toBe(200);
    expect((await own.get(`/api/services/enterprise-codes/${other.id}/qr.svg`)).statusCode).toBe(404);
    // Staff of another zone: not found (their zone has no such enterprise).
    const otherZone = await makeTenant(ctx.app);
    const stranger = await otherZone.as('zone_leader');
    expect((await stranger.get(`/api/services/enterprise-codes/${e.id}/qr.svg`)).statusCode).toBe(404);
    // Anonymous: 401.
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/services/enterprise-codes/${e.id}/qr.svg` })).statusCode,
    ).toBe(401);

    // The page the scan opens looks the code up (lower case forgiven); other zones and enterprises cannot.
    const who = await headA.get(`/api/services/enterprise-codes/by-code/${e.code.toLowerCase()}`);
    expect(who.json()).toEqual({
      enterpriseId: e.id,
      enterpriseName: '益阳扫码精工有限公司',
      creditCode: expect.any(String),
      code: e.code,
    });
    expect((await stranger.get(`/api/services/enterprise-codes/by-code/${e.code}`)).statusCode).toBe(404);
    expect((await own.get(`/api/services/enterprise-codes/by-code/${e.code}`)).statusCode).toBe(403);
    expect((await headA.get('/api/services/enterprise-codes/by-code/not-a-code')).statusCode).toBe(400);
  });

  it('PUBLIC_BASE_URL, when set, is the address printed in the QR', async () => {
    const e = await enterprise('公网地址企业');
    const env = ctx.app.ctx.env;
    env.PUBLIC_BASE_URL = 'https://yq.example.gov.cn';
    try {
      const svg = (await leader.get(`/api/services/enterprise-codes/${e.id}/qr.svg`)).body;
      expect(svg).toContain(`<title>https://yq.example.gov.cn/inspect/${e.code}</title>`);
    } finally {
      env.PUBLIC_BASE_URL = undefined;
    }
  });
});
