import { and, count, eq, ilike, isNull, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import {
  type DutyItemInput,
  type DutyItemListQuery,
  type DutyList,
  type DutySummary,
  periodsOverlap,
  receiverKinds,
} from '../../../shared/reform-lists';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor } from '../../platform/db';
import { likePattern, offsetOf, orderBy } from '../../platform/db/paging';
import { AppError, invalid, notFound } from '../../platform/errors';
import { registerConstraintField } from '../../platform/http/error-handler';
import { reformDistrictDepartments as depts, reformDutyItems as items } from './reform.tables';
import { todayInChina } from './reform.whistle.repository';

registerConstraintField('reform_duty_items_zone_list_code_uq', 'code');

export type DutyRow = typeof items.$inferSelect & { districtDepartmentName: string | null; inForce: boolean };

/** In force on `day`: effective_on ≤ day < retired_on (open-ended when retired_on is null). */
const inForceOn = (day: string) =>
  and(lte(items.effectiveOn, day), or(isNull(items.retiredOn), sql`${items.retiredOn} > ${day}::date`)) as SQL;
const inForceSql = (today: string) => sql<boolean>`coalesce(${inForceOn(today)}, false)`;

type Filters = Omit<DutyItemListQuery, 'current' | 'pageSize'>;

function query(scope: ZoneScope, q: Filters) {
  const where: SQL[] = [eq(items.zoneId, scope.zoneId)];
  if (q.list) where.push(eq(items.list, q.list));
  if (q.area) where.push(eq(items.area, q.area));
  if (q.receiverKind) where.push(eq(items.receiverKind, q.receiverKind));
  if (q.districtDepartmentId) where.push(eq(items.districtDepartmentId, q.districtDepartmentId));
  if (q.asOf) where.push(inForceOn(q.asOf));
  if (q.q) {
    const p = likePattern(q.q.trim());
    where.push(or(ilike(items.name, p), ilike(items.code, p), ilike(items.receivingBody, p)) as SQL);
  }
  const order = orderBy(
    q,
    { code: items.code, area: items.area, effectiveOn: items.effectiveOn, list: items.list },
    sql`${items.list}, ${items.code}`,
    items.id,
  );
  return { cond: and(...where), order };
}

const cols = (today: string) => ({ i: items, dept: depts.name, inForce: inForceSql(today) });
const flat = (r: { i: typeof items.$inferSelect; dept: string | null; inForce: boolean }): DutyRow => ({
  ...r.i,
  districtDepartmentName: r.dept,
  inForce: r.inForce,
});
const joined = (ex: Executor, today: string) =>
  ex
    .select(cols(today))
    .from(items)
    .leftJoin(depts, and(eq(depts.id, items.districtDepartmentId), eq(depts.zoneId, items.zoneId)));

export async function listDutyItems(ex: Executor, scope: ZoneScope, q: DutyItemListQuery) {
  const { cond, order } = query(scope, q);
  const [data, [total]] = await Promise.all([
    joined(ex, todayInChina())
      .where(cond)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex.select({ n: count() }).from(items).where(cond),
  ]);
  return { data: data.map(flat), total: total?.n ?? 0 };
}

export async function dutyItemPage(ex: Executor, scope: ZoneScope, q: Filters, offset: number, limit: number) {
  const { cond, order } = query(scope, q);
  const rows = await joined(ex, todayInChina())
    .where(cond)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  return rows.map(flat);
}

export async function getDutyItem(ex: Executor, scope: ZoneScope, id: string) {
  const [row] = await joined(ex, todayInChina()).where(and(eq(items.zoneId, scope.zoneId), eq(items.id, id)));
  return row ? flat(row) : undefined;
}

/** Fields that do not belong to an entry's list are cleared, so a duty entry never carries a receiver. */
export function normaliseDuty(input: DutyItemInput): DutyItemInput {
  return {
    ...input,
    receiverKind: input.list === 'stripped' ? input.receiverKind : null,
    receivingBody: input.list === 'stripped' ? input.receivingBody : '',
    districtDepartmentId: input.list === 'boundary' ? input.districtDepartmentId : null,
    zoneDuty: input.list === 'boundary' ? input.zoneDuty : '',
    districtDuty: input.list === 'boundary' ? input.districtDuty : '',
    platformDuty: input.list === 'boundary' ? input.platformDuty : '',
  };
}

/** The list a function may not be on at the same time: what is stripped is no longer the committee's duty. */
export const OPPOSITE: Partial<Record<DutyList, DutyList>> = { duty: 'stripped', stripped: 'duty' };

/**
 * 园区事园区办、社会事社会办: the same function (by name) cannot be on the 职责清单 and the 剥离社会事务清单 in
 * overlapping periods. Throws 409 with the name field.
 */
async function assertNoConflict(ex: Executor, scope: ZoneScope, input: DutyItemInput, selfId?: string) {
  const other = OPPOSITE[input.list];
  if (!other) return;
  const where: SQL[] = [eq(items.zoneId, scope.zoneId), eq(items.list, other), eq(items.name, input.name)];
  if (selfId) where.push(ne(items.id, selfId));
  const rows = await ex
    .select({ code: items.code, effectiveOn: items.effectiveOn, retiredOn: items.retiredOn })
    .from(items)
    .where(and(...where));
  const hit = rows.find((r) => periodsOverlap(r, input));
  if (hit) throw new AppError(409, 'REFORM_DUTY_CONFLICT', { code: hit.code }, { name: 'REFORM_DUTY_CONFLICT_FIELD' });
}

async function assertDepartment(ex: Executor, scope: ZoneScope, id: string | null) {
  if (!id) return;
  const [d] = await ex
    .select({ id: depts.id })
    .from(depts)
    .where(and(eq(depts.zoneId, scope.zoneId), eq(depts.id, id)));
  if (!d) throw invalid({ districtDepartmentId: 'UNKNOWN_REFERENCE' });
}

export async function createDutyItem(db: Db, scope: ZoneScope, raw: DutyItemInput) {
  const input = normaliseDuty(raw);
  return db.transaction(async (tx) => {
    await assertDepartment(tx, scope, input.districtDepartmentId);
    await assertNoConflict(tx, scope, input);
    const [row] = await tx
      .insert(items)
      .values({ ...input, zoneId: scope.zoneId })
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'create',
      entity: 'reform_duty_item',
      entityId: row!.id,
      after: row,
    });
    return (await getDutyItem(tx, scope, row!.id))!;
  });
}

export async function updateDutyItem(db: Db, scope: ZoneScope, id: string, raw: DutyItemInput) {
  const input = normaliseDuty(raw);
  return db.transaction(async (tx) => {
    const before = await getDutyItem(tx, scope, id);
    if (!before) throw notFound();
    await assertDepartment(tx, scope, input.districtDepartmentId);
    await assertNoConflict(tx, scope, input, id);
    const [row] = await tx
      .update(items)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(items.zoneId, scope.zoneId), eq(items.id, id)))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'update',
      entity: 'reform_duty_item',
      entityId: id,
      before,
      after: row,
    });
    return (await getDutyItem(tx, scope, id))!;
  });
}

export async function deleteDutyItem(db: Db, scope: ZoneScope, id: string) {
  await db.transaction(async (tx) => {
    const before = await getDutyItem(tx, scope, id);
    if (!before) throw notFound();
    await tx.delete(items).where(and(eq(items.zoneId, scope.zoneId), eq(items.id, id)));
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'delete',
      entity: 'reform_duty_item',
      entityId: id,
      before,
    });
  });
}

/** Counts of the three lists in force on a date (default today): items, areas, receivers, departments. */
export async function dutySummary(ex: Executor, scope: ZoneScope, asOf = todayInChina()): Promise<DutySummary> {
  const rows = await ex
    .select({
      list: items.list,
      area: items.area,
      receiverKind: items.receiverKind,
      receivingBody: items.receivingBody,
      dept: items.districtDepartmentId,
    })
    .from(items)
    .where(and(eq(items.zoneId, scope.zoneId), inForceOn(asOf)));
  const of = (list: DutyList) => rows.filter((r) => r.list === list);
  const distinct = <T>(xs: T[]) => new Set(xs).size;
  const stripped = of('stripped');
  const byArea = new Map<string, { list: DutyList; area: string; items: number }>();
  for (const r of rows) {
    const key = `${r.list}\u0000${r.area}`;
    const e = byArea.get(key) ?? { list: r.list, area: r.area, items: 0 };
    e.items += 1;
    byArea.set(key, e);
  }
  return {
    asOf,
    duty: { items: of('duty').length, areas: distinct(of('duty').map((r) => r.area)) },
    stripped: {
      items: stripped.length,
      areas: distinct(stripped.map((r) => r.area)),
      receivingBodies: distinct(stripped.map((r) => r.receivingBody)),
      byReceiverKind: receiverKinds
        .map((kind) => {
          const k = stripped.filter((r) => r.receiverKind === kind);
          return {
            receiverKind: kind,
            items: k.length,
            areas: distinct(k.map((r) => r.area)),
            receivingBodies: distinct(k.map((r) => r.receivingBody)),
          };
        })
        .filter((k) => k.items > 0),
    },
    boundary: {
      items: of('boundary').length,
      districtDepartments: distinct(of('boundary').map((r) => r.dept)),
    },
    byArea: [...byArea.values()].sort((a, b) => a.list.localeCompare(b.list) || b.items - a.items),
  };
}
