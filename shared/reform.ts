import { z } from 'zod';
import { pageQuerySchema } from './common';

// ---- 权责清单 / 赋权清单 -------------------------------------------------------------------------------------------

/** 保留 / 新增赋权 / 取消 / 移交 (DOMAIN.md §1). */
export const authoritySources = ['retained', 'empowered', 'cancelled', 'transferred'] as const;
export type AuthoritySource = (typeof authoritySources)[number];
/** Sources that leave the power with the zone (the others are listed for the record but no longer exercised). */
export const ACTIVE_SOURCES: readonly AuthoritySource[] = ['retained', 'empowered'];
/** 直接赋权 / 委托 / 派驻. */
export const authorityModes = ['direct', 'entrusted', 'stationed'] as const;
/** 一章通办 (decided fully in the zone) / 见章跟章 (accepted in the zone, decided by the district department). */
export const authorityHandlings = ['full', 'accept_only'] as const;

export const authorityLabels = {
  source: { retained: '保留', empowered: '新增赋权', cancelled: '取消', transferred: '移交' },
  mode: { direct: '直接赋权', entrusted: '委托', stationed: '派驻' },
  handling: { full: '一章通办', accept_only: '见章跟章' },
} as const;

/** Stable item code: letters, digits, dashes (e.g. YY-QL-001); the identity of a power across versions. */
export const authorityCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, { message: 'INVALID_CODE' });

export const authorityItemInputSchema = z.object({
  code: authorityCodeSchema,
  name: z.string().trim().min(2).max(200),
  category: z.string().trim().max(30).default(''),
  source: z.enum(authoritySources),
  mode: z.enum(authorityModes),
  grantingDept: z.string().trim().max(60).default(''),
  legalBasis: z.string().trim().max(500).default(''),
  handling: z.enum(authorityHandlings),
  note: z.string().trim().max(500).default(''),
});
export type AuthorityItemInput = z.infer<typeof authorityItemInputSchema>;

export const authorityItemSchema = authorityItemInputSchema.extend({
  id: z.uuid(),
  zoneId: z.uuid(),
  versionId: z.uuid(),
});
export type AuthorityItem = z.infer<typeof authorityItemSchema>;

export const authorityVersionInputSchema = z.object({
  title: z.string().trim().min(2).max(100),
  note: z.string().trim().max(500).default(''),
  effectiveOn: z.iso.date().nullable().default(null),
});
export type AuthorityVersionInput = z.infer<typeof authorityVersionInputSchema>;

export const authorityCountsSchema = z.object({
  total: z.number().int(),
  /** retained + empowered: the powers the zone exercises under this version. */
  active: z.number().int(),
  retained: z.number().int(),
  empowered: z.number().int(),
  cancelled: z.number().int(),
  transferred: z.number().int(),
  full: z.number().int(),
  acceptOnly: z.number().int(),
});
export type AuthorityCounts = z.infer<typeof authorityCountsSchema>;

export const authorityVersionSchema = z.object({
  id: z.uuid(),
  zoneId: z.uuid(),
  versionNo: z.number().int(),
  title: z.string(),
  note: z.string(),
  status: z.enum(['draft', 'published']),
  effectiveOn: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  createdAt: z.string(),
  counts: authorityCountsSchema,
});
export type AuthorityVersion = z.infer<typeof authorityVersionSchema>;

export const authorityItemListQuerySchema = pageQuerySchema.extend({
  source: z.enum(authoritySources).optional(),
  mode: z.enum(authorityModes).optional(),
  handling: z.enum(authorityHandlings).optional(),
});
export type AuthorityItemListQuery = z.infer<typeof authorityItemListQuerySchema>;

export const authorityDiffQuerySchema = z.object({ from: z.uuid(), to: z.uuid() });

const diffEntry = z.object({ code: z.string(), name: z.string(), source: z.enum(authoritySources) });
/**
 * Diff of the powers the zone exercises (sources retained/empowered) between two versions, joined on code:
 * retained = active in both, added = active only in `to`, cancelled = active in `from` but not in `to`.
 * before = retained + cancelled; after = retained + added ("49 retained + 30 new − 19 cancelled → 79").
 */
export const authorityDiffSchema = z.object({
  from: z.object({ id: z.uuid(), versionNo: z.number().int(), title: z.string() }),
  to: z.object({ id: z.uuid(), versionNo: z.number().int(), title: z.string() }),
  before: z.number().int(),
  after: z.number().int(),
  counts: z.object({ retained: z.number().int(), added: z.number().int(), cancelled: z.number().int() }),
  retained: z.array(diffEntry),
  added: z.array(diffEntry),
  cancelled: z.array(diffEntry),
  /** Items of `to` whose declared source disagrees with the diff (e.g. marked 新增赋权 but active before). */
  mismatches: z.array(diffEntry.extend({ expected: z.enum(authoritySources) })),
});
export type AuthorityDiff = z.infer<typeof authorityDiffSchema>;

// ---- 园区吹哨、部门报到 ---------------------------------------------------------------------------------------------

export const whistleStatuses = ['open', 'responded', 'closed'] as const;
export type WhistleStatus = (typeof whistleStatuses)[number];
/** Raised by the zone itself, or routed from an enterprise demand (enterprise services domain). */
export const whistleOrigins = ['zone', 'enterprise_demand'] as const;

export const districtDepartmentInputSchema = z.object({
  name: z.string().trim().min(2).max(60),
  contact: z.string().trim().max(60).default(''),
  responseDays: z.number().int().min(1).max(60).default(5),
});
export type DistrictDepartmentInput = z.infer<typeof districtDepartmentInputSchema>;
export const districtDepartmentSchema = districtDepartmentInputSchema.extend({
  id: z.uuid(),
  zoneId: z.uuid(),
  createdAt: z.string(),
});

export const whistleInputSchema = z.object({
  title: z.string().trim().min(2).max(200),
  detail: z.string().trim().max(2000).default(''),
  departmentId: z.uuid(),
  raisedOn: z.iso.date(),
  /** Working days to respond; the department's default when omitted. */
  responseDays: z.number().int().min(1).max(60).nullable().default(null),
});
export type WhistleInput = z.infer<typeof whistleInputSchema>;

export const whistleRespondSchema = z.object({
  respondedOn: z.iso.date(),
  response: z.string().trim().min(2).max(2000),
});
export const whistleCloseSchema = z.object({
  closedOn: z.iso.date(),
  closureNote: z.string().trim().max(2000).default(''),
});

export const whistleSchema = z.object({
  id: z.uuid(),
  zoneId: z.uuid(),
  code: z.string(),
  title: z.string(),
  detail: z.string(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  raisedOn: z.string(),
  responseDays: z.number().int(),
  dueOn: z.string(),
  dueProvisional: z.boolean(),
  status: z.enum(whistleStatuses),
  respondedOn: z.string().nullable(),
  response: z.string(),
  responseWorkdays: z.number().int().nullable(),
  closedOn: z.string().nullable(),
  closureNote: z.string(),
  origin: z.enum(whistleOrigins),
  originRef: z.string().nullable(),
  raisedBy: z.string(),
  /** Responded after the due date, or not responded and the due date has passed (today in Asia/Shanghai). */
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Whistle = z.infer<typeof whistleSchema>;

export const whistleListQuerySchema = pageQuerySchema.extend({
  status: z.enum(whistleStatuses).optional(),
  departmentId: z.uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type WhistleListQuery = z.infer<typeof whistleListQuerySchema>;

export const whistleLeagueQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const whistleLeagueRowSchema = z.object({
  departmentId: z.uuid(),
  departmentName: z.string(),
  raised: z.number().int(),
  responded: z.number().int(),
  onTime: z.number().int(),
  overdue: z.number().int(),
  open: z.number().int(),
  /** Average working days to respond, two decimals (null when nothing responded). */
  avgResponseWorkdays: z.string().nullable(),
  /** On-time responses / responded, as a percentage with two decimals (null when nothing responded). */
  onTimeRate: z.string().nullable(),
  rank: z.number().int(),
});
export type WhistleLeagueRow = z.infer<typeof whistleLeagueRowSchema>;

// ---- Organisation before/after ---------------------------------------------------------------------------------

export const orgPhases = ['before', 'after'] as const;
export const orgMetrics = [
  'institutions',
  'publicInstitutions',
  'leadershipPosts',
  'sectionCadres',
  'establishment',
  'onStaff',
  'contractStaff',
  'soeStaff',
  'total',
] as const;
export type OrgMetric = (typeof orgMetrics)[number];

const count = z.number().int().min(0).max(1_000_000);
export const orgSnapshotInputSchema = z.object({
  asOf: z.iso.date(),
  institutions: count,
  publicInstitutions: count,
  leadershipPosts: count,
  sectionCadres: count,
  establishment: count,
  onStaff: count,
  contractStaff: count,
  soeStaff: count,
  total: count,
  /** Yearly personnel cost in fen (integer). */
  yearlyCostFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
export type OrgSnapshotInput = z.infer<typeof orgSnapshotInputSchema>;
export const orgSnapshotSchema = orgSnapshotInputSchema.extend({
  id: z.uuid(),
  zoneId: z.uuid(),
  phase: z.enum(orgPhases),
  updatedAt: z.string(),
});

export const orgComparisonSchema = z.object({
  before: orgSnapshotSchema.nullable(),
  after: orgSnapshotSchema.nullable(),
  rows: z.array(
    z.object({
      metric: z.enum(orgMetrics),
      before: z.number().int().nullable(),
      after: z.number().int().nullable(),
      reduced: z.number().int().nullable(),
      /** (before − after) / before as a percentage string with two decimals, e.g. "81.88". */
      reductionRate: z.string().nullable(),
    }),
  ),
  /** before − after yearly cost, in fen. */
  yearlyCostSavedFen: z.number().int().nullable(),
  /** on-staff + contract + SOE of each phase, to compare with the reported total. */
  sumOfGroups: z.object({ before: z.number().int().nullable(), after: z.number().int().nullable() }),
});
export type OrgComparison = z.infer<typeof orgComparisonSchema>;

/**
 * (before − after) / before as a percentage with two decimals, rounded half away from zero in integer
 * arithmetic (no float drift): 149 → 27 gives "81.88". null when before is 0.
 */
export function reductionRate(before: number, after: number): string | null {
  if (before <= 0) return null;
  return percent(before - after, before);
}

/** part / whole × 100 with two decimals, integer arithmetic, half away from zero. */
export function percent(part: number, whole: number): string | null {
  if (whole <= 0) return null;
  const sign = part < 0 ? '-' : '';
  const p = Math.abs(part);
  const hundredths = Math.floor((2 * p * 10_000 + whole) / (2 * whole));
  return `${sign}${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

// ---- 七个一批: contract-staff disposition ---------------------------------------------------------------------

/** 承接 / 清退 / 提前离岗 / 协商解除 / 考试留用 / 分流补偿 / 推荐再就业 (DOMAIN.md §1). */
export const dispositionChannels = [
  'taken_over',
  'dismissed',
  'early_leave',
  'negotiated',
  'exam_retained',
  'compensated',
  'reemployed',
] as const;
export type DispositionChannel = (typeof dispositionChannels)[number];
/** The channel whose people stay on the zone's contract staff (the "after" count). */
export const RETAINED_CHANNEL: DispositionChannel = 'exam_retained';
export const dispositionLabels: Record<DispositionChannel, string> = {
  taken_over: '承接一批',
  dismissed: '清退一批',
  early_leave: '提前离岗一批',
  negotiated: '协商解除一批',
  exam_retained: '考试留用一批',
  compensated: '分流补偿一批',
  reemployed: '推荐再就业一批',
};

export const contractStaffInputSchema = z.object({
  personNo: authorityCodeSchema,
  name: z.string().trim().min(2).max(30),
  formerUnit: z.string().trim().max(60).default(''),
  channel: z.enum(dispositionChannels),
  decidedOn: z.iso.date().nullable().default(null),
  note: z.string().trim().max(200).default(''),
});
export type ContractStaffInput = z.infer<typeof contractStaffInputSchema>;
export const contractStaffSchema = contractStaffInputSchema.extend({ id: z.uuid(), zoneId: z.uuid() });
export const contractStaffListQuerySchema = pageQuerySchema.extend({ channel: z.enum(dispositionChannels).optional() });
export type ContractStaffListQuery = z.infer<typeof contractStaffListQuerySchema>;

export const dispositionSummarySchema = z.object({
  channels: z.array(
    z.object({ channel: z.enum(dispositionChannels), count: z.number().int(), share: z.string().nullable() }),
  ),
  /** People on the roster (each counted once, in exactly one channel). */
  roster: z.number().int(),
  /** Contract staff before / after the reform, from the organisation snapshots. */
  before: z.number().int().nullable(),
  after: z.number().int().nullable(),
  retained: z.number().int(),
  /** roster = before and retained = after. */
  balanced: z.boolean(),
});
export type DispositionSummary = z.infer<typeof dispositionSummarySchema>;

// ---- 清单化推进: reform tasks ----------------------------------------------------------------------------------

export const taskStatuses = ['not_started', 'in_progress', 'done'] as const;
export const reformTaskInputSchema = z
  .object({
    code: authorityCodeSchema,
    title: z.string().trim().min(2).max(200),
    workGroup: z.string().trim().min(2).max(40),
    owner: z.string().trim().min(2).max(40),
    deadline: z.iso.date(),
    status: z.enum(taskStatuses).default('not_started'),
    completedOn: z.iso.date().nullable().default(null),
    evidence: z.string().trim().max(1000).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'done' && !v.completedOn)
      ctx.addIssue({ code: 'custom', path: ['completedOn'], message: 'REQUIRED' });
    if (v.status === 'done' && !v.evidence) ctx.addIssue({ code: 'custom', path: ['evidence'], message: 'REQUIRED' });
  });
export type ReformTaskInput = z.infer<typeof reformTaskInputSchema>;
export const reformTaskSchema = z.object({
  id: z.uuid(),
  zoneId: z.uuid(),
  code: z.string(),
  title: z.string(),
  workGroup: z.string(),
  owner: z.string(),
  deadline: z.string(),
  status: z.enum(taskStatuses),
  completedOn: z.string().nullable(),
  evidence: z.string(),
  /** Not done and past its deadline (today in Asia/Shanghai), or done after it. */
  late: z.boolean(),
  updatedAt: z.string(),
});
export type ReformTask = z.infer<typeof reformTaskSchema>;
export const reformTaskListQuerySchema = pageQuerySchema.extend({
  status: z.enum(taskStatuses).optional(),
  workGroup: z.string().trim().max(40).optional(),
  late: z.enum(['true', 'false']).optional(),
});
export type ReformTaskListQuery = z.infer<typeof reformTaskListQuerySchema>;
