import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  type DutyItemInput,
  dutyItemInputSchema,
  dutyListLabels,
  dutyLists,
  periodsOverlap,
  receiverKinds,
} from '../../../shared/reform-lists';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { insertMany } from '../../platform/db/bulk';
import type { ColumnSpec } from '../../platform/excel/columns';
import type { ExportColumn } from '../../platform/excel/export';
import type { ImportKind } from '../../platform/excel/kind';
import { type DutyRow, normaliseDuty, OPPOSITE } from './reform.duties';
import { reformDistrictDepartments as depts, reformDutyItems as items } from './reform.tables';

const en = {
  list: { duty: 'Duty list', stripped: 'Stripped social affairs', boundary: 'Boundary list' },
  receiverKind: {
    town: 'Town / street',
    district_dept: 'District department',
    municipal: 'Municipal unit',
    other: 'Other',
  },
} as const;

function options<K extends 'list' | 'receiverKind'>(key: K, values: readonly string[]) {
  const zh = dutyListLabels[key] as Record<string, string>;
  const e = en[key] as Record<string, string>;
  return values.map((value) => ({ value, label: { 'zh-CN': zh[value]!, 'en-US': e[value]! } }));
}

/** Columns of the template and the export (an export can be edited and imported into another zone). */
export const dutyColumns = [
  {
    key: 'list',
    header: { 'zh-CN': '清单', 'en-US': 'List' },
    type: 'enum',
    required: true,
    options: options('list', dutyLists),
    example: '剥离社会事务清单',
  },
  {
    key: 'code',
    header: { 'zh-CN': '编号', 'en-US': 'Code' },
    type: 'string',
    required: true,
    hint: { 'zh-CN': '字母、数字、短横线；同一清单内唯一', 'en-US': 'Letters, digits, dashes; unique in its list' },
    example: 'BL-001',
    width: 12,
  },
  {
    key: 'name',
    header: { 'zh-CN': '职能 / 事项', 'en-US': 'Function' },
    type: 'string',
    required: true,
    example: '城乡最低生活保障审核',
    width: 32,
  },
  {
    key: 'area',
    header: { 'zh-CN': '领域', 'en-US': 'Area' },
    type: 'string',
    required: true,
    example: '民政和社会管理',
    width: 16,
  },
  { key: 'detail', header: { 'zh-CN': '职责内容', 'en-US': 'Detail' }, type: 'string', width: 30 },
  {
    key: 'receiverKind',
    header: { 'zh-CN': '承接主体类型', 'en-US': 'Receiver kind' },
    type: 'enum',
    options: options('receiverKind', receiverKinds),
    hint: { 'zh-CN': '剥离社会事务必填', 'en-US': 'Required for stripped affairs' },
    example: '属地镇街',
  },
  {
    key: 'receivingBody',
    header: { 'zh-CN': '承接主体', 'en-US': 'Receiving body' },
    type: 'string',
    hint: { 'zh-CN': '剥离社会事务必填', 'en-US': 'Required for stripped affairs' },
    example: '谢林港镇人民政府',
    width: 18,
  },
  {
    key: 'districtDepartment',
    header: { 'zh-CN': '区直部门', 'en-US': 'District department' },
    type: 'string',
    hint: { 'zh-CN': '边界清单必填；须为已登记的区直部门', 'en-US': 'Required for boundary items; a registered one' },
    width: 18,
  },
  { key: 'zoneDuty', header: { 'zh-CN': '管委会职责', 'en-US': 'Committee duty' }, type: 'string', width: 30 },
  { key: 'districtDuty', header: { 'zh-CN': '区直部门职责', 'en-US': 'District duty' }, type: 'string', width: 30 },
  { key: 'platformDuty', header: { 'zh-CN': '平台公司职责', 'en-US': 'Platform duty' }, type: 'string', width: 30 },
  {
    key: 'effectiveOn',
    header: { 'zh-CN': '生效日期', 'en-US': 'Effective on' },
    type: 'date',
    required: true,
    example: '2024-07-01',
  },
  { key: 'retiredOn', header: { 'zh-CN': '失效日期', 'en-US': 'Retired on' }, type: 'date' },
  { key: 'note', header: { 'zh-CN': '备注', 'en-US': 'Note' }, type: 'string', width: 20 },
] as const satisfies readonly ColumnSpec[];

export const dutyExportColumns: ExportColumn<DutyRow>[] = dutyColumns.map((column) => ({
  column,
  value: (r: DutyRow): unknown => (column.key === 'districtDepartment' ? r.districtDepartmentName : r[column.key]),
}));

/** A file row names the district department; the rest is the form's schema. */
const rowSchema = z
  .object({ districtDepartment: z.string().trim().max(60).nullish() })
  .loose()
  .transform((v, ctx) => {
    const { districtDepartment, ...rest } = v;
    const parsed = dutyItemInputSchema.safeParse({
      ...rest,
      districtDepartmentId: districtDepartment ? '00000000-0000-4000-8000-000000000000' : null,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path[0] === 'districtDepartmentId' ? ['districtDepartment'] : issue.path;
        ctx.addIssue({ code: 'custom', path, message: issue.message });
      }
      return z.NEVER;
    }
    return { ...parsed.data, districtDepartment: districtDepartment ?? '' };
  });
type FileRow = DutyItemInput & { districtDepartment: string };
type Insert = typeof items.$inferInsert;

interface Ctx {
  deptByName: Map<string, string>;
  taken: Set<string>;
  seen: Map<string, number>;
  existing: { list: string; name: string; effectiveOn: string; retiredOn: string | null }[];
  fromFile: { list: string; name: string; effectiveOn: string; retiredOn: string | null; row: number }[];
}

async function setup(ex: Executor, scope: ZoneScope): Promise<Ctx> {
  const [d, existing] = await Promise.all([
    ex.select({ id: depts.id, name: depts.name }).from(depts).where(eq(depts.zoneId, scope.zoneId)),
    ex
      .select({
        list: items.list,
        code: items.code,
        name: items.name,
        effectiveOn: items.effectiveOn,
        retiredOn: items.retiredOn,
      })
      .from(items)
      .where(and(eq(items.zoneId, scope.zoneId))),
  ]);
  return {
    deptByName: new Map(d.map((x) => [x.name, x.id])),
    taken: new Set(existing.map((r) => `${r.list}:${r.code}`)),
    seen: new Map(),
    existing,
    fromFile: [],
  };
}

/** 两张清单 + 边界清单 import: all or nothing; codes unique per list; the duty/stripped conflict rule applies. */
export const dutyImport: ImportKind<FileRow, Insert, Ctx> = {
  kind: 'reform-duty-items',
  permission: 'reform.write',
  title: { 'zh-CN': '职责与边界清单', 'en-US': 'Duty and boundary lists' },
  entity: 'reform_duty_item',
  columns: dutyColumns,
  schema: rowSchema as unknown as z.ZodType<FileRow>,
  setup,
  async check(batch, ctx) {
    const d = ctx.data;
    return batch.map(({ row, value }) => {
      const { districtDepartment, ...v } = value;
      let ok = true;
      const key = `${v.list}:${v.code}`;
      const first = d.seen.get(key);
      if (first !== undefined) {
        ctx.error(row, 'code', 'IMPORT_DUPLICATE_IN_FILE', { row: first });
        ok = false;
      } else d.seen.set(key, row);
      if (d.taken.has(key)) {
        ctx.error(row, 'code', 'IMPORT_ALREADY_EXISTS', { value: v.code });
        ok = false;
      }
      let deptId: string | null = null;
      if (v.list === 'boundary') {
        deptId = d.deptByName.get(districtDepartment) ?? null;
        if (!deptId) {
          ctx.error(row, 'districtDepartment', 'IMPORT_UNKNOWN_DEPARTMENT', { value: districtDepartment });
          ok = false;
        }
      }
      const other = OPPOSITE[v.list];
      if (other) {
        const clash = [...d.existing, ...d.fromFile].find(
          (e) => e.list === other && e.name === v.name && periodsOverlap(e, v),
        );
        if (clash) {
          ctx.error(row, 'name', 'REFORM_DUTY_CONFLICT_FIELD');
          ok = false;
        }
        d.fromFile.push({ ...v, row });
      }
      if (!ok) return undefined;
      return { ...normaliseDuty({ ...v, districtDepartmentId: deptId }), zoneId: ctx.scope.zoneId };
    });
  },
  commit: (tx, rows) => insertMany(tx, items, rows),
  async templateLists(ex, scope) {
    const d = await ex.select({ name: depts.name }).from(depts).where(eq(depts.zoneId, scope.zoneId));
    return { districtDepartment: d.map((x) => x.name) };
  },
};
