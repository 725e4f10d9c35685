import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../shared/credit-code';
import { Random } from '../../seed/random';
import { makeTenant, type Tenant } from '../../test/factories';
import { createTestContext, type TestContext } from '../../test/harness';
import { enterprises } from '../enterprises/enterprises.tables';
import { seedApproval } from './approval.seed';
import { approvalCaseEvents, approvalCases, approvalNotices } from './approval.tables';

/**
 * The demo's case histories carry the documents their steps imply (DOMAIN.md §2 Documents): a recorded notice for
 * every suspension, resumption, extension and non-acceptance, numbered per case; the acceptance slip, the
 * missing-materials notice and the decision print from the case fields the same steps set. Deterministic.
 */
let ctx: TestContext;
let tenant: Tenant;
const TODAY = '2026-11-20';
// Case ids and numbers come from the seed's PRNG: a per-run seed keeps reruns on the shared PostgreSQL apart.
const SEED = 1 + (Date.now() % 1_000_000);

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await makeTenant(ctx.app);
  await ctx.database.db.insert(enterprises).values(
    [1, 2, 3].map((i) => {
      const first17 = `91430900MA4Q0SD${i}0`;
      return {
        zoneId: tenant.zoneId,
        creditCode: first17 + creditCodeCheckChar(first17),
        name: `演示审批企业${i}`,
        industryCode: '382',
        industrySection: 'C',
      };
    }),
  );
}, 180_000);
afterAll(() => ctx.close());

const depts = () => new Map(['CFJT', 'GJJ', 'JFJ', 'ZWZX'].map((c) => [c, tenant.deptA.id]));
const noticesOf = (zoneId: string) =>
  ctx.database.db
    .select()
    .from(approvalNotices)
    .where(eq(approvalNotices.zoneId, zoneId))
    .orderBy(asc(approvalNotices.noticeNo));

describe('demo seed: notices implied by each case history', () => {
  it('same seed, same notices; every notice-issuing step has its notice and nothing else does', {
    timeout: 120_000,
  }, async () => {
    const db = ctx.database.db;
    // A first run rolled back, then the kept one: both must issue exactly the same documents.
    let firstRun: Awaited<ReturnType<typeof noticesOf>> = [];
    await db
      .transaction(async (tx) => {
        await seedApproval(tx, new Random(SEED), tenant.zoneId, depts(), TODAY);
        firstRun = await tx
          .select()
          .from(approvalNotices)
          .where(eq(approvalNotices.zoneId, tenant.zoneId))
          .orderBy(asc(approvalNotices.noticeNo));
        throw new Error('rollback');
      })
      .catch((e: Error) => {
        if (e.message !== 'rollback') throw e;
      });
    await db.transaction((tx) => seedApproval(tx, new Random(SEED), tenant.zoneId, depts(), TODAY));
    const notices = await noticesOf(tenant.zoneId);
    const strip = (n: (typeof notices)[number]) => ({ ...n, id: undefined });
    expect(notices.length).toBeGreaterThan(10);
    expect(notices.map(strip)).toEqual(firstRun.map(strip));

    const events = await db.select().from(approvalCaseEvents).where(eq(approvalCaseEvents.zoneId, tenant.zoneId));
    const kindOf: Record<string, string> = {
      suspend: 'suspension',
      resume: 'resumption',
      extend: 'extension',
      not_accept: 'not_accepted',
    };
    const expected = events
      .filter((e) => kindOf[e.action])
      .map((e) => `${e.caseId} ${kindOf[e.action]} ${e.on}`)
      .sort();
    expect(notices.map((n) => `${n.caseId} ${n.kind} ${n.issuedOn}`).sort()).toEqual(expected);
    for (const kind of ['suspension', 'resumption', 'not_accepted']) {
      expect(
        notices.some((n) => n.kind === kind),
        kind,
      ).toBe(true);
    }
    // A resumption names the suspension it ends and the working days kept off the clock (at most the cap).
    for (const n of notices.filter((x) => x.kind === 'resumption')) {
      expect(n.content.suspendedFrom! < n.issuedOn).toBe(true);
      expect(n.content.suspendedWorkdays).toBeGreaterThanOrEqual(0);
      expect(n.content.suspendedWorkdays).toBeLessThanOrEqual(n.content.capWorkdays!);
    }

    // The generated documents: accepted → acceptance slip, correction asked → missing-materials notice, decided →
    // decision; the case fields they print from are set by the same steps.
    const cases = await db.select().from(approvalCases).where(eq(approvalCases.zoneId, tenant.zoneId));
    const stepsOf = (id: string) => new Set(events.filter((e) => e.caseId === id).map((e) => e.action));
    for (const c of cases) {
      const steps = stepsOf(c.id);
      if (steps.has('accept')) expect(c.acceptedOn).not.toBeNull();
      expect(c.correctionList.length > 0).toBe(steps.has('request_correction'));
      if (steps.has('approve') || steps.has('deny')) expect(c.decidedOn).not.toBeNull();
    }
  });

  it('the case page lists a seeded case’s suspension and resumption notices in order', async () => {
    const db = ctx.database.db;
    const [resumed] = await db
      .select({ caseId: approvalNotices.caseId })
      .from(approvalNotices)
      .where(and(eq(approvalNotices.zoneId, tenant.zoneId), eq(approvalNotices.kind, 'resumption')))
      .limit(1);
    const leader = await tenant.as('zone_leader');
    const res = await leader.get(`/api/approval/cases/${resumed!.caseId}`);
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json();
    const kinds = detail.notices.map((n: { kind: string }) => n.kind);
    expect(kinds.indexOf('suspension')).toBeGreaterThanOrEqual(0);
    expect(kinds.indexOf('resumption')).toBeGreaterThan(kinds.indexOf('suspension'));
    const resume = detail.events.find((e: { action: string }) => e.action === 'resume');
    const notice = detail.notices.find((n: { kind: string }) => n.kind === 'resumption');
    expect(notice.issuedOn).toBe(resume.on);
    expect(notice.noticeNo).toBe(`${detail.caseNo}-HF1`);
  });
});
