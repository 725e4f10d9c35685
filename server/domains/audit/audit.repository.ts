import { and, count, desc, eq, gte, ilike, lte, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { auditListQuerySchema } from '../../../shared/audit';
import { auditEvents } from '../../platform/audit.tables';
import type { Executor } from '../../platform/db';
import { likePattern, offsetOf } from '../../platform/db/paging';

type Query = z.infer<typeof auditListQuerySchema>;

/** Auditors read their zone's chain (zoneIds = [their zone]); the platform admin reads everything ('all'). */
export async function listAuditEvents(ex: Executor, zoneIds: string[] | 'all', q: Query) {
  const where: SQL[] = [];
  if (zoneIds !== 'all') {
    const [first] = zoneIds;
    if (!first) return { data: [], total: 0 };
    where.push(or(...zoneIds.map((z) => eq(auditEvents.zoneId, z))) as SQL);
  }
  if (q.entity) where.push(eq(auditEvents.entity, q.entity));
  if (q.action) where.push(eq(auditEvents.action, q.action));
  if (q.actorId) where.push(eq(auditEvents.actorId, q.actorId));
  if (q.from) where.push(gte(auditEvents.at, new Date(q.from)));
  if (q.to) where.push(lte(auditEvents.at, endOf(q.to)));
  if (q.q) {
    const p = likePattern(q.q);
    where.push(
      or(ilike(auditEvents.actorName, p), ilike(auditEvents.entityId, p), ilike(auditEvents.entity, p)) as SQL,
    );
  }
  const cond = where.length ? and(...where) : undefined;
  const order =
    q.sortOrder === 'ascend' ? [auditEvents.at, auditEvents.id] : [desc(auditEvents.at), desc(auditEvents.id)];
  const [data, [total]] = await Promise.all([
    ex
      .select()
      .from(auditEvents)
      .where(cond)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex.select({ n: count() }).from(auditEvents).where(cond),
  ]);
  return { data, total: total?.n ?? 0 };
}

/** A bare date as the upper bound means the whole day. */
function endOf(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T23:59:59.999+08:00`) : new Date(value);
}
