import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type {
  ApplicationInput,
  ApplicationListQuery,
  ApplicationReview,
  ApplicationStatus,
  PayoutInput,
} from '../../../shared/policies';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor, Tx } from '../../platform/db';
import { offsetOf, orderBy } from '../../platform/db/paging';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors';
import { enterprises } from '../enterprises/enterprises.tables';
import { assertFilesUsable } from '../files/files.service';
import { shanghaiToday } from '../services/services.rules';
import { policyApplications as apps, policies, policyMatches, policyPayouts } from './policies.tables';

const paidFen = sql<number>`(select coalesce(sum(${policyPayouts.amountFen}), 0)::bigint
  from ${policyPayouts} where ${policyPayouts.applicationId} = ${apps.id})`.mapWith(Number);

/** Staff see the zone's applications; an enterprise its own only. */
function appScope(scope: ZoneScope): SQL {
  const base = eq(apps.zoneId, scope.zoneId);
  if (scope.actor.role !== 'enterprise') return base;
  return scope.enterpriseId ? (and(base, eq(apps.enterpriseId, scope.enterpriseId)) as SQL) : sql`false`;
}

function select(ex: Executor) {
  return ex
    .select({ a: apps, policyTitle: policies.title, enterpriseName: enterprises.name, paidFen })
    .from(apps)
    .innerJoin(policies, eq(policies.id, apps.policyId))
    .innerJoin(enterprises, eq(enterprises.id, apps.enterpriseId));
}
type Selected = Awaited<ReturnType<ReturnType<typeof select>['where']>>[number];
const flatten = (r: Selected) => ({
  ...r.a,
  policyTitle: r.policyTitle,
  enterpriseName: r.enterpriseName,
  paidFen: r.paidFen,
});
export type ApplicationRow = ReturnType<typeof flatten>;

export async function getApplication(ex: Executor, scope: ZoneScope, id: string) {
  const [r] = await select(ex).where(and(appScope(scope), eq(apps.id, id)));
  return r ? flatten(r) : undefined;
}

export async function listApplications(ex: Executor, scope: ZoneScope, q: ApplicationListQuery) {
  const where: SQL[] = [appScope(scope)];
  if (q.policyId) where.push(eq(apps.policyId, q.policyId));
  if (q.status) where.push(eq(apps.status, q.status));
  if (q.q) where.push(sql`(${enterprises.name} ilike ${`%${q.q}%`} or ${policies.title} ilike ${`%${q.q}%`})`);
  const cond = and(...where);
  const order = orderBy(q, { submittedOn: apps.submittedOn, decidedOn: apps.decidedOn }, desc(apps.updatedAt), apps.id);
  const [data, [total]] = await Promise.all([
    select(ex)
      .where(cond)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex
      .select({ n: count() })
      .from(apps)
      .innerJoin(policies, eq(policies.id, apps.policyId))
      .innerJoin(enterprises, eq(enterprises.id, apps.enterpriseId))
      .where(cond),
  ]);
  return { data: data.map(flatten), total: total?.n ?? 0 };
}

async function audit(tx: Tx, scope: ZoneScope, action: string, before: ApplicationRow | null, id: string) {
  const after = await getApplication(tx, scope, id);
  await recordAudit(tx, {
    actor: scope.actor,
    zoneId: scope.zoneId,
    action,
    entity: 'policy_application',
    entityId: id,
    before,
    after,
  });
  return after!;
}

const wrongState = (status: ApplicationStatus) => new AppError(409, 'APPLICATION_WRONG_STATE', { status });

/**
 * 统一申报: an enterprise applies for a published policy that takes applications and that it was matched to at
 * publication (the eligible set); once per policy.
 */
export async function applyForPolicy(
  db: Db,
  scope: ZoneScope,
  policyId: string,
  input: ApplicationInput,
  now = new Date(),
) {
  if (scope.actor.role !== 'enterprise' || !scope.enterpriseId) throw forbidden();
  const enterpriseId = scope.enterpriseId;
  return db.transaction(async (tx) => {
    const [p] = await tx
      .select()
      .from(policies)
      .where(and(eq(policies.zoneId, scope.zoneId), eq(policies.id, policyId)));
    if (!p || p.status === 'draft') throw notFound();
    if (p.status !== 'published' || p.mode !== 'apply') throw new AppError(409, 'POLICY_NOT_OPEN');
    const [m] = await tx
      .select({ id: policyMatches.enterpriseId })
      .from(policyMatches)
      .where(and(eq(policyMatches.policyId, policyId), eq(policyMatches.enterpriseId, enterpriseId)));
    if (!m) throw notFound();
    const [existing] = await tx
      .select({ id: apps.id })
      .from(apps)
      .where(and(eq(apps.policyId, policyId), eq(apps.enterpriseId, enterpriseId)));
    if (existing) throw new AppError(409, 'APPLICATION_EXISTS');
    await assertFilesUsable(tx, scope, input.fileIds, 'fileIds');
    const [row] = await tx
      .insert(apps)
      .values({
        zoneId: scope.zoneId,
        policyId,
        enterpriseId,
        status: 'submitted',
        statement: input.statement,
        fileIds: input.fileIds,
        submittedOn: shanghaiToday(now),
      })
      .returning({ id: apps.id });
    return audit(tx, scope, 'submit', null, row!.id);
  });
}

/** 补正: the enterprise resubmits an application returned for correction. */
export async function resubmitApplication(
  db: Db,
  scope: ZoneScope,
  id: string,
  input: ApplicationInput,
  now = new Date(),
) {
  if (scope.actor.role !== 'enterprise') throw forbidden();
  return db.transaction(async (tx) => {
    const before = await getApplication(tx, scope, id);
    if (!before) throw notFound();
    if (before.status !== 'returned') throw wrongState(before.status);
    await assertFilesUsable(tx, scope, input.fileIds, 'fileIds');
    await tx
      .update(apps)
      .set({
        status: 'submitted',
        statement: input.statement,
        fileIds: input.fileIds,
        submittedOn: shanghaiToday(now),
        updatedAt: now,
      })
      .where(eq(apps.id, id));
    return audit(tx, scope, 'resubmit', before, id);
  });
}

/** 统一受理 / 审核: return for correction, reject, or approve with the award (the policy's amount by default). */
export async function reviewApplication(
  db: Db,
  scope: ZoneScope,
  id: string,
  input: ApplicationReview,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const before = await getApplication(tx, scope, id);
    if (!before) throw notFound();
    if (before.status !== 'submitted') throw wrongState(before.status);
    const today = shanghaiToday(now);
    if (input.decision === 'return') {
      await tx
        .update(apps)
        .set({ status: 'returned', reviewNote: input.note, returnCount: before.returnCount + 1, updatedAt: now })
        .where(eq(apps.id, id));
    } else if (input.decision === 'reject') {
      await tx
        .update(apps)
        .set({ status: 'rejected', reviewNote: input.note, decidedOn: today, updatedAt: now })
        .where(eq(apps.id, id));
    } else {
      const [p] = await tx
        .select({ amountFen: policies.amountFen })
        .from(policies)
        .where(eq(policies.id, before.policyId));
      const award = input.awardFen ?? p?.amountFen ?? null;
      if (!award) throw invalid({ awardFen: 'AWARD_REQUIRED' });
      await tx
        .update(apps)
        .set({ status: 'approved', reviewNote: input.note || null, awardFen: award, decidedOn: today, updatedAt: now })
        .where(eq(apps.id, id));
    }
    return audit(tx, scope, input.decision, before, id);
  });
}

/** 兑现: a payment on an approved application; the payments never add up to more than the award. */
export async function recordPayout(db: Db, scope: ZoneScope, id: string, input: PayoutInput, now = new Date()) {
  if (input.paidOn > shanghaiToday(now)) throw invalid({ paidOn: 'DATE_IN_FUTURE' });
  return db.transaction(async (tx) => {
    // Lock the application so two payouts recorded at once cannot both pass the ceiling check.
    await tx.execute(sql`select 1 from ${apps} where ${apps.id} = ${id} for update`);
    const before = await getApplication(tx, scope, id);
    if (!before) throw notFound();
    if (before.status !== 'approved') throw wrongState(before.status);
    if (before.paidFen + input.amountFen > (before.awardFen ?? 0)) throw invalid({ amountFen: 'PAYOUT_EXCEEDS_AWARD' });
    await tx
      .insert(policyPayouts)
      .values({ zoneId: scope.zoneId, applicationId: id, ...input, createdBy: scope.actor.userId });
    return audit(tx, scope, 'payout', before, id);
  });
}

export async function listPayouts(ex: Executor, scope: ZoneScope, id: string) {
  const a = await getApplication(ex, scope, id);
  if (!a) throw notFound();
  return ex.select().from(policyPayouts).where(eq(policyPayouts.applicationId, id)).orderBy(asc(policyPayouts.paidOn));
}

/** 免申即享: at publication of an 'auto' policy, every matched enterprise gets an approved application. */
export async function grantAutomatically(
  tx: Tx,
  scope: ZoneScope,
  policy: { id: string; amountFen: number | null },
  enterpriseIds: readonly string[],
  on: string,
) {
  if (enterpriseIds.length === 0) return 0;
  await tx.insert(apps).values(
    enterpriseIds.map((enterpriseId) => ({
      zoneId: scope.zoneId,
      policyId: policy.id,
      enterpriseId,
      status: 'approved' as const,
      autoGranted: true,
      submittedOn: on,
      decidedOn: on,
      awardFen: policy.amountFen,
    })),
  );
  return enterpriseIds.length;
}

/** 统一公开: approved awards of a zone's policies, for the public disclosure page (no login). */
export async function disclosure(ex: Executor, zoneId: string) {
  return ex
    .select({
      policyId: policies.id,
      policyTitle: policies.title,
      enterpriseName: enterprises.name,
      creditCode: enterprises.creditCode,
      awardFen: sql<number>`coalesce(${apps.awardFen}, 0)`.mapWith(Number),
      paidFen,
      autoGranted: apps.autoGranted,
      decidedOn: sql<string>`${apps.decidedOn}::text`,
    })
    .from(apps)
    .innerJoin(policies, eq(policies.id, apps.policyId))
    .innerJoin(enterprises, eq(enterprises.id, apps.enterpriseId))
    .where(and(eq(apps.zoneId, zoneId), eq(apps.status, 'approved'), sql`${apps.awardFen} is not null`))
    .orderBy(desc(apps.decidedOn), policies.title, enterprises.name)
    .limit(2000);
}
