import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../shared/credit-code';
import { policyPayouts } from '../domains/policies/policies.tables';
import { enterpriseCodes, inspections } from '../domains/services/services.tables';
import { makeDepartment, makeTenant, type Tenant } from '../test/factories';
import { type Client, createTestContext, type TestContext } from '../test/harness';
import { seedInspectionsAndPolicies } from './inspections';
import { Random } from './random';

/** The demo seed of 一码护商 and 惠企 on a small zone: what the demo pages show exists, and the rules fire. */
let ctx: TestContext;
let tenant: Tenant;
let leader: Client;
const today = '2026-11-25';
const ids: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  leader = await tenant.as('zone_leader');
  const db = ctx.database.db;
  const deptByCode = new Map<string, { id: string }>();
  for (const code of ['GJJ', 'JFJ', 'KCJ', 'QFJ', 'ZWZX']) {
    deptByCode.set(
      code,
      await makeDepartment(db, tenant.zoneId, { name: `检查部门${code}${tenant.zoneId.slice(0, 4)}` }),
    );
  }
  for (let i = 0; i < 60; i++) {
    const first17 = `91430900${String(700000 + i).padStart(6, '0')}QD${i % 10}`;
    const above = i % 3 === 0;
    const tags = [
      ...(i % 2 === 0 ? ['高新技术企业'] : []),
      ...(i % 6 === 0 ? ['专精特新'] : []),
      ...(i % 18 === 0 ? ['小巨人'] : []),
    ];
    const res = await leader.post('/api/enterprises', {
      creditCode: first17 + creditCodeCheckChar(first17),
      name: `种子测试企业${i}号`,
      industryCode: '382',
      scale: above ? 'above' : 'below',
      tags,
      establishedOn: '2015-03-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    ids.push(res.json().id);
  }
  await db.transaction((tx) =>
    seedInspectionsAndPolicies(tx, new Random(7), {
      zoneId: tenant.zoneId,
      deptByCode,
      demoEnterpriseId: ids[0]!,
      today,
    }),
  );
}, 120_000);
afterAll(() => ctx?.close());

describe('demo seed: enterprise codes, inspections, policy applications, cultivation pools', () => {
  it('issues every enterprise of the zone its code', async () => {
    const [n] = await ctx.database.db
      .select({ n: count() })
      .from(enterpriseCodes)
      .where(eq(enterpriseCodes.zoneId, tenant.zoneId));
    expect(n!.n).toBe(60);
  });

  it('has ~40 inspections by several departments, one enterprise flagged frequent and a joint suggestion', async () => {
    const list = await ctx.database.db.select().from(inspections).where(eq(inspections.zoneId, tenant.zoneId));
    expect(list.length).toBe(40);
    expect(new Set(list.map((i) => i.departmentId)).size).toBe(5);
    expect(list.every((i) => i.inspectedOn <= today)).toBe(true);
    const flagged = list.filter((i) => i.flags.includes('frequent'));
    expect(flagged.length).toBeGreaterThan(0);
    expect(new Set(flagged.map((i) => i.enterpriseId)).size).toBe(1);
    const res = await leader.get(`/api/services/inspections?flagged=yes&pageSize=50`);
    expect(res.json().total).toBe(flagged.length);
    const joint = await leader.get(`/api/services/inspections/joint-suggestions?asOf=${today}`);
    expect(joint.statusCode, joint.body).toBe(200);
    const suggestions = joint.json() as { enterpriseId: string; departments: { lastOn: string }[] }[];
    // The same-week pair (and the frequently inspected enterprise) are suggested for joint inspection.
    expect(suggestions.length).toBeGreaterThanOrEqual(2);
    const pair = suggestions.find((s) => s.departments.length === 2)!;
    const [a, b] = pair.departments.map((d) => Date.parse(d.lastOn));
    expect(Math.abs(a! - b!)).toBeLessThan(7 * 86_400_000);
    // The demo enterprise has its own.
    expect(list.filter((i) => i.enterpriseId === ids[0]).length).toBeGreaterThanOrEqual(3);
  });

  it('has policy applications in every state, with payouts on approved ones', async () => {
    const res = await leader.get('/api/policies/applications?pageSize=100');
    expect(res.statusCode, res.body).toBe(200);
    const apps = res.json().data as { id: string; status: string; enterpriseId: string }[];
    expect(new Set(apps.map((a) => a.status))).toEqual(new Set(['submitted', 'returned', 'approved', 'rejected']));
    expect(apps.some((a) => a.enterpriseId === ids[0])).toBe(true);
    const paid = await ctx.database.db.select().from(policyPayouts).where(eq(policyPayouts.zoneId, tenant.zoneId));
    expect(paid.length).toBeGreaterThanOrEqual(3);
    const approved = new Set(apps.filter((a) => a.status === 'approved').map((a) => a.id));
    expect(paid.every((p) => approved.has(p.applicationId))).toBe(true);
  });

  it('has members in every cultivation pool and a few step-ups', async () => {
    for (const tier of ['upscale', 'provincial', 'national', 'group']) {
      const res = await leader.get(`/api/services/tiers/members?tier=${tier}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().length, tier).toBeGreaterThan(0);
    }
    const moves = (await leader.get('/api/services/tiers/moves')).json() as {
      fromTier: string | null;
      direction: string;
    }[];
    expect(moves.filter((m) => m.fromTier !== null && m.direction === 'up').length).toBeGreaterThanOrEqual(3);
  });
});
