import { and, asc, desc, eq, inArray, notExists, type SQL, sql } from 'drizzle-orm';
import type { PolicyRules } from '../../../shared/policies';
import {
  type CultivationTier,
  cultivationTiers,
  type TierCriteriaInput,
  type TierMoveInput,
} from '../../../shared/tiers';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor } from '../../platform/db';
import { invalid } from '../../platform/errors';
import { enterprises } from '../enterprises/enterprises.tables';
import { eligibleWhere } from '../policies/policies.match';
import { shanghaiToday } from './services.rules';
import { cultivationCriteria, enterpriseTierMoves, enterpriseTiers } from './services.tables';

/** Default entry criteria of each pool (a zone overrides them); the 三台阶 read from the tags of the registry. */
export const DEFAULT_TIER_CRITERIA: Record<CultivationTier, PolicyRules> = {
  upscale: { all: [{ field: 'scale', op: 'eq', value: 'below' }] },
  provincial: {
    all: [
      { field: 'tag', op: 'has', value: '高新技术企业' },
      { field: 'tag', op: 'hasNot', value: '专精特新' },
    ],
  },
  national: {
    all: [
      { field: 'tag', op: 'has', value: '专精特新' },
      { field: 'tag', op: 'hasNot', value: '小巨人' },
    ],
  },
  group: { all: [{ field: 'tag', op: 'has', value: '小巨人' }] },
};

const rank = (t: CultivationTier | null) => (t === null ? -1 : cultivationTiers.indexOf(t));

export async function criteriaOf(ex: Executor, zoneId: string): Promise<Record<CultivationTier, PolicyRules>> {
  const rows = await ex.select().from(cultivationCriteria).where(eq(cultivationCriteria.zoneId, zoneId));
  const out = { ...DEFAULT_TIER_CRITERIA };
  for (const r of rows) out[r.tier] = r.rules;
  return out;
}

export async function setCriteria(db: Db, scope: ZoneScope, input: TierCriteriaInput) {
  return db.transaction(async (tx) => {
    const before = (await criteriaOf(tx, scope.zoneId))[input.tier];
    await tx
      .insert(cultivationCriteria)
      .values({ zoneId: scope.zoneId, tier: input.tier, rules: input.rules })
      .onConflictDoUpdate({
        target: [cultivationCriteria.zoneId, cultivationCriteria.tier],
        set: { rules: input.rules, updatedAt: new Date() },
      });
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'set_criteria',
      entity: 'cultivation_tier',
      entityId: null,
      before: { tier: input.tier, rules: before },
      after: input,
    });
    return criteriaOf(tx, scope.zoneId);
  });
}

/**
 * Candidates of a pool as of `on`: operating enterprises meeting its criteria that are not in this pool or a higher
 * one (an enterprise one step below, or in no pool, is a candidate to move up).
 */
export async function candidates(ex: Executor, scope: ZoneScope, tier: CultivationTier, on = shanghaiToday()) {
  const rules = (await criteriaOf(ex, scope.zoneId))[tier];
  const higherOrSame = cultivationTiers.filter((t) => rank(t) >= rank(tier));
  return ex
    .select({ enterpriseId: enterprises.id, enterpriseName: enterprises.name, currentTier: enterpriseTiers.tier })
    .from(enterprises)
    .leftJoin(enterpriseTiers, eq(enterpriseTiers.enterpriseId, enterprises.id))
    .where(
      and(
        eligibleWhere(scope.zoneId, rules, on),
        notExists(
          ex
            .select({ one: sql`1` })
            .from(enterpriseTiers)
            .where(and(eq(enterpriseTiers.enterpriseId, enterprises.id), inArray(enterpriseTiers.tier, higherOrSame))),
        ),
      ),
    )
    .orderBy(asc(enterprises.name))
    .limit(2000);
}

export async function members(ex: Executor, scope: ZoneScope, tier: CultivationTier) {
  return ex
    .select({
      enterpriseId: enterpriseTiers.enterpriseId,
      enterpriseName: enterprises.name,
      tier: enterpriseTiers.tier,
      since: enterpriseTiers.since,
    })
    .from(enterpriseTiers)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseTiers.enterpriseId))
    .where(and(eq(enterpriseTiers.zoneId, scope.zoneId), eq(enterpriseTiers.tier, tier)))
    .orderBy(asc(enterprises.name));
}

/** Put an enterprise into a pool (or take it out): the current pool changes and the movement is recorded. */
export async function moveTier(db: Db, scope: ZoneScope, input: TierMoveInput, now = new Date()) {
  const on = shanghaiToday(now);
  return db.transaction(async (tx) => {
    const [e] = await tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(and(eq(enterprises.zoneId, scope.zoneId), eq(enterprises.id, input.enterpriseId)));
    if (!e) throw invalid({ enterpriseId: 'UNKNOWN_REFERENCE' });
    const [cur] = await tx.select().from(enterpriseTiers).where(eq(enterpriseTiers.enterpriseId, e.id));
    const from = cur?.tier ?? null;
    if (from === input.tier) throw invalid({ tier: 'DUPLICATE_VALUE' });
    if (input.tier === null) await tx.delete(enterpriseTiers).where(eq(enterpriseTiers.enterpriseId, e.id));
    else {
      await tx
        .insert(enterpriseTiers)
        .values({ enterpriseId: e.id, zoneId: scope.zoneId, tier: input.tier, since: on })
        .onConflictDoUpdate({ target: enterpriseTiers.enterpriseId, set: { tier: input.tier, since: on } });
    }
    const [move] = await tx
      .insert(enterpriseTierMoves)
      .values({
        zoneId: scope.zoneId,
        enterpriseId: e.id,
        fromTier: from,
        toTier: input.tier,
        movedOn: on,
        note: input.note,
        createdBy: scope.actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'move',
      entity: 'cultivation_tier',
      entityId: e.id,
      before: { tier: from },
      after: move,
    });
    return { ...move!, direction: direction(from, input.tier) };
  });
}

function direction(from: CultivationTier | null, to: CultivationTier | null): 'up' | 'down' | 'out' {
  if (to === null) return 'out';
  return rank(to) > rank(from) ? 'up' : 'down';
}

/** The movements of the zone (newest first), e.g. to count how many stepped up this year. */
export async function moves(ex: Executor, scope: ZoneScope, enterpriseId?: string) {
  const where: SQL[] = [eq(enterpriseTierMoves.zoneId, scope.zoneId)];
  if (enterpriseId) where.push(eq(enterpriseTierMoves.enterpriseId, enterpriseId));
  const list = await ex
    .select({
      enterpriseId: enterpriseTierMoves.enterpriseId,
      enterpriseName: enterprises.name,
      fromTier: enterpriseTierMoves.fromTier,
      toTier: enterpriseTierMoves.toTier,
      movedOn: enterpriseTierMoves.movedOn,
      note: enterpriseTierMoves.note,
    })
    .from(enterpriseTierMoves)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseTierMoves.enterpriseId))
    .where(and(...where))
    .orderBy(desc(enterpriseTierMoves.createdAt))
    .limit(1000);
  return list.map((m) => ({ ...m, direction: direction(m.fromTier, m.toTier) }));
}
