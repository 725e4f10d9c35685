import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { PageQuery } from '../../../shared/common';
import type {
  ActivityListQuery,
  Chain,
  ChainMap,
  ChainSegment,
  MapNode,
  TargetCompany,
  TargetListQuery,
} from '../../../shared/investment-library';
import { activityKinds, chainSegments } from '../../../shared/investment-library';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { likePattern, offsetOf, orderBy } from '../../platform/db/paging';
import { enterprises } from '../enterprises/enterprises.tables';
import { todayInShanghai } from '../projects/projects.repository';
import { investmentProjects, investmentTeams } from './investment.tables';
import {
  investmentActivities,
  investmentChainLinks,
  investmentChains,
  investmentGreenCards,
  investmentLinkEnterprises,
  investmentTargetCompanies,
} from './investment-library.tables';

// ---------------------------------------------------------------- chains and the map

const linkCount = sql<number>`(select count(*)::int from ${investmentChainLinks}
  where ${investmentChainLinks.chainId} = "investment_chains"."id")`;
const targetCount = sql<number>`(select count(*)::int from ${investmentTargetCompanies}
  where ${investmentTargetCompanies.chainId} = "investment_chains"."id")`;

export async function listChains(ex: Executor, scope: ZoneScope, q: PageQuery) {
  const where: SQL[] = [eq(investmentChains.zoneId, scope.zoneId)];
  if (q.q) where.push(ilike(investmentChains.name, likePattern(q.q)));
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    ex
      .select({ c: investmentChains, linkCount, targetCount })
      .from(investmentChains)
      .where(cond)
      .orderBy(asc(investmentChains.name))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex.select({ n: count() }).from(investmentChains).where(cond),
  ]);
  const data: Chain[] = [];
  for (const r of rows) data.push(await chainOf(ex, scope, r.c, r.linkCount, r.targetCount));
  return { data, total: total?.n ?? 0 };
}

async function chainOf(
  ex: Executor,
  scope: ZoneScope,
  c: typeof investmentChains.$inferSelect,
  links: number,
  targets: number,
): Promise<Chain> {
  const nodes = links > 0 ? await mapNodes(ex, scope, c.id) : [];
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    linkCount: links,
    gapCount: nodes.filter((n) => n.gap).length,
    targetCount: targets,
    createdAt: c.createdAt.toISOString(),
  };
}

export async function getChain(ex: Executor, scope: ZoneScope, id: string): Promise<Chain | undefined> {
  const [r] = await ex
    .select({ c: investmentChains, linkCount, targetCount })
    .from(investmentChains)
    .where(and(eq(investmentChains.zoneId, scope.zoneId), eq(investmentChains.id, id)));
  return r ? chainOf(ex, scope, r.c, r.linkCount, r.targetCount) : undefined;
}

/**
 * Every link of a chain with its counts. A link is a gap (缺链) when no local enterprise sits on it or on any link
 * below it (DOMAIN.md §4 "gaps to fill").
 */
export async function mapNodes(ex: Executor, scope: ZoneScope, chainId: string): Promise<MapNode[]> {
  const rows = await ex
    .select({
      l: investmentChainLinks,
      enterpriseCount: sql<number>`(select count(*)::int from ${investmentLinkEnterprises}
        where ${investmentLinkEnterprises.linkId} = "investment_chain_links"."id")`,
      targetCount: sql<number>`(select count(*)::int from ${investmentTargetCompanies}
        where ${investmentTargetCompanies.linkId} = "investment_chain_links"."id")`,
    })
    .from(investmentChainLinks)
    .where(and(eq(investmentChainLinks.zoneId, scope.zoneId), eq(investmentChainLinks.chainId, chainId)))
    .orderBy(asc(investmentChainLinks.sortOrder), asc(investmentChainLinks.name));
  const children = new Map<string | null, string[]>();
  for (const r of rows) children.set(r.l.parentId, [...(children.get(r.l.parentId) ?? []), r.l.id]);
  const own = new Map(rows.map((r) => [r.l.id, r.enterpriseCount]));
  const covered = new Map<string, boolean>();
  const isCovered = (id: string, depth = 0): boolean => {
    const known = covered.get(id);
    if (known !== undefined) return known;
    const v = (own.get(id) ?? 0) > 0 || (depth < 50 && (children.get(id) ?? []).some((c) => isCovered(c, depth + 1)));
    covered.set(id, v);
    return v;
  };
  return rows.map((r) => ({
    id: r.l.id,
    parentId: r.l.parentId,
    segment: r.l.segment,
    name: r.l.name,
    gapAction: r.l.gapAction,
    sortOrder: r.l.sortOrder,
    enterpriseCount: r.enterpriseCount,
    targetCount: r.targetCount,
    gap: !isCovered(r.l.id),
  }));
}

export async function chainMap(ex: Executor, scope: ZoneScope, chainId: string): Promise<ChainMap | undefined> {
  const chain = await getChain(ex, scope, chainId);
  if (!chain) return undefined;
  const nodes = await mapNodes(ex, scope, chainId);
  const segments = chainSegments.map((segment: ChainSegment) => {
    const of = nodes.filter((n) => n.segment === segment);
    return {
      segment,
      links: of.length,
      gaps: of.filter((n) => n.gap).length,
      enterprises: of.reduce((a, n) => a + n.enterpriseCount, 0),
      targets: of.reduce((a, n) => a + n.targetCount, 0),
    };
  });
  return { chain, nodes, segments };
}

export async function getLink(ex: Executor, scope: ZoneScope, id: string) {
  const [l] = await ex
    .select()
    .from(investmentChainLinks)
    .where(and(eq(investmentChainLinks.zoneId, scope.zoneId), eq(investmentChainLinks.id, id)));
  return l;
}

export async function linkDetail(ex: Executor, scope: ZoneScope, id: string) {
  const l = await getLink(ex, scope, id);
  if (!l) return undefined;
  const node = (await mapNodes(ex, scope, l.chainId)).find((n) => n.id === id)!;
  const ents = await ex
    .select({
      id: enterprises.id,
      name: enterprises.name,
      creditCode: enterprises.creditCode,
      chainLeader: investmentLinkEnterprises.chainLeader,
    })
    .from(investmentLinkEnterprises)
    .innerJoin(enterprises, eq(enterprises.id, investmentLinkEnterprises.enterpriseId))
    .where(and(eq(investmentLinkEnterprises.zoneId, scope.zoneId), eq(investmentLinkEnterprises.linkId, id)))
    .orderBy(desc(investmentLinkEnterprises.chainLeader), asc(enterprises.name));
  const targets = await listTargets(ex, scope, { current: 1, pageSize: 500, linkId: id });
  return { link: node, enterprises: ents, targets: targets.data };
}

// ---------------------------------------------------------------- target companies

const targetColumns = {
  t: investmentTargetCompanies,
  chainName: investmentChains.name,
  linkName: investmentChainLinks.name,
  segment: investmentChainLinks.segment,
};

function presentTarget(r: {
  t: typeof investmentTargetCompanies.$inferSelect;
  chainName: string | null;
  linkName: string | null;
  segment: ChainSegment | null;
}): TargetCompany {
  const { zoneId: _z, ...t } = r.t;
  return {
    ...t,
    chainName: r.chainName,
    linkName: r.linkName,
    segment: r.segment,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

function targetQuery(scope: ZoneScope, q: Omit<TargetListQuery, 'current' | 'pageSize'>) {
  const where: SQL[] = [eq(investmentTargetCompanies.zoneId, scope.zoneId)];
  if (q.chainId) where.push(eq(investmentTargetCompanies.chainId, q.chainId));
  if (q.linkId) where.push(eq(investmentTargetCompanies.linkId, q.linkId));
  if (q.status) where.push(eq(investmentTargetCompanies.status, q.status));
  if (q.priority) where.push(eq(investmentTargetCompanies.priority, q.priority));
  if (q.q) {
    const p = likePattern(q.q);
    where.push(
      or(
        ilike(investmentTargetCompanies.name, p),
        ilike(investmentTargetCompanies.region, p),
        ilike(investmentTargetCompanies.industry, p),
      ) as SQL,
    );
  }
  const order = orderBy(
    q,
    {
      name: investmentTargetCompanies.name,
      priority: investmentTargetCompanies.priority,
      status: investmentTargetCompanies.status,
      updatedAt: investmentTargetCompanies.updatedAt,
    },
    asc(investmentTargetCompanies.priority),
    investmentTargetCompanies.id,
  );
  return { cond: and(...where), order };
}

function targetBase(ex: Executor) {
  return ex
    .select(targetColumns)
    .from(investmentTargetCompanies)
    .leftJoin(investmentChains, eq(investmentChains.id, investmentTargetCompanies.chainId))
    .leftJoin(investmentChainLinks, eq(investmentChainLinks.id, investmentTargetCompanies.linkId));
}

export async function listTargets(ex: Executor, scope: ZoneScope, q: TargetListQuery) {
  const { cond, order } = targetQuery(scope, q);
  const [rows, [total]] = await Promise.all([
    targetBase(ex)
      .where(cond)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex.select({ n: count() }).from(investmentTargetCompanies).where(cond),
  ]);
  return { data: rows.map(presentTarget), total: total?.n ?? 0 };
}

export async function targetPage(
  ex: Executor,
  scope: ZoneScope,
  q: Omit<TargetListQuery, 'current' | 'pageSize'>,
  offset: number,
  limit: number,
) {
  const { cond, order } = targetQuery(scope, q);
  const rows = await targetBase(ex)
    .where(cond)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  return rows.map(presentTarget);
}

export async function getTarget(ex: Executor, scope: ZoneScope, id: string) {
  const [r] = await targetBase(ex).where(
    and(eq(investmentTargetCompanies.zoneId, scope.zoneId), eq(investmentTargetCompanies.id, id)),
  );
  return r ? presentTarget(r) : undefined;
}

// ---------------------------------------------------------------- activities

function activityQuery(scope: ZoneScope, q: ActivityListQuery) {
  const where: SQL[] = [eq(investmentActivities.zoneId, scope.zoneId)];
  if (q.kind) where.push(eq(investmentActivities.kind, q.kind));
  if (q.projectId) where.push(eq(investmentActivities.projectId, q.projectId));
  if (q.targetCompanyId) where.push(eq(investmentActivities.targetCompanyId, q.targetCompanyId));
  if (q.teamId) where.push(eq(investmentActivities.teamId, q.teamId));
  if (q.year) where.push(sql`extract(year from ${investmentActivities.heldOn}) = ${q.year}`);
  if (q.q) {
    const p = likePattern(q.q);
    where.push(
      or(
        ilike(investmentActivities.title, p),
        ilike(investmentActivities.place, p),
        ilike(investmentActivities.counterparts, p),
      ) as SQL,
    );
  }
  return and(...where);
}

function activityBase(ex: Executor) {
  return ex
    .select({
      a: investmentActivities,
      teamName: investmentTeams.name,
      projectName: investmentProjects.name,
      targetCompanyName: investmentTargetCompanies.name,
    })
    .from(investmentActivities)
    .leftJoin(investmentTeams, eq(investmentTeams.id, investmentActivities.teamId))
    .leftJoin(investmentProjects, eq(investmentProjects.id, investmentActivities.projectId))
    .leftJoin(investmentTargetCompanies, eq(investmentTargetCompanies.id, investmentActivities.targetCompanyId));
}

function presentActivity(r: {
  a: typeof investmentActivities.$inferSelect;
  teamName: string | null;
  projectName: string | null;
  targetCompanyName: string | null;
}) {
  const { zoneId: _z, ...a } = r.a;
  return {
    ...a,
    teamName: r.teamName,
    projectName: r.projectName,
    targetCompanyName: r.targetCompanyName,
    createdAt: a.createdAt.toISOString(),
  };
}

export async function listActivities(ex: Executor, scope: ZoneScope, q: ActivityListQuery) {
  const cond = activityQuery(scope, q);
  const order = orderBy(
    q,
    { heldOn: investmentActivities.heldOn, kind: investmentActivities.kind, title: investmentActivities.title },
    desc(investmentActivities.heldOn),
    investmentActivities.id,
  );
  const [rows, [total]] = await Promise.all([
    activityBase(ex)
      .where(cond)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex.select({ n: count() }).from(investmentActivities).where(cond),
  ]);
  return { data: rows.map(presentActivity), total: total?.n ?? 0 };
}

export async function getActivity(ex: Executor, scope: ZoneScope, id: string) {
  const [r] = await activityBase(ex).where(
    and(eq(investmentActivities.zoneId, scope.zoneId), eq(investmentActivities.id, id)),
  );
  return r ? presentActivity(r) : undefined;
}

/** Activities of a year by kind (e.g. 4 outbound trips + 2 inbound visits). */
export async function activitySummary(ex: Executor, scope: ZoneScope, year: number) {
  const rows = await ex
    .select({ kind: investmentActivities.kind, n: count() })
    .from(investmentActivities)
    .where(
      and(
        eq(investmentActivities.zoneId, scope.zoneId),
        sql`extract(year from ${investmentActivities.heldOn}) = ${year}`,
      ),
    )
    .groupBy(investmentActivities.kind);
  const byKind = activityKinds.map((kind) => ({ kind, count: rows.find((r) => r.kind === kind)?.n ?? 0 }));
  return { year, byKind, total: byKind.reduce((a, b) => a + b.count, 0) };
}

// ---------------------------------------------------------------- green cards

function presentCard(r: { g: typeof investmentGreenCards.$inferSelect; projectName: string }, today: string) {
  const { zoneId: _z, createdAt: _c, ...g } = r.g;
  return {
    ...g,
    projectName: r.projectName,
    valid: g.status === 'active' && g.issuedOn <= today && today <= g.validUntil,
  };
}

export async function listGreenCards(
  ex: Executor,
  scope: ZoneScope,
  q: PageQuery & { projectId?: string; status?: 'active' | 'revoked' },
) {
  const where: SQL[] = [eq(investmentGreenCards.zoneId, scope.zoneId)];
  if (q.projectId) where.push(eq(investmentGreenCards.projectId, q.projectId));
  if (q.status) where.push(eq(investmentGreenCards.status, q.status));
  if (q.q) {
    const p = likePattern(q.q);
    where.push(
      or(
        ilike(investmentGreenCards.cardNo, p),
        ilike(investmentGreenCards.holderName, p),
        ilike(investmentProjects.name, p),
      ) as SQL,
    );
  }
  const cond = and(...where);
  const base = ex
    .select({ g: investmentGreenCards, projectName: investmentProjects.name })
    .from(investmentGreenCards)
    .innerJoin(investmentProjects, eq(investmentProjects.id, investmentGreenCards.projectId));
  const [rows, [total]] = await Promise.all([
    base
      .where(cond)
      .orderBy(desc(investmentGreenCards.issuedOn), asc(investmentGreenCards.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex
      .select({ n: count() })
      .from(investmentGreenCards)
      .innerJoin(investmentProjects, eq(investmentProjects.id, investmentGreenCards.projectId))
      .where(cond),
  ]);
  const today = todayInShanghai();
  return { data: rows.map((r) => presentCard(r, today)), total: total?.n ?? 0 };
}

export async function getGreenCard(ex: Executor, scope: ZoneScope, id: string) {
  const [r] = await ex
    .select({ g: investmentGreenCards, projectName: investmentProjects.name })
    .from(investmentGreenCards)
    .innerJoin(investmentProjects, eq(investmentProjects.id, investmentGreenCards.projectId))
    .where(and(eq(investmentGreenCards.zoneId, scope.zoneId), eq(investmentGreenCards.id, id)));
  return r ? presentCard(r, todayInShanghai()) : undefined;
}
