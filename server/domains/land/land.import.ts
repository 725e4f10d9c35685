import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { type ContractInput, contractInputSchema, parcelStatuses, parcelUses } from '../../../shared/land';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { insertMany } from '../../platform/db/bulk';
import type { ColumnSpec } from '../../platform/excel/columns';
import type { ExportColumn } from '../../platform/excel/export';
import type { ImportKind } from '../../platform/excel/kind';
import { enterprises } from '../enterprises/enterprises.tables';
import { areaProblem, geodesicArea, polygonFromText, polygonToText } from './land.geo';
import type { ParcelRow } from './land.repository';
import { contractValues, syncParcel } from './land.service';
import { landContracts, landParcels } from './land.tables';

const USE_LABELS: Record<(typeof parcelUses)[number], [string, string]> = {
  industrial: ['工业', 'Industrial'],
  commercial: ['商服', 'Commercial'],
  warehouse: ['仓储', 'Warehouse'],
  residential: ['住宅', 'Residential'],
  public: ['公共设施', 'Public'],
  other: ['其他', 'Other'],
};
const STATUS_LABELS: Record<(typeof parcelStatuses)[number], [string, string]> = {
  reserve: ['储备', 'Reserve'],
  supplied: ['已供地', 'Supplied'],
  construction: ['在建', 'Under construction'],
  production: ['已投产', 'In production'],
  reclaimed: ['已收回', 'Reclaimed'],
};
const options = (labels: Record<string, [string, string]>) =>
  Object.entries(labels).map(([value, [zh, en]]) => ({ value, label: { 'zh-CN': zh, 'en-US': en } }));

/** Parcel sheet: one row per parcel; the boundary is "lng,lat;lng,lat;…" (WGS84); the area is computed. */
export const parcelColumns = [
  {
    key: 'code',
    header: { 'zh-CN': '地块编号', 'en-US': 'Parcel code' },
    type: 'string',
    required: true,
    hint: { 'zh-CN': '园区内唯一', 'en-US': 'Unique in the zone' },
    example: 'GX-2025-01',
    width: 16,
  },
  {
    key: 'name',
    header: { 'zh-CN': '地块名称', 'en-US': 'Name' },
    type: 'string',
    hint: { 'zh-CN': '可空', 'en-US': 'Optional' },
    example: '电气装备园A-01',
    width: 20,
  },
  {
    key: 'use',
    header: { 'zh-CN': '用途', 'en-US': 'Use' },
    type: 'enum',
    required: true,
    options: options(USE_LABELS),
    hint: { 'zh-CN': '工业、商服、仓储…', 'en-US': 'Industrial, commercial, …' },
    example: '工业',
  },
  {
    key: 'status',
    header: { 'zh-CN': '状态', 'en-US': 'Status' },
    type: 'enum',
    required: true,
    options: options(STATUS_LABELS),
    hint: { 'zh-CN': '储备、已供地、在建、已投产、已收回', 'en-US': 'Reserve, supplied, …' },
    example: '储备',
  },
  {
    key: 'coordinates',
    header: { 'zh-CN': '边界坐标', 'en-US': 'Boundary' },
    type: 'string',
    required: true,
    hint: { 'zh-CN': '经度,纬度;经度,纬度;…（WGS84）', 'en-US': 'lng,lat;lng,lat;… (WGS84)' },
    example: '112.350,28.570;112.352,28.570;112.352,28.568;112.350,28.568',
    width: 50,
  },
  {
    key: 'creditCode',
    header: { 'zh-CN': '用地企业信用代码', 'en-US': 'Owner credit code' },
    type: 'string',
    hint: { 'zh-CN': '可空；企业库中已有的企业', 'en-US': 'Optional; an enterprise of the registry' },
    example: '',
    width: 22,
  },
  {
    key: 'landPrice',
    header: { 'zh-CN': '出让价款(元)', 'en-US': 'Land price (yuan)' },
    type: 'decimal',
    hint: { 'zh-CN': '可空', 'en-US': 'Optional' },
    example: '1155000',
  },
  {
    key: 'deliveredOn',
    header: { 'zh-CN': '交地日期', 'en-US': 'Delivered on' },
    type: 'date',
    hint: { 'zh-CN': '可空', 'en-US': 'Optional' },
    example: '2025-03-01',
  },
] as const satisfies readonly ColumnSpec[];

export const parcelRowSchema = z.object({
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().max(100).optional(),
  use: z.enum(parcelUses),
  status: z.enum(parcelStatuses),
  coordinates: z.string().trim().min(1).max(200_000),
  creditCode: z.string().trim().max(30).optional(),
  landPrice: z.number().min(0).max(1e12).optional(),
  deliveredOn: z.iso.date().optional(),
});
type ParcelFileRow = z.infer<typeof parcelRowSchema>;
type ParcelInsert = typeof landParcels.$inferInsert;

interface Refs {
  byCode: Map<string, string>;
  codes: Set<string>;
  seen: Map<string, number>;
}

async function loadRefs(ex: Executor, scope: ZoneScope): Promise<Refs> {
  const [ents, parcels] = await Promise.all([
    ex
      .select({ id: enterprises.id, code: enterprises.creditCode })
      .from(enterprises)
      .where(eq(enterprises.zoneId, scope.zoneId)),
    ex.select({ code: landParcels.code }).from(landParcels).where(eq(landParcels.zoneId, scope.zoneId)),
  ]);
  return {
    byCode: new Map(ents.map((r) => [r.code, r.id])),
    codes: new Set(parcels.map((p) => p.code)),
    seen: new Map(),
  };
}

/** Excel import of new parcels (all-or-nothing; an existing code is reported, not overwritten). */
export const parcelImport: ImportKind<ParcelFileRow, ParcelInsert, Refs> = {
  kind: 'land-parcels',
  permission: 'land.write',
  title: { 'zh-CN': '地块', 'en-US': 'Parcels' },
  entity: 'land_parcel',
  columns: parcelColumns,
  schema: parcelRowSchema,
  setup: loadRefs,
  async check(batch, ctx) {
    return batch.map(({ row, value: v }) => {
      const geometry = polygonFromText(v.coordinates);
      if (!geometry) {
        ctx.error(row, 'coordinates', 'LAND_BAD_POLYGON');
        return undefined;
      }
      const area = geodesicArea(geometry);
      const problem = areaProblem(area.areaM2);
      if (problem) {
        ctx.error(row, 'coordinates', problem);
        return undefined;
      }
      let enterpriseId: string | null = null;
      if (v.creditCode) {
        enterpriseId = ctx.data.byCode.get(v.creditCode) ?? null;
        if (!enterpriseId) {
          ctx.error(row, 'creditCode', 'IMPORT_UNKNOWN_ENTERPRISE', { value: v.creditCode });
          return undefined;
        }
      }
      if (ctx.data.codes.has(v.code)) {
        ctx.error(row, 'code', 'IMPORT_ALREADY_EXISTS', { value: v.code });
        return undefined;
      }
      const first = ctx.data.seen.get(v.code);
      if (first !== undefined) {
        ctx.error(row, 'code', 'IMPORT_DUPLICATE_IN_FILE', { row: first });
        return undefined;
      }
      ctx.data.seen.set(v.code, row);
      return {
        zoneId: ctx.scope.zoneId,
        code: v.code,
        name: v.name ?? '',
        use: v.use,
        status: v.status,
        geometry,
        ...area,
        enterpriseId,
        landPriceFen: v.landPrice === undefined ? null : Math.round(v.landPrice * 100),
        deliveredOn: v.deliveredOn ?? null,
      };
    });
  },
  commit: (tx, rows) => insertMany(tx, landParcels, rows),
};

/** Parcel export: the import columns (so an export can be edited and imported elsewhere) plus the computed area. */
export function parcelExportColumns(): ExportColumn<ParcelRow>[] {
  const col = (key: string, zh: string, en: string, type: 'string' | 'decimal' = 'string') =>
    ({ key, header: { 'zh-CN': zh, 'en-US': en }, type, hint: { 'zh-CN': '', 'en-US': '' } }) as ColumnSpec;
  const [code, name, use, status, coordinates] = parcelColumns;
  return [
    { column: code, value: (r) => r.code },
    { column: name, value: (r) => r.name },
    { column: use, value: (r) => r.use },
    { column: status, value: (r) => r.status },
    { column: col('areaMu', '面积(亩)', 'Area (mu)', 'decimal'), value: (r) => r.areaMu },
    { column: col('areaM2', '面积(㎡)', 'Area (m²)', 'decimal'), value: (r) => r.areaM2 },
    { column: col('enterpriseName', '用地企业', 'Owner'), value: (r) => r.enterpriseName },
    { column: col('landPrice', '出让价款(元)', 'Land price (yuan)', 'decimal'), value: (r) => r.landPrice },
    { column: col('idleProposal', '闲置处置', 'Idle proposal'), value: (r) => (r.idle ? r.idleProposal : '') },
    { column: coordinates, value: (r) => polygonToText(r.geometry) },
  ];
}

// ---- standard-land contracts -----------------------------------------------------------------------------------

const money = (key: string, zh: string, en: string, required = false, example = '') =>
  ({
    key,
    header: { 'zh-CN': zh, 'en-US': en },
    type: 'decimal',
    required,
    hint: required ? { 'zh-CN': '必填', 'en-US': 'Required' } : { 'zh-CN': '可空', 'en-US': 'Optional' },
    example,
  }) as const satisfies ColumnSpec;
const day = (key: string, zh: string, en: string, required = false, example = '') =>
  ({
    key,
    header: { 'zh-CN': zh, 'en-US': en },
    type: 'date',
    required,
    hint: required ? { 'zh-CN': '必填', 'en-US': 'Required' } : { 'zh-CN': '可空', 'en-US': 'Optional' },
    example,
  }) as const satisfies ColumnSpec;

/**
 * Standard-land contract sheet (标准地合同): one row per contract on an existing parcel without one, for an enterprise
 * of the registry; the agreed completion and production dates follow from the build-period rules as on the form.
 */
export const contractColumns = [
  {
    key: 'contractNo',
    header: { 'zh-CN': '合同编号', 'en-US': 'Contract no.' },
    type: 'string',
    required: true,
    hint: { 'zh-CN': '园区内唯一', 'en-US': 'Unique in the zone' },
    example: 'HT-2025-01',
    width: 16,
  },
  {
    key: 'parcelCode',
    header: { 'zh-CN': '地块编号', 'en-US': 'Parcel code' },
    type: 'string',
    required: true,
    hint: { 'zh-CN': '系统中已有、尚未签约的地块', 'en-US': 'An existing parcel without a contract' },
    example: 'GX-2025-01',
    width: 16,
  },
  {
    key: 'creditCode',
    header: { 'zh-CN': '用地企业信用代码', 'en-US': 'Owner credit code' },
    type: 'string',
    required: true,
    hint: { 'zh-CN': '企业库中已有的企业', 'en-US': 'An enterprise of the registry' },
    example: '91430900MA4L000000',
    width: 22,
  },
  day('signedOn', '签订日期', 'Signed on', true, '2025-01-15'),
  money('landPrice', '出让价款(元)', 'Land price (yuan)', true, '1155000'),
  money('investment', '承诺总投资(万元)', 'Committed investment (10k yuan)', true, '8000'),
  money('plotRatio', '容积率', 'Plot ratio', true, '1.2'),
  money('taxPerMu', '亩均税收(万元/亩·年)', 'Tax per mu (10k yuan/mu·yr)', true, '20'),
  money('energyPerOutput', '单位产出能耗(吨标煤/万元)', 'Energy per output (tce/10k yuan)'),
  money('emission', '年排放(吨)', 'Yearly emission (t)'),
  money('rdShare', '研发投入占比(%)', 'R&D share (%)'),
  day('agreedStartOn', '约定开工日期', 'Agreed start', true, '2025-03-01'),
  {
    key: 'extensionMonths',
    header: { 'zh-CN': '延期(月)', 'en-US': 'Extension (months)' },
    type: 'int',
    hint: { 'zh-CN': '可空；一次，不超过 12 个月', 'en-US': 'Optional; once, at most 12 months' },
    example: '0',
  },
  money('latePenaltyPermille', '违约金(‰/日)', 'Late penalty (‰/day)', false, '1'),
  day('startedOn', '实际开工日期', 'Started on'),
  day('completedOn', '实际竣工日期', 'Completed on'),
] as const satisfies readonly ColumnSpec[];

const opt = <T extends z.ZodType>(t: T) => t.optional();
export const contractRowSchema = z.object({
  contractNo: contractInputSchema.shape.contractNo,
  parcelCode: z.string().trim().min(1).max(40),
  creditCode: z.string().trim().min(1).max(30),
  signedOn: contractInputSchema.shape.signedOn,
  landPrice: contractInputSchema.shape.landPrice,
  investment: contractInputSchema.shape.investment,
  plotRatio: contractInputSchema.shape.plotRatio,
  taxPerMu: contractInputSchema.shape.taxPerMu,
  energyPerOutput: opt(z.number().min(0).max(1e6)),
  emission: opt(z.number().min(0).max(1e9)),
  rdShare: opt(z.number().min(0).max(100)),
  agreedStartOn: contractInputSchema.shape.agreedStartOn,
  extensionMonths: opt(z.number().int().min(0).max(12)),
  latePenaltyPermille: opt(z.number().min(0).max(100)),
  startedOn: opt(z.iso.date()),
  completedOn: opt(z.iso.date()),
});
type ContractFileRow = z.infer<typeof contractRowSchema>;
interface ContractOut {
  input: ContractInput;
  areaMu: number;
  parcelStatus: string;
}
interface ContractRefs {
  enterprises: Map<string, string>;
  parcels: Map<string, { id: string; areaMu: number; status: string; taken: boolean }>;
  contractNos: Set<string>;
  seenNo: Map<string, number>;
  seenParcel: Map<string, number>;
}

async function loadContractRefs(ex: Executor, scope: ZoneScope): Promise<ContractRefs> {
  const [ents, parcels, contracts] = await Promise.all([
    ex
      .select({ id: enterprises.id, code: enterprises.creditCode })
      .from(enterprises)
      .where(eq(enterprises.zoneId, scope.zoneId)),
    ex
      .select({ id: landParcels.id, code: landParcels.code, areaMu: landParcels.areaMu, status: landParcels.status })
      .from(landParcels)
      .where(eq(landParcels.zoneId, scope.zoneId)),
    ex
      .select({ no: landContracts.contractNo, parcelId: landContracts.parcelId })
      .from(landContracts)
      .where(eq(landContracts.zoneId, scope.zoneId)),
  ]);
  const taken = new Set(contracts.map((c) => c.parcelId));
  return {
    enterprises: new Map(ents.map((e) => [e.code, e.id])),
    parcels: new Map(
      parcels.map((p) => [p.code, { id: p.id, areaMu: p.areaMu, status: p.status, taken: taken.has(p.id) }]),
    ),
    contractNos: new Set(contracts.map((c) => c.no)),
    seenNo: new Map(),
    seenParcel: new Map(),
  };
}

/**
 * Excel import of standard-land contracts (all-or-nothing): every row names an existing parcel without a contract
 * and an enterprise of the registry; the parcel then follows its contract (owner, price, supplied/under construction)
 * exactly as when the contract is entered on the form.
 */
export const contractImport: ImportKind<ContractFileRow, ContractOut, ContractRefs> = {
  kind: 'land-contracts',
  permission: 'land.write',
  title: { 'zh-CN': '标准地合同', 'en-US': 'Standard-land contracts' },
  entity: 'land_contract',
  columns: contractColumns,
  schema: contractRowSchema,
  setup: loadContractRefs,
  async check(batch, ctx) {
    return batch.map(({ row, value: v }) => {
      let ok = true;
      const fail = (column: string, code: Parameters<typeof ctx.error>[2], params?: Record<string, unknown>) => {
        ctx.error(row, column, code, params);
        ok = false;
      };
      const parcel = ctx.data.parcels.get(v.parcelCode);
      if (!parcel) fail('parcelCode', 'IMPORT_UNKNOWN_PARCEL', { value: v.parcelCode });
      else if (parcel.taken) fail('parcelCode', 'LAND_HAS_CONTRACT');
      const enterpriseId = ctx.data.enterprises.get(v.creditCode);
      if (!enterpriseId) fail('creditCode', 'IMPORT_UNKNOWN_ENTERPRISE', { value: v.creditCode });
      if (ctx.data.contractNos.has(v.contractNo)) fail('contractNo', 'IMPORT_ALREADY_EXISTS', { value: v.contractNo });
      const firstNo = ctx.data.seenNo.get(v.contractNo);
      if (firstNo !== undefined) fail('contractNo', 'IMPORT_DUPLICATE_IN_FILE', { row: firstNo });
      else ctx.data.seenNo.set(v.contractNo, row);
      const firstParcel = ctx.data.seenParcel.get(v.parcelCode);
      if (firstParcel !== undefined) fail('parcelCode', 'IMPORT_DUPLICATE_IN_FILE', { row: firstParcel });
      else ctx.data.seenParcel.set(v.parcelCode, row);
      if (v.completedOn && !v.startedOn) fail('startedOn', 'LAND_REVIEW_NEEDS_COMPLETION');
      if (v.completedOn && v.startedOn && v.completedOn < v.startedOn) fail('completedOn', 'LAND_BEFORE_START');
      if (!ok || !parcel || !enterpriseId) return undefined;
      const input: ContractInput = {
        parcelId: parcel.id,
        enterpriseId,
        contractNo: v.contractNo,
        signedOn: v.signedOn,
        landPrice: v.landPrice,
        investment: v.investment,
        plotRatio: v.plotRatio,
        taxPerMu: v.taxPerMu,
        energyPerOutput: v.energyPerOutput ?? null,
        emission: v.emission ?? null,
        rdShare: v.rdShare ?? null,
        agreedStartOn: v.agreedStartOn,
        extensionMonths: v.extensionMonths ?? 0,
        latePenaltyPermille: v.latePenaltyPermille ?? 1,
        startedOn: v.startedOn ?? null,
        completedOn: v.completedOn ?? null,
        suspendedSince: null,
        developedPercent: 0,
        investedPercent: 0,
        governmentCauseDays: 0,
        governmentCause: '',
      };
      return { input, areaMu: parcel.areaMu, parcelStatus: parcel.status };
    });
  },
  async commit(tx, rows, ctx) {
    await insertMany(
      tx,
      landContracts,
      rows.map((r) => ({ zoneId: ctx.scope.zoneId, ...contractValues(r.input, r.areaMu) })),
    );
    for (const r of rows) await syncParcel(tx, ctx.scope, r.input, r.parcelStatus);
    return rows.length;
  },
};
