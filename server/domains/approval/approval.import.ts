import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { approvalModes, itemInputSchema, itemTypes, type Material, materialSchema } from '../../../shared/approval';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { insertMany } from '../../platform/db/bulk';
import type { ColumnSpec } from '../../platform/excel/columns';
import type { ExportColumn } from '../../platform/excel/export';
import type { ImportKind } from '../../platform/excel/kind';
import { departments } from '../org/org.tables';
import { type CaseRecord, type ItemRow, publishedPowers } from './approval.repository';
import { approvalItems } from './approval.tables';

const TYPE_LABELS: Record<(typeof itemTypes)[number], [string, string]> = {
  license: ['行政许可', 'License'],
  filing: ['备案', 'Filing'],
  technical_review: ['技术审查', 'Technical review'],
  intermediary: ['中介服务', 'Intermediary'],
  utility: ['市政接入', 'Utility connection'],
};
const MODE_LABELS: Record<(typeof approvalModes)[number], string> = { commitment: '告知承诺', rongque: '容缺受理' };
/** Material flags in the sheet: 必 required, 选 optional, 容 required but may follow (容缺). */
const FLAG = { required: '必', optional: '选', mayFollow: '容' };

export function materialsToText(list: Material[]): string {
  return list
    .map((m) => `${m.code}:${m.name}:${m.mayFollow ? FLAG.mayFollow : m.required ? FLAG.required : FLAG.optional}`)
    .join('；');
}

export function materialsFromText(text: string): Material[] {
  return text
    .split(/[;；\n]/)
    .map((x) => x.trim())
    .filter(Boolean)
    .map((part) => {
      const [code = '', name = '', flag = FLAG.required] = part.split(/[:：]/).map((x) => x.trim());
      return { code, name, required: flag !== FLAG.optional, mayFollow: flag === FLAG.mayFollow };
    });
}

/** Columns of the catalogue template and export (an export can be edited and imported into another zone). */
export const itemSheetColumns = [
  { key: 'code', header: { 'zh-CN': '事项编码', 'en-US': 'Code' }, type: 'string', required: true, example: 'XK-001' },
  {
    key: 'name',
    header: { 'zh-CN': '事项名称', 'en-US': 'Name' },
    type: 'string',
    required: true,
    example: '建设工程规划许可证核发',
    width: 30,
  },
  {
    key: 'type',
    header: { 'zh-CN': '事项类型', 'en-US': 'Type' },
    type: 'enum',
    required: true,
    options: itemTypes.map((v) => ({ value: v, label: { 'zh-CN': TYPE_LABELS[v][0], 'en-US': TYPE_LABELS[v][1] } })),
    example: '行政许可',
  },
  {
    key: 'stage',
    header: { 'zh-CN': '审批阶段', 'en-US': 'Stage' },
    type: 'int',
    hint: { 'zh-CN': '可空；1 立项用地规划 2 工程建设许可 3 施工许可 4 竣工验收', 'en-US': 'Optional; 1–4' },
    example: '2',
  },
  {
    key: 'leadDepartment',
    header: { 'zh-CN': '牵头部门', 'en-US': 'Lead department' },
    type: 'string',
    required: true,
    hint: { 'zh-CN': '本园区部门的编码或名称', 'en-US': 'Code or name of a department of this zone' },
    width: 18,
  },
  {
    key: 'statutoryDays',
    header: { 'zh-CN': '法定时限', 'en-US': 'Statutory limit' },
    type: 'int',
    required: true,
    example: '20',
  },
  {
    key: 'committedDays',
    header: { 'zh-CN': '承诺时限', 'en-US': 'Committed limit' },
    type: 'int',
    required: true,
    example: '5',
  },
  {
    key: 'limitUnit',
    header: { 'zh-CN': '时限单位', 'en-US': 'Limit unit' },
    type: 'enum',
    options: [
      { value: 'workday', label: { 'zh-CN': '工作日', 'en-US': 'Working days' } },
      { value: 'calendar', label: { 'zh-CN': '自然日', 'en-US': 'Calendar days' } },
    ],
    example: '工作日',
  },
  {
    key: 'modes',
    header: { 'zh-CN': '办理方式', 'en-US': 'Modes' },
    type: 'string',
    hint: { 'zh-CN': '可空；告知承诺、容缺受理', 'en-US': 'Optional; 告知承诺、容缺受理' },
    example: '容缺受理',
  },
  {
    key: 'materials',
    header: { 'zh-CN': '申请材料', 'en-US': 'Materials' },
    type: 'string',
    hint: {
      'zh-CN': '“编码:名称:必/选/容”，用“；”分隔（容=容缺后补）',
      'en-US': '"code:name:必/选/容" separated by "；" (必 required, 选 optional, 容 may follow)',
    },
    example: 'sqb:申请表:必；zpmt:总平面图:容',
    width: 40,
  },
  {
    key: 'prerequisites',
    header: { 'zh-CN': '前置事项', 'en-US': 'Prerequisites' },
    type: 'string',
    hint: { 'zh-CN': '可空；前置事项编码，用“、”分隔', 'en-US': 'Optional; item codes separated by 、' },
  },
  {
    key: 'feeYuan',
    header: { 'zh-CN': '收费(元)', 'en-US': 'Fee (yuan)' },
    type: 'decimal',
    hint: { 'zh-CN': '可空；0 表示不收费', 'en-US': 'Optional; 0 = free' },
  },
  { key: 'online', header: { 'zh-CN': '可网办', 'en-US': 'Online' }, type: 'bool', example: '是' },
  {
    key: 'authorityItemCode',
    header: { 'zh-CN': '权责清单编码', 'en-US': 'Authority list code' },
    type: 'string',
    hint: { 'zh-CN': '可空', 'en-US': 'Optional' },
  },
] as const satisfies readonly ColumnSpec[];

export const itemExportColumns: ExportColumn<ItemRow>[] = itemSheetColumns.map((column) => ({
  column,
  value: (r: ItemRow): unknown => {
    switch (column.key) {
      case 'leadDepartment':
        return r.leadDepartmentName;
      case 'modes':
        return r.modes.map((m) => MODE_LABELS[m]).join('、');
      case 'materials':
        return materialsToText(r.materials);
      case 'prerequisites':
        return r.prerequisiteCodes.join('、');
      case 'feeYuan':
        return r.fees.reduce((n, f) => n + f.amountFen, 0) / 100;
      default:
        return r[column.key];
    }
  },
}));

const s = itemInputSchema.shape;
const list = (t: string | undefined) =>
  (t ?? '')
    .split(/[、,，;；]/)
    .map((x) => x.trim())
    .filter(Boolean);
export const itemRowSchema = z
  .object({
    code: s.code,
    name: s.name,
    type: s.type,
    stage: z.number().int().min(1).max(4).optional(),
    leadDepartment: z.string().trim().min(1).max(60),
    statutoryDays: s.statutoryDays,
    committedDays: s.committedDays,
    limitUnit: s.limitUnit,
    modes: z
      .string()
      .optional()
      .transform((t) => list(t).map((m) => (m === '告知承诺' ? 'commitment' : m === '容缺受理' ? 'rongque' : m)))
      .pipe(z.array(z.enum(approvalModes)).transform((m) => [...new Set(m)])),
    materials: z
      .string()
      .optional()
      .transform((t): z.input<typeof materialSchema>[] => materialsFromText(t ?? ''))
      .pipe(z.array(materialSchema).max(60)),
    prerequisites: z.string().optional().transform(list),
    feeYuan: z.number().min(0).max(100_000_000).multipleOf(0.01).optional(),
    online: z.boolean().default(true),
    authorityItemCode: z.string().trim().toUpperCase().max(40).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.committedDays > v.statutoryDays) {
      ctx.addIssue({ code: 'custom', path: ['committedDays'], message: 'COMMITTED_OVER_STATUTORY' });
    }
  });
type ItemFileRow = z.infer<typeof itemRowSchema>;
type ItemInsert = typeof approvalItems.$inferInsert;

interface Refs {
  departments: Map<string, string>;
  seen: Map<string, number>;
  taken: Set<string>;
  /** Codes of the powers in the zone's currently published authority list. */
  powers: Set<string>;
}

async function loadRefs(ex: Executor, scope: ZoneScope): Promise<Refs> {
  const depts = await ex
    .select({ id: departments.id, code: departments.code, name: departments.name })
    .from(departments)
    .where(eq(departments.zoneId, scope.zoneId));
  const byKey = new Map<string, string>();
  for (const d of depts) byKey.set(d.name, d.id);
  for (const d of depts) byKey.set(d.code, d.id);
  const existing = await ex
    .select({ code: approvalItems.code })
    .from(approvalItems)
    .where(eq(approvalItems.zoneId, scope.zoneId));
  const powers = await publishedPowers(ex, scope.zoneId);
  return {
    departments: byKey,
    seen: new Map(),
    taken: new Set(existing.map((r) => r.code)),
    powers: new Set(powers.keys()),
  };
}

/** 审批事项 import: all-or-nothing, row-by-row error report (new codes only). */
export const itemImport: ImportKind<ItemFileRow, ItemInsert, Refs> = {
  kind: 'approval-items',
  permission: 'approval.catalog',
  title: { 'zh-CN': '审批事项', 'en-US': 'Approval items' },
  entity: 'approval_item',
  columns: itemSheetColumns,
  schema: itemRowSchema,
  setup: loadRefs,
  async templateLists(ex, scope) {
    const depts = await ex
      .select({ name: departments.name })
      .from(departments)
      .where(eq(departments.zoneId, scope.zoneId))
      .orderBy(departments.code);
    return { leadDepartment: depts.map((d) => d.name) };
  },
  async check(batch, ctx) {
    return batch.map(({ row, value: v }) => {
      let ok = true;
      const first = ctx.data.seen.get(v.code);
      if (first !== undefined) {
        ctx.error(row, 'code', 'IMPORT_DUPLICATE_IN_FILE', { row: first });
        ok = false;
      } else ctx.data.seen.set(v.code, row);
      if (ctx.data.taken.has(v.code)) {
        ctx.error(row, 'code', 'IMPORT_ALREADY_EXISTS', { value: v.code });
        ok = false;
      }
      const leadDepartmentId = ctx.data.departments.get(v.leadDepartment);
      if (!leadDepartmentId) {
        ctx.error(row, 'leadDepartment', 'UNKNOWN_REFERENCE');
        ok = false;
      }
      if (v.authorityItemCode && !ctx.data.powers.has(v.authorityItemCode)) {
        ctx.error(row, 'authorityItemCode', 'AUTHORITY_NOT_PUBLISHED', { code: v.authorityItemCode });
        ok = false;
      }
      if (!ok || !leadDepartmentId) return undefined;
      return {
        zoneId: ctx.scope.zoneId,
        code: v.code,
        name: v.name,
        type: v.type,
        stage: v.stage ?? null,
        leadDepartmentId,
        statutoryDays: v.statutoryDays,
        committedDays: v.committedDays,
        limitUnit: v.limitUnit,
        modes: v.modes,
        materials: v.materials,
        prerequisiteCodes: v.prerequisites,
        fees: v.feeYuan ? [{ name: '收费', amountFen: Math.round(v.feeYuan * 100) }] : [],
        online: v.online,
        authorityItemCode: v.authorityItemCode ?? null,
        active: true,
      };
    });
  },
  commit: (tx, rows) => insertMany(tx, approvalItems, rows),
};

type CaseExportRow = CaseRecord & { enterpriseName: string | null; leadDepartmentName: string | null };
const col = (key: string, zh: string, en: string, type: 'string' | 'date' | 'int' = 'string'): ColumnSpec => ({
  key,
  header: { 'zh-CN': zh, 'en-US': en },
  type,
});
export const caseExportColumns: ExportColumn<CaseExportRow>[] = [
  col('caseNo', '办件编号', 'Case No.'),
  col('enterpriseName', '申请企业', 'Enterprise'),
  col('leadDepartmentName', '牵头部门', 'Lead department'),
  col('projectName', '项目名称', 'Project'),
  col('status', '状态', 'Status'),
  col('submittedOn', '收件日期', 'Received', 'date'),
  col('acceptedOn', '受理日期', 'Accepted', 'date'),
  col('committedDue', '承诺办结日', 'Committed due', 'date'),
  col('statutoryDue', '法定办结日', 'Statutory due', 'date'),
  col('decidedOn', '决定日期', 'Decided', 'date'),
  col('handlingDays', '办理用时（工作日）', 'Working days taken', 'int'),
].map((column) => ({ column, value: (r: CaseExportRow) => r[column.key as keyof CaseExportRow] }));
