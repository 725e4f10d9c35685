import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { archiveRanks, establishmentTypes, staffInputSchema } from '../../../shared/org';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { insertMany } from '../../platform/db/bulk';
import type { ColumnSpec } from '../../platform/excel/columns';
import type { ExportColumn } from '../../platform/excel/export';
import type { ImportKind } from '../../platform/excel/kind';
import type { staffPage } from './org.repository';
import { departments, posts, staff } from './org.tables';

const ESTABLISHMENT_LABELS: Record<(typeof establishmentTypes)[number], [string, string]> = {
  administrative: ['行政编', 'Administrative'],
  institution: ['事业编', 'Public institution'],
  contract: ['编外聘用', 'Contract'],
  soe: ['国企', 'State-owned enterprise'],
};

/** Staff columns of the import template and of the export (so an export can be edited and imported again). */
export const staffSheetColumns = [
  {
    key: 'employeeNo',
    header: { 'zh-CN': '工号', 'en-US': 'Employee No.' },
    type: 'string',
    required: true,
    hint: { 'zh-CN': '字母、数字、-、_，园区内唯一', 'en-US': 'Letters, digits, - and _; unique in the zone' },
    example: 'T0001',
  },
  {
    key: 'name',
    header: { 'zh-CN': '姓名', 'en-US': 'Name' },
    type: 'string',
    required: true,
    hint: { 'zh-CN': '2–30 个字', 'en-US': '2 to 30 characters' },
    example: '张明',
  },
  {
    key: 'gender',
    header: { 'zh-CN': '性别', 'en-US': 'Gender' },
    type: 'enum',
    required: true,
    options: [
      { value: 'M', label: { 'zh-CN': '男', 'en-US': 'Male' } },
      { value: 'F', label: { 'zh-CN': '女', 'en-US': 'Female' } },
    ],
    example: '男',
  },
  {
    key: 'department',
    header: { 'zh-CN': '部门', 'en-US': 'Department' },
    type: 'string',
    required: true,
    hint: { 'zh-CN': '本园区部门的编码或名称', 'en-US': 'Code or name of a department of this zone' },
    example: '投资促进局',
    width: 20,
  },
  {
    key: 'post',
    header: { 'zh-CN': '岗位', 'en-US': 'Post' },
    type: 'string',
    hint: { 'zh-CN': '可空；须是该部门下的岗位名称', 'en-US': 'Optional; a post of that department' },
    example: '主管',
  },
  {
    key: 'establishmentType',
    header: { 'zh-CN': '编制类型', 'en-US': 'Establishment' },
    type: 'enum',
    required: true,
    options: establishmentTypes.map((value) => ({
      value,
      label: { 'zh-CN': ESTABLISHMENT_LABELS[value][0], 'en-US': ESTABLISHMENT_LABELS[value][1] },
    })),
    example: '事业编',
  },
  {
    key: 'archiveRank',
    header: { 'zh-CN': '档案职级', 'en-US': 'Archive rank' },
    type: 'enum',
    required: true,
    options: archiveRanks.map((value) => ({ value, label: { 'zh-CN': value, 'en-US': value } })),
    hint: { 'zh-CN': '人事档案中的职级（与岗位分开，双轨）', 'en-US': 'Rank on file, kept apart from the post' },
    example: '副科',
    width: 16,
  },
  {
    key: 'phone',
    header: { 'zh-CN': '手机', 'en-US': 'Mobile' },
    type: 'string',
    hint: { 'zh-CN': '可空；11 位手机号', 'en-US': 'Optional; 11 digits' },
    example: '13800138000',
    width: 16,
  },
  {
    key: 'hiredOn',
    header: { 'zh-CN': '入职日期', 'en-US': 'Hired on' },
    type: 'date',
    hint: { 'zh-CN': '可空；YYYY-MM-DD', 'en-US': 'Optional; YYYY-MM-DD' },
    example: '2019-03-01',
    width: 14,
  },
] as const satisfies readonly ColumnSpec[];

/** Export only: the import leaves status to its default (active). */
const statusColumn: ColumnSpec = {
  key: 'status',
  header: { 'zh-CN': '状态', 'en-US': 'Status' },
  type: 'enum',
  options: [
    { value: 'active', label: { 'zh-CN': '在职', 'en-US': 'Active' } },
    { value: 'left', label: { 'zh-CN': '离职', 'en-US': 'Left' } },
  ],
};

type StaffListRow = Awaited<ReturnType<typeof staffPage>>[number];

/** The staff export: the import's columns (department and post by name) plus status. */
export const staffExportColumns: ExportColumn<StaffListRow>[] = [
  ...staffSheetColumns.map((column) => ({
    column,
    value: (r: StaffListRow): unknown =>
      column.key === 'department' ? r.departmentName : column.key === 'post' ? r.postName : r[column.key],
  })),
  { column: statusColumn, value: (r) => r.status },
];

const s = staffInputSchema.shape;
/** One file row: the form's rules (shared/org.ts), with department and post given by code or name. */
export const staffRowSchema = z.object({
  employeeNo: s.employeeNo,
  name: s.name,
  gender: s.gender,
  department: z.string().trim().min(1).max(60),
  post: z.string().trim().max(60).optional(),
  establishmentType: s.establishmentType,
  archiveRank: s.archiveRank,
  phone: s.phone,
  hiredOn: s.hiredOn,
});
type StaffRow = z.infer<typeof staffRowSchema>;
type StaffInsert = typeof staff.$inferInsert;

interface Refs {
  /** Department by code and by name (codes first: a code shadows an equal name of another department). */
  departments: Map<string, { id: string; name: string }>;
  /** Post id by `${departmentId}/${name}`. */
  posts: Map<string, string>;
  /** 工号 → first row in the file. */
  seen: Map<string, number>;
  /** 工号 already in the zone (a zone has thousands of staff at most: one query beats one per batch). */
  taken: Set<string>;
}

async function loadRefs(ex: Executor, scope: ZoneScope): Promise<Refs> {
  const depts = await ex
    .select({ id: departments.id, code: departments.code, name: departments.name })
    .from(departments)
    .where(eq(departments.zoneId, scope.zoneId));
  const byKey = new Map<string, { id: string; name: string }>();
  for (const d of depts) byKey.set(d.name, d);
  for (const d of depts) byKey.set(d.code, d);
  const postRows = await ex
    .select({ id: posts.id, departmentId: posts.departmentId, name: posts.name })
    .from(posts)
    .where(eq(posts.zoneId, scope.zoneId));
  const existing = await ex.select({ no: staff.employeeNo }).from(staff).where(eq(staff.zoneId, scope.zoneId));
  return {
    departments: byKey,
    posts: new Map(postRows.map((p) => [`${p.departmentId}/${p.name}`, p.id])),
    seen: new Map(),
    taken: new Set(existing.map((r) => r.no)),
  };
}

export const staffImport: ImportKind<StaffRow, StaffInsert, Refs> = {
  kind: 'staff',
  permission: 'staff.write',
  title: { 'zh-CN': '人员', 'en-US': 'Staff' },
  entity: 'staff',
  columns: staffSheetColumns,
  schema: staffRowSchema,
  setup: loadRefs,
  async templateLists(ex, scope) {
    const depts = await ex
      .select({ name: departments.name })
      .from(departments)
      .where(and(eq(departments.zoneId, scope.zoneId), eq(departments.active, true)))
      .orderBy(departments.code);
    return { department: depts.map((d) => d.name) };
  },
  async check(batch, ctx) {
    const { taken } = ctx.data;
    return batch.map(({ row, value: v }) => {
      let ok = true;
      const first = ctx.data.seen.get(v.employeeNo);
      if (first !== undefined) {
        ctx.error(row, 'employeeNo', 'IMPORT_DUPLICATE_IN_FILE', { row: first });
        ok = false;
      } else ctx.data.seen.set(v.employeeNo, row);
      if (taken.has(v.employeeNo)) {
        ctx.error(row, 'employeeNo', 'IMPORT_ALREADY_EXISTS', { value: v.employeeNo });
        ok = false;
      }
      const dept = ctx.data.departments.get(v.department);
      if (!dept) {
        ctx.error(row, 'department', 'IMPORT_UNKNOWN_DEPARTMENT', { value: v.department });
        return undefined;
      }
      const postId = v.post ? ctx.data.posts.get(`${dept.id}/${v.post}`) : null;
      if (postId === undefined) {
        ctx.error(row, 'post', 'IMPORT_UNKNOWN_POST', { value: v.post, department: dept.name });
        ok = false;
      }
      if (!ok) return undefined;
      return {
        zoneId: ctx.scope.zoneId,
        departmentId: dept.id,
        postId: postId ?? null,
        employeeNo: v.employeeNo,
        name: v.name,
        gender: v.gender,
        establishmentType: v.establishmentType,
        archiveRank: v.archiveRank,
        phone: v.phone,
        hiredOn: v.hiredOn,
      };
    });
  },
  commit: (tx, rows) => insertMany(tx, staff, rows),
};
