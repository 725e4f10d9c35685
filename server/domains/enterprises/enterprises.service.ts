import { and, eq } from 'drizzle-orm';
import type { EnterpriseInput, EnterpriseSelfInput, TimelineItem } from '../../../shared/enterprises';
import { sectionOf } from '../../../shared/industry-codes';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { registerConstraintField } from '../../platform/http/error-handler';
import { users } from '../auth/auth.tables';
import { staff } from '../org/org.tables';
import { subParks } from '../tenancy/tenancy.tables';
import { nameSearchKeys } from './enterprises.pinyin';
import { auditTimeline, getEnterprise } from './enterprises.repository';
import { enterprises } from './enterprises.tables';
import { timelineSources } from './enterprises.timeline';

registerConstraintField('enterprises_zone_credit_code_uq', 'creditCode');

const now = () => new Date();

/** Columns derived at write time: search keys and the 门类 letter. */
function derived(input: Pick<EnterpriseInput, 'name' | 'industryCode'>) {
  return { ...nameSearchKeys(input.name), industrySection: sectionOf(input.industryCode) ?? '' };
}

async function checkRefs(ex: Executor, scope: ZoneScope, input: EnterpriseInput) {
  if (input.subParkId) {
    const [p] = await ex
      .select({ id: subParks.id })
      .from(subParks)
      .where(and(eq(subParks.zoneId, scope.zoneId), eq(subParks.id, input.subParkId)));
    if (!p) throw new AppError(400, 'VALIDATION', {}, { subParkId: 'UNKNOWN_REFERENCE' });
  }
  if (input.serviceOfficerId) {
    const [s] = await ex
      .select({ id: staff.id })
      .from(staff)
      .where(and(eq(staff.zoneId, scope.zoneId), eq(staff.id, input.serviceOfficerId)));
    if (!s) throw new AppError(400, 'VALIDATION', {}, { serviceOfficerId: 'UNKNOWN_REFERENCE' });
  }
}

export async function createEnterprise(db: Db, scope: ZoneScope, input: EnterpriseInput) {
  return db.transaction(async (tx) => {
    await checkRefs(tx, scope, input);
    const [row] = await tx
      .insert(enterprises)
      .values({ ...input, ...derived(input), zoneId: scope.zoneId })
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'create',
      entity: 'enterprise',
      entityId: row!.id,
      after: row,
    });
    return (await getEnterprise(tx, scope, row!.id))!;
  });
}

export async function updateEnterprise(db: Db, scope: ZoneScope, id: string, input: EnterpriseInput) {
  return db.transaction(async (tx) => {
    const before = await getEnterprise(tx, scope, id);
    if (!before) throw notFound();
    await checkRefs(tx, scope, input);
    const [row] = await tx
      .update(enterprises)
      .set({ ...input, ...derived(input), updatedAt: now() })
      .where(and(eq(enterprises.zoneId, scope.zoneId), eq(enterprises.id, id)))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'update',
      entity: 'enterprise',
      entityId: id,
      before,
      after: row,
    });
    return (await getEnterprise(tx, scope, id))!;
  });
}

/** The enterprise user changes its own contacts, building footprint and legal representative — nothing else. */
export async function updateOwnEnterprise(db: Db, scope: ZoneScope, id: string, input: EnterpriseSelfInput) {
  if (scope.actor.role !== 'enterprise' || scope.enterpriseId !== id) throw notFound();
  return db.transaction(async (tx) => {
    const before = await getEnterprise(tx, scope, id);
    if (!before) throw notFound();
    const [row] = await tx
      .update(enterprises)
      .set({ legalRep: input.legalRep, buildingM2: input.buildingM2, contacts: input.contacts, updatedAt: now() })
      .where(and(eq(enterprises.zoneId, scope.zoneId), eq(enterprises.id, id)))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'self_update',
      entity: 'enterprise',
      entityId: id,
      before,
      after: row,
    });
    return (await getEnterprise(tx, scope, id))!;
  });
}

/** Only when nothing references it: accounts of the enterprise (other domains' rows are guarded by their FKs). */
export async function deleteEnterprise(db: Db, scope: ZoneScope, id: string) {
  await db.transaction(async (tx) => {
    const before = await getEnterprise(tx, scope, id);
    if (!before) throw notFound();
    const [account] = await tx.select({ id: users.id }).from(users).where(eq(users.enterpriseId, id)).limit(1);
    if (account) throw new AppError(409, 'IN_USE');
    await tx.delete(enterprises).where(and(eq(enterprises.zoneId, scope.zoneId), eq(enterprises.id, id)));
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'delete',
      entity: 'enterprise',
      entityId: id,
      before,
    });
  });
}

/** Registry events (audit log) + the founding date + every registered source, newest first. */
export async function enterpriseTimeline(db: Db, scope: ZoneScope, id: string): Promise<TimelineItem[]> {
  const e = await getEnterprise(db, scope, id);
  if (!e) throw notFound();
  const parts = await Promise.all([
    auditTimeline(db, scope, id),
    ...timelineSources().map(([name, source]) =>
      source(db, scope, id).then((items) => items.map((i) => ({ ...i, source: i.source || name }))),
    ),
  ]);
  const items = parts.flat();
  if (e.establishedOn) {
    items.push({
      id: `established:${id}`,
      at: new Date(`${e.establishedOn}T00:00:00+08:00`).toISOString(),
      source: 'registry',
      action: 'established',
      actorName: null,
      fields: [],
      summary: null,
    });
  }
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id.localeCompare(a.id)));
}
