import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import {
  DEFAULT_STAGE_SETS,
  type PipelineListQuery,
  type PipelineProject,
  type ProjectType,
  type StageSets,
} from '../../../shared/investment';
import { DEFAULT_LIGHT_PARAMS, type LightParams, percent } from '../../../shared/projects';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { likePattern, offsetOf, orderBy } from '../../platform/db/paging';
import { type Binder, binder, bindWith, cachedStatement } from '../../platform/db/statements';
import { keyProjects } from '../projects/projects.tables';
import { subParks } from '../tenancy/tenancy.tables';
import {
  investmentOpinions,
  investmentProjects,
  investmentSettings,
  investmentStageMoves,
  investmentTeams,
} from './investment.tables';

export interface ZoneSettings {
  stageSets: StageSets;
  lightParams: LightParams;
}

/** The zone's rule parameters, or the DOMAIN.md defaults when the zone has not set its own. */
export async function settingsOf(ex: Executor, zoneId: string): Promise<ZoneSettings> {
  const statement = cachedStatement(ex, 'investment.settings', () =>
    ex
      .select()
      .from(investmentSettings)
      .where(eq(investmentSettings.zoneId, sql.placeholder('zoneId')))
      .prepare(''),
  );
  const [row] = await statement.execute({ zoneId });
  return row
    ? { stageSets: row.stageSets, lightParams: row.lightParams }
    : { stageSets: DEFAULT_STAGE_SETS, lightParams: DEFAULT_LIGHT_PARAMS };
}

/** Foreign funds in fen at the recorded rate: cents × rate, rounded half up, in integers. */
export function usdToFen(cents: number, rate: string | null): number {
  if (!rate || cents === 0) return 0;
  const [whole, frac = ''] = rate.split('.');
  const rate4 = BigInt(whole ?? '0') * 10000n + BigInt(`${frac}0000`.slice(0, 4));
  return Number((BigInt(cents) * rate4 + 5000n) / 10000n);
}

const keyProjectId = sql<string | null>`(select ${keyProjects.id} from ${keyProjects}
  where ${keyProjects.pipelineProjectId} = "investment_projects"."id" limit 1)`;
const pendingMoveId = sql<string | null>`(select ${investmentStageMoves.id} from ${investmentStageMoves}
  where ${investmentStageMoves.projectId} = "investment_projects"."id" and ${investmentStageMoves.status} = 'pending')`;

const columns = {
  p: investmentProjects,
  teamName: investmentTeams.name,
  subParkName: subParks.name,
  keyProjectId,
  pendingMoveId,
};

type Joined = {
  p: typeof investmentProjects.$inferSelect;
  teamName: string | null;
  subParkName: string | null;
  keyProjectId: string | null;
  pendingMoveId: string | null;
};

/** One pipeline project as the API sends it, field by field (see the enterprise registry's flatten for why). */
function present(r: Joined, sets: StageSets): PipelineProject {
  const p = r.p;
  const stages = sets[p.type as ProjectType];
  const stageIndex = stages.findIndex((s) => s.key === p.stage);
  return {
    id: p.id,
    zoneId: p.zoneId,
    name: p.name,
    type: p.type,
    investor: p.investor,
    sourceRegion: p.sourceRegion,
    teamId: p.teamId,
    teamName: r.teamName,
    subParkId: p.subParkId,
    subParkName: r.subParkName,
    stage: p.stage,
    stageName: stages[stageIndex]?.name ?? p.stage,
    stageIndex,
    stageEnteredAt: p.stageEnteredAt.toISOString(),
    agreedInvestmentFen: p.agreedInvestmentFen,
    fundsOutsideProvinceFen: p.fundsOutsideProvinceFen,
    fundsAbroadUsdCents: p.fundsAbroadUsdCents,
    usdRate: p.usdRate,
    fundsAbroadFen: usdToFen(p.fundsAbroadUsdCents, p.usdRate),
    fortune500: p.fortune500,
    listed: p.listed,
    xiangshangReturn: p.xiangshangReturn,
    plan: p.plan,
    signedOn: p.signedOn,
    enterpriseId: p.enterpriseId,
    keyProjectId: r.keyProjectId,
    pendingMoveId: r.pendingMoveId,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** WHERE and ORDER BY of the pipeline list; with a binder, values become its placeholders (a cached statement). */
export function pipelineQuery(scope: ZoneScope, q: Omit<PipelineListQuery, 'current' | 'pageSize'>, b?: Binder) {
  const v = bindWith(b);
  const where: SQL[] = [eq(investmentProjects.zoneId, v('zoneId', scope.zoneId))];
  if (q.type) where.push(eq(investmentProjects.type, v('type', q.type)));
  if (q.stage) where.push(eq(investmentProjects.stage, v('stage', q.stage)));
  if (q.teamId) where.push(eq(investmentProjects.teamId, v('teamId', q.teamId)));
  if (q.flag) where.push(eq(investmentProjects[q.flag], v(`flag_${q.flag}`, true)));
  if (q.q) {
    const p = likePattern(q.q);
    where.push(
      or(ilike(investmentProjects.name, v('qName', p)), ilike(investmentProjects.investor, v('qInvestor', p))) as SQL,
    );
  }
  const order = orderBy(
    q,
    {
      name: investmentProjects.name,
      agreedInvestmentFen: investmentProjects.agreedInvestmentFen,
      stageEnteredAt: investmentProjects.stageEnteredAt,
      signedOn: sql`coalesce(${investmentProjects.signedOn}, '0001-01-01'::date)`,
      updatedAt: investmentProjects.updatedAt,
    },
    desc(investmentProjects.updatedAt),
    investmentProjects.id,
  );
  return { cond: and(...where), order };
}

function base(ex: Executor) {
  return ex
    .select(columns)
    .from(investmentProjects)
    .leftJoin(investmentTeams, eq(investmentTeams.id, investmentProjects.teamId))
    .leftJoin(subParks, eq(subParks.id, investmentProjects.subParkId));
}

export async function listPipeline(ex: Executor, scope: ZoneScope, q: PipelineListQuery) {
  // Built once per shape (filters present, sort) and executed with this request's values: platform/db/statements.ts.
  const b = binder();
  const { cond, order } = pipelineQuery(scope, q, b);
  const shape = b.shape();
  const page = cachedStatement(ex, `investment.page|${shape}|${q.sortField ?? ''}|${q.sortOrder ?? ''}`, () =>
    base(ex)
      .where(cond)
      .orderBy(...order)
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(''),
  );
  const total = cachedStatement(ex, `investment.count|${shape}`, () =>
    ex.select({ n: count() }).from(investmentProjects).where(cond).prepare(''),
  );
  const [sets, data, [n]] = await Promise.all([
    settingsOf(ex, scope.zoneId),
    page.execute({ ...b.values, limit: q.pageSize, offset: offsetOf(q) }),
    total.execute(b.values),
  ]);
  return { data: data.map((r) => present(r, sets.stageSets)), total: n?.n ?? 0 };
}

export async function pipelinePage(
  ex: Executor,
  scope: ZoneScope,
  q: Omit<PipelineListQuery, 'current' | 'pageSize'>,
  offset: number,
  limit: number,
) {
  const { cond, order } = pipelineQuery(scope, q);
  const sets = await settingsOf(ex, scope.zoneId);
  const rows = await base(ex)
    .where(cond)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  return rows.map((r) => present(r, sets.stageSets));
}

export async function getPipeline(ex: Executor, scope: ZoneScope, id: string): Promise<PipelineProject | undefined> {
  const [row] = await base(ex).where(and(eq(investmentProjects.zoneId, scope.zoneId), eq(investmentProjects.id, id)));
  if (!row) return undefined;
  const sets = await settingsOf(ex, scope.zoneId);
  return present(row, sets.stageSets);
}

export async function history(ex: Executor, scope: ZoneScope, projectId: string) {
  const [moves, opinions] = await Promise.all([
    ex
      .select()
      .from(investmentStageMoves)
      .where(and(eq(investmentStageMoves.zoneId, scope.zoneId), eq(investmentStageMoves.projectId, projectId)))
      .orderBy(desc(investmentStageMoves.requestedAt)),
    ex
      .select()
      .from(investmentOpinions)
      .where(and(eq(investmentOpinions.zoneId, scope.zoneId), eq(investmentOpinions.projectId, projectId)))
      .orderBy(desc(investmentOpinions.at)),
  ]);
  return {
    moves: moves.map((m) => ({
      ...m,
      requestedAt: m.requestedAt.toISOString(),
      decidedAt: m.decidedAt?.toISOString() ?? null,
    })),
    opinions: opinions.map((o) => ({ id: o.id, authorName: o.authorName, text: o.text, at: o.at.toISOString() })),
  };
}

export async function listTeams(ex: Executor, scope: ZoneScope) {
  return ex
    .select({
      id: investmentTeams.id,
      name: investmentTeams.name,
      leaderName: investmentTeams.leaderName,
      departmentId: investmentTeams.departmentId,
    })
    .from(investmentTeams)
    .where(eq(investmentTeams.zoneId, scope.zoneId))
    .orderBy(asc(investmentTeams.name));
}

/**
 * Funnel of one project type: projects now in each stage, projects that reached it (now there or further on),
 * conversion from the previous stage, and the average days spent in a stage by the projects that left it.
 * With `year`, only projects created that year (Asia/Shanghai).
 */
export async function funnel(ex: Executor, scope: ZoneScope, type: ProjectType, year?: number) {
  const { stageSets } = await settingsOf(ex, scope.zoneId);
  const stages = stageSets[type];
  const where: SQL[] = [eq(investmentProjects.zoneId, scope.zoneId), eq(investmentProjects.type, type)];
  if (year) {
    where.push(sql`extract(year from ${investmentProjects.createdAt} at time zone 'Asia/Shanghai') = ${year}`);
  }
  const [byStage, days] = await Promise.all([
    ex
      .select({ stage: investmentProjects.stage, n: count() })
      .from(investmentProjects)
      .where(and(...where))
      .groupBy(investmentProjects.stage),
    ex
      .select({
        stage: investmentStageMoves.fromStage,
        total: sql<number>`sum(${investmentStageMoves.daysInStage})::int`,
        n: count(),
      })
      .from(investmentStageMoves)
      .innerJoin(investmentProjects, eq(investmentProjects.id, investmentStageMoves.projectId))
      .where(and(...where, eq(investmentStageMoves.status, 'approved')))
      .groupBy(investmentStageMoves.fromStage),
  ]);
  const current = stages.map((s) => byStage.find((b) => b.stage === s.key)?.n ?? 0);
  const reached = current.map((_, i) => current.slice(i).reduce((a, b) => a + b, 0));
  return {
    type,
    stages: stages.map((s, i) => {
      const d = days.find((x) => x.stage === s.key);
      return {
        key: s.key,
        name: s.name,
        current: current[i]!,
        reached: reached[i]!,
        conversion: i === 0 ? '' : percent(reached[i]!, reached[i - 1]!),
        avgDays: d && d.n > 0 ? decimal1(d.total, d.n) : '',
      };
    }),
  };
}

/** total / n with one decimal, rounded half up, in integers. */
function decimal1(total: number, n: number): string {
  const tenths = Math.floor((total * 20 + n) / (2 * n));
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}
