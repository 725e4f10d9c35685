import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { priorities, type TargetCompany, targetCompanyInputSchema } from '../../../shared/investment-library';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { insertMany } from '../../platform/db/bulk';
import type { ColumnSpec } from '../../platform/excel/columns';
import type { ExportColumn } from '../../platform/excel/export';
import type { ImportKind } from '../../platform/excel/kind';
import { investmentChainLinks, investmentChains, investmentTargetCompanies } from './investment-library.tables';

const text = (key: string, zh: string, en: string, example = '', width = 16): ColumnSpec => ({
  key,
  header: { 'zh-CN': zh, 'en-US': en },
  type: 'string',
  hint: { 'zh-CN': '可空', 'en-US': 'Optional' },
  example,
  width,
});

/** Columns of the target-library template and export (an export can be edited and imported again). */
export const targetSheetColumns: readonly ColumnSpec[] = [
  {
    key: 'name',
    header: { 'zh-CN': '企业名称', 'en-US': 'Company' },
    type: 'string',
    required: true,
    hint: { 'zh-CN': '2–100 个字，园区内唯一', 'en-US': '2 to 100 characters; unique in the zone' },
    example: '宁德时代新能源科技股份有限公司',
    width: 30,
  },
  {
    key: 'chain',
    header: { 'zh-CN': '产业链', 'en-US': 'Chain' },
    type: 'string',
    hint: { 'zh-CN': '可空；本园区产业链名称', 'en-US': "Optional; name of one of the zone's chains" },
    example: '新能源',
    width: 16,
  },
  {
    key: 'link',
    header: { 'zh-CN': '环节', 'en-US': 'Link' },
    type: 'string',
    hint: { 'zh-CN': '可空；该产业链的环节名称', 'en-US': 'Optional; name of a link of that chain' },
    example: '动力电池',
    width: 16,
  },
  text('region', '所在地区', 'Region', '福建宁德'),
  text('industry', '行业', 'Industry', '电池制造'),
  text('contactName', '联系人', 'Contact'),
  text('contactPhone', '联系电话', 'Phone'),
  {
    key: 'priority',
    header: { 'zh-CN': '优先级', 'en-US': 'Priority' },
    type: 'enum',
    options: priorities.map((value) => ({ value, label: { 'zh-CN': value, 'en-US': value } })),
    hint: { 'zh-CN': '可空，A/B/C，默认 B', 'en-US': 'Optional; A, B or C (B by default)' },
    example: 'A',
  },
  {
    key: 'fortune500',
    header: { 'zh-CN': '500强', 'en-US': 'Fortune 500' },
    type: 'bool',
    hint: { 'zh-CN': '可空；是/否', 'en-US': 'Optional; yes/no' },
    example: '否',
  },
  {
    key: 'listed',
    header: { 'zh-CN': '上市', 'en-US': 'Listed' },
    type: 'bool',
    hint: { 'zh-CN': '可空；是/否', 'en-US': 'Optional; yes/no' },
    example: '是',
  },
  text('notes', '备注', 'Notes', '', 30),
];

export const targetExportColumns: ExportColumn<TargetCompany>[] = targetSheetColumns.map((column) => ({
  column,
  value: (r: TargetCompany): unknown =>
    column.key === 'chain' ? r.chainName : column.key === 'link' ? r.linkName : r[column.key as keyof TargetCompany],
}));

const s = targetCompanyInputSchema.shape;
const optional = (max: number) => z.string().trim().max(max).optional();
/** One file row: the form's rules, chain and link by name. */
export const targetRowSchema = z.object({
  name: s.name,
  chain: optional(50),
  link: optional(50),
  region: s.region.optional(),
  industry: s.industry.optional(),
  contactName: s.contactName.optional(),
  contactPhone: s.contactPhone.optional(),
  priority: z.enum(priorities).optional(),
  fortune500: z.boolean().optional(),
  listed: z.boolean().optional(),
  notes: s.notes.optional(),
});
type TargetRow = z.infer<typeof targetRowSchema>;
type TargetInsert = typeof investmentTargetCompanies.$inferInsert;

interface Refs {
  chains: Map<string, string>;
  /** `${chainId}|${linkName}` → link id. */
  links: Map<string, string>;
  taken: Set<string>;
  seen: Map<string, number>;
}

async function loadRefs(ex: Executor, scope: ZoneScope): Promise<Refs> {
  const [chains, links, taken] = await Promise.all([
    ex
      .select({ id: investmentChains.id, name: investmentChains.name })
      .from(investmentChains)
      .where(eq(investmentChains.zoneId, scope.zoneId)),
    ex
      .select({ id: investmentChainLinks.id, chainId: investmentChainLinks.chainId, name: investmentChainLinks.name })
      .from(investmentChainLinks)
      .where(eq(investmentChainLinks.zoneId, scope.zoneId)),
    ex
      .select({ name: investmentTargetCompanies.name })
      .from(investmentTargetCompanies)
      .where(eq(investmentTargetCompanies.zoneId, scope.zoneId)),
  ]);
  return {
    chains: new Map(chains.map((c) => [c.name, c.id])),
    links: new Map(links.map((l) => [`${l.chainId}|${l.name}`, l.id])),
    taken: new Set(taken.map((t) => t.name)),
    seen: new Map(),
  };
}

/** 招商目标库 import: all rows or none; names unique in the file and the zone; chain and link must exist. */
export const targetImport: ImportKind<TargetRow, TargetInsert, Refs> = {
  kind: 'investment-targets',
  permission: 'investment.write',
  title: { 'zh-CN': '招商目标', 'en-US': 'Target companies' },
  entity: 'investment_target_company',
  columns: targetSheetColumns,
  schema: targetRowSchema,
  setup: loadRefs,
  async templateLists(ex, scope) {
    const chains = await ex
      .select({ name: investmentChains.name })
      .from(investmentChains)
      .where(eq(investmentChains.zoneId, scope.zoneId))
      .orderBy(investmentChains.name);
    return { chain: chains.map((c) => c.name) };
  },
  async check(batch, ctx) {
    return batch.map(({ row, value: v }) => {
      let ok = true;
      const first = ctx.data.seen.get(v.name);
      if (first !== undefined) {
        ctx.error(row, 'name', 'IMPORT_DUPLICATE_IN_FILE', { row: first });
        ok = false;
      } else ctx.data.seen.set(v.name, row);
      if (ctx.data.taken.has(v.name)) {
        ctx.error(row, 'name', 'IMPORT_ALREADY_EXISTS', { value: v.name });
        ok = false;
      }
      let chainId: string | null = null;
      let linkId: string | null = null;
      if (v.chain) {
        chainId = ctx.data.chains.get(v.chain) ?? null;
        if (!chainId) {
          ctx.error(row, 'chain', 'IMPORT_UNKNOWN_CHAIN', { value: v.chain });
          ok = false;
        }
      }
      if (v.link) {
        if (!v.chain) {
          ctx.error(row, 'link', 'IMPORT_LINK_WITHOUT_CHAIN');
          ok = false;
        } else if (chainId) {
          linkId = ctx.data.links.get(`${chainId}|${v.link}`) ?? null;
          if (!linkId) {
            ctx.error(row, 'link', 'IMPORT_UNKNOWN_LINK', { value: v.link });
            ok = false;
          }
        }
      }
      if (!ok) return undefined;
      return {
        zoneId: ctx.scope.zoneId,
        name: v.name,
        chainId,
        linkId,
        region: v.region ?? '',
        industry: v.industry ?? '',
        contactName: v.contactName ?? '',
        contactPhone: v.contactPhone ?? '',
        priority: v.priority ?? 'B',
        fortune500: v.fortune500 ?? false,
        listed: v.listed ?? false,
        notes: v.notes ?? '',
      };
    });
  },
  commit: (tx, rows) => insertMany(tx, investmentTargetCompanies, rows),
};
