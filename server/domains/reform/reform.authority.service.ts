import { and, eq, max } from 'drizzle-orm';
import {
  ACTIVE_SOURCES,
  type AuthorityDiff,
  type AuthorityItemInput,
  type AuthoritySource,
  type AuthorityVersionInput,
} from '../../../shared/reform';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor, Tx } from '../../platform/db';
import { insertMany } from '../../platform/db/bulk';
import { AppError, notFound } from '../../platform/errors';
import { registerConstraintField } from '../../platform/http/error-handler';
import * as repo from './reform.authority.repository';
import { reformAuthorityItems as items, reformAuthorityVersions as versions } from './reform.tables';

registerConstraintField('reform_authority_items_version_code_uq', 'code');
registerConstraintField('reform_authority_versions_one_draft_uq', 'title');

const isActive = (s: AuthoritySource) => ACTIVE_SOURCES.includes(s);

/** A draft of this zone, or 404; a published version answers 409 (published versions are immutable). */
async function draftOf(ex: Executor, scope: ZoneScope, versionId: string) {
  const v = await repo.getVersion(ex, scope, versionId);
  if (!v) throw notFound();
  if (v.status !== 'draft') throw new AppError(409, 'REFORM_VERSION_PUBLISHED');
  return v;
}

/**
 * A new draft: numbered after the last version, starting as a copy of the latest published version's active
 * powers (all marked 保留 — they are what the zone already holds); cancelled/transferred items are not carried.
 */
export async function createDraft(db: Db, scope: ZoneScope, input: AuthorityVersionInput) {
  return db.transaction(async (tx) => {
    if (await repo.currentDraft(tx, scope)) throw new AppError(409, 'REFORM_DRAFT_EXISTS');
    const [last] = await tx
      .select({ n: max(versions.versionNo) })
      .from(versions)
      .where(eq(versions.zoneId, scope.zoneId));
    const [row] = await tx
      .insert(versions)
      .values({ ...input, zoneId: scope.zoneId, versionNo: (last?.n ?? 0) + 1, status: 'draft' })
      .returning();
    const base = await repo.latestPublished(tx, scope);
    let copied = 0;
    if (base) {
      const carried = (await repo.allItems(tx, scope, base.id)).filter((i) => isActive(i.source));
      copied = await insertMany(
        tx,
        items,
        carried.map(({ id: _id, versionId: _v, ...i }) => ({ ...i, versionId: row!.id, source: 'retained' as const })),
      );
    }
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'create',
      entity: 'reform_authority_version',
      entityId: row!.id,
      after: { ...row, basedOn: base?.versionNo ?? null, copied },
    });
    return (await repo.getVersion(tx, scope, row!.id))!;
  });
}

export async function updateDraft(db: Db, scope: ZoneScope, id: string, input: AuthorityVersionInput) {
  return db.transaction(async (tx) => {
    const before = await draftOf(tx, scope, id);
    const [row] = await tx
      .update(versions)
      .set(input)
      .where(and(eq(versions.zoneId, scope.zoneId), eq(versions.id, id)))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'update',
      entity: 'reform_authority_version',
      entityId: id,
      before,
      after: row,
    });
    return (await repo.getVersion(tx, scope, id))!;
  });
}

export async function deleteDraft(db: Db, scope: ZoneScope, id: string) {
  await db.transaction(async (tx) => {
    const before = await draftOf(tx, scope, id);
    await tx.delete(versions).where(and(eq(versions.zoneId, scope.zoneId), eq(versions.id, id)));
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'delete',
      entity: 'reform_authority_version',
      entityId: id,
      before,
    });
  });
}

/** Draft → published. An empty draft cannot be published; afterwards its items never change. */
export async function publishVersion(db: Db, scope: ZoneScope, id: string) {
  return db.transaction(async (tx) => {
    const before = await draftOf(tx, scope, id);
    if (before.counts.total === 0) throw new AppError(409, 'REFORM_VERSION_EMPTY');
    const [row] = await tx
      .update(versions)
      .set({ status: 'published', publishedAt: new Date(), publishedBy: scope.actor.displayName })
      .where(and(eq(versions.zoneId, scope.zoneId), eq(versions.id, id)))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'publish',
      entity: 'reform_authority_version',
      entityId: id,
      before,
      after: { ...row, counts: before.counts },
    });
    return (await repo.getVersion(tx, scope, id))!;
  });
}

export async function createItem(db: Db, scope: ZoneScope, versionId: string, input: AuthorityItemInput) {
  return db.transaction(async (tx) => {
    await draftOf(tx, scope, versionId);
    const [row] = await tx
      .insert(items)
      .values({ ...input, zoneId: scope.zoneId, versionId })
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'create',
      entity: 'reform_authority_item',
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}

async function draftItem(tx: Tx, scope: ZoneScope, id: string) {
  const before = await repo.getItem(tx, scope, id);
  if (!before) throw notFound();
  await draftOf(tx, scope, before.versionId);
  return before;
}

export async function updateItem(db: Db, scope: ZoneScope, id: string, input: AuthorityItemInput) {
  return db.transaction(async (tx) => {
    const before = await draftItem(tx, scope, id);
    const [row] = await tx
      .update(items)
      .set(input)
      .where(and(eq(items.zoneId, scope.zoneId), eq(items.id, id)))
      .returning();
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'update',
      entity: 'reform_authority_item',
      entityId: id,
      before,
      after: row,
    });
    return row!;
  });
}

export async function deleteItem(db: Db, scope: ZoneScope, id: string) {
  await db.transaction(async (tx) => {
    const before = await draftItem(tx, scope, id);
    await tx.delete(items).where(and(eq(items.zoneId, scope.zoneId), eq(items.id, id)));
    await recordAudit(tx, {
      actor: scope.actor,
      zoneId: scope.zoneId,
      action: 'delete',
      entity: 'reform_authority_item',
      entityId: id,
      before,
    });
  });
}

/**
 * DOMAIN.md §1 diff: powers exercised (保留/新增赋权) in `from` vs `to`, joined on the stable code.
 * retained = in both; added = only in `to`; cancelled = in `from` but not exercised in `to` (absent, or listed
 * there as 取消/移交). Also lists items of `to` whose declared source contradicts the diff.
 */
export async function diffVersions(
  ex: Executor,
  scope: ZoneScope,
  fromId: string,
  toId: string,
): Promise<AuthorityDiff> {
  const [from, to] = await Promise.all([repo.getVersion(ex, scope, fromId), repo.getVersion(ex, scope, toId)]);
  if (!from || !to) throw notFound();
  const [a, b] = await Promise.all([repo.allItems(ex, scope, fromId), repo.allItems(ex, scope, toId)]);
  const before = new Map(a.filter((i) => isActive(i.source)).map((i) => [i.code, i]));
  const after = new Map(b.filter((i) => isActive(i.source)).map((i) => [i.code, i]));
  const entry = (i: repo.ItemRow) => ({ code: i.code, name: i.name, source: i.source });
  const retained = [...after.values()].filter((i) => before.has(i.code)).map(entry);
  const added = [...after.values()].filter((i) => !before.has(i.code)).map(entry);
  const cancelled = [...before.values()].filter((i) => !after.has(i.code)).map(entry);
  const mismatches: AuthorityDiff['mismatches'] = [];
  for (const i of b) {
    if (!after.has(i.code)) continue; // 取消/移交 entries are the record of what left; nothing to contradict
    const expected: AuthoritySource = before.has(i.code) ? 'retained' : 'empowered';
    if (expected !== i.source) mismatches.push({ ...entry(i), expected });
  }
  const head = (v: repo.VersionRow) => ({ id: v.id, versionNo: v.versionNo, title: v.title });
  return {
    from: head(from),
    to: head(to),
    before: before.size,
    after: after.size,
    counts: { retained: retained.length, added: added.length, cancelled: cancelled.length },
    retained,
    added,
    cancelled,
    mismatches,
  };
}
