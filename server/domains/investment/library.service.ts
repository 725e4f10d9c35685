import { and, count, eq, sql } from 'drizzle-orm';
import type {
  ActivityInput,
  ConvertInput,
  GreenCardInput,
  LinkInput,
  TargetCompanyInput,
} from '../../../shared/investment-library';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor, Tx } from '../../platform/db';
import { lockSeries } from '../../platform/db';
import { AppError, invalid, notFound } from '../../platform/errors';
import { registerConstraintField } from '../../platform/http/error-handler';
import { enterprises } from '../enterprises/enterprises.tables';
import { settingsOf } from './investment.repository';
import { investmentProjects, investmentTeams } from './investment.tables';
import {
  investmentActivities,
  investmentChainLinks,
  investmentChains,
  investmentGreenCards,
  investmentLinkEnterprises,
  investmentTargetCompanies,
} from './investment-library.tables';
import * as repo from './library.repository';

registerConstraintField('investment_chains_zone_name_uq', 'name');
registerConstraintField('investment_chain_links_chain_name_uq', 'name');
registerConstraintField('investment_target_companies_zone_name_uq', 'name');
registerConstraintField('investment_green_cards_one_active_uq', 'projectId');
registerConstraintField('investment_green_cards_zone_no_uq', 'cardNo');

type Audit = Parameters<typeof recordAudit>[1];
const audit = (tx: Tx, scope: ZoneScope, e: Omit<Audit, 'actor' | 'zoneId'>) =>
  recordAudit(tx, { actor: scope.actor, zoneId: scope.zoneId, ...e });

async function inZone(
  ex: Executor,
  table: typeof investmentTeams | typeof investmentProjects,
  zoneId: string,
  id: string,
) {
  const [r] = await ex
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.zoneId, zoneId), eq(table.id, id)));
  return Boolean(r);
}

// ---------------------------------------------------------------- chains

export async function saveChain(
  db: Db,
  scope: ZoneScope,
  id: string | null,
  input: { name: string; description: string },
) {
  return db.transaction(async (tx) => {
    const before = id ? await repo.getChain(tx, scope, id) : undefined;
    if (id && !before) throw notFound();
    const [row] = id
      ? await tx
          .update(investmentChains)
          .set(input)
          .where(and(eq(investmentChains.zoneId, scope.zoneId), eq(investmentChains.id, id)))
          .returning()
      : await tx
          .insert(investmentChains)
          .values({ ...input, zoneId: scope.zoneId })
          .returning();
    await audit(tx, scope, {
      action: id ? 'update' : 'create',
      entity: 'investment_chain',
      entityId: row!.id,
      before,
      after: row,
    });
    return (await repo.getChain(tx, scope, row!.id))!;
  });
}

export async function deleteChain(db: Db, scope: ZoneScope, id: string) {
  await db.transaction(async (tx) => {
    const before = await repo.getChain(tx, scope, id);
    if (!before) throw notFound();
    await tx
      .delete(investmentChains)
      .where(and(eq(investmentChains.zoneId, scope.zoneId), eq(investmentChains.id, id)));
    await audit(tx, scope, { action: 'delete', entity: 'investment_chain', entityId: id, before });
  });
}

/**
 * A link's parent must be a link of the same chain and segment, and (on update) neither the link itself nor one of
 * its descendants — the map stays a forest per segment.
 */
async function checkParent(tx: Tx, scope: ZoneScope, chainId: string, input: LinkInput, selfId: string | null) {
  if (!input.parentId) return;
  const parent = await repo.getLink(tx, scope, input.parentId);
  if (!parent || parent.chainId !== chainId) throw invalid({ parentId: 'UNKNOWN_REFERENCE' });
  if (parent.segment !== input.segment) throw invalid({ parentId: 'CHAIN_PARENT_SEGMENT' });
  if (!selfId) return;
  const nodes = await repo.mapNodes(tx, scope, chainId);
  const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
  for (let at: string | null | undefined = input.parentId, i = 0; at && i < 100; at = parentOf.get(at), i++) {
    if (at === selfId) throw invalid({ parentId: 'CHAIN_PARENT_CYCLE' });
  }
}

export async function saveLink(db: Db, scope: ZoneScope, chainId: string, id: string | null, input: LinkInput) {
  return db.transaction(async (tx) => {
    if (!(await repo.getChain(tx, scope, chainId))) throw notFound();
    const before = id ? await repo.getLink(tx, scope, id) : undefined;
    if (id && (!before || before.chainId !== chainId)) throw notFound();
    await checkParent(tx, scope, chainId, input, id);
    if (before && before.segment !== input.segment) {
      const [child] = await tx
        .select({ n: count() })
        .from(investmentChainLinks)
        .where(and(eq(investmentChainLinks.zoneId, scope.zoneId), eq(investmentChainLinks.parentId, before.id)));
      if ((child?.n ?? 0) > 0) throw invalid({ segment: 'CHAIN_PARENT_SEGMENT' });
    }
    const [row] = id
      ? await tx
          .update(investmentChainLinks)
          .set(input)
          .where(and(eq(investmentChainLinks.zoneId, scope.zoneId), eq(investmentChainLinks.id, id)))
          .returning()
      : await tx
          .insert(investmentChainLinks)
          .values({ ...input, chainId, zoneId: scope.zoneId })
          .returning();
    await audit(tx, scope, {
      action: id ? 'update' : 'create',
      entity: 'investment_chain_link',
      entityId: row!.id,
      before,
      after: row,
    });
    return (await repo.mapNodes(tx, scope, chainId)).find((n) => n.id === row!.id)!;
  });
}

export async function deleteLink(db: Db, scope: ZoneScope, id: string) {
  await db.transaction(async (tx) => {
    const before = await repo.getLink(tx, scope, id);
    if (!before) throw notFound();
    await tx
      .delete(investmentChainLinks)
      .where(and(eq(investmentChainLinks.zoneId, scope.zoneId), eq(investmentChainLinks.id, id)));
    await audit(tx, scope, { action: 'delete', entity: 'investment_chain_link', entityId: id, before });
  });
}

/** Place one of the zone's enterprises on a link (again: updates the 链主 flag). */
export async function placeEnterprise(
  db: Db,
  scope: ZoneScope,
  linkId: string,
  input: { enterpriseId: string; chainLeader: boolean },
) {
  return db.transaction(async (tx) => {
    if (!(await repo.getLink(tx, scope, linkId))) throw notFound();
    const [e] = await tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(and(eq(enterprises.zoneId, scope.zoneId), eq(enterprises.id, input.enterpriseId)));
    if (!e) throw invalid({ enterpriseId: 'UNKNOWN_REFERENCE' });
    await tx
      .insert(investmentLinkEnterprises)
      .values({ zoneId: scope.zoneId, linkId, ...input })
      .onConflictDoUpdate({
        target: [investmentLinkEnterprises.linkId, investmentLinkEnterprises.enterpriseId],
        set: { chainLeader: input.chainLeader },
      });
    await audit(tx, scope, {
      action: 'place_enterprise',
      entity: 'investment_chain_link',
      entityId: linkId,
      after: input,
    });
    return (await repo.linkDetail(tx, scope, linkId))!;
  });
}

export async function removeEnterprise(db: Db, scope: ZoneScope, linkId: string, enterpriseId: string) {
  return db.transaction(async (tx) => {
    if (!(await repo.getLink(tx, scope, linkId))) throw notFound();
    const gone = await tx
      .delete(investmentLinkEnterprises)
      .where(
        and(
          eq(investmentLinkEnterprises.zoneId, scope.zoneId),
          eq(investmentLinkEnterprises.linkId, linkId),
          eq(investmentLinkEnterprises.enterpriseId, enterpriseId),
        ),
      )
      .returning();
    if (gone.length === 0) throw notFound();
    await audit(tx, scope, {
      action: 'remove_enterprise',
      entity: 'investment_chain_link',
      entityId: linkId,
      before: gone[0],
    });
    return (await repo.linkDetail(tx, scope, linkId))!;
  });
}

// ---------------------------------------------------------------- target companies

/** The chain and link must be the zone's, and the link must belong to the chain (a link alone implies its chain). */
export async function resolveTargetRefs(ex: Executor, scope: ZoneScope, input: TargetCompanyInput) {
  let chainId = input.chainId;
  if (input.linkId) {
    const link = await repo.getLink(ex, scope, input.linkId);
    if (!link) throw invalid({ linkId: 'UNKNOWN_REFERENCE' });
    if (chainId && chainId !== link.chainId) throw invalid({ linkId: 'CHAIN_LINK_MISMATCH' });
    chainId = link.chainId;
  } else if (chainId) {
    const [c] = await ex
      .select({ id: investmentChains.id })
      .from(investmentChains)
      .where(and(eq(investmentChains.zoneId, scope.zoneId), eq(investmentChains.id, chainId)));
    if (!c) throw invalid({ chainId: 'UNKNOWN_REFERENCE' });
  }
  return { ...input, chainId };
}

export async function saveTarget(db: Db, scope: ZoneScope, id: string | null, input: TargetCompanyInput) {
  return db.transaction(async (tx) => {
    const before = id ? await repo.getTarget(tx, scope, id) : undefined;
    if (id && !before) throw notFound();
    const values = await resolveTargetRefs(tx, scope, input);
    const [row] = id
      ? await tx
          .update(investmentTargetCompanies)
          .set({ ...values, updatedAt: new Date() })
          .where(and(eq(investmentTargetCompanies.zoneId, scope.zoneId), eq(investmentTargetCompanies.id, id)))
          .returning()
      : await tx
          .insert(investmentTargetCompanies)
          .values({ ...values, zoneId: scope.zoneId })
          .returning();
    await audit(tx, scope, {
      action: id ? 'update' : 'create',
      entity: 'investment_target_company',
      entityId: row!.id,
      before,
      after: row,
    });
    return (await repo.getTarget(tx, scope, row!.id))!;
  });
}

export async function deleteTarget(db: Db, scope: ZoneScope, id: string) {
  await db.transaction(async (tx) => {
    const before = await repo.getTarget(tx, scope, id);
    if (!before) throw notFound();
    await tx
      .delete(investmentTargetCompanies)
      .where(and(eq(investmentTargetCompanies.zoneId, scope.zoneId), eq(investmentTargetCompanies.id, id)));
    await audit(tx, scope, { action: 'delete', entity: 'investment_target_company', entityId: id, before });
  });
}

// ---------------------------------------------------------------- activities

async function activityValues(tx: Tx, scope: ZoneScope, input: ActivityInput) {
  if (input.teamId && !(await inZone(tx, investmentTeams, scope.zoneId, input.teamId))) {
    throw invalid({ teamId: 'UNKNOWN_REFERENCE' });
  }
  if (input.projectId && !(await inZone(tx, investmentProjects, scope.zoneId, input.projectId))) {
    throw invalid({ projectId: 'UNKNOWN_REFERENCE' });
  }
  if (input.targetCompanyId && !(await repo.getTarget(tx, scope, input.targetCompanyId))) {
    throw invalid({ targetCompanyId: 'UNKNOWN_REFERENCE' });
  }
  return { ...input, participants: [...new Set(input.participants)] };
}

export async function saveActivity(db: Db, scope: ZoneScope, id: string | null, input: ActivityInput) {
  return db.transaction(async (tx) => {
    const before = id ? await repo.getActivity(tx, scope, id) : undefined;
    if (id && !before) throw notFound();
    const values = await activityValues(tx, scope, input);
    const [row] = id
      ? await tx
          .update(investmentActivities)
          .set(values)
          .where(and(eq(investmentActivities.zoneId, scope.zoneId), eq(investmentActivities.id, id)))
          .returning()
      : await tx
          .insert(investmentActivities)
          .values({ ...values, zoneId: scope.zoneId, recordedByName: scope.actor.displayName })
          .returning();
    await audit(tx, scope, {
      action: id ? 'update' : 'create',
      entity: 'investment_activity',
      entityId: row!.id,
      before,
      after: row,
    });
    return (await repo.getActivity(tx, scope, row!.id))!;
  });
}

export async function deleteActivity(db: Db, scope: ZoneScope, id: string) {
  await db.transaction(async (tx) => {
    const before = await repo.getActivity(tx, scope, id);
    if (!before) throw notFound();
    await tx
      .delete(investmentActivities)
      .where(and(eq(investmentActivities.zoneId, scope.zoneId), eq(investmentActivities.id, id)));
    await audit(tx, scope, { action: 'delete', entity: 'investment_activity', entityId: id, before });
  });
}

// ---------------------------------------------------------------- 服务绿卡

/**
 * Issue a 服务绿卡 to a project: only once it is signed (DOMAIN.md §4: signed projects get 一项一策一专员 and the
 * green card), one active card per project, valid until on or after the issue day. Card numbers run per zone and
 * year: LK<year>-<0001>.
 */
export async function issueGreenCard(db: Db, scope: ZoneScope, projectId: string, input: GreenCardInput) {
  return db.transaction(async (tx) => {
    const [project] = await tx
      .select({ id: investmentProjects.id, signedOn: investmentProjects.signedOn })
      .from(investmentProjects)
      .where(and(eq(investmentProjects.zoneId, scope.zoneId), eq(investmentProjects.id, projectId)))
      .for('update');
    if (!project) throw notFound();
    if (!project.signedOn) throw new AppError(409, 'GREEN_CARD_NOT_SIGNED');
    if (input.validUntil < input.issuedOn) throw invalid({ validUntil: 'END_BEFORE_START' });
    const [active] = await tx
      .select({ id: investmentGreenCards.id })
      .from(investmentGreenCards)
      .where(
        and(
          eq(investmentGreenCards.zoneId, scope.zoneId),
          eq(investmentGreenCards.projectId, projectId),
          eq(investmentGreenCards.status, 'active'),
        ),
      );
    if (active) throw new AppError(409, 'GREEN_CARD_ACTIVE', {}, { projectId: 'GREEN_CARD_ACTIVE' });
    const year = input.issuedOn.slice(0, 4);
    const prefix = `LK${year}-`;
    await lockSeries(tx, scope.zoneId, prefix);
    const [last] = await tx
      .select({ n: sql<number>`coalesce(max(substring(${investmentGreenCards.cardNo} from 8)::int), 0)` })
      .from(investmentGreenCards)
      .where(
        and(eq(investmentGreenCards.zoneId, scope.zoneId), sql`${investmentGreenCards.cardNo} like ${`${prefix}%`}`),
      );
    const cardNo = `${prefix}${String((last?.n ?? 0) + 1).padStart(4, '0')}`;
    const [row] = await tx
      .insert(investmentGreenCards)
      .values({
        ...input,
        privileges: [...new Set(input.privileges)],
        zoneId: scope.zoneId,
        projectId,
        cardNo,
        issuedByName: scope.actor.displayName,
      })
      .returning();
    await audit(tx, scope, { action: 'issue', entity: 'investment_green_card', entityId: row!.id, after: row });
    return (await repo.getGreenCard(tx, scope, row!.id))!;
  });
}

export async function revokeGreenCard(db: Db, scope: ZoneScope, id: string, reason: string) {
  return db.transaction(async (tx) => {
    const before = await repo.getGreenCard(tx, scope, id);
    if (!before) throw notFound();
    if (before.status === 'revoked') throw new AppError(409, 'GREEN_CARD_REVOKED');
    const [row] = await tx
      .update(investmentGreenCards)
      .set({ status: 'revoked', revokedReason: reason })
      .where(and(eq(investmentGreenCards.zoneId, scope.zoneId), eq(investmentGreenCards.id, id)))
      .returning();
    await audit(tx, scope, { action: 'revoke', entity: 'investment_green_card', entityId: id, before, after: row });
    return (await repo.getGreenCard(tx, scope, id))!;
  });
}

/**
 * Turn a target company into a pipeline lead (first stage of the chosen type), in one transaction: the target is
 * marked converted and keeps the project's id; a target converts once.
 */
export async function convertTarget(db: Db, scope: ZoneScope, id: string, input: ConvertInput) {
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select()
      .from(investmentTargetCompanies)
      .where(and(eq(investmentTargetCompanies.zoneId, scope.zoneId), eq(investmentTargetCompanies.id, id)))
      .for('update');
    if (!target) throw notFound();
    if (target.projectId) throw new AppError(409, 'TARGET_CONVERTED');
    if (input.teamId && !(await inZone(tx, investmentTeams, scope.zoneId, input.teamId))) {
      throw invalid({ teamId: 'UNKNOWN_REFERENCE' });
    }
    const { stageSets } = await settingsOf(tx, scope.zoneId);
    const [project] = await tx
      .insert(investmentProjects)
      .values({
        zoneId: scope.zoneId,
        name: input.name,
        type: input.type,
        investor: target.name,
        sourceRegion: target.region,
        teamId: input.teamId,
        stage: stageSets[input.type][0]!.key,
        fortune500: target.fortune500,
        listed: target.listed,
      })
      .returning();
    await tx
      .update(investmentTargetCompanies)
      .set({ status: 'converted', projectId: project!.id, updatedAt: new Date() })
      .where(eq(investmentTargetCompanies.id, id));
    await audit(tx, scope, { action: 'create', entity: 'investment_project', entityId: project!.id, after: project });
    await audit(tx, scope, {
      action: 'convert',
      entity: 'investment_target_company',
      entityId: id,
      before: target,
      after: { projectId: project!.id },
    });
    return (await repo.getTarget(tx, scope, id))!;
  });
}
