import { createHash } from 'node:crypto';
import { and, eq, ne, type SQL } from 'drizzle-orm';
import type { TimelineItem } from '../../../shared/enterprises';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor, Tx } from '../../platform/db';
import type { Jobs } from '../../platform/jobs';
import { registerTimelineSource } from '../enterprises/enterprises.timeline';
import { daysBetween, shiftDays } from './land.review';
import { idleVerdict, latePenalty } from './land.rules';
import { landContracts, landParcels, landReviews } from './land.tables';

export const LAND_IDLE_QUEUE = 'land-idle-daily';

/** Today in China (Asia/Shanghai), YYYY-MM-DD. */
import { todayInChina as chinaToday } from '../../../shared/china-time';

export { chinaToday };

/**
 * Late-start and late-completion penalty accrued up to asOf (land price × rate × days; government-caused days
 * excluded): a start or completion still missing counts up to asOf, one that happened counts up to its day.
 */
export function accruedLateFen(c: typeof landContracts.$inferSelect, asOf: string): number {
  const lateTo = (due: string, done: string | null) => Math.max(0, daysBetween(due, done ?? asOf));
  const start = lateTo(shiftDays(c.agreedStartOn, c.governmentCauseDays), c.startedOn);
  const completion = lateTo(shiftDays(c.agreedCompletionOn, c.governmentCauseDays), c.completedOn);
  const price = BigInt(c.landPriceFen);
  const ppm = BigInt(c.latePenaltyPpm);
  return Number(latePenalty(price, ppm, start).fen + latePenalty(price, ppm, completion).fen);
}

/**
 * The daily idle-land evaluation (53号令, DOMAIN.md §7): every contracted parcel not reclaimed is judged as of asOf
 * (not started a year after the agreed start; or < 1/3 developed or < 25 % invested and suspended a year;
 * government-caused delay extends the dates ≤ 1 year). Idle parcels get the idle-fee (20 %) or reclaim (2 years)
 * proposal; a parcel that stops being idle is marked revitalised (盘活). One audit event per changed parcel.
 */
export function runIdleEvaluation(db: Db, asOf: string, zoneId?: string) {
  return evaluateIdle(db, asOf, zoneId, (fn) => db.transaction(fn));
}

/** The evaluation on any executor; `atomically` wraps each parcel's update (a transaction, or the caller's one). */
export async function evaluateIdle(
  db: Executor,
  asOf: string,
  zoneId: string | undefined,
  atomically: (fn: (tx: Tx) => Promise<void>) => Promise<void>,
) {
  const where: SQL[] = [ne(landParcels.status, 'reclaimed')];
  if (zoneId) where.push(eq(landContracts.zoneId, zoneId));
  const rows = await db
    .select({ c: landContracts, p: landParcels })
    .from(landContracts)
    .innerJoin(landParcels, eq(landParcels.id, landContracts.parcelId))
    .where(and(...where));
  let idle = 0;
  let revitalised = 0;
  for (const { c, p } of rows) {
    const v = idleVerdict(
      {
        agreedStartOn: c.agreedStartOn,
        startedOn: c.startedOn,
        developedShare: c.developedPercent / 100,
        investedShare: c.investedPercent / 100,
        suspendedSince: c.suspendedSince,
        governmentCauseDays: c.governmentCauseDays,
        landPriceFen: BigInt(c.landPriceFen),
      },
      asOf,
    );
    if (v.idle) idle++;
    const next = {
      idle: v.idle,
      idleReason: v.idle ? v.reason : null,
      idleSince: v.idleSince,
      idleProposal: v.proposal,
      idleFeeFen: Number(v.feeFen),
      idleEvaluatedOn: asOf,
      revitalisedOn: p.idle && !v.idle ? asOf : p.revitalisedOn,
    };
    if (p.idle && !v.idle) revitalised++;
    const changed =
      p.idle !== next.idle ||
      p.idleReason !== next.idleReason ||
      p.idleSince !== next.idleSince ||
      p.idleProposal !== next.idleProposal ||
      p.idleFeeFen !== next.idleFeeFen;
    const accrued = accruedLateFen(c, asOf);
    await atomically(async (tx) => {
      await tx.update(landParcels).set(next).where(eq(landParcels.id, p.id));
      if (accrued !== c.accruedPenaltyFen) {
        await tx.update(landContracts).set({ accruedPenaltyFen: accrued }).where(eq(landContracts.id, c.id));
      }
      if (changed) {
        await recordAudit(tx, {
          actor: null,
          zoneId: p.zoneId,
          action: 'idle_evaluation',
          entity: 'land_parcel',
          entityId: p.id,
          before: { idle: p.idle, idleProposal: p.idleProposal },
          after: { ...next, extensionDays: v.extensionDays },
        });
      }
    });
  }
  return { asOf, evaluated: rows.length, idle, revitalised };
}

/** A stable job id per day, so every server's hourly sweep enqueues the day's evaluation once. */
export function dailyJobId(day: string): string {
  const h = createHash('sha256').update(`${LAND_IDLE_QUEUE}:${day}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Queue definition: the handler evaluates every zone; onStart (and hourly) enqueues today's run once. */
export function idleQueue(db: Db, jobs: Jobs) {
  return {
    name: LAND_IDLE_QUEUE,
    retryLimit: 2,
    retryDelaySeconds: 60,
    expireInSeconds: 30 * 60,
    handler: (data: { asOf?: string }) => runIdleEvaluation(db, data.asOf ?? chinaToday()),
    repeatOnStartSeconds: 3600,
    onStart: async () => {
      const day = chinaToday();
      await jobs.send(LAND_IDLE_QUEUE, { asOf: day }, { id: dailyJobId(day) });
    },
  };
}

/** Enterprise timeline: standard-land contracts signed, reviews, and idle-land findings on its parcels. */
export function registerLandTimeline(): void {
  registerTimelineSource('land', async (ex: Executor, scope: ZoneScope, enterpriseId: string) => {
    const at = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString();
    const [contracts, reviews, idle] = await Promise.all([
      ex
        .select({ id: landContracts.id, no: landContracts.contractNo, signedOn: landContracts.signedOn })
        .from(landContracts)
        .where(and(eq(landContracts.zoneId, scope.zoneId), eq(landContracts.enterpriseId, enterpriseId))),
      ex
        .select({ r: landReviews, no: landContracts.contractNo })
        .from(landReviews)
        .innerJoin(landContracts, eq(landContracts.id, landReviews.contractId))
        .where(and(eq(landReviews.zoneId, scope.zoneId), eq(landContracts.enterpriseId, enterpriseId))),
      ex
        .select({
          id: landParcels.id,
          code: landParcels.code,
          since: landParcels.idleSince,
          proposal: landParcels.idleProposal,
        })
        .from(landParcels)
        .where(
          and(
            eq(landParcels.zoneId, scope.zoneId),
            eq(landParcels.enterpriseId, enterpriseId),
            eq(landParcels.idle, true),
          ),
        ),
    ]);
    const items: TimelineItem[] = [];
    for (const c of contracts)
      items.push({
        id: `land-contract:${c.id}`,
        at: at(c.signedOn),
        source: 'land',
        action: 'land_contract_signed',
        actorName: null,
        fields: [],
        summary: c.no,
      });
    for (const { r, no } of reviews)
      items.push({
        id: `land-review:${r.id}`,
        at: at(r.reviewedOn),
        source: 'land',
        action: r.kind === 'completion' ? 'land_completion_review' : 'land_production_review',
        actorName: null,
        fields: [],
        summary: `${no} · ${r.passed ? '✓' : '✗'} ${(r.totalPenaltyFen / 100).toFixed(2)}`,
      });
    for (const p of idle)
      if (p.since)
        items.push({
          id: `land-idle:${p.id}`,
          at: at(p.since),
          source: 'land',
          action: 'land_idle',
          actorName: null,
          fields: [],
          summary: `${p.code} · ${p.proposal}`,
        });
    return items;
  });
}
