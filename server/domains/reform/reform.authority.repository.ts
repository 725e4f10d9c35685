import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { AuthorityCounts, AuthorityItemListQuery } from '../../../shared/reform';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { likePattern, offsetOf, orderBy } from '../../platform/db/paging';
import { reformAuthorityItems as items, reformAuthorityVersions as versions } from './reform.tables';

export type VersionRow = typeof versions.$inferSelect & { counts: AuthorityCounts };
export type ItemRow = typeof items.$inferSelect;

const n = (cond: SQL) => sql<number>`count(*) filter (where ${cond})::int`;
const countColumns = {
  versionId: items.versionId,
  total: sql<number>`count(*)::int`,
  active: n(sql`${items.source} in ('retained','empowered')`),
  retained: n(sql`${items.source} = 'retained'`),
  empowered: n(sql`${items.source} = 'empowered'`),
  cancelled: n(sql`${items.source} = 'cancelled'`),
  transferred: n(sql`${items.source} = 'transferred'`),
  // 一章通办 / 见章跟章 are counted over the powers the zone exercises.
  full: n(sql`${items.source} in ('retained','empowered') and ${items.handling} = 'full'`),
  acceptOnly: n(sql`${items.source} in ('retained','empowered') and ${items.handling} = 'accept_only'`),
};
const zeroCounts: AuthorityCounts = {
  total: 0,
  active: 0,
  retained: 0,
  empowered: 0,
  cancelled: 0,
  transferred: 0,
  full: 0,
  acceptOnly: 0,
};

async function countsOf(ex: Executor, scope: ZoneScope, versionId?: string) {
  const rows = await ex
    .select(countColumns)
    .from(items)
    .where(and(eq(items.zoneId, scope.zoneId), versionId ? eq(items.versionId, versionId) : undefined))
    .groupBy(items.versionId);
  return new Map(rows.map(({ versionId: id, ...c }) => [id, c]));
}

/** Every version of the zone, newest first, with item counts. */
export async function listVersions(ex: Executor, scope: ZoneScope): Promise<VersionRow[]> {
  const [rows, counts] = await Promise.all([
    ex.select().from(versions).where(eq(versions.zoneId, scope.zoneId)).orderBy(desc(versions.versionNo)),
    countsOf(ex, scope),
  ]);
  return rows.map((v) => ({ ...v, counts: counts.get(v.id) ?? zeroCounts }));
}

export async function getVersion(ex: Executor, scope: ZoneScope, id: string): Promise<VersionRow | undefined> {
  const [v] = await ex
    .select()
    .from(versions)
    .where(and(eq(versions.zoneId, scope.zoneId), eq(versions.id, id)));
  if (!v) return undefined;
  const counts = await countsOf(ex, scope, id);
  return { ...v, counts: counts.get(id) ?? zeroCounts };
}

export async function currentDraft(ex: Executor, scope: ZoneScope) {
  const [v] = await ex
    .select()
    .from(versions)
    .where(and(eq(versions.zoneId, scope.zoneId), eq(versions.status, 'draft')));
  return v;
}

export async function latestPublished(ex: Executor, scope: ZoneScope) {
  const [v] = await ex
    .select()
    .from(versions)
    .where(and(eq(versions.zoneId, scope.zoneId), eq(versions.status, 'published')))
    .orderBy(desc(versions.versionNo))
    .limit(1);
  return v;
}

function itemQuery(scope: ZoneScope, versionId: string, q: Omit<AuthorityItemListQuery, 'current' | 'pageSize'>) {
  const where: SQL[] = [eq(items.zoneId, scope.zoneId), eq(items.versionId, versionId)];
  if (q.source) where.push(eq(items.source, q.source));
  if (q.mode) where.push(eq(items.mode, q.mode));
  if (q.handling) where.push(eq(items.handling, q.handling));
  if (q.q) {
    const p = likePattern(q.q.trim());
    where.push(or(ilike(items.name, p), ilike(items.code, p), ilike(items.grantingDept, p)) as SQL);
  }
  const order = orderBy(
    q,
    { code: items.code, name: items.name, source: items.source, grantingDept: items.grantingDept },
    asc(items.code),
    items.id,
  );
  return { cond: and(...where), order };
}

export async function listItems(ex: Executor, scope: ZoneScope, versionId: string, q: AuthorityItemListQuery) {
  const { cond, order } = itemQuery(scope, versionId, q);
  const [data, [total]] = await Promise.all([
    ex
      .select()
      .from(items)
      .where(cond)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex.select({ n: count() }).from(items).where(cond),
  ]);
  return { data, total: total?.n ?? 0 };
}

export function itemPage(
  ex: Executor,
  scope: ZoneScope,
  versionId: string,
  q: Omit<AuthorityItemListQuery, 'current' | 'pageSize'>,
  offset: number,
  limit: number,
): Promise<ItemRow[]> {
  const { cond, order } = itemQuery(scope, versionId, q);
  return ex
    .select()
    .from(items)
    .where(cond)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
}

export async function getItem(ex: Executor, scope: ZoneScope, id: string): Promise<ItemRow | undefined> {
  const [row] = await ex
    .select()
    .from(items)
    .where(and(eq(items.zoneId, scope.zoneId), eq(items.id, id)));
  return row;
}

export function allItems(ex: Executor, scope: ZoneScope, versionId: string): Promise<ItemRow[]> {
  return ex
    .select()
    .from(items)
    .where(and(eq(items.zoneId, scope.zoneId), eq(items.versionId, versionId)))
    .orderBy(asc(items.code));
}

/**
 * For other domains (approval's service catalogue): the powers the zone exercises under its latest published
 * version — sources retained/empowered — by stable code.
 */
export async function publishedAuthorityItems(ex: Executor, zoneId: string) {
  const [v] = await ex
    .select({ id: versions.id })
    .from(versions)
    .where(and(eq(versions.zoneId, zoneId), eq(versions.status, 'published')))
    .orderBy(desc(versions.versionNo))
    .limit(1);
  if (!v) return [];
  return ex
    .select()
    .from(items)
    .where(and(eq(items.zoneId, zoneId), eq(items.versionId, v.id), sql`${items.source} in ('retained','empowered')`))
    .orderBy(asc(items.code));
}
