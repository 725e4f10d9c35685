import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ContractInput,
  ParcelInput,
  PatrolInput,
  parcelGeoJsonImportSchema,
  ReviewInput,
} from '../../../shared/land';
import { parcelStatuses, parcelUses } from '../../../shared/land';
import type { ZoneScope } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import type { Db, Executor, Tx } from '../../platform/db';
import { AppError, conflict, invalid, notFound } from '../../platform/errors';
import { enterprises } from '../enterprises/enterprises.tables';
import { assertFilesUsable } from '../files/files.service';
import { areaProblem, geodesicArea } from './land.geo';
import { getContract, getParcel, reviewOut } from './land.repository';
import { addMonths, computeReview } from './land.review';
import { buildPeriod } from './land.rules';
import { landContracts, landParcels, landPatrols, landReviews } from './land.tables';

const toFen = (yuan: number | null) => (yuan === null ? null : Math.round(yuan * 100));

async function assertEnterprise(ex: Executor, scope: ZoneScope, id: string | null, field: string) {
  if (!id) return;
  const [row] = await ex
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(and(eq(enterprises.zoneId, scope.zoneId), eq(enterprises.id, id)));
  if (!row) throw invalid({ [field]: 'NOT_FOUND' });
}

async function codeTaken(ex: Executor, scope: ZoneScope, code: string, exceptId?: string) {
  const [row] = await ex
    .select({ id: landParcels.id })
    .from(landParcels)
    .where(and(eq(landParcels.zoneId, scope.zoneId), eq(landParcels.code, code)));
  return row && row.id !== exceptId;
}

function parcelValues(input: ParcelInput) {
  const area = geodesicArea(input.geometry);
  const problem = areaProblem(area.areaM2);
  if (problem) throw invalid({ geometry: problem });
  return {
    code: input.code,
    name: input.name,
    use: input.use,
    status: input.status,
    geometry: input.geometry,
    ...area,
    enterpriseId: input.enterpriseId,
    landPriceFen: toFen(input.landPrice),
    deliveredOn: input.deliveredOn,
    note: input.note,
  };
}

async function audit(
  tx: Tx,
  scope: ZoneScope,
  action: string,
  entity: string,
  id: string | null,
  before: unknown,
  after: unknown,
) {
  await recordAudit(tx, { actor: scope.actor, zoneId: scope.zoneId, action, entity, entityId: id, before, after });
}

export async function createParcel(db: Db, scope: ZoneScope, input: ParcelInput) {
  return db.transaction(async (tx) => {
    await assertEnterprise(tx, scope, input.enterpriseId, 'enterpriseId');
    if (await codeTaken(tx, scope, input.code)) throw conflict({ code: 'DUPLICATE_VALUE' });
    const [row] = await tx
      .insert(landParcels)
      .values({ zoneId: scope.zoneId, ...parcelValues(input) })
      .returning({ id: landParcels.id });
    const out = (await getParcel(tx, scope, row!.id))!;
    await audit(tx, scope, 'create', 'land_parcel', row!.id, null, out);
    return out;
  });
}

export async function updateParcel(db: Db, scope: ZoneScope, id: string, input: ParcelInput) {
  return db.transaction(async (tx) => {
    const before = await getParcel(tx, scope, id);
    if (!before) throw notFound();
    await assertEnterprise(tx, scope, input.enterpriseId, 'enterpriseId');
    if (await codeTaken(tx, scope, input.code, id)) throw conflict({ code: 'DUPLICATE_VALUE' });
    await tx
      .update(landParcels)
      .set({ ...parcelValues(input), updatedAt: new Date() })
      .where(and(eq(landParcels.zoneId, scope.zoneId), eq(landParcels.id, id)));
    const out = (await getParcel(tx, scope, id))!;
    await audit(tx, scope, 'update', 'land_parcel', id, before, out);
    return out;
  });
}

export async function deleteParcel(db: Db, scope: ZoneScope, id: string) {
  await db.transaction(async (tx) => {
    const before = await getParcel(tx, scope, id);
    if (!before) throw notFound();
    if (before.contractId) throw new AppError(409, 'LAND_PARCEL_IN_USE');
    await tx.delete(landParcels).where(and(eq(landParcels.zoneId, scope.zoneId), eq(landParcels.id, id)));
    await audit(tx, scope, 'delete', 'land_parcel', id, before, null);
  });
}

const pick = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T =>
  typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;

/**
 * GeoJSON import (e.g. exported from the land bureau's GIS): features are matched by code (properties.code or 编号);
 * a known code gets its polygon (and name/use/status when given) replaced, a new one is created. All or nothing.
 */
export async function importGeoJson(db: Db, scope: ZoneScope, fc: z.infer<typeof parcelGeoJsonImportSchema>) {
  return db.transaction(async (tx) => {
    const existing = new Map(
      (
        await tx
          .select({ id: landParcels.id, code: landParcels.code })
          .from(landParcels)
          .where(eq(landParcels.zoneId, scope.zoneId))
      ).map((r) => [r.code, r.id]),
    );
    let created = 0;
    let updated = 0;
    const seen = new Set<string>();
    for (const [i, f] of fc.features.entries()) {
      const p = f.properties ?? {};
      const rawCode = p.code ?? p.编号 ?? p.CODE;
      const code = typeof rawCode === 'string' || typeof rawCode === 'number' ? String(rawCode).trim() : '';
      const field = `features.${i}.properties.code`;
      if (!code || code.length > 40)
        throw new AppError(400, 'LAND_IMPORT_NO_CODE', { index: i + 1 }, { [field]: 'REQUIRED' });
      if (seen.has(code)) throw invalid({ [field]: 'DUPLICATE_VALUE' });
      seen.add(code);
      const area = geodesicArea(f.geometry);
      const problem = areaProblem(area.areaM2);
      if (problem) throw invalid({ [`features.${i}.geometry`]: problem });
      const name = typeof (p.name ?? p.名称) === 'string' ? String(p.name ?? p.名称).slice(0, 100) : undefined;
      const id = existing.get(code);
      if (id) {
        await tx
          .update(landParcels)
          .set({
            geometry: f.geometry,
            ...area,
            ...(name !== undefined ? { name } : {}),
            ...(p.use ? { use: pick(p.use, parcelUses, 'industrial') } : {}),
            ...(p.status ? { status: pick(p.status, parcelStatuses, 'reserve') } : {}),
            updatedAt: new Date(),
          })
          .where(and(eq(landParcels.zoneId, scope.zoneId), eq(landParcels.id, id)));
        updated++;
      } else {
        await tx.insert(landParcels).values({
          zoneId: scope.zoneId,
          code,
          name: name ?? '',
          use: pick(p.use, parcelUses, 'industrial'),
          status: pick(p.status, parcelStatuses, 'reserve'),
          geometry: f.geometry,
          ...area,
        });
        created++;
      }
    }
    await audit(tx, scope, 'import', 'land_parcel', null, null, { created, updated, source: 'geojson' });
    return { created, updated };
  });
}

// ---- standard-land contracts -----------------------------------------------------------------------------------

/** Agreed dates from the build-period rules (DOMAIN.md §7) of the parcel's area and the committed investment. */
export function contractValues(input: ContractInput, areaMu: number) {
  const period = buildPeriod(areaMu, BigInt(Math.round(input.investment * 1_000_000)));
  const agreedCompletionOn = addMonths(input.agreedStartOn, period.buildMonths + input.extensionMonths);
  const fields: Record<string, 'LAND_BEFORE_START'> = {};
  if (input.completedOn && input.startedOn && input.completedOn < input.startedOn)
    fields.completedOn = 'LAND_BEFORE_START';
  if (input.suspendedSince && input.startedOn && input.suspendedSince < input.startedOn)
    fields.suspendedSince = 'LAND_BEFORE_START';
  if (Object.keys(fields).length) throw invalid(fields);
  return {
    parcelId: input.parcelId,
    enterpriseId: input.enterpriseId,
    contractNo: input.contractNo,
    signedOn: input.signedOn,
    landPriceFen: toFen(input.landPrice)!,
    areaMu,
    investment: input.investment,
    plotRatio: input.plotRatio,
    taxPerMu: input.taxPerMu,
    energyPerOutput: input.energyPerOutput,
    emission: input.emission,
    rdShare: input.rdShare,
    agreedStartOn: input.agreedStartOn,
    buildMonths: period.buildMonths,
    productionMonths: period.productionMonths,
    extensionMonths: input.extensionMonths,
    agreedCompletionOn,
    agreedProductionOn: addMonths(agreedCompletionOn, period.productionMonths),
    latePenaltyPpm: Math.round(input.latePenaltyPermille * 1000),
    startedOn: input.startedOn,
    completedOn: input.completedOn,
    suspendedSince: input.suspendedSince,
    developedPercent: input.developedPercent,
    investedPercent: input.investedPercent,
    governmentCauseDays: input.governmentCauseDays,
    governmentCause: input.governmentCause,
  };
}

async function parcelForContract(tx: Tx, scope: ZoneScope, input: ContractInput, exceptContractId?: string) {
  const parcel = await getParcel(tx, scope, input.parcelId);
  if (!parcel) throw invalid({ parcelId: 'NOT_FOUND' });
  if (parcel.contractId && parcel.contractId !== exceptContractId)
    throw new AppError(409, 'LAND_HAS_CONTRACT', {}, { parcelId: 'LAND_HAS_CONTRACT' });
  await assertEnterprise(tx, scope, input.enterpriseId, 'enterpriseId');
  return parcel;
}

async function contractNoTaken(tx: Tx, scope: ZoneScope, no: string, exceptId?: string) {
  const [row] = await tx
    .select({ id: landContracts.id })
    .from(landContracts)
    .where(and(eq(landContracts.zoneId, scope.zoneId), eq(landContracts.contractNo, no)));
  if (row && row.id !== exceptId) throw conflict({ contractNo: 'DUPLICATE_VALUE' });
}

/** The parcel follows its contract: owner, price, and at least "supplied" (under construction once started). */
export async function syncParcel(tx: Tx, scope: ZoneScope, input: ContractInput, status: string) {
  const next =
    status === 'reserve'
      ? input.startedOn
        ? 'construction'
        : 'supplied'
      : status === 'supplied' && input.startedOn
        ? 'construction'
        : status;
  await tx
    .update(landParcels)
    .set({
      enterpriseId: input.enterpriseId,
      landPriceFen: toFen(input.landPrice),
      status: next as 'supplied',
      updatedAt: new Date(),
    })
    .where(and(eq(landParcels.zoneId, scope.zoneId), eq(landParcels.id, input.parcelId)));
}

export async function createContract(db: Db, scope: ZoneScope, input: ContractInput) {
  return db.transaction(async (tx) => {
    const parcel = await parcelForContract(tx, scope, input);
    await contractNoTaken(tx, scope, input.contractNo);
    const [row] = await tx
      .insert(landContracts)
      .values({ zoneId: scope.zoneId, ...contractValues(input, parcel.areaMu) })
      .returning({ id: landContracts.id });
    await syncParcel(tx, scope, input, parcel.status);
    const out = (await getContract(tx, scope, row!.id))!;
    await audit(tx, scope, 'create', 'land_contract', row!.id, null, out);
    return out;
  });
}

export async function updateContract(db: Db, scope: ZoneScope, id: string, input: ContractInput) {
  return db.transaction(async (tx) => {
    const before = await getContract(tx, scope, id);
    if (!before) throw notFound();
    if (before.parcelId !== input.parcelId) throw invalid({ parcelId: 'INVALID_OPTION' });
    const parcel = await parcelForContract(tx, scope, input, id);
    await contractNoTaken(tx, scope, input.contractNo, id);
    await tx
      .update(landContracts)
      .set({ ...contractValues(input, parcel.areaMu), updatedAt: new Date() })
      .where(and(eq(landContracts.zoneId, scope.zoneId), eq(landContracts.id, id)));
    await syncParcel(tx, scope, input, parcel.status);
    const out = (await getContract(tx, scope, id))!;
    await audit(tx, scope, 'update', 'land_contract', id, before, out);
    return out;
  });
}

export async function deleteContract(db: Db, scope: ZoneScope, id: string) {
  await db.transaction(async (tx) => {
    const before = await getContract(tx, scope, id);
    if (!before) throw notFound();
    const [review] = await tx
      .select({ id: landReviews.id })
      .from(landReviews)
      .where(and(eq(landReviews.zoneId, scope.zoneId), eq(landReviews.contractId, id)))
      .limit(1);
    if (review) throw new AppError(409, 'LAND_REVIEWED');
    await tx.delete(landContracts).where(and(eq(landContracts.zoneId, scope.zoneId), eq(landContracts.id, id)));
    await audit(tx, scope, 'delete', 'land_contract', id, before, null);
  });
}

/** Records a completion acceptance or production review; dates given here become the contract's progress. */
export async function reviewContract(db: Db, scope: ZoneScope, contractId: string, input: ReviewInput) {
  return db.transaction(async (tx) => {
    const c = await getContract(tx, scope, contractId);
    if (!c) throw notFound();
    if (input.kind === 'completion') {
      const started = input.startedOn ?? c.startedOn;
      const completed = input.completedOn ?? c.completedOn;
      if (!started || !completed) {
        throw invalid({ [started ? 'completedOn' : 'startedOn']: 'LAND_REVIEW_NEEDS_COMPLETION' });
      }
      if (completed < started) throw invalid({ completedOn: 'LAND_BEFORE_START' });
    }
    const result = computeReview(
      { ...c, landPriceFen: Math.round(c.landPrice * 100), latePenaltyPpm: Math.round(c.latePenaltyPermille * 1000) },
      input,
    );
    const { kind, reviewedOn, note, ...actuals } = input;
    const [row] = await tx
      .insert(landReviews)
      .values({
        zoneId: scope.zoneId,
        contractId,
        kind,
        reviewedOn,
        note,
        actuals,
        lines: result.lines,
        checks: result.checks,
        totalPenaltyFen: result.totalFen,
        passed: result.passed,
        createdBy: scope.actor.userId,
      })
      .returning();
    if (kind === 'completion') {
      await tx
        .update(landParcels)
        .set({ status: 'construction', updatedAt: new Date() })
        .where(
          and(
            eq(landParcels.zoneId, scope.zoneId),
            eq(landParcels.id, c.parcelId),
            inArray(landParcels.status, ['reserve', 'supplied']),
          ),
        );
      await tx
        .update(landContracts)
        .set({
          startedOn: input.startedOn ?? c.startedOn,
          completedOn: input.completedOn ?? c.completedOn,
          updatedAt: new Date(),
        })
        .where(and(eq(landContracts.zoneId, scope.zoneId), eq(landContracts.id, contractId)));
    } else if (result.passed) {
      await tx
        .update(landParcels)
        .set({ status: 'production', updatedAt: new Date() })
        .where(and(eq(landParcels.zoneId, scope.zoneId), eq(landParcels.id, c.parcelId)));
    }
    const out = reviewOut(row!);
    await audit(tx, scope, 'review', 'land_contract', contractId, null, out);
    return out;
  });
}

// ---- patrols ---------------------------------------------------------------------------------------------------

export async function createPatrol(db: Db, scope: ZoneScope, input: PatrolInput) {
  return db.transaction(async (tx) => {
    if (!(await getParcel(tx, scope, input.parcelId))) throw invalid({ parcelId: 'NOT_FOUND' });
    await assertFilesUsable(tx, scope, input.photoFileIds, 'photoFileIds');
    const [row] = await tx
      .insert(landPatrols)
      .values({ zoneId: scope.zoneId, ...input, createdBy: scope.actor.userId })
      .returning();
    await audit(tx, scope, 'create', 'land_patrol', row!.id, null, row);
    return row!;
  });
}

export async function deletePatrol(db: Db, scope: ZoneScope, id: string) {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(landPatrols)
      .where(and(eq(landPatrols.zoneId, scope.zoneId), eq(landPatrols.id, id)));
    if (!before) throw notFound();
    await tx.delete(landPatrols).where(and(eq(landPatrols.zoneId, scope.zoneId), inArray(landPatrols.id, [id])));
    await audit(tx, scope, 'delete', 'land_patrol', id, before, null);
  });
}
