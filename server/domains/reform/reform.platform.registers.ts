import { and, asc, count, eq, ilike, isNotNull, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { percent } from '../../../shared/reform';
import {
  type CooperationInput,
  type CooperationListQuery,
  cooperationKinds,
  type FinancingInput,
  type FinancingListQuery,
  matterStatuses,
  type PlatformSummary,
  yearlyInterestSaved,
} from '../../../shared/reform-platform';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor } from '../../platform/db';
import { likePattern, offsetOf, orderBy } from '../../platform/db/paging';
import { invalid, notFound } from '../../platform/errors';
import { registerConstraintField } from '../../platform/http/error-handler';
import {
  reformPlatformCooperation as coop,
  reformPlatformFinancing as fin,
  reformPlatformMatters as matters,
} from './reform.tables';

registerConstraintField('reform_platform_cooperation_zone_code_uq', 'code');
registerConstraintField('reform_platform_financing_zone_code_uq', 'code');
registerConstraintField('reform_platform_financing_replaces_uq', 'replacesId');

type Table = typeof coop | typeof fin;

async function audit(
  ex: Parameters<typeof recordAudit>[0],
  scope: ZoneScope,
  entity: string,
  action: string,
  id: string,
  before?: unknown,
  after?: unknown,
) {
  await recordAudit(ex, { actor: scope.actor, zoneId: scope.zoneId, action, entity, entityId: id, before, after });
}

// ---- cooperation list ----

export type CooperationRow = typeof coop.$inferSelect;
type CoopFilters = Omit<CooperationListQuery, 'current' | 'pageSize'>;

function coopQuery(scope: ZoneScope, q: CoopFilters) {
  const where: SQL[] = [eq(coop.zoneId, scope.zoneId)];
  if (q.kind) where.push(eq(coop.kind, q.kind));
  if (q.area) where.push(eq(coop.area, q.area));
  if (q.year) where.push(eq(coop.year, q.year));
  if (q.q) {
    const p = likePattern(q.q.trim());
    where.push(or(ilike(coop.title, p), ilike(coop.code, p), ilike(coop.counterparty, p)) as SQL);
  }
  const order = orderBy(
    q,
    { code: coop.code, year: coop.year, contractFen: coop.contractFen, kind: coop.kind },
    asc(coop.code),
    coop.id,
  );
  return { cond: and(...where), order };
}

export async function listCooperation(ex: Executor, scope: ZoneScope, q: CooperationListQuery) {
  const { cond, order } = coopQuery(scope, q);
  const [data, [total]] = await Promise.all([
    ex
      .select()
      .from(coop)
      .where(cond)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex.select({ n: count() }).from(coop).where(cond),
  ]);
  return { data, total: total?.n ?? 0 };
}

export async function cooperationPage(ex: Executor, scope: ZoneScope, q: CoopFilters, offset: number, limit: number) {
  const { cond, order } = coopQuery(scope, q);
  return ex
    .select()
    .from(coop)
    .where(cond)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
}

export async function getCooperation(ex: Executor, scope: ZoneScope, id: string) {
  const [row] = await ex
    .select()
    .from(coop)
    .where(and(eq(coop.zoneId, scope.zoneId), eq(coop.id, id)));
  return row;
}

/** Market work (清单外) is won in competition: it has no commission mode. */
const normaliseCoop = (v: CooperationInput) => ({ ...v, mode: v.kind === 'commissioned' ? v.mode : null });

export async function saveCooperation(db: Db, scope: ZoneScope, id: string | null, input: CooperationInput) {
  return db.transaction(async (tx) => {
    const before = id ? await getCooperation(tx, scope, id) : undefined;
    if (id && !before) throw notFound();
    const values = normaliseCoop(input);
    const [row] = id
      ? await tx
          .update(coop)
          .set({ ...values, updatedAt: new Date() })
          .where(and(eq(coop.zoneId, scope.zoneId), eq(coop.id, id)))
          .returning()
      : await tx
          .insert(coop)
          .values({ ...values, zoneId: scope.zoneId })
          .returning();
    await audit(tx, scope, 'reform_platform_cooperation', id ? 'update' : 'create', row!.id, before, row);
    return row!;
  });
}

async function remove(db: Db, scope: ZoneScope, table: Table, entity: string, id: string) {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(table)
      .where(and(eq(table.zoneId, scope.zoneId), eq(table.id, id)));
    if (!before) throw notFound();
    await tx.delete(table).where(and(eq(table.zoneId, scope.zoneId), eq(table.id, id)));
    await audit(tx, scope, entity, 'delete', id, before);
  });
}
export const deleteCooperation = (db: Db, scope: ZoneScope, id: string) =>
  remove(db, scope, coop, 'reform_platform_cooperation', id);

// ---- financing ----

const old = alias(fin, 'replaced');
export type FinancingRow = typeof fin.$inferSelect & {
  replacesCode: string | null;
  replacedRateBp: number | null;
  yearlyInterestSavedFen: number | null;
  replaced: boolean;
};
type FinFilters = Omit<FinancingListQuery, 'current' | 'pageSize'>;

function finQuery(scope: ZoneScope, q: FinFilters) {
  const where: SQL[] = [eq(fin.zoneId, scope.zoneId)];
  if (q.kind) where.push(eq(fin.kind, q.kind));
  if (q.refinancing) where.push(q.refinancing === 'true' ? isNotNull(fin.replacesId) : isNull(fin.replacesId));
  if (q.outstanding) {
    const later = sql`exists (select 1 from ${fin} as later where later.zone_id = ${fin.zoneId} and later.replaces_id = ${fin.id})`;
    where.push(q.outstanding === 'true' ? sql`not ${later}` : later);
  }
  if (q.q) {
    const p = likePattern(q.q.trim());
    where.push(or(ilike(fin.lender, p), ilike(fin.code, p)) as SQL);
  }
  const order = orderBy(
    q,
    { code: fin.code, startOn: fin.startOn, principalFen: fin.principalFen, rateBp: fin.rateBp },
    asc(fin.code),
    fin.id,
  );
  return { cond: and(...where), order };
}

const finCols = {
  f: fin,
  replacesCode: old.code,
  replacedRateBp: old.rateBp,
  // a later record refinances this one (the alias cannot be interpolated as a FROM item, hence the raw name)
  replaced: sql<boolean>`exists (select 1 from ${fin} as later where later.zone_id = ${fin.zoneId} and later.replaces_id = ${fin.id})`,
};
const finFrom = (ex: Executor) =>
  ex
    .select(finCols)
    .from(fin)
    .leftJoin(old, and(eq(old.id, fin.replacesId), eq(old.zoneId, fin.zoneId)));
const finFlat = (r: {
  f: typeof fin.$inferSelect;
  replacesCode: string | null;
  replacedRateBp: number | null;
  replaced: boolean;
}): FinancingRow => ({
  ...r.f,
  replacesCode: r.replacesCode,
  replacedRateBp: r.replacedRateBp,
  yearlyInterestSavedFen:
    r.replacedRateBp === null ? null : yearlyInterestSaved(r.f.principalFen, r.replacedRateBp, r.f.rateBp),
  replaced: r.replaced,
});

export async function listFinancing(ex: Executor, scope: ZoneScope, q: FinancingListQuery) {
  const { cond, order } = finQuery(scope, q);
  const [data, [total]] = await Promise.all([
    finFrom(ex)
      .where(cond)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex.select({ n: count() }).from(fin).where(cond),
  ]);
  return { data: data.map(finFlat), total: total?.n ?? 0 };
}

export async function financingPage(ex: Executor, scope: ZoneScope, q: FinFilters, offset: number, limit: number) {
  const { cond, order } = finQuery(scope, q);
  const rows = await finFrom(ex)
    .where(cond)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  return rows.map(finFlat);
}

export async function getFinancing(ex: Executor, scope: ZoneScope, id: string) {
  const [row] = await finFrom(ex).where(and(eq(fin.zoneId, scope.zoneId), eq(fin.id, id)));
  return row ? finFlat(row) : undefined;
}

/** A refinancing points at another record of the same zone, never at itself. */
async function assertReplaces(ex: Executor, scope: ZoneScope, input: FinancingInput, id: string | null) {
  if (!input.replacesId) return;
  const where = [eq(fin.zoneId, scope.zoneId), eq(fin.id, input.replacesId)];
  if (id) where.push(ne(fin.id, id));
  const [r] = await ex
    .select({ id: fin.id })
    .from(fin)
    .where(and(...where));
  if (!r) throw invalid({ replacesId: 'UNKNOWN_REFERENCE' });
}

export async function saveFinancing(db: Db, scope: ZoneScope, id: string | null, input: FinancingInput) {
  return db.transaction(async (tx) => {
    const before = id ? await getFinancing(tx, scope, id) : undefined;
    if (id && !before) throw notFound();
    await assertReplaces(tx, scope, input, id);
    const [row] = id
      ? await tx
          .update(fin)
          .set({ ...input, updatedAt: new Date() })
          .where(and(eq(fin.zoneId, scope.zoneId), eq(fin.id, id)))
          .returning()
      : await tx
          .insert(fin)
          .values({ ...input, zoneId: scope.zoneId })
          .returning();
    await audit(tx, scope, 'reform_platform_financing', id ? 'update' : 'create', row!.id, before, row);
    return (await getFinancing(tx, scope, row!.id))!;
  });
}
export const deleteFinancing = (db: Db, scope: ZoneScope, id: string) =>
  remove(db, scope, fin, 'reform_platform_financing', id);

// ---- summary ----

export async function platformSummary(ex: Executor, scope: ZoneScope): Promise<PlatformSummary> {
  const [m, c, f] = await Promise.all([
    ex
      .select({ status: matters.status, category: matters.category, n: count() })
      .from(matters)
      .where(eq(matters.zoneId, scope.zoneId))
      .groupBy(matters.status, matters.category),
    ex
      .select({ kind: coop.kind, n: count(), fen: sql<string>`coalesce(sum(${coop.contractFen}), 0)` })
      .from(coop)
      .where(eq(coop.zoneId, scope.zoneId))
      .groupBy(coop.kind),
    finFrom(ex).where(eq(fin.zoneId, scope.zoneId)),
  ]);
  const byStatus = Object.fromEntries(matterStatuses.map((s) => [s, 0])) as Record<
    (typeof matterStatuses)[number],
    number
  >;
  for (const r of m) byStatus[r.status] += r.n;
  const records = f.map(finFlat);
  const outstanding = records.filter((r) => !r.replaced);
  const outstandingFen = outstanding.reduce((a, r) => a + r.principalFen, 0);
  // principal-weighted average rate in hundredths of a basis point, integer arithmetic
  const weighted = outstanding.reduce((a, r) => a + BigInt(r.principalFen) * BigInt(r.rateBp), 0n);
  const avg = outstandingFen > 0 ? percent(Number(weighted / BigInt(outstandingFen)), 100) : null;
  const refinancing = records.filter((r) => r.replacesId);
  return {
    matters: {
      total: m.reduce((a, r) => a + r.n, 0),
      byStatus,
      categoriesUsed: new Set(m.map((r) => r.category)).size,
    },
    cooperation: cooperationKinds.map((kind) => {
      const row = c.find((r) => r.kind === kind);
      return { kind, items: row?.n ?? 0, contractFen: Number(row?.fen ?? 0) };
    }),
    financing: {
      outstandingFen,
      avgRateBp: avg,
      refinancedFen: refinancing.reduce((a, r) => a + r.principalFen, 0),
      yearlyInterestSavedFen: refinancing.reduce((a, r) => a + (r.yearlyInterestSavedFen ?? 0), 0),
    },
  };
}
