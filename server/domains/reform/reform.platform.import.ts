import { eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  commissionModes,
  cooperationAreas,
  cooperationInputSchema,
  cooperationKinds,
  financingInputSchema,
  financingKinds,
  matterCategories,
  matterInputSchema,
} from '../../../shared/reform-platform';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';
import { insertMany } from '../../platform/db/bulk';
import type { ColumnSpec } from '../../platform/excel/columns';
import type { ImportKind } from '../../platform/excel/kind';
import {
  reformPlatformCooperation as coop,
  reformPlatformFinancing as fin,
  reformPlatformMatters as matters,
} from './reform.tables';

// Column keys and headers are those of the exports (reform.platform.export.ts), so an export can be edited and
// imported again (into another zone, or after deleting the rows); columns an import does not know are ignored.

type Labels = Record<string, [zh: string, en: string]>;
const opts = (values: readonly string[], labels: Labels) =>
  values.map((value) => ({ value, label: { 'zh-CN': labels[value]![0], 'en-US': labels[value]![1] } }));

const categoryLabels: Labels = {
  party_building: ['党建工作', 'Party building'],
  business_policy: ['经营方针', 'Business policy'],
  investment_plan: ['投资计划', 'Investment plan'],
  equity_transfer: ['股权转让', 'Equity transfer'],
  charter: ['章程修改', 'Charter change'],
  budget: ['年度预算', 'Annual budget'],
  major_investment: ['重大投资', 'Major investment'],
  guarantee: ['对外担保', 'Guarantee'],
  asset_disposal: ['资产处置', 'Asset disposal'],
  pay: ['薪酬分配', 'Pay'],
  executive_appointment: ['高管任免', 'Executive appointment'],
  merger: ['合并分立', 'Merger or split'],
  profit_distribution: ['利润分配', 'Profit distribution'],
  bond_issue: ['发行债券', 'Bond issue'],
};
const areaLabels: Labels = {
  investment: ['招商引资', 'Investment promotion'],
  construction: ['项目建设', 'Construction'],
  enterprise_service: ['企业服务', 'Enterprise service'],
  operation: ['园区运营', 'Park operation'],
  other: ['其他', 'Other'],
};
const kindLabels: Labels = {
  commissioned: ['清单内（委托）', 'Commissioned'],
  market: ['清单外（市场化）', 'Market'],
};
const modeLabels: Labels = {
  agent_construction: ['委托代建', 'Agent construction'],
  service_purchase: ['购买服务', 'Service purchase'],
};
const financingKindLabels: Labels = {
  bank_loan: ['银行贷款', 'Bank loan'],
  bond: ['债券', 'Bond'],
  trust: ['信托', 'Trust'],
  lease: ['融资租赁', 'Leasing'],
  other: ['其他', 'Other'],
};

const codeColumn = {
  key: 'code',
  header: { 'zh-CN': '编号', 'en-US': 'Code' },
  type: 'string',
  required: true,
  hint: { 'zh-CN': '字母、数字、短横线；本园区内唯一', 'en-US': 'Letters, digits, dashes; unique in the zone' },
  width: 12,
} as const satisfies ColumnSpec;

/** Yuan (up to 2 decimals) → fen; a percentage (up to 2 decimals) → basis points. Undefined stays undefined. */
const toFen = (v: unknown) => (typeof v === 'number' ? Math.round(v * 100) : v);
const toBp = (v: unknown) => (typeof v === 'number' ? Math.round(v * 100) : v);
const hundredths = (v: unknown) => typeof v !== 'number' || Math.abs(Math.round(v * 100) - v * 100) < 1e-6;

/**
 * A row schema built on the form's schema: file columns are renamed to the form's fields (yuan → fen, % → bp) and
 * the form's issues are reported against the file's column.
 */
function fileRow<S extends z.ZodType, Extra extends Record<string, unknown>>(
  form: S,
  rename: Record<string, { field: string; convert: (v: unknown) => unknown }>,
  extra: (v: Record<string, unknown>) => Extra,
) {
  const back = Object.fromEntries(Object.entries(rename).map(([col, r]) => [r.field, col]));
  return z
    .object({})
    .loose()
    .transform((v: Record<string, unknown>, ctx) => {
      const input: Record<string, unknown> = { ...v };
      for (const [col, r] of Object.entries(rename)) {
        if (!hundredths(v[col])) {
          ctx.addIssue({ code: 'custom', path: [col], message: 'IMPORT_NOT_NUMBER' });
          return z.NEVER;
        }
        delete input[col];
        input[r.field] = r.convert(v[col]);
      }
      const parsed = form.safeParse(input);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const head = String(issue.path[0] ?? '');
          // the form's issue as it is (its code gives the message), against the file's column
          ctx.addIssue({ ...issue, path: [back[head] ?? head] } as unknown as Parameters<typeof ctx.addIssue>[0]);
        }
        return z.NEVER;
      }
      return Object.assign({}, parsed.data, extra(v)) as z.infer<S> & Extra;
    }) as unknown as z.ZodType<z.infer<S> & Extra>;
}

interface Codes {
  taken: Set<string>;
  seen: Map<string, number>;
}
async function codesOf(ex: Executor, scope: ZoneScope, table: typeof matters | typeof coop | typeof fin) {
  const rows = await ex.select({ code: table.code }).from(table).where(eq(table.zoneId, scope.zoneId));
  return { taken: new Set(rows.map((r) => r.code)), seen: new Map<string, number>() };
}
/** Codes are unique in the zone: not already registered, not twice in the file. */
function codeOk(
  d: Codes,
  row: number,
  code: string,
  error: (
    row: number,
    col: string,
    code: 'IMPORT_DUPLICATE_IN_FILE' | 'IMPORT_ALREADY_EXISTS',
    p: Record<string, unknown>,
  ) => void,
) {
  let ok = true;
  const first = d.seen.get(code);
  if (first !== undefined) {
    error(row, 'code', 'IMPORT_DUPLICATE_IN_FILE', { row: first });
    ok = false;
  } else d.seen.set(code, row);
  if (d.taken.has(code)) {
    error(row, 'code', 'IMPORT_ALREADY_EXISTS', { value: code });
    ok = false;
  }
  return ok;
}

// ---- major matters (imported as drafts: submission and decision happen in the system, with their records) ----

export const matterImportColumns = [
  { ...codeColumn, example: 'ZD-2024-01' },
  {
    key: 'title',
    header: { 'zh-CN': '事项', 'en-US': 'Matter' },
    type: 'string',
    required: true,
    example: '2024 年度投资计划',
    width: 36,
  },
  {
    key: 'category',
    header: { 'zh-CN': '类别', 'en-US': 'Category' },
    type: 'enum',
    required: true,
    options: opts(matterCategories, categoryLabels),
    example: '投资计划',
  },
  {
    key: 'company',
    header: { 'zh-CN': '公司', 'en-US': 'Company' },
    type: 'string',
    required: true,
    example: '高新区建设投资有限公司',
    width: 20,
  },
  {
    key: 'amount',
    header: { 'zh-CN': '金额(元)', 'en-US': 'Amount (yuan)' },
    type: 'decimal',
    hint: { 'zh-CN': '涉及金额，最多两位小数', 'en-US': 'Amount involved, up to 2 decimals' },
    example: '120000000',
  },
  { key: 'detail', header: { 'zh-CN': '说明', 'en-US': 'Detail' }, type: 'string', width: 30 },
] as const satisfies readonly ColumnSpec[];

const matterRow = fileRow(matterInputSchema, { amount: { field: 'amountFen', convert: toFen } }, () => ({}));
type MatterFileRow = z.infer<typeof matterRow>;

export const matterImport: ImportKind<MatterFileRow, typeof matters.$inferInsert, Codes> = {
  kind: 'reform-platform-matters',
  permission: 'reform.platform',
  title: { 'zh-CN': '平台公司重大事项', 'en-US': 'Platform major matters' },
  entity: 'reform_platform_matter',
  columns: matterImportColumns,
  schema: matterRow,
  setup: (ex, scope) => codesOf(ex, scope, matters),
  async check(batch, ctx) {
    return batch.map(({ row, value }) =>
      codeOk(ctx.data, row, value.code, ctx.error) ? { ...value, zoneId: ctx.scope.zoneId } : undefined,
    );
  },
  commit: (tx, rows) => insertMany(tx, matters, rows),
};

// ---- cooperation list ----

export const cooperationImportColumns = [
  { ...codeColumn, example: 'HZ-001' },
  {
    key: 'title',
    header: { 'zh-CN': '合作事项', 'en-US': 'Item' },
    type: 'string',
    required: true,
    example: '标准厂房代建',
    width: 36,
  },
  {
    key: 'area',
    header: { 'zh-CN': '领域', 'en-US': 'Area' },
    type: 'enum',
    required: true,
    options: opts(cooperationAreas, areaLabels),
    example: '项目建设',
  },
  {
    key: 'kind',
    header: { 'zh-CN': '类型', 'en-US': 'Kind' },
    type: 'enum',
    required: true,
    options: opts(cooperationKinds, kindLabels),
    example: '清单内（委托）',
    width: 16,
  },
  {
    key: 'mode',
    header: { 'zh-CN': '委托方式', 'en-US': 'Mode' },
    type: 'enum',
    options: opts(commissionModes, modeLabels),
    hint: { 'zh-CN': '清单内（委托）事项必填', 'en-US': 'Required for commissioned work' },
    example: '委托代建',
  },
  {
    key: 'contract',
    header: { 'zh-CN': '合同金额(元)', 'en-US': 'Contract (yuan)' },
    type: 'decimal',
    hint: { 'zh-CN': '清单内事项须大于 0', 'en-US': 'Above 0 for commissioned work' },
    example: '36000000',
  },
  { key: 'year', header: { 'zh-CN': '年度', 'en-US': 'Year' }, type: 'int', required: true, example: '2024', width: 8 },
  { key: 'counterparty', header: { 'zh-CN': '相对方', 'en-US': 'Counterparty' }, type: 'string', width: 18 },
  { key: 'note', header: { 'zh-CN': '备注', 'en-US': 'Note' }, type: 'string', width: 20 },
] as const satisfies readonly ColumnSpec[];

const cooperationRow = fileRow(
  cooperationInputSchema,
  { contract: { field: 'contractFen', convert: toFen } },
  () => ({}),
);
type CooperationFileRow = z.infer<typeof cooperationRow>;

export const cooperationImport: ImportKind<CooperationFileRow, typeof coop.$inferInsert, Codes> = {
  kind: 'reform-platform-cooperation',
  permission: 'reform.platform',
  title: { 'zh-CN': '管委会与平台公司合作事项', 'en-US': 'Platform cooperation' },
  entity: 'reform_platform_cooperation',
  columns: cooperationImportColumns,
  schema: cooperationRow,
  setup: (ex, scope) => codesOf(ex, scope, coop),
  async check(batch, ctx) {
    return batch.map(({ row, value }) =>
      codeOk(ctx.data, row, value.code, ctx.error)
        ? // market work (清单外) is won in competition: it has no commission mode (as saveCooperation does)
          { ...value, mode: value.kind === 'commissioned' ? value.mode : null, zoneId: ctx.scope.zoneId }
        : undefined,
    );
  },
  commit: (tx, rows) => insertMany(tx, coop, rows),
};

// ---- financing records; a refinancing names the code of the record it replaces (registered or earlier in the file)

export const financingImportColumns = [
  { ...codeColumn, example: 'RZ-002' },
  {
    key: 'lender',
    header: { 'zh-CN': '融资机构', 'en-US': 'Lender' },
    type: 'string',
    required: true,
    example: '国家开发银行',
    width: 20,
  },
  {
    key: 'kind',
    header: { 'zh-CN': '融资方式', 'en-US': 'Kind' },
    type: 'enum',
    required: true,
    options: opts(financingKinds, financingKindLabels),
    example: '银行贷款',
  },
  {
    key: 'principal',
    header: { 'zh-CN': '本金(元)', 'en-US': 'Principal (yuan)' },
    type: 'decimal',
    required: true,
    example: '100000000',
  },
  {
    key: 'rate',
    header: { 'zh-CN': '年利率(%)', 'en-US': 'Rate (%)' },
    type: 'decimal',
    required: true,
    hint: { 'zh-CN': '百分数，最多两位小数，如 3.65', 'en-US': 'Percent, up to 2 decimals, e.g. 3.65' },
    example: '3.65',
  },
  {
    key: 'startOn',
    header: { 'zh-CN': '起始日', 'en-US': 'Start' },
    type: 'date',
    required: true,
    example: '2024-03-01',
  },
  { key: 'endOn', header: { 'zh-CN': '到期日', 'en-US': 'End' }, type: 'date', required: true, example: '2029-03-01' },
  {
    key: 'replaces',
    header: { 'zh-CN': '置换对象', 'en-US': 'Refinances' },
    type: 'string',
    hint: {
      'zh-CN': '被置换融资的编号（已登记或本文件中前面的行）；每笔融资只能被置换一次',
      'en-US': 'Code of the financing it refinances (registered, or an earlier row); each is refinanced at most once',
    },
    example: 'RZ-001',
  },
  { key: 'note', header: { 'zh-CN': '备注', 'en-US': 'Note' }, type: 'string', width: 20 },
] as const satisfies readonly ColumnSpec[];

const financingRow = fileRow(
  financingInputSchema,
  { principal: { field: 'principalFen', convert: toFen }, rate: { field: 'rateBp', convert: toBp } },
  (v) => ({ replaces: typeof v.replaces === 'string' ? v.replaces.trim() : '' }),
);
type FinancingFileRow = z.infer<typeof financingRow>;

interface FinCtx extends Codes {
  /** code → id of registered records and of rows accepted so far (ids are handed out here so rows can refer). */
  idByCode: Map<string, string>;
  /** ids already refinanced by a registered record or an earlier row. */
  replacedIds: Set<string>;
}

export const financingImport: ImportKind<FinancingFileRow, typeof fin.$inferInsert, FinCtx> = {
  kind: 'reform-platform-financing',
  permission: 'reform.platform',
  title: { 'zh-CN': '平台公司融资台账', 'en-US': 'Platform financing' },
  entity: 'reform_platform_financing',
  columns: financingImportColumns,
  schema: financingRow,
  async setup(ex, scope) {
    const rows = await ex
      .select({ id: fin.id, code: fin.code, replacesId: fin.replacesId })
      .from(fin)
      .where(eq(fin.zoneId, scope.zoneId));
    return {
      taken: new Set(rows.map((r) => r.code)),
      seen: new Map(),
      idByCode: new Map(rows.map((r) => [r.code, r.id])),
      replacedIds: new Set(rows.flatMap((r) => (r.replacesId ? [r.replacesId] : []))),
    };
  },
  async check(batch, ctx) {
    const d = ctx.data;
    return batch.map(({ row, value }) => {
      const { replaces, ...v } = value;
      let ok = codeOk(d, row, v.code, ctx.error);
      let replacesId: string | null = null;
      if (replaces) {
        replacesId = d.idByCode.get(replaces) ?? null;
        if (!replacesId || replaces === v.code) {
          ctx.error(row, 'replaces', 'UNKNOWN_REFERENCE');
          ok = false;
        } else if (d.replacedIds.has(replacesId)) {
          ctx.error(row, 'replaces', 'REFORM_ALREADY_REFINANCED', { value: replaces });
          ok = false;
        }
      }
      if (!ok) return undefined;
      const id = crypto.randomUUID();
      d.idByCode.set(v.code, id);
      if (replacesId) d.replacedIds.add(replacesId);
      return { ...v, id, replacesId, zoneId: ctx.scope.zoneId };
    });
  },
  commit: (tx, rows) => insertMany(tx, fin, rows),
};
