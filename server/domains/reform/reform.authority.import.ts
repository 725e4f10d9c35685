import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  authorityHandlings,
  authorityItemInputSchema,
  authorityLabels,
  authorityModes,
  authoritySources,
} from '../../../shared/reform';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { insertMany } from '../../platform/db/bulk';
import type { ColumnSpec } from '../../platform/excel/columns';
import type { ExportColumn } from '../../platform/excel/export';
import type { ImportKind } from '../../platform/excel/kind';
import type { ItemRow } from './reform.authority.repository';
import { currentDraft } from './reform.authority.repository';
import { reformAuthorityItems as items } from './reform.tables';

const en = {
  source: { retained: 'Retained', empowered: 'Newly empowered', cancelled: 'Cancelled', transferred: 'Transferred' },
  mode: { direct: 'Direct', entrusted: 'Entrusted', stationed: 'Stationed' },
  handling: { full: 'Fully in zone', accept_only: 'Accepted in zone only' },
} as const;

function options<K extends 'source' | 'mode' | 'handling'>(key: K, values: readonly string[]) {
  const zh = authorityLabels[key] as Record<string, string>;
  const e = en[key] as Record<string, string>;
  return values.map((value) => ({ value, label: { 'zh-CN': zh[value]!, 'en-US': e[value]! } }));
}

/** Columns of the import template and of the export (an export can be edited and imported into a draft). */
export const authorityColumns = [
  {
    key: 'code',
    header: { 'zh-CN': '事项编码', 'en-US': 'Code' },
    type: 'string',
    required: true,
    hint: { 'zh-CN': '字母、数字、短横线；跨版本不变', 'en-US': 'Letters, digits, dashes; stable across versions' },
    example: 'YY-QL-001',
    width: 14,
  },
  {
    key: 'name',
    header: { 'zh-CN': '事项名称', 'en-US': 'Name' },
    type: 'string',
    required: true,
    example: '企业投资项目备案',
    width: 36,
  },
  { key: 'category', header: { 'zh-CN': '事项类别', 'en-US': 'Category' }, type: 'string', example: '行政许可' },
  {
    key: 'source',
    header: { 'zh-CN': '来源', 'en-US': 'Source' },
    type: 'enum',
    required: true,
    options: options('source', authoritySources),
    example: '新增赋权',
  },
  {
    key: 'mode',
    header: { 'zh-CN': '赋权方式', 'en-US': 'Mode' },
    type: 'enum',
    required: true,
    options: options('mode', authorityModes),
    example: '直接赋权',
  },
  {
    key: 'grantingDept',
    header: { 'zh-CN': '赋权部门', 'en-US': 'Granting department' },
    type: 'string',
    example: '区发展和改革局',
    width: 18,
  },
  {
    key: 'legalBasis',
    header: { 'zh-CN': '法律依据', 'en-US': 'Legal basis' },
    type: 'string',
    example: '《企业投资项目核准和备案管理条例》',
    width: 36,
  },
  {
    key: 'handling',
    header: { 'zh-CN': '办理方式', 'en-US': 'Handling' },
    type: 'enum',
    required: true,
    options: options('handling', authorityHandlings),
    example: '一章通办',
  },
  { key: 'note', header: { 'zh-CN': '备注', 'en-US': 'Note' }, type: 'string', width: 20 },
] as const satisfies readonly ColumnSpec[];

export const authorityExportColumns: ExportColumn<ItemRow>[] = authorityColumns.map((column) => ({
  column,
  value: (r: ItemRow): unknown => r[column.key],
}));

const rowSchema = authorityItemInputSchema;
type FileRow = z.infer<typeof rowSchema>;
type Insert = typeof items.$inferInsert;

interface Ctx {
  draftId: string | null;
  taken: Set<string>;
  seen: Map<string, number>;
}

async function setup(ex: Executor, scope: ZoneScope): Promise<Ctx> {
  const draft = await currentDraft(ex, scope);
  if (!draft) return { draftId: null, taken: new Set(), seen: new Map() };
  const existing = await ex
    .select({ code: items.code })
    .from(items)
    .where(and(eq(items.zoneId, scope.zoneId), eq(items.versionId, draft.id)));
  return { draftId: draft.id, taken: new Set(existing.map((r) => r.code)), seen: new Map() };
}

/** 权责清单 import: rows go into the zone's current draft version (all or nothing); codes unique in the draft. */
export const authorityImport: ImportKind<FileRow, Insert, Ctx> = {
  kind: 'reform-authority-items',
  permission: 'reform.write',
  title: { 'zh-CN': '权责清单', 'en-US': 'Authority list' },
  entity: 'reform_authority_item',
  columns: authorityColumns,
  schema: rowSchema as unknown as z.ZodType<FileRow>,
  setup,
  async check(batch, ctx) {
    return batch.map(({ row, value: v }) => {
      const draftId = ctx.data.draftId;
      if (!draftId) {
        ctx.error(row, 'code', 'REFORM_NO_DRAFT');
        return undefined;
      }
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
      if (!ok) return undefined;
      return { ...v, zoneId: ctx.scope.zoneId, versionId: draftId };
    });
  },
  commit: (tx, rows) => insertMany(tx, items, rows),
};
