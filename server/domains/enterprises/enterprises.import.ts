import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { enterpriseInputSchema, enterpriseScales, enterpriseTags } from '../../../shared/enterprises';
import { sectionOf } from '../../../shared/industry-codes';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { insertMany } from '../../platform/db/bulk';
import type { ColumnSpec } from '../../platform/excel/columns';
import type { ExportColumn } from '../../platform/excel/export';
import type { ImportKind } from '../../platform/excel/kind';
import { subParks } from '../tenancy/tenancy.tables';
import { nameSearchKeys } from './enterprises.pinyin';
import type { EnterpriseRow } from './enterprises.repository';
import { enterprises } from './enterprises.tables';

/** Enterprise columns of the import template and of the export (an export can be edited and imported again). */
export const enterpriseSheetColumns = [
  {
    key: 'creditCode',
    header: { 'zh-CN': '统一社会信用代码', 'en-US': 'Credit code' },
    type: 'string',
    required: true,
    hint: { 'zh-CN': '18 位，园区内唯一', 'en-US': '18 characters; unique in the zone' },
    example: '91430900MA4L2XYZ0X',
    width: 22,
  },
  {
    key: 'name',
    header: { 'zh-CN': '企业名称', 'en-US': 'Name' },
    type: 'string',
    required: true,
    hint: { 'zh-CN': '2–100 个字', 'en-US': '2 to 100 characters' },
    example: '益阳电气装备有限公司',
    width: 28,
  },
  {
    key: 'industryCode',
    header: { 'zh-CN': '行业代码', 'en-US': 'Industry code' },
    type: 'string',
    required: true,
    hint: { 'zh-CN': 'GB/T 4754-2017 大类或中类代码', 'en-US': 'GB/T 4754-2017 division or group code' },
    example: '382',
  },
  {
    key: 'scale',
    header: { 'zh-CN': '规模', 'en-US': 'Scale' },
    type: 'enum',
    options: enterpriseScales.map((value) => ({
      value,
      label:
        value === 'above'
          ? { 'zh-CN': '规上', 'en-US': 'Above designated size' }
          : { 'zh-CN': '规下', 'en-US': 'Below designated size' },
    })),
    hint: { 'zh-CN': '可空，默认规下', 'en-US': 'Optional; below by default' },
    example: '规上',
  },
  {
    key: 'subPark',
    header: { 'zh-CN': '所属园区', 'en-US': 'Sub-park' },
    type: 'string',
    hint: { 'zh-CN': '可空；本园区子园区的编码或名称', 'en-US': 'Optional; code or name of a sub-park' },
    width: 18,
  },
  {
    key: 'tags',
    header: { 'zh-CN': '标签', 'en-US': 'Tags' },
    type: 'string',
    hint: {
      'zh-CN': `可空；用“、”分隔：${enterpriseTags.join('、')}`,
      'en-US': `Optional; separated by “、”: ${enterpriseTags.join('、')}`,
    },
    example: '高新技术企业、专精特新',
    width: 24,
  },
  {
    key: 'landMu',
    header: { 'zh-CN': '用地(亩)', 'en-US': 'Land (mu)' },
    type: 'decimal',
    hint: { 'zh-CN': '可空；最多两位小数', 'en-US': 'Optional; up to 2 decimals' },
    example: '120.5',
  },
  {
    key: 'buildingM2',
    header: { 'zh-CN': '建筑面积(㎡)', 'en-US': 'Building (㎡)' },
    type: 'decimal',
    hint: { 'zh-CN': '可空；最多两位小数', 'en-US': 'Optional; up to 2 decimals' },
    example: '56000',
    width: 14,
  },
  {
    key: 'legalRep',
    header: { 'zh-CN': '法定代表人', 'en-US': 'Legal representative' },
    type: 'string',
    hint: { 'zh-CN': '可空', 'en-US': 'Optional' },
    example: '王建国',
  },
  {
    key: 'establishedOn',
    header: { 'zh-CN': '成立日期', 'en-US': 'Established on' },
    type: 'date',
    hint: { 'zh-CN': '可空；YYYY-MM-DD', 'en-US': 'Optional; YYYY-MM-DD' },
    example: '2012-05-18',
    width: 14,
  },
] as const satisfies readonly ColumnSpec[];

/** The enterprise export: the import's columns (sub-park by name, tags joined with 、). */
export const enterpriseExportColumns: ExportColumn<EnterpriseRow>[] = enterpriseSheetColumns.map((column) => ({
  column,
  value: (r: EnterpriseRow): unknown =>
    column.key === 'subPark' ? r.subParkName : column.key === 'tags' ? r.tags.join('、') : r[column.key],
}));

const s = enterpriseInputSchema.shape;
const optionalText = (max: number) => z.string().trim().max(max).optional();
/** One file row: the form's rules (shared/enterprises.ts), sub-park by code or name, tags as 'a、b'. */
export const enterpriseRowSchema = z.object({
  creditCode: s.creditCode,
  name: s.name,
  industryCode: s.industryCode,
  scale: z.enum(enterpriseScales).default('below'),
  subPark: optionalText(60),
  tags: z
    .string()
    .optional()
    .transform((t) =>
      (t ?? '')
        .split(/[、,，;；]/)
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(enterpriseTags)).transform((t) => [...new Set(t)])),
  landMu: s.landMu.unwrap().unwrap().optional(),
  buildingM2: s.buildingM2.unwrap().unwrap().optional(),
  legalRep: optionalText(30),
  establishedOn: z.iso.date().optional(),
});
type EnterpriseFileRow = z.infer<typeof enterpriseRowSchema>;
type EnterpriseInsert = typeof enterprises.$inferInsert;

interface Refs {
  /** Sub-park id by code and by name. */
  subParks: Map<string, string>;
  /** Credit code → first row in the file. */
  seen: Map<string, number>;
  /** Credit codes already in the zone. */
  taken: Set<string>;
}

async function loadRefs(ex: Executor, scope: ZoneScope): Promise<Refs> {
  const parks = await ex
    .select({ id: subParks.id, code: subParks.code, name: subParks.name })
    .from(subParks)
    .where(eq(subParks.zoneId, scope.zoneId));
  const byKey = new Map<string, string>();
  for (const p of parks) byKey.set(p.name, p.id);
  for (const p of parks) byKey.set(p.code, p.id);
  const existing = await ex
    .select({ code: enterprises.creditCode })
    .from(enterprises)
    .where(eq(enterprises.zoneId, scope.zoneId));
  return { subParks: byKey, seen: new Map(), taken: new Set(existing.map((r) => r.code)) };
}

export const enterpriseImport: ImportKind<EnterpriseFileRow, EnterpriseInsert, Refs> = {
  kind: 'enterprises',
  permission: 'enterprises.write',
  title: { 'zh-CN': '企业', 'en-US': 'Enterprises' },
  entity: 'enterprise',
  columns: enterpriseSheetColumns,
  schema: enterpriseRowSchema,
  setup: loadRefs,
  async templateLists(ex, scope) {
    const parks = await ex
      .select({ name: subParks.name })
      .from(subParks)
      .where(eq(subParks.zoneId, scope.zoneId))
      .orderBy(subParks.code);
    return { subPark: parks.map((p) => p.name) };
  },
  async check(batch, ctx) {
    return batch.map(({ row, value: v }) => {
      let ok = true;
      const first = ctx.data.seen.get(v.creditCode);
      if (first !== undefined) {
        ctx.error(row, 'creditCode', 'IMPORT_DUPLICATE_IN_FILE', { row: first });
        ok = false;
      } else ctx.data.seen.set(v.creditCode, row);
      if (ctx.data.taken.has(v.creditCode)) {
        ctx.error(row, 'creditCode', 'IMPORT_ALREADY_EXISTS', { value: v.creditCode });
        ok = false;
      }
      let subParkId: string | null = null;
      if (v.subPark) {
        subParkId = ctx.data.subParks.get(v.subPark) ?? null;
        if (!subParkId) {
          ctx.error(row, 'subPark', 'IMPORT_UNKNOWN_SUB_PARK', { value: v.subPark });
          ok = false;
        }
      }
      if (!ok) return undefined;
      // Every key set on every row (insertMany needs the same columns in each row).
      return {
        zoneId: ctx.scope.zoneId,
        subParkId,
        creditCode: v.creditCode,
        name: v.name,
        ...nameSearchKeys(v.name),
        industryCode: v.industryCode,
        industrySection: sectionOf(v.industryCode) ?? '',
        scale: v.scale,
        tags: v.tags,
        landMu: v.landMu ?? null,
        buildingM2: v.buildingM2 ?? null,
        legalRep: v.legalRep ?? '',
        establishedOn: v.establishedOn ?? null,
      };
    });
  },
  commit: (tx, rows) => insertMany(tx, enterprises, rows),
};
