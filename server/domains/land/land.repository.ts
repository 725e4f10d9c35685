import { and, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { likePattern, offsetOf, orderBy } from '../../platform/db/paging';
import { users } from '../auth/auth.tables';
import { efficiencyResults, efficiencyRuns } from '../efficiency/efficiency.tables';
import { enterprises } from '../enterprises/enterprises.tables';
import { landContracts, landParcels, landPatrols, landReviews } from './land.tables';

const yuanOf = (fen: number | null) => (fen === null ? null : fen / 100);

/** Parcels of the zone; an enterprise user sees only its own. */
export function parcelScope(scope: ZoneScope): SQL {
  const base = eq(landParcels.zoneId, scope.zoneId);
  if (scope.actor.role !== 'enterprise') return base;
  return scope.enterpriseId ? (and(base, eq(landParcels.enterpriseId, scope.enterpriseId)) as SQL) : sql`false`;
}

export function contractScope(scope: ZoneScope): SQL {
  const base = eq(landContracts.zoneId, scope.zoneId);
  if (scope.actor.role !== 'enterprise') return base;
  return scope.enterpriseId ? (and(base, eq(landContracts.enterpriseId, scope.enterpriseId)) as SQL) : sql`false`;
}

const parcelColumns = { p: landParcels, enterpriseName: enterprises.name, contractId: landContracts.id };
type ParcelJoin = { p: typeof landParcels.$inferSelect; enterpriseName: string | null; contractId: string | null };
function parcelOut({ p, enterpriseName, contractId }: ParcelJoin) {
  const { landPriceFen, idleFeeFen, zoneId: _z, ...rest } = p;
  return { ...rest, enterpriseName, contractId, landPrice: yuanOf(landPriceFen), idleFee: idleFeeFen / 100 };
}
export type ParcelRow = ReturnType<typeof parcelOut>;

const parcelBase = (ex: Executor) =>
  ex
    .select(parcelColumns)
    .from(landParcels)
    .leftJoin(enterprises, eq(enterprises.id, landParcels.enterpriseId))
    .leftJoin(landContracts, eq(landContracts.parcelId, landParcels.id));

export interface ParcelFilter {
  q?: string;
  status?: (typeof landParcels.$inferSelect)['status'];
  use?: (typeof landParcels.$inferSelect)['use'];
  idle?: 'true' | 'false';
  enterpriseId?: string;
  sortField?: string;
  sortOrder?: 'ascend' | 'descend';
}

function parcelQuery(scope: ZoneScope, q: ParcelFilter) {
  const where: SQL[] = [parcelScope(scope)];
  if (q.status) where.push(eq(landParcels.status, q.status));
  if (q.use) where.push(eq(landParcels.use, q.use));
  if (q.idle) where.push(eq(landParcels.idle, q.idle === 'true'));
  if (q.enterpriseId) where.push(eq(landParcels.enterpriseId, q.enterpriseId));
  if (q.q)
    where.push(
      or(
        ilike(landParcels.code, likePattern(q.q)),
        ilike(landParcels.name, likePattern(q.q)),
        ilike(enterprises.name, likePattern(q.q)),
      ) as SQL,
    );
  const order = orderBy(
    q,
    { code: landParcels.code, areaMu: landParcels.areaMu, deliveredOn: landParcels.deliveredOn },
    sql`${landParcels.code} asc`,
    landParcels.id,
  );
  return { cond: and(...where), order };
}

export async function parcelPage(ex: Executor, scope: ZoneScope, q: ParcelFilter, offset: number, limit: number) {
  const { cond, order } = parcelQuery(scope, q);
  const rows = await parcelBase(ex)
    .where(cond)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  return rows.map(parcelOut);
}

export async function listParcels(
  ex: Executor,
  scope: ZoneScope,
  q: ParcelFilter & { current: number; pageSize: number },
) {
  const { cond } = parcelQuery(scope, q);
  const [data, [total]] = await Promise.all([
    parcelPage(ex, scope, q, offsetOf(q), q.pageSize),
    ex
      .select({ n: count() })
      .from(landParcels)
      .leftJoin(enterprises, eq(enterprises.id, landParcels.enterpriseId))
      .where(cond),
  ]);
  return { data, total: total?.n ?? 0 };
}

export async function getParcel(ex: Executor, scope: ZoneScope, id: string) {
  const [row] = await parcelBase(ex).where(and(parcelScope(scope), eq(landParcels.id, id)));
  return row ? parcelOut(row) : undefined;
}

/** 亩均 class of each enterprise in the zone's latest published or final run. */
export async function latestClasses(ex: Executor, zoneId: string): Promise<Map<string, 'A' | 'B' | 'C' | 'D'>> {
  const [run] = await ex
    .select({ id: efficiencyRuns.id })
    .from(efficiencyRuns)
    .where(and(eq(efficiencyRuns.zoneId, zoneId), inArray(efficiencyRuns.status, ['published', 'final'])))
    .orderBy(desc(efficiencyRuns.year), desc(efficiencyRuns.publishedAt))
    .limit(1);
  if (!run) return new Map();
  const rows = await ex
    .select({ enterpriseId: efficiencyResults.enterpriseId, cls: efficiencyResults.cls })
    .from(efficiencyResults)
    .where(and(eq(efficiencyResults.zoneId, zoneId), eq(efficiencyResults.runId, run.id)));
  return new Map(rows.map((r) => [r.enterpriseId, r.cls]));
}

export async function parcelMap(ex: Executor, scope: ZoneScope) {
  const [rows, classes] = await Promise.all([
    ex
      .select({
        id: landParcels.id,
        code: landParcels.code,
        name: landParcels.name,
        status: landParcels.status,
        idle: landParcels.idle,
        areaMu: landParcels.areaMu,
        geometry: landParcels.geometry,
        enterpriseId: landParcels.enterpriseId,
        enterpriseName: enterprises.name,
      })
      .from(landParcels)
      .leftJoin(enterprises, eq(enterprises.id, landParcels.enterpriseId))
      .where(parcelScope(scope))
      .orderBy(landParcels.code),
    latestClasses(ex, scope.zoneId),
  ]);
  return {
    type: 'FeatureCollection' as const,
    features: rows.map(({ geometry, enterpriseId, ...p }) => ({
      type: 'Feature' as const,
      geometry,
      properties: { ...p, efficiencyClass: enterpriseId ? (classes.get(enterpriseId) ?? null) : null },
    })),
  };
}

// ---- contracts -------------------------------------------------------------------------------------------------

const contractColumns = { c: landContracts, parcelCode: landParcels.code, enterpriseName: enterprises.name };
type ContractJoin = { c: typeof landContracts.$inferSelect; parcelCode: string; enterpriseName: string };
function contractOut({ c, parcelCode, enterpriseName }: ContractJoin) {
  const { landPriceFen, accruedPenaltyFen, latePenaltyPpm, zoneId: _z, ...rest } = c;
  return {
    ...rest,
    parcelCode,
    enterpriseName,
    landPrice: landPriceFen / 100,
    accruedPenalty: accruedPenaltyFen / 100,
    latePenaltyPermille: latePenaltyPpm / 1000,
    investmentIntensity: c.areaMu > 0 ? Math.round((c.investment / c.areaMu) * 100) / 100 : 0,
  };
}
export type ContractRow = ReturnType<typeof contractOut>;

const contractBase = (ex: Executor) =>
  ex
    .select(contractColumns)
    .from(landContracts)
    .innerJoin(landParcels, eq(landParcels.id, landContracts.parcelId))
    .innerJoin(enterprises, eq(enterprises.id, landContracts.enterpriseId));

export async function listContracts(
  ex: Executor,
  scope: ZoneScope,
  q: {
    current: number;
    pageSize: number;
    q?: string;
    parcelId?: string;
    enterpriseId?: string;
    sortField?: string;
    sortOrder?: 'ascend' | 'descend';
  },
) {
  const where: SQL[] = [contractScope(scope)];
  if (q.parcelId) where.push(eq(landContracts.parcelId, q.parcelId));
  if (q.enterpriseId) where.push(eq(landContracts.enterpriseId, q.enterpriseId));
  if (q.q)
    where.push(
      or(
        ilike(landContracts.contractNo, likePattern(q.q)),
        ilike(landParcels.code, likePattern(q.q)),
        ilike(enterprises.name, likePattern(q.q)),
      ) as SQL,
    );
  const cond = and(...where);
  const order = orderBy(
    q,
    { signedOn: landContracts.signedOn, agreedStartOn: landContracts.agreedStartOn },
    sql`${landContracts.signedOn} desc`,
    landContracts.id,
  );
  const [data, [total]] = await Promise.all([
    contractBase(ex)
      .where(cond)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex
      .select({ n: count() })
      .from(landContracts)
      .innerJoin(landParcels, eq(landParcels.id, landContracts.parcelId))
      .innerJoin(enterprises, eq(enterprises.id, landContracts.enterpriseId))
      .where(cond),
  ]);
  return { data: data.map(contractOut), total: total?.n ?? 0 };
}

export async function getContract(ex: Executor, scope: ZoneScope, id: string) {
  const [row] = await contractBase(ex).where(and(contractScope(scope), eq(landContracts.id, id)));
  return row ? contractOut(row) : undefined;
}

export async function listReviews(ex: Executor, scope: ZoneScope, contractId: string) {
  const rows = await ex
    .select()
    .from(landReviews)
    .where(and(eq(landReviews.zoneId, scope.zoneId), eq(landReviews.contractId, contractId)))
    .orderBy(desc(landReviews.reviewedOn), desc(landReviews.createdAt));
  return rows.map(reviewOut);
}

export function reviewOut(r: typeof landReviews.$inferSelect) {
  const a = r.actuals;
  const n = (k: string) => (typeof a[k] === 'number' ? (a[k] as number) : null);
  const s = (k: string) => (typeof a[k] === 'string' ? (a[k] as string) : null);
  return {
    id: r.id,
    contractId: r.contractId,
    kind: r.kind,
    reviewedOn: r.reviewedOn,
    startedOn: s('startedOn'),
    completedOn: s('completedOn'),
    actualPlotRatio: n('actualPlotRatio'),
    actualInvestment: n('actualInvestment'),
    actualTaxPerMu: n('actualTaxPerMu'),
    actualEnergyPerOutput: n('actualEnergyPerOutput'),
    actualEmission: n('actualEmission'),
    actualRdShare: n('actualRdShare'),
    note: r.note,
    lines: r.lines.map((l) => ({ label: l.label, formula: l.formula, amount: l.fen / 100 })),
    checks: r.checks,
    totalPenalty: r.totalPenaltyFen / 100,
    passed: r.passed,
    createdAt: r.createdAt,
  };
}

// ---- patrols ---------------------------------------------------------------------------------------------------

export async function listPatrols(
  ex: Executor,
  scope: ZoneScope,
  q: { current: number; pageSize: number; q?: string; parcelId?: string; finding?: string },
) {
  const where: SQL[] = [parcelScope(scope)];
  if (q.parcelId) where.push(eq(landPatrols.parcelId, q.parcelId));
  if (q.finding) where.push(eq(landPatrols.finding, q.finding as 'normal'));
  if (q.q) where.push(or(ilike(landParcels.code, likePattern(q.q)), ilike(landPatrols.note, likePattern(q.q))) as SQL);
  const cond = and(eq(landPatrols.zoneId, scope.zoneId), ...where);
  const [data, [total]] = await Promise.all([
    ex
      .select({ t: landPatrols, parcelCode: landParcels.code, inspectorName: users.displayName })
      .from(landPatrols)
      .innerJoin(landParcels, eq(landParcels.id, landPatrols.parcelId))
      .leftJoin(users, eq(users.id, landPatrols.createdBy))
      .where(cond)
      .orderBy(desc(landPatrols.patrolledOn), desc(landPatrols.createdAt))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    ex
      .select({ n: count() })
      .from(landPatrols)
      .innerJoin(landParcels, eq(landParcels.id, landPatrols.parcelId))
      .where(cond),
  ]);
  return {
    data: data.map(({ t, parcelCode, inspectorName }) => {
      const { zoneId: _z, createdBy: _c, ...rest } = t;
      return { ...rest, parcelCode, inspectorName };
    }),
    total: total?.n ?? 0,
  };
}
