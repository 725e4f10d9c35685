import { and, arrayContains, asc, count, desc, eq, ilike, like, or, type SQL, sql } from 'drizzle-orm';
import type { Enterprise, EnterpriseListQuery, TimelineItem } from '../../../shared/enterprises';
import { industryEntry } from '../../../shared/industry-codes';
import type { ZoneScope } from '../../platform/access';
import { auditEvents } from '../../platform/audit.tables';
import type { Executor } from '../../platform/db';
import { likePattern, offsetOf, orderBy } from '../../platform/db/paging';
import { type Binder, binder, bindWith, cachedStatement } from '../../platform/db/statements';
import { staff } from '../org/org.tables';
import { subParks } from '../tenancy/tenancy.tables';
import { enterprises } from './enterprises.tables';

/** An enterprise as the API presents it (timestamps as ISO strings). */
export type EnterpriseRow = Enterprise;

/**
 * The zone, and for an enterprise user only its own record (an enterprise account without an enterprise sees
 * nothing). Service officers and department roles see the whole zone's registry: it is not department-owned.
 */
export function enterpriseScope(scope: ZoneScope, b?: Binder): SQL {
  const v = bindWith(b);
  if (scope.actor.role === 'enterprise' && !scope.enterpriseId) return sql`false`;
  const base = eq(enterprises.zoneId, v('zoneId', scope.zoneId));
  if (scope.actor.role !== 'enterprise') return base;
  return and(base, eq(enterprises.id, v('enterpriseId', scope.enterpriseId ?? ''))) as SQL; // checked above
}

const columns = { e: enterprises, subParkName: subParks.name, serviceOfficerName: staff.name };

/**
 * One row of the registry as the API sends it. Written out field by field on purpose: `{ ...r.e, subParkName, … }`
 * (new properties after a spread) takes a slow path in V8 and made building a 20-row page cost more than reading it
 * from PostgreSQL; a literal of fixed shape is also what the response serializer reads fastest.
 */
function flatten(r: {
  e: typeof enterprises.$inferSelect;
  subParkName: string | null;
  serviceOfficerName: string | null;
}): EnterpriseRow {
  const e = r.e;
  return {
    id: e.id,
    zoneId: e.zoneId,
    creditCode: e.creditCode,
    name: e.name,
    namePinyin: e.namePinyin,
    nameInitials: e.nameInitials,
    subParkId: e.subParkId,
    subParkName: r.subParkName,
    industryCode: e.industryCode,
    industrySection: e.industrySection,
    industryName: industryEntry(e.industryCode)?.name ?? '',
    scale: e.scale,
    tags: e.tags,
    landMu: e.landMu,
    buildingM2: e.buildingM2,
    legalRep: e.legalRep,
    contacts: e.contacts,
    serviceOfficerId: e.serviceOfficerId,
    serviceOfficerName: r.serviceOfficerName,
    establishedOn: e.establishedOn,
    status: e.status,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** 'abc' → 'abc%' with LIKE wildcards escaped (prefix search can use a text_pattern_ops index). */
function prefixPattern(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** WHERE and ORDER BY of the list (also used by the benchmark's bare baseline through the same SQL). */
export function enterpriseQuery(scope: ZoneScope, q: Omit<EnterpriseListQuery, 'current' | 'pageSize'>, b?: Binder) {
  const v = bindWith(b);
  const where: SQL[] = [enterpriseScope(scope, b)];
  if (q.subParkId) where.push(eq(enterprises.subParkId, v('subParkId', q.subParkId)));
  if (q.scale) where.push(eq(enterprises.scale, v('scale', q.scale)));
  if (q.status) where.push(eq(enterprises.status, v('status', q.status)));
  if (q.serviceOfficerId) where.push(eq(enterprises.serviceOfficerId, v('serviceOfficerId', q.serviceOfficerId)));
  if (q.tag) where.push(arrayContains(enterprises.tags, v('tag', [q.tag])));
  if (q.industry) {
    where.push(
      /^[A-Z]$/.test(q.industry)
        ? eq(enterprises.industrySection, v('industrySection', q.industry))
        : like(enterprises.industryCode, v('industryCode', prefixPattern(q.industry))),
    );
  }
  if (q.q) {
    const text = q.q.trim();
    const any: SQL[] = [ilike(enterprises.name, v('qName', likePattern(text)))];
    if (/^[0-9A-Za-z]+$/.test(text)) {
      const lower = text.toLowerCase();
      any.push(like(enterprises.creditCode, v('qCredit', prefixPattern(text.toUpperCase()))));
      any.push(like(enterprises.nameInitials, v('qInitials', prefixPattern(lower))));
      any.push(like(enterprises.namePinyin, v('qPinyin', prefixPattern(lower))));
    }
    where.push(or(...any) as SQL);
  }
  const order = orderBy(
    q,
    {
      name: enterprises.name,
      creditCode: enterprises.creditCode,
      industryCode: enterprises.industryCode,
      // Unknown areas/dates sort as the smallest value (after everything when descending).
      landMu: sql`coalesce(${enterprises.landMu}, -1)`,
      buildingM2: sql`coalesce(${enterprises.buildingM2}, -1)`,
      establishedOn: sql`coalesce(${enterprises.establishedOn}, '0001-01-01'::date)`,
      updatedAt: enterprises.updatedAt,
    },
    asc(enterprises.name),
    enterprises.id,
  );
  return { cond: and(...where), order };
}

export async function listEnterprises(ex: Executor, scope: ZoneScope, q: EnterpriseListQuery) {
  // Built once per shape (filters present, sort) and executed with this request's values: platform/db/statements.ts.
  const b = binder();
  const { cond, order } = enterpriseQuery(scope, q, b);
  const shape = b.shape();
  const page = cachedStatement(ex, `enterprises.page|${shape}|${q.sortField ?? ''}|${q.sortOrder ?? ''}`, () =>
    ex
      .select(columns)
      .from(enterprises)
      .leftJoin(subParks, eq(subParks.id, enterprises.subParkId))
      .leftJoin(staff, eq(staff.id, enterprises.serviceOfficerId))
      .where(cond)
      .orderBy(...order)
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(''),
  );
  const total = cachedStatement(ex, `enterprises.count|${shape}`, () =>
    ex.select({ n: count() }).from(enterprises).where(cond).prepare(''),
  );
  const [data, [n]] = await Promise.all([
    page.execute({ ...b.values, limit: q.pageSize, offset: offsetOf(q) }),
    total.execute(b.values),
  ]);
  return { data: data.map(flatten), total: n?.n ?? 0 };
}

/** One page of the list's query (same WHERE and ORDER BY), for exports. */
export async function enterprisePage(
  ex: Executor,
  scope: ZoneScope,
  q: Omit<EnterpriseListQuery, 'current' | 'pageSize'>,
  offset: number,
  limit: number,
): Promise<EnterpriseRow[]> {
  const { cond, order } = enterpriseQuery(scope, q);
  const rows = await ex
    .select(columns)
    .from(enterprises)
    .leftJoin(subParks, eq(subParks.id, enterprises.subParkId))
    .leftJoin(staff, eq(staff.id, enterprises.serviceOfficerId))
    .where(cond)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  return rows.map(flatten);
}

export async function getEnterprise(ex: Executor, scope: ZoneScope, id: string): Promise<EnterpriseRow | undefined> {
  const [row] = await ex
    .select(columns)
    .from(enterprises)
    .leftJoin(subParks, eq(subParks.id, enterprises.subParkId))
    .leftJoin(staff, eq(staff.id, enterprises.serviceOfficerId))
    .where(and(enterpriseScope(scope), eq(enterprises.id, id)));
  return row ? flatten(row) : undefined;
}

/** Fields whose value differs between two audit snapshots (timestamps left out). */
function changedFields(before: unknown, after: unknown): string[] {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return [];
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const skip = new Set(['updatedAt', 'createdAt', 'namePinyin', 'nameInitials', 'industrySection']);
  return Object.keys(a).filter((k) => !skip.has(k) && k in b && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/** The registry's own events: the audit log of entity 'enterprise' for this id, in this zone. */
export async function auditTimeline(ex: Executor, scope: ZoneScope, enterpriseId: string): Promise<TimelineItem[]> {
  const list = await ex
    .select({
      seq: auditEvents.seq,
      chain: auditEvents.chain,
      at: auditEvents.at,
      action: auditEvents.action,
      actorName: auditEvents.actorName,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entity, 'enterprise'),
        eq(auditEvents.entityId, enterpriseId),
        eq(auditEvents.zoneId, scope.zoneId),
      ),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.seq))
    .limit(200);
  return list.map((e) => ({
    id: `audit:${e.chain}:${e.seq}`,
    at: e.at.toISOString(),
    source: 'registry',
    action: e.action,
    actorName: e.actorName,
    fields: changedFields(e.before, e.after),
    summary: null,
  }));
}
